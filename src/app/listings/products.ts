import { criteria, type Product } from '../../adapters/commerce';
import type { CatalogProduct } from '../../core/listings';
import { iterateWebsiteProducts } from './catalog';
import type { ListingsContext } from './context';
import { toCatalogProduct } from './context';

/** Up to this many products are read one by one (with MSI salable quantity); more are read page by page. */
const ONE_BY_ONE = 20;
/** Up to this many products are read by SKU lists (SKUS_PER_CALL a call); more by one walk over the website. */
const BY_SKU_LIST = 1000;
const SKUS_PER_CALL = 100;

/**
 * Catalog products by SKU for offer computation. A few (an event, a merchant action) are read individually
 * with their MSI salable quantity for the store's website stock, so reservations count; many (the publish job)
 * come from one walk over the website's products with the stock item quantity.
 */
export const loadProducts = async (
  lc: ListingsContext,
  skus: Iterable<string>,
): Promise<Map<string, CatalogProduct>> => {
  const wanted = new Set(skus);
  const found = new Map<string, CatalogProduct>();
  if (wanted.size === 0) return found;
  const commerce = lc.services.commerce();
  if (wanted.size <= ONE_BY_ONE) {
    let stockId: number | undefined;
    try {
      stockId = (await commerce.resolveStock('website', lc.store.websiteCode)).stock_id;
    } catch {
      stockId = undefined; // MSI off: the legacy stock item decides.
    }
    for (const sku of wanted) {
      const raw = await commerce.findProduct(sku);
      if (!raw) continue;
      const product = toCatalogProduct(raw);
      if (stockId !== undefined && product.stock.manageStock) {
        try {
          product.stock = { ...product.stock, salableQuantity: await commerce.getSalableQuantity(sku, stockId) };
        } catch {
          // No salable quantity for this product type: keep the stock item.
        }
      }
      found.set(sku, product);
    }
    return found;
  }
  if (wanted.size <= BY_SKU_LIST) {
    // The reconciler's incremental runs: a few hundred changed products are read by SKU, not by a catalogue walk.
    const website = (await commerce.listWebsites()).find((w) => w.code === lc.store.websiteCode);
    const onWebsite = (raw: Product) => {
      const ids = raw.extension_attributes?.website_ids?.map(Number);
      return !website || !ids || ids.includes(website.id);
    };
    const listable = [...wanted].filter((sku) => !sku.includes(','));
    for (let i = 0; i < listable.length; i += SKUS_PER_CALL) {
      const search = criteria().where('sku', 'in', listable.slice(i, i + SKUS_PER_CALL));
      for await (const raw of commerce.iterateProducts(search, SKUS_PER_CALL))
        if (wanted.has(raw.sku) && onWebsite(raw)) found.set(raw.sku, toCatalogProduct(raw));
    }
    // A comma cannot be sent inside an `in` list: such SKUs are read one by one.
    for (const sku of wanted) {
      if (!sku.includes(',')) continue;
      const raw = await commerce.findProduct(sku);
      if (raw && onWebsite(raw)) found.set(sku, toCatalogProduct(raw));
    }
    return found;
  }
  for await (const { product } of iterateWebsiteProducts(lc))
    if (wanted.has(product.sku)) found.set(product.sku, product);
  return found;
};
