/**
 * Buy Box and Lowest Competitor tabs of View Details, and the grid's Buy Box Won column, against the Amazon
 * emulator over real HTTP: Refresh polls getItemOffersBatch for the listing's ASIN, stores the snapshot where the
 * repricer reads it, and the answer lists every offer (ours marked) with its landed price and freshness.
 */
import { main as listingCompetition } from '../../actions/asc/listing-competition';
import { main as listingsGrid } from '../../actions/asc/listings-grid';
import { createStorage, resetEmbeddedStorage } from '../../src/adapters/state';
import { listingsRepository } from '../../src/adapters/state/listings/repository';
import { PricingRepository } from '../../src/adapters/state/pricing';
import { seedLocalDemo } from '../../src/app/local-demo';
import { type AmazonEmulator, startAmazonEmulator } from '../../src/emulators/amazon';
import type { AmazonSeed } from '../../src/emulators/amazon/seed';
import { generateEncryptionKey } from '../../src/platform/crypto';
import { authHeaders } from '../helpers/auth';

const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';
const ASIN = 'B0COMPETE1';

let amazon: AmazonEmulator;
let inputs: Record<string, string>;

// biome-ignore lint/suspicious/noExplicitAny: action answers are read field by field in assertions
type Body = Record<string, any>;
const call = async (action: (p: Record<string, unknown>) => Promise<unknown>, method: string, params: Body) =>
  (await action({ ...inputs, __ow_method: method, __ow_headers: authHeaders(), ...params })) as {
    statusCode: number;
    body: Body;
  };

const offer = (
  sellerId: string,
  price: string,
  shipping: string,
  extra: Partial<NonNullable<AmazonSeed['competitorOffers']>[number]> = {},
) => ({
  asin: ASIN,
  marketplaceId: US,
  sellerId,
  condition: 'New' as const,
  price,
  shipping,
  currency: 'USD',
  fulfilledByAmazon: false,
  feedbackPercent: 97,
  feedbackCount: 1800,
  ...extra,
});

beforeAll(async () => {
  const seed: AmazonSeed = {
    sellers: [{ sellerId: SELLER, refreshToken: 'Atzr|demo-refresh-token-1', storeName: 'Demo', marketplaceIds: [US] }],
    catalog: [{ asin: ASIN, marketplaceId: US, title: 'Compete mug', productType: 'HOME', identifiers: [] }],
    listings: [
      {
        sellerId: SELLER,
        marketplaceId: US,
        sku: 'MUG-1',
        asin: ASIN,
        productType: 'HOME',
        price: '20.00',
        currency: 'USD',
        quantity: 5,
        fulfillmentChannel: 'DEFAULT',
        condition: 'new_new',
        status: ['BUYABLE', 'DISCOVERABLE'],
      },
    ],
    competitorOffers: [
      offer('A2COMPETITOR01', '18.50', '4.99'),
      offer('A2COMPETITOR02', '21.00', '0.00', { fulfilledByAmazon: true, feedbackPercent: 99, feedbackCount: 56000 }),
    ],
  };
  amazon = await startAmazonEmulator({ port: 0, seed });
  inputs = {
    ASC_STORAGE: 'memory',
    ASC_ENCRYPTION_KEY: generateEncryptionKey(),
    AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.demo',
    AMAZON_LWA_CLIENT_SECRET: 'demo-lwa-client-secret',
    AMAZON_EMULATOR_URL: amazon.url,
    LOG_LEVEL: 'error',
  };
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
  const storage = await createStorage(inputs);
  await listingsRepository(storage, 'demo-us', 'automatic').save([
    {
      storeId: 'demo-us',
      sellerSku: 'MUG-1',
      productSku: 'MUG-1',
      asin: ASIN,
      origin: 'catalog',
      status: 'active',
      fulfillment: 'FBM',
      condition: 'new_new',
      eligible: true,
      overrides: {},
      issues: [],
      lastAccepted: { price: '20.00', quantity: 5 },
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    {
      storeId: 'demo-us',
      sellerSku: 'NO-ASIN',
      origin: 'catalog',
      status: 'unable_to_assign',
      fulfillment: 'FBM',
      eligible: true,
      overrides: {},
      issues: [],
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ]);
}, 60_000);

afterAll(async () => {
  await amazon?.close();
});

describe('listing competition (SPEC 4.5 Buy Box / Lowest Competitor tabs)', () => {
  it('holds no data until refreshed, then lists every offer by landed price with the Buy Box and freshness', async () => {
    const before = await call(listingCompetition, 'get', { storeId: 'demo-us', sku: 'MUG-1' });
    expect(before.statusCode).toBe(200);
    expect(before.body).toMatchObject({ asin: ASIN, buyBox: null, buyBoxWon: 'NA', offers: [], lastUpdated: null });
    expect(before.body.freshness.state).toBe('none');

    const refreshed = await call(listingCompetition, 'post', { storeId: 'demo-us', sku: 'MUG-1' });
    expect(refreshed.statusCode).toBe(200);
    const offers = refreshed.body.offers as Body[];
    expect(offers.map((o) => [o.landedPrice, o.isSeller, o.fulfillmentChannel])).toEqual([
      ['20.00', 'Yes', 'Merchant'],
      ['21.00', 'No', 'Amazon'],
      ['23.49', 'No', 'Merchant'],
    ]);
    expect(offers[2]).toMatchObject({
      condition: 'New',
      listingPrice: '18.50',
      shippingPrice: '4.99',
      feedbackRating: 97,
      feedbackCount: 1800,
    });
    expect(refreshed.body.buyBox).toMatchObject({ asin: ASIN, landedPrice: expect.stringMatching(/^\d+\.\d{2}$/) });
    expect(['Yes', 'No']).toContain(refreshed.body.buyBoxWon);
    expect(refreshed.body.freshness.state).toBe('fresh');
    expect(refreshed.body.source).toBe('poll');

    // Stored where the repricer reads it; the next GET answers from it without calling Amazon.
    const storage = await createStorage(inputs);
    expect(await new PricingRepository(storage.kv).snapshot('demo-us', ASIN)).toBeDefined();
    const again = await call(listingCompetition, 'get', { storeId: 'demo-us', sku: 'MUG-1' });
    expect(again.body.offers).toEqual(offers);

    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', buyBox: 'true' });
    expect(grid.body.rows).toEqual([
      expect.objectContaining({ sellerSku: 'MUG-1', buyBoxWon: refreshed.body.buyBoxWon }),
    ]);
    const plain = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active' });
    expect(plain.body.rows[0]).not.toHaveProperty('buyBoxWon');
  });

  it('refuses to refresh a listing without an ASIN and answers 404 for an unknown SKU', async () => {
    const noAsin = await call(listingCompetition, 'post', { storeId: 'demo-us', sku: 'NO-ASIN' });
    expect(noAsin.statusCode).toBe(400);
    expect(noAsin.body.fields).toHaveProperty('sku');
    expect((await call(listingCompetition, 'get', { storeId: 'demo-us', sku: 'NOPE' })).statusCode).toBe(404);
  });
});
