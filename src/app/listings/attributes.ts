import { loadAttributeMappings, saveAttributeMappings } from '../../adapters/state/attributes/repository';
import { type AttributeMapping, withDiscovered } from '../../core/listings/attributes';
import type { Listing } from '../../core/listings';
import type { ListingsContext } from './context';

/** How many listed SKUs are read to learn the store's Amazon attribute names (one getListingsItem each). */
export const DISCOVERY_SAMPLE = 10;

type ItemAttributes = { attributes?: Record<string, unknown> };

const readAttributes = async (lc: ListingsContext, sellerSku: string): Promise<Record<string, unknown>> => {
  const amazon = await lc.services.amazonFor(lc.store);
  const item = await amazon.call<ItemAttributes>('getListingsItem', {
    path: { sellerId: lc.store.sellerId, sku: sellerSku },
    query: { marketplaceIds: [lc.store.marketplaceId], includedData: ['attributes'] },
  });
  return item.attributes ?? {};
};

/** Listings Amazon knows (an ASIN is assigned), in Seller SKU order. */
const listedOnAmazon = async (lc: ListingsContext, limit: number): Promise<Listing[]> => {
  const found: Listing[] = [];
  for await (const listing of lc.repo.scan()) {
    if (listing.asin && listing.lastAccepted !== undefined) found.push(listing);
    else if (listing.asin && listing.origin === 'third_party') found.push(listing);
    if (found.length >= limit) break;
  }
  return found;
};

/** The saved mapping; the first time, the Amazon attribute names are discovered from a sample of listings. */
export const loadOrDiscoverMappings = async (lc: ListingsContext, refresh = false): Promise<AttributeMapping[]> => {
  const saved = await loadAttributeMappings(lc.services.storage, lc.store.id);
  // An empty saved list means nothing was listed yet when it was first read: look again.
  if (saved?.length && !refresh) return saved;
  const names = new Set<string>();
  for (const listing of await listedOnAmazon(lc, DISCOVERY_SAMPLE))
    for (const name of Object.keys(await readAttributes(lc, listing.sellerSku))) names.add(name);
  const mappings = withDiscovered(saved ?? [], lc.store.country, names);
  await saveAttributeMappings(lc.services.storage, lc.store.id, mappings);
  return mappings;
};
