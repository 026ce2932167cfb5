/**
 * Listings through both emulators over real HTTP: third-party import (report), catalogue matching
 * (searchCatalogItems), publishing via the Listings Items API and via JSON_LISTINGS_FEED, stock following,
 * overrides, and the grid/actions a merchant uses. Nothing of ours is mocked.
 */
import { main as listingActions } from '../../actions/asc/listing-actions';
import { main as listingsGrid } from '../../actions/asc/listings-grid';
import { main as listingsImport } from '../../actions/asc/listings-import';
import { main as listingsPublish } from '../../actions/asc/listings-publish';
import { main as listingRules } from '../../actions/asc/listing-rules';
import { main as pricingRules } from '../../actions/asc/pricing-rules';
import { PricingRepository } from '../../src/adapters/state/pricing';
import { republishProduct } from '../../src/app/listings/event-handlers';
import { createServices } from '../../src/app/services';
import { amazonListings, type Body, call, env, SELLER, send, setUpListingsEnvironment } from './listings/harness';

setUpListingsEnvironment({ catalogSearch: true, thirdPartyAsin: true });

describe('listings end to end', () => {
  it('imports Seller Central listings and matches them to Commerce products', async () => {
    const before = await amazonListings();
    expect(before.length).toBeGreaterThan(0);
    const result = await call(listingsImport, 'post', { storeId: 'demo-us', waitSeconds: 20 });
    expect(result).toMatchObject({ status: 'done' });
    expect(result.added).toBe(before.length);
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', pageSize: 200 });
    const { overrides: _overlap, ...byTab } = grid.counts as Record<string, number>;
    expect(Object.values(byTab).reduce((a, b) => a + b, 0)).toBe(before.length);
    expect(result.matched).toBeGreaterThan(0);
    // A second import adds nothing: only listings new in Seller Central are picked up.
    const again = await call(listingsImport, 'post', { storeId: 'demo-us', waitSeconds: 20 });
    expect(again).toMatchObject({ status: 'done', added: 0 });
  }, 60_000);

  it('matches the catalogue, resolves a multiple match by hand, and publishes through the feed', async () => {
    const result = await call(listingsPublish, 'post', { storeId: 'demo-us', waitSeconds: 30 });
    expect(result.catalog.created).toBeGreaterThan(10);
    expect(result.published.viaFeed).toBeGreaterThan(10);
    expect(result.published.accepted).toBeGreaterThan(10);
    const incomplete = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'incomplete', pageSize: 200 });
    const multiple = incomplete.rows.find((r: Body) => r.status === 'multiple_matches');
    expect(multiple).toBeDefined();
    expect(multiple.candidates.length).toBeGreaterThan(1);
    const picked = await call(listingActions, 'post', {
      storeId: 'demo-us',
      action: 'assign_asin',
      skus: [multiple.sellerSku],
      asin: multiple.candidates[0].asin,
    });
    expect(picked.errors).toEqual([]);
    expect(picked.updated[0].status).toBe('active');
    const onAmazon = (await amazonListings()).find((l) => l.sku === multiple.sellerSku);
    expect(onAmazon).toMatchObject({ asin: multiple.candidates[0].asin });
  }, 90_000);

  it('follows a stock change in Commerce to the quantity on Amazon (urgent API path)', async () => {
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', pageSize: 200 });
    const row = grid.rows.find((r: Body) => r.origin === 'catalog' && r.fulfillment === 'FBM' && r.quantity > 3);
    expect(row).toBeDefined();
    const response = await fetch(`${env.commerce.url}/__control/stock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sku: row.productSku, quantity: 2 }),
    });
    expect(response.ok).toBe(true);
    const services = await createServices(env.inputs);
    await republishProduct(services, row.productSku, 'stock changed in Commerce', 'test-event');
    const onAmazon = (await amazonListings()).find((l) => l.sku === row.sellerSku);
    expect(onAmazon?.quantity).toBe(2);
    const log = (await services.storage.logs.listingChanges.page({ storeId: 'demo-us', limit: 50 })).items;
    expect(log.some((e) => e.sellerSku === row.sellerSku && e.action === 'Quantity Update')).toBe(true);
  }, 60_000);

  it("publishes the pricing engine's price: a standard rule reaches Amazon through the stock-change path", async () => {
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', pageSize: 200 });
    const row = grid.rows.find(
      (r: Body) => r.origin === 'catalog' && r.fulfillment === 'FBM' && !r.overrides?.price && r.price,
    );
    expect(row).toBeDefined();
    const before = Number((await amazonListings()).find((l) => l.sku === row.sellerSku)?.price);
    const saved = await send(pricingRules, 'post', {
      storeId: 'demo-us',
      rule: {
        name: '10% off everything',
        active: true,
        priority: 1,
        discardSubsequent: false,
        action: { type: 'standard', direction: 'decrease', apply: 'percent', amount: '10' },
      },
    });
    expect(saved.statusCode).toBe(200);
    const services = await createServices(env.inputs);
    await republishProduct(services, row.productSku, 'pricing rule added', 'test-event');
    const after = Number((await amazonListings()).find((l) => l.sku === row.sellerSku)?.price);
    expect(after).toBeCloseTo(Math.round(before * 0.9 * 100) / 100, 2);
  }, 60_000);

  it('sends a price override at once and shows the listing on the Overrides tab', async () => {
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', pageSize: 200 });
    const row = grid.rows.find((r: Body) => r.origin === 'catalog');
    const result = await call(listingActions, 'post', {
      storeId: 'demo-us',
      action: 'set_override',
      skus: [row.sellerSku],
      overrides: { price: '7.77' },
    });
    expect(result.errors).toEqual([]);
    expect(result.published.viaApi).toBe(1);
    const onAmazon = (await amazonListings()).find((l) => l.sku === row.sellerSku);
    expect(String(onAmazon?.price)).toBe('7.77');
    const overrides = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'overrides', filter: row.sellerSku });
    expect(overrides.rows.map((r: Body) => r.sellerSku)).toEqual([row.sellerSku]);
  }, 60_000);

  it("records each price the publisher sends in the listing's price history with source 'publish'", async () => {
    const repository = new PricingRepository((await createServices(env.inputs)).storage.kv);
    // The feed publish sent every catalog listing's first price; the override above sent 7.77 through the API.
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'overrides', pageSize: 10 });
    const state = await repository.listingState('demo-us', grid.rows[0].sellerSku);
    const published = (state?.history ?? []).filter((h) => h.source === 'publish');
    expect(published.length).toBeGreaterThanOrEqual(2);
    expect(published.at(-1)?.price).toBe('7.77');
    expect(state?.lastSent).toBe('7.77');
    // A publish that changes no price adds no point.
    await call(listingsPublish, 'post', { storeId: 'demo-us', waitSeconds: 30 });
    const again = await repository.listingState('demo-us', grid.rows[0].sellerSku);
    expect(again?.history).toEqual(state?.history);
  }, 60_000);

  it('previews a listing rule and refuses a bad one naming the field', async () => {
    const rules = {
      type: 'combine',
      aggregator: 'all',
      value: true,
      conditions: [{ type: 'sku', args: { operator: 'contains', value: 'DEMO-000' } }],
    };
    const result = await call(listingRules, 'post', { storeId: 'demo-us', rules });
    expect(result.preview.ineligible.count).toBeGreaterThan(0);
    expect(result.preview.eligible.count + result.preview.new.count).toBeGreaterThan(0);
    const bad = await send(listingRules, 'post', {
      storeId: 'demo-us',
      rules: { type: 'combine', aggregator: 'sometimes', value: true, conditions: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('aggregator');
  }, 60_000);
  it('decodes an EU report sent in cp1252 (accents and dashes survive)', async () => {
    await env.amazon.control.call('POST', '/seed', {
      sellers: [],
      catalog: [
        {
          asin: 'B0EUCP1252',
          marketplaceId: 'A1F83G8C2ARO7P',
          title: 'Crème brûlée dish – 20 cm',
          productType: 'HOME',
          identifiers: [],
        },
      ],
      listings: [
        {
          sellerId: SELLER,
          marketplaceId: 'A1F83G8C2ARO7P',
          sku: 'EU-CREME-1',
          asin: 'B0EUCP1252',
          productType: 'HOME',
          title: 'Crème brûlée dish – 20 cm',
          price: '12.50',
          currency: 'GBP',
          quantity: 4,
          fulfillmentChannel: 'DEFAULT',
          condition: 'new_new',
          status: ['BUYABLE', 'DISCOVERABLE'],
        },
      ],
      competitorOffers: [],
    });
    const result = await call(listingsImport, 'post', { storeId: 'demo-uk', waitSeconds: 20 });
    expect(result).toMatchObject({ status: 'done', errors: 0 });
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-uk', tab: 'new_third_party', filter: 'EU-CREME-1' });
    expect(grid.rows[0]).toMatchObject({ name: 'Crème brûlée dish – 20 cm', price: '12.50', quantity: 4 });
  }, 60_000);
});
