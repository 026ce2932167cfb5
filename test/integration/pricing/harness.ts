/**
 * The pricing integration suites' shared world: both emulators seeded with one listing (MUG-RED / B0PRICE001),
 * one competitor, the demo stores, and helpers to call actions and read Amazon's live price.
 */
import { resetEmbeddedStorage } from '../../../src/adapters/state';
import { seedLocalDemo } from '../../../src/app/local-demo';
import { type AmazonEmulator, startAmazonEmulator } from '../../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../../src/emulators/amazon/seed';
import { type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { minimalCommerceSeed } from '../../../src/emulators/commerce/seed';
import { authHeaders } from '../../helpers/auth';
import { emulatorInputs } from '../../helpers/emulator-inputs';

export const SELLER = 'A1DEMOSELLER0001';
export const US = 'ATVPDKIKX0DER';
export const ASIN = 'B0PRICE001';
export const SKU = 'MUG-RED';

/** Filled by setUpPricingEnvironment's beforeAll; read it inside tests and hooks only. */
export const env = {} as { amazon: AmazonEmulator; commerce: RunningCommerceEmulator; inputs: Record<string, string> };

export const competitor = (sellerId: string, price: string) => ({
  asin: ASIN,
  marketplaceId: US,
  sellerId,
  condition: 'New' as const,
  price,
  shipping: '0.00',
  currency: 'USD',
  fulfilledByAmazon: false,
  feedbackPercent: 95,
  feedbackCount: 500,
});

export const amazonSeed = () => ({
  ...DEMO_AMAZON_SEED,
  catalog: [
    {
      asin: ASIN,
      marketplaceId: US,
      title: 'Red mug',
      productType: 'HOME',
      identifiers: [{ type: 'EAN' as const, value: '4006381333931' }],
    },
  ],
  listings: [
    {
      sellerId: SELLER,
      marketplaceId: US,
      sku: SKU,
      asin: ASIN,
      productType: 'HOME',
      title: 'Red mug',
      price: '20.00',
      currency: 'USD',
      quantity: 5,
      fulfillmentChannel: 'DEFAULT' as const,
      condition: 'new_new',
      status: ['BUYABLE' as const, 'DISCOVERABLE' as const],
    },
  ],
  competitorOffers: [competitor('ACOMPETITOR0001', '19.00')],
});

export const commerceSeed = () => {
  const seed = minimalCommerceSeed();
  seed.attributes = [
    { code: 'price', label: 'Price', frontendInput: 'price', scope: 'website', isUsedForPromoRules: true },
    { code: 'cost', label: 'Cost', frontendInput: 'price', scope: 'global', isUsedForPromoRules: true },
    { code: 'msrp', label: 'MSRP', frontendInput: 'price', scope: 'website' },
    { code: 'brand', label: 'Brand', frontendInput: 'text', scope: 'global', isUsedForPromoRules: true },
  ];
  seed.products = [
    {
      sku: SKU,
      name: 'Red mug',
      typeId: 'simple',
      attributeSetId: 4,
      status: 1,
      visibility: 4,
      websiteIds: [1],
      price: '20.00',
      cost: '12.00',
      customAttributes: { brand: 'Acme' },
    },
  ];
  return seed;
};

export const intelligentRule = {
  name: 'Beat the lowest by a cent',
  active: true,
  priority: 1,
  discardSubsequent: false,
  action: {
    type: 'intelligent',
    competitorSource: 'lowest',
    conditionMode: 'all_conditions',
    adjustment: { action: 'decrease', apply: 'fixed', amount: '0.01' },
    floor: { attribute: 'cost', action: 'increase', percent: '10' },
    ceiling: null,
  },
};

/** Starts both emulators once per file, and gives every test fresh storage, demo stores and Amazon state. */
export const setUpPricingEnvironment = (): void => {
  beforeAll(async () => {
    [env.amazon, env.commerce] = await Promise.all([
      startAmazonEmulator({ port: 0, seed: amazonSeed() }),
      startCommerceEmulator({ port: 0, seed: commerceSeed() }),
    ]);
    env.inputs = emulatorInputs(env.amazon.url, env.commerce.baseUrl, { ASC_TIME_SCALE: '1000' });
  });

  afterAll(async () => {
    await Promise.all([env.amazon.close(), env.commerce.close()]);
  });

  beforeEach(async () => {
    resetEmbeddedStorage();
    await env.amazon.control.call('POST', '/reset', amazonSeed());
    await seedLocalDemo(env.inputs);
  });
};

// biome-ignore lint/suspicious/noExplicitAny: the test reads JSON bodies of several actions loosely
export type Response = { statusCode: number; headers?: Record<string, string>; body: any };
export const call = (
  action: (p: Record<string, unknown>) => Promise<unknown>,
  method: string,
  fields: Record<string, unknown>,
) => action({ ...env.inputs, __ow_method: method, __ow_headers: authHeaders(), ...fields }) as Promise<Response>;

export const livePrice = async (): Promise<string> => {
  const { body } = (await env.amazon.control.call('GET', `/listings?sellerId=${SELLER}`)) as {
    body: { listings: Array<{ sku: string; marketplaceId: string; price: string | number }> };
  };
  const listing = body.listings.find((l) => l.sku === SKU && l.marketplaceId === US);
  return Number(listing?.price).toFixed(2);
};
