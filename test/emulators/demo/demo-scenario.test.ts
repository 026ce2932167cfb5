import { startAmazonEmulator } from '../../../src/emulators/amazon';
import { parseSeed } from '../../../src/emulators/amazon/seed';
import { startCommerceEmulator } from '../../../src/emulators/commerce';
import { DEMO_SELLER_ID, buildDemoScenario, seedDemo } from '../../../src/emulators/demo';
import { gtinCheckDigit } from '../../../src/emulators/demo/random';
import { EmulatorClock } from '../../../src/emulators/shared';
import { restCall } from '../commerce/helpers';

const scenario = buildDemoScenario(1);
const { commerce, amazon } = scenario;

describe('demo scenario', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(JSON.stringify(buildDemoScenario(1))).toBe(JSON.stringify(scenario));
    expect(JSON.stringify(buildDemoScenario(2))).not.toBe(JSON.stringify(scenario));
  });

  it('has at least 500 products, simple and configurable with existing children', () => {
    expect(commerce.products.length).toBeGreaterThanOrEqual(500);
    const skus = new Set(commerce.products.map((p) => p.sku));
    const configurables = commerce.products.filter((p) => p.typeId === 'configurable');
    expect(configurables.length).toBeGreaterThan(10);
    for (const parent of configurables) {
      expect(parent.children?.length).toBeGreaterThan(0);
      for (const child of parent.children ?? []) expect(skus.has(child)).toBe(true);
    }
  });

  it('gives products valid identifiers, some ASIN attributes, and the full set of price inputs', () => {
    const simple = commerce.products.filter((p) => p.typeId === 'simple');
    const gtins = simple.flatMap((p) =>
      [p.customAttributes?.ean, p.customAttributes?.upc].filter((v): v is string => !!v),
    );
    expect(gtins.length).toBeGreaterThan(400);
    for (const gtin of gtins) expect(gtinCheckDigit(gtin.slice(0, -1))).toBe(gtin.slice(-1));
    expect(simple.some((p) => p.customAttributes?.isbn)).toBe(true);
    expect(simple.filter((p) => p.customAttributes?.asin).length).toBeGreaterThan(10);
    expect(simple.filter((p) => p.specialPrices?.length).length).toBeGreaterThan(50);
    expect(simple.filter((p) => p.msrp).length).toBeGreaterThan(50);
    expect(simple.filter((p) => p.map).length).toBeGreaterThan(20);
    expect(simple.every((p) => p.cost !== undefined)).toBe(true);
    expect(simple.filter((p) => p.websitePrices?.some((w) => w.websiteId === 2)).length).toBeGreaterThan(100);
  });

  it('has 2 websites in USD and EUR, 2 sources with stock, and a rate between the currencies', () => {
    expect(commerce.websites.map((w) => [w.code, w.baseCurrency, w.sortOrder])).toEqual([
      ['base', 'USD', 0],
      ['eu', 'EUR', 1],
    ]);
    expect(commerce.currency.rates.EUR).toBe('0.9200');
    const sources = new Set(commerce.sourceItems.map((i) => i.sourceCode));
    expect([...sources].sort()).toEqual(['default', 'eu_warehouse']);
  });

  it('builds an Amazon side that passes the Amazon emulator seed schema and matches products by identifier', () => {
    expect(() => parseSeed(amazon)).not.toThrow();
    expect(amazon.sellers?.[0].sellerId).toBe(DEMO_SELLER_ID);
    const byIdentifier = new Map<string, Set<string>>();
    for (const item of amazon.catalog ?? []) {
      for (const id of item.identifiers)
        byIdentifier.set(id.value, (byIdentifier.get(id.value) ?? new Set()).add(item.asin));
    }
    const identifiers = commerce.products.flatMap((p) =>
      [p.customAttributes?.ean, p.customAttributes?.upc].filter((v): v is string => !!v),
    );
    const matched = identifiers.filter((id) => byIdentifier.has(id));
    expect(matched.length).toBeGreaterThan(identifiers.length * 0.4);
    expect(matched.length).toBeLessThan(identifiers.length);
    expect([...byIdentifier.values()].some((asins) => asins.size > 1)).toBe(true);
    const commerceSkus = new Set(commerce.products.map((p) => p.sku));
    const listings = amazon.listings ?? [];
    expect(listings.some((l) => commerceSkus.has(l.sku))).toBe(true);
    expect(listings.some((l) => !commerceSkus.has(l.sku))).toBe(true);
    const offersPerAsin = new Map<string, number>();
    for (const o of amazon.competitorOffers ?? [])
      offersPerAsin.set(`${o.asin}|${o.marketplaceId}`, (offersPerAsin.get(`${o.asin}|${o.marketplaceId}`) ?? 0) + 1);
    expect(offersPerAsin.size).toBeGreaterThan(100);
    expect(Math.max(...offersPerAsin.values())).toBeLessThanOrEqual(6);
    const offers = amazon.competitorOffers ?? [];
    expect(new Set(offers.map((o) => o.fulfilledByAmazon)).size).toBe(2);
    expect(new Set(offers.map((o) => o.condition)).size).toBeGreaterThan(2);
    expect(amazon.orderStreams?.length).toBeGreaterThan(0);
  });

  it('seeds both emulators over HTTP', async () => {
    const clock = new EmulatorClock({ start: '2026-03-01T00:00:00Z', speedUp: 0 });
    const commerceEmu = await startCommerceEmulator({ port: 0, clock });
    const amazonEmu = await startAmazonEmulator({ port: 0, clock });
    try {
      const seeded = await seedDemo({ commerceUrl: commerceEmu.url, amazonUrl: amazonEmu.url });
      const page = await restCall(commerceEmu, 'GET', 'V1/products?searchCriteria[pageSize]=1');
      expect(page.body.total_count).toBe(seeded.commerce.products.length);
      // Every demo product must render schema-valid in strict mode (a violation would be a 500).
      const all = await restCall(commerceEmu, 'GET', 'V1/products?searchCriteria[pageSize]=1000', undefined, {
        store: 'eu_en',
      });
      expect(all.status).toBe(200);
      expect(all.body.items).toHaveLength(seeded.commerce.products.length);
      const special = seeded.commerce.products.find((p) => p.specialPrices?.length)?.specialPrices?.[0];
      expect(special?.from?.startsWith('2026-')).toBe(true);
      const state = (await (await fetch(`${amazonEmu.url}/__control/state`)).json()) as Record<string, unknown>;
      expect(JSON.stringify(state)).toContain(DEMO_SELLER_ID);
    } finally {
      await commerceEmu.close();
      await amazonEmu.close();
    }
  });
});
