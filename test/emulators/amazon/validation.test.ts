import { DEMO_LWA_CLIENT } from '../../../src/emulators/amazon';
import { type Harness, SELLER, US, startHarness } from './harness';

let h: Harness;
let token: string;
let grantless: string;
beforeAll(async () => {
  h = await startHarness();
  token = await h.token();
  const g = await h.raw('POST', 'api.amazon.com', '/auth/o2/token', {
    body: {
      grant_type: 'client_credentials',
      scope: 'sellingpartnerapi::notifications',
      client_id: DEMO_LWA_CLIENT.clientId,
      client_secret: DEMO_LWA_CLIENT.clientSecret,
    },
  });
  grantless = g.json.access_token;
});
afterAll(() => h.emu.close());

const NA = 'sellingpartnerapi-na.amazon.com';
const L = `/listings/2021-08-01/items/${SELLER}`;
/**
 * One invalid request per emulated operation, and the field the 400 must name. Operations whose only
 * parameters are free-form ids (no schema constraint in the model) answer an unknown id with 404 NotFound.
 */
const CASES_ALL: Array<[op: string, method: string, path: string, body: unknown, field: string, grantless?: boolean]> =
  [
    ['getMarketplaceParticipations', 'GET', '/sellers/v1/marketplaceParticipations?x=1', undefined, '__SKIP__'],
    ['getListingsItem', 'GET', `${L}/MUG-1?includedData=summaries`, undefined, 'query.marketplaceIds'],
    ['putListingsItem', 'PUT', `${L}/NEW-1?marketplaceIds=${US}`, { attributes: {} }, 'body.productType'],
    [
      'patchListingsItem',
      'PATCH',
      `${L}/MUG-1?marketplaceIds=${US}`,
      { productType: 'X', patches: [{ op: 'explode', path: '/attributes/a' }] },
      'body.patches.0.op',
    ],
    ['deleteListingsItem', 'DELETE', `${L}/MUG-1`, undefined, 'query.marketplaceIds'],
    ['searchListingsItems', 'GET', `${L}?marketplaceIds=${US}&pageSize=50`, undefined, 'query.pageSize'],
    [
      'searchCatalogItems',
      'GET',
      `/catalog/2022-04-01/items?marketplaceIds=${US}&identifiersType=FOO&identifiers=1`,
      undefined,
      'query.identifiersType',
    ],
    ['getCatalogItem', 'GET', '/catalog/2022-04-01/items/B000000001', undefined, 'query.marketplaceIds'],
    ['createFeedDocument', 'POST', '/feeds/2021-06-30/documents', {}, 'body.contentType'],
    [
      'createFeed',
      'POST',
      '/feeds/2021-06-30/feeds',
      { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [US] },
      'body.inputFeedDocumentId',
    ],
    ['getFeed', 'GET', '/feeds/2021-06-30/feeds/%20', undefined, '__404__'],
    ['getFeeds', 'GET', '/feeds/2021-06-30/feeds?processingStatuses=WRONG', undefined, 'query.processingStatuses.0'],
    ['cancelFeed', 'DELETE', '/feeds/2021-06-30/feeds/%20', undefined, '__404__'],
    ['getFeedDocument', 'GET', '/feeds/2021-06-30/documents/%20', undefined, '__404__'],
    [
      'createReport',
      'POST',
      '/reports/2021-06-30/reports',
      { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA' },
      'body.marketplaceIds',
    ],
    ['getReport', 'GET', '/reports/2021-06-30/reports/%20', undefined, '__404__'],
    ['getReports', 'GET', '/reports/2021-06-30/reports?pageSize=500', undefined, 'query.pageSize'],
    ['cancelReport', 'DELETE', '/reports/2021-06-30/reports/%20', undefined, '__404__'],
    ['getReportDocument', 'GET', '/reports/2021-06-30/documents/%20', undefined, '__404__'],
    [
      'getItemOffers',
      'GET',
      `/products/pricing/v0/items/B000000001/offers?MarketplaceId=${US}`,
      undefined,
      'query.ItemCondition',
    ],
    [
      'getItemOffersBatch',
      'POST',
      '/batches/products/pricing/v0/itemOffers',
      { requests: [{ uri: '/x', method: 'GET', ItemCondition: 'New' }] },
      'body.requests.0.MarketplaceId',
    ],
    [
      'getCompetitiveSummary',
      'POST',
      '/batches/products/pricing/2022-05-01/items/competitiveSummary',
      {
        requests: [
          {
            asin: 'B000000001',
            marketplaceId: US,
            method: 'GET',
            uri: '/products/pricing/2022-05-01/items/competitiveSummary',
          },
        ],
      },
      'body.requests.0.includedData',
    ],
    ['searchOrders', 'GET', '/orders/2026-01-01/orders?createdAfter=yesterday', undefined, 'query.createdAfter'],
    ['getOrder', 'GET', '/orders/2026-01-01/orders/1?includedData=EVERYTHING', undefined, 'query.includedData.0'],
    [
      'confirmShipment',
      'POST',
      '/orders/v0/orders/1/shipmentConfirmation',
      { marketplaceId: US },
      'body.packageDetail',
    ],
    ['createDestination', 'POST', '/notifications/v1/destinations', { name: 'q' }, 'body.resourceSpecification', true],
    ['getDestinations', 'GET', '/notifications/v1/destinations', undefined, '__SKIP__', true],
    ['getDestination', 'GET', '/notifications/v1/destinations/nope', undefined, '__404__', true],
    ['deleteDestination', 'DELETE', '/notifications/v1/destinations/nope', undefined, '__404__', true],
    [
      'createSubscription',
      'POST',
      '/notifications/v1/subscriptions/ORDER_CHANGE',
      { destinationId: 'd' },
      'body.payloadVersion',
    ],
    ['getSubscription', 'GET', '/notifications/v1/subscriptions/NOT_A_TYPE', undefined, 'notificationType'],
    ['getSubscriptionById', 'GET', '/notifications/v1/subscriptions/ORDER_CHANGE/abc', undefined, '__404__'],
    [
      'deleteSubscriptionById',
      'DELETE',
      '/notifications/v1/subscriptions/ORDER_CHANGE/abc',
      undefined,
      '__404__',
      true,
    ],
  ];

const CASES = CASES_ALL.map(([op, method, path, body, field, useGrantless]) => ({
  op,
  method,
  path,
  body,
  field,
  useGrantless,
}));
describe('every emulated operation rejects an invalid request with the model reason', () => {
  it('covers every emulated operation', () => {
    const { EMULATED } = require('../../../src/emulators/amazon/models');
    const all = Object.values(EMULATED as Record<string, string[]>)
      .flat()
      .sort();
    expect(CASES.map((c) => c.op).sort()).toEqual(all);
  });
  it.each(CASES)('$op', async ({ method, path, body, field, useGrantless }) => {
    const r = await h.raw(method, NA, path, { token: useGrantless ? grantless : token, body });
    if (field === '__SKIP__') {
      // No parameter can be invalid: a clean call must pass validation (200).
      expect(r.status).toBe(200);
      return;
    }
    if (field === '__404__') {
      expect(r.status).toBe(404);
      expect(r.json.errors[0].code).toBe('NotFound');
      return;
    }
    expect(r.status).toBe(400);
    expect(r.json.errors[0].code).toBe('InvalidInput');
    if (field !== '__ANY__') expect(`${r.json.errors[0].message} ${r.json.errors[0].details}`).toContain(field);
    expect(r.headers['x-amzn-requestid']).toBeTruthy();
    expect(r.headers['x-amzn-ratelimit-limit']).toBeTruthy();
  });
  it('the real client surfaces the InvalidInput error', async () => {
    await expect(
      h.sp().callAPI({
        operation: 'searchCatalogItems',
        endpoint: 'catalogItems',
        query: { marketplaceIds: [US], identifiersType: 'EAN' },
        options: { version: '2022-04-01' },
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/identifiers/) });
  });
  it('records no response violations for all those answers', () => {
    expect(h.emu.control.violations()).toEqual([]);
  });
});
