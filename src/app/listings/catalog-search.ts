import { criteria } from '../../adapters/commerce';
import type { ListingsContext } from './context';

/**
 * The product grid of "Assign Magento Catalog Product" (SPEC 4.2 New Third Party): Commerce products of the
 * store's website whose SKU or name contains the search text. (Which listings already use a product is not shown:
 * it would scan every listing of the store per keystroke, and an alias may share a product anyway.)
 */
export interface CatalogProductChoice {
  sku: string;
  name: string | null;
  price: string | null;
}

export const MAX_CATALOG_CHOICES = 20;

export const searchCatalogProducts = async (lc: ListingsContext, search: string): Promise<CatalogProductChoice[]> => {
  const commerce = lc.services.commerce();
  const website = (await commerce.listWebsites()).find((w) => w.code === lc.store.websiteCode);
  const like = `%${search.replace(/[%_]/g, '')}%`;
  // Twice the page size: products of other websites are dropped on our side (same on PaaS, SaaS, emulator).
  const page = await commerce.searchProducts(
    criteria()
      .anyOf([
        { field: 'sku', condition: 'like', value: like },
        { field: 'name', condition: 'like', value: like },
      ])
      .sortBy('sku', 'ASC')
      .pageSize(MAX_CATALOG_CHOICES * 2),
  );
  const products = page.items
    .filter((p) => {
      const ids = p.extension_attributes?.website_ids?.map(Number);
      return !website || !ids || ids.includes(website.id);
    })
    .slice(0, MAX_CATALOG_CHOICES);
  return products.map((p) => ({
    sku: p.sku,
    name: p.name ?? null,
    price: p.price === undefined || p.price === null ? null : String(p.price),
  }));
};
