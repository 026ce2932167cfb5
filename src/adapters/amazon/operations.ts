/**
 * Every SP-API operation the app calls, with its version pinned. The amazon-sp-api client would otherwise
 * pick the OLDEST version that has the operation (e.g. Orders v0), so no call may go out without one.
 * `idempotent` says whether a call whose outcome is unknown (timeout, reset) may be sent again.
 */
export interface SpApiOperation {
  endpoint: string;
  operation: string;
  version: string;
  /** Changes state on Amazon: held back in read-only mode. */
  write: boolean;
  idempotent: boolean;
}

const op = (
  endpoint: string,
  operation: string,
  version: string,
  write = false,
  idempotent = !write,
): SpApiOperation => ({
  endpoint,
  operation,
  version,
  write,
  idempotent,
});

export const OPERATIONS = {
  getMarketplaceParticipations: op('sellers', 'getMarketplaceParticipations', 'v1'),
  getListingsItem: op('listingsItems', 'getListingsItem', '2021-08-01'),
  searchListingsItems: op('listingsItems', 'searchListingsItems', '2021-08-01'),
  putListingsItem: op('listingsItems', 'putListingsItem', '2021-08-01', true, true),
  patchListingsItem: op('listingsItems', 'patchListingsItem', '2021-08-01', true, true),
  deleteListingsItem: op('listingsItems', 'deleteListingsItem', '2021-08-01', true, true),
  searchCatalogItems: op('catalogItems', 'searchCatalogItems', '2022-04-01'),
  getCatalogItem: op('catalogItems', 'getCatalogItem', '2022-04-01'),
  createFeedDocument: op('feeds', 'createFeedDocument', '2021-06-30', true, false),
  createFeed: op('feeds', 'createFeed', '2021-06-30', true, false),
  getFeed: op('feeds', 'getFeed', '2021-06-30'),
  getFeedDocument: op('feeds', 'getFeedDocument', '2021-06-30'),
  createReport: op('reports', 'createReport', '2021-06-30', false, false),
  getReport: op('reports', 'getReport', '2021-06-30'),
  getReportDocument: op('reports', 'getReportDocument', '2021-06-30'),
  getItemOffers: op('productPricing', 'getItemOffers', 'v0'),
  getItemOffersBatch: op('productPricing', 'getItemOffersBatch', 'v0'),
  getCompetitiveSummary: op('productPricing', 'getCompetitiveSummary', '2022-05-01'),
  // Notifications v1 (ANY_OFFER_CHANGED for repricing): setting up a destination/subscription is safe to repeat.
  getDestinations: op('notifications', 'getDestinations', 'v1'),
  createDestination: op('notifications', 'createDestination', 'v1', false, false),
  createSubscription: op('notifications', 'createSubscription', 'v1', false, false),
  searchOrders: op('orders', 'searchOrders', '2026-01-01'),
  getOrder: op('orders', 'getOrder', '2026-01-01'),
  confirmShipment: op('orders', 'confirmShipment', 'v0', true, true),
} as const satisfies Record<string, SpApiOperation>;

export type OperationName = keyof typeof OPERATIONS;
