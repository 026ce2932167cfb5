import { criteria, type Product } from '../../adapters/commerce';
import type { CatalogProduct } from '../../core/listings';
import type { ListingsContext } from './context';
import { toCatalogProduct } from './context';

/**
 * The Commerce products of a store's website, one page at a time. Products are filtered by their
 * website_ids on our side, which behaves the same on PaaS, SaaS and the emulator.
 */
export async function* iterateWebsiteProducts(
  lc: ListingsContext,
): AsyncGenerator<{ raw: Product; product: CatalogProduct }> {
  const commerce = lc.services.commerce();
  const websites = await commerce.listWebsites();
  const website = websites.find((w) => w.code === lc.store.websiteCode);
  for await (const raw of commerce.iterateProducts(criteria().sortBy('entity_id'), 200)) {
    const ids = raw.extension_attributes?.website_ids?.map(Number);
    if (website && ids && !ids.includes(website.id)) continue;
    yield { raw, product: toCatalogProduct(raw) };
  }
}

/** One product by SKU (undefined when Commerce no longer has it). */
export const findCatalogProduct = async (lc: ListingsContext, sku: string): Promise<CatalogProduct | undefined> => {
  const raw = await lc.services.commerce().findProduct(sku);
  return raw ? toCatalogProduct(raw) : undefined;
};
