import type { CatalogProduct } from '../../core/listings';
import { iterateWebsiteProducts } from './catalog';
import type { ListingsContext } from './context';
import { toCatalogProduct } from './context';

/** Up to this many products are read one by one (with MSI salable quantity); more are read page by page. */
const ONE_BY_ONE = 20;

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
  for await (const { product } of iterateWebsiteProducts(lc))
    if (wanted.has(product.sku)) found.set(product.sku, product);
  return found;
};
