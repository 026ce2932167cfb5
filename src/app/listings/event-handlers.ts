import { criteria } from '../../adapters/commerce';
import type { Listing } from '../../core/listings';
import { isSyncEnabled } from '../../core/store';
import { registerEventHandler } from '../event-handlers';
import type { Services } from '../services';
import { loadListingsContext } from './context';
import { publishListings } from './publish';

/**
 * Commerce changes that move an offer: a product save (price, status, attributes) and a stock item save.
 * The affected listings of every active store are recomputed and sent at once through the Listings Items API
 * (a handful of SKUs never waits for a feed). Special-price windows, reservations and bulk imports emit no
 * event; the 5-minute publish job catches those.
 */
const findListings = async (services: Services, storeId: string, productSku: string): Promise<Listing[]> => {
  const lc = await loadListingsContext(services, storeId);
  const direct = await lc.repo.get(productSku);
  if (direct?.productSku === productSku) return [direct];
  const found: Listing[] = [];
  for await (const l of lc.repo.scan()) if (l.productSku === productSku) found.push(l);
  return found;
};

export const republishProduct = async (services: Services, productSku: string, reason: string, jobId: string) => {
  const results: Record<string, unknown> = {};
  for (const store of (await services.storage.stores.list()).filter(isSyncEnabled)) {
    const listings = await findListings(services, store.id, productSku);
    if (listings.length === 0) continue;
    const lc = await loadListingsContext(services, store.id);
    results[store.id] = await publishListings(lc, {
      sellerSkus: listings.map((l) => l.sellerSku),
      reason,
      jobId,
    });
  }
  return results;
};

const skuOfEntity = async (services: Services, productId: string): Promise<string | undefined> => {
  const page = await services.commerce().searchProducts(criteria().where('entity_id', 'eq', productId).pageSize(1));
  return page.items[0]?.sku;
};

registerEventHandler('catalog_product_save_commit_after', async (event, services) => {
  const sku = event.data.value.sku;
  if (typeof sku !== 'string') return { listings: 'no sku in the event' };
  return { listings: await republishProduct(services, sku, 'product saved in Commerce', event.id) };
});

registerEventHandler('cataloginventory_stock_item_save_commit_after', async (event, services) => {
  const value = event.data.value;
  const sku =
    typeof value.sku === 'string'
      ? value.sku
      : value.product_id !== undefined
        ? await skuOfEntity(services, String(value.product_id))
        : undefined;
  if (!sku) return { listings: 'no product in the event' };
  return { listings: await republishProduct(services, sku, 'stock changed in Commerce', event.id) };
});
