import { main as settingsAction } from '../../../actions/asc/store-settings';
import { main as storeAction } from '../../../actions/asc/store';
import { main as salesAction } from '../../../actions/asc/store-sales';
import { buildKey, createStorage, resetEmbeddedStorage, type Storage } from '../../../src/adapters/state';
import { flushOutbox } from '../../../src/app/outbox';
import { createServices } from '../../../src/app/services';
import { loadStoreSettings, saveStoreSettings } from '../../../src/app/store-settings';
import { deleteStoreData, storeCollectionName, storeDataKeys } from '../../../src/app/stores/delete';
import { lastJobRun, recordJobRun } from '../../../src/app/stores/heartbeat';
import { marketplaceByCountry } from '../../../src/core/marketplaces';
import { DEFAULT_LISTING_SETTINGS } from '../../../src/core/settings/listing-settings';
import { DEFAULT_ORDER_SETTINGS } from '../../../src/core/settings/order-settings';
import { isSyncEnabled, type StoreRecord } from '../../../src/core/store';
import { generateEncryptionKey, SecretBox } from '../../../src/platform/crypto';
import { authHeaders } from '../../helpers/auth';
import { z } from 'zod';

const KEY = generateEncryptionKey();
const inputs = { ASC_STORAGE: 'memory', ASC_ENCRYPTION_KEY: KEY, LOG_LEVEL: 'error' };
let storage: Storage;

const store = (id: string, country: string, overrides: Partial<StoreRecord> = {}): StoreRecord => {
  const marketplace = marketplaceByCountry(country);
  if (!marketplace) throw new Error(country);
  return {
    id,
    name: `Store ${id}`,
    email: 'm@example.com',
    sellerId: 'A1DEMOSELLER0001',
    marketplaceId: marketplace.id,
    country: marketplace.country,
    currency: marketplace.currency,
    region: marketplace.region,
    websiteCode: 'base',
    status: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    authorizedAt: '2026-01-01T00:00:00.000Z',
    encryptedRefreshToken: new SecretBox(KEY).encrypt('Atzr|x', id),
    ...overrides,
  };
};

// biome-ignore lint/suspicious/noExplicitAny: each action answers its own body shape; the assertions check it.
type Response = { statusCode: number; body: any };
const call = (action: (p: Record<string, unknown>) => Promise<unknown>, method: string, fields: object) =>
  action({ ...inputs, __ow_method: method, __ow_headers: authHeaders(), ...fields }) as Promise<Response>;

beforeEach(async () => {
  resetEmbeddedStorage();
  storage = await createStorage(inputs);
  await storage.stores.save(store('us-1', 'US'));
  await storage.stores.save(store('us-10', 'CA'));
});

describe('store lifecycle', () => {
  it('deactivates (sync paused, settings kept) and activates again', async () => {
    await saveStoreSettings(storage, 'us-1', {
      listing: {
        ...DEFAULT_LISTING_SETTINGS,
        stockQuantity: { ...DEFAULT_LISTING_SETTINGS.stockQuantity, outOfStockThreshold: 3 },
      },
      order: DEFAULT_ORDER_SETTINGS,
    });
    const off = await call(storeAction, 'put', { storeId: 'us-1', status: 'inactive' });
    expect(off.statusCode).toBe(200);
    expect(off.body.store).toMatchObject({ status: 'inactive', syncEnabled: false });
    expect(isSyncEnabled((await storage.stores.get('us-1')) as StoreRecord)).toBe(false);
    expect((await loadStoreSettings(storage, 'us-1')).listing.stockQuantity.outOfStockThreshold).toBe(3);
    const on = await call(storeAction, 'put', { storeId: 'us-1', status: 'active' });
    expect(on.body.store).toMatchObject({ status: 'active', syncEnabled: true });
    const { items } = await storage.logs.activity.page({ storeId: 'us-1' });
    expect(items.map((entry) => entry.comments)).toEqual([
      'activated: price, quantity and order sync resume',
      'deactivated: price, quantity and order sync paused',
    ]);
  });

  it('keeps a deactivated store s held Amazon writes in the outbox (sync paused) and reports them', async () => {
    await storage.stores.save(store('us-1', 'US', { status: 'inactive' }));
    await storage.outbox.enqueue({ storeId: 'us-1', kind: 'amazon.patchListingsItem', payload: { path: {} } });
    const result = await flushOutbox(await createServices(inputs));
    expect(result).toMatchObject({ sent: 0, failed: 0, paused: 1, remaining: 1 });
  });

  it('refuses to activate a store Amazon has not authorised, in merchant words', async () => {
    await storage.stores.save(
      store('us-1', 'US', { status: 'pending_authorization', encryptedRefreshToken: undefined }),
    );
    const response = await call(storeAction, 'put', { storeId: 'us-1', status: 'active' });
    expect(response.statusCode).toBe(409);
    expect(response.body.error).toMatch(/not authorised with Amazon yet/);
  });

  it('edits name and email but never website or country', async () => {
    const renamed = await call(storeAction, 'put', { storeId: 'us-1', name: 'Amazon USA', email: 'usa@example.com' });
    expect(renamed.body.store).toMatchObject({ name: 'Amazon USA', email: 'usa@example.com' });
    for (const field of ['websiteCode', 'country', 'marketplaceId']) {
      const refused = await call(storeAction, 'put', { storeId: 'us-1', [field]: 'x' });
      expect(refused.statusCode).toBe(400);
      expect(refused.body.fields[field]).toMatch(/cannot be changed after the store is created/);
    }
    const badEmail = await call(storeAction, 'put', { storeId: 'us-1', email: 'nope' });
    expect(badEmail.body.fields.email).toMatch(/must be an email address/);
    expect(await storage.stores.get('us-1')).toMatchObject({
      websiteCode: 'base',
      country: 'US',
      email: 'usa@example.com',
    });
  });

  it('deletes every record of the store after confirmation, and nothing of another store', async () => {
    // What other areas create under the per-store convention, plus the store's own records.
    await storage.kv.put(buildKey('listings', 'us-1', 'sku', 'A/B'), '{}');
    await storage.kv.put(buildKey('pricing', 'us-1'), '{}');
    await storage.kv.put(buildKey('listings', 'us-10', 'sku', 'A/B'), '{}');
    await storage.kv.put(buildKey('pricing', 'rules', 'us-1'), '{}'); // store id NOT in 2nd segment: not the store's
    const rows = z.object({ sku: z.string() });
    await storage
      .collection(storeCollectionName('listings', 'us-1'), { schema: rows, keyOf: (r) => r.sku })
      .upsert([{ sku: 'A' }]);
    await storage
      .collection(storeCollectionName('listings', 'us-10'), { schema: rows, keyOf: (r) => r.sku })
      .upsert([{ sku: 'A' }]);
    // Listings names its tab collections buildKey('listings', storeId, tab).
    await storage
      .collection(buildKey('listings', 'us-1', 'all'), { schema: rows, keyOf: (r) => r.sku })
      .upsert([{ sku: 'B' }]);
    await storage
      .collection(buildKey('listings', 'us-10', 'all'), { schema: rows, keyOf: (r) => r.sku })
      .upsert([{ sku: 'B' }]);
    await saveStoreSettings(storage, 'us-1', { listing: DEFAULT_LISTING_SETTINGS, order: DEFAULT_ORDER_SETTINGS });
    await storage.logs.activity.append({ storeId: 'us-1', action: 'x' });
    await storage.logs.communicationErrors.append({ storeId: 'us-1', operation: 'op', code: 'c', message: 'm' });
    await storage.logs.listingChanges.append({ storeId: 'us-1', sellerSku: 'A', action: 'a' });
    await storage.logs.activity.append({ storeId: 'us-10', action: 'kept' });
    await storage.outbox.enqueue({ storeId: 'us-1', kind: 'amazon.x', payload: {} });

    expect((await call(storeAction, 'delete', { storeId: 'us-1' })).statusCode).toBe(400);
    const deleted = await call(storeAction, 'delete', { storeId: 'us-1', confirm: true });
    expect(deleted.statusCode).toBe(200);

    const left: string[] = [];
    for await (const key of storage.kv.keys('*')) left.push(key);
    const ofDeletedStore = (key: string) =>
      key !== 'pricing.rules.us-1' &&
      (key.includes('.us-1.') || key.endsWith('.us-1') || key.includes('_40us-1.') || key.includes('_2eus-1_2e'));
    expect(left.filter(ofDeletedStore)).toEqual([]);
    expect(left).toEqual(
      expect.arrayContaining([
        buildKey('store', 'us-10'),
        buildKey('listings', 'us-10', 'sku', 'A/B'),
        buildKey('pricing', 'rules', 'us-1'),
      ]),
    );
    expect(left.some((key) => key.startsWith(`col.${'listings_40us-10'}.`))).toBe(true);
    expect(left.some((key) => key.startsWith('col.listings_2eus-10_2eall.'))).toBe(true);
    expect(await storage.stores.get('us-1')).toBeUndefined();
    expect((await storage.logs.activity.page({ storeId: 'us-10' })).items).toHaveLength(1);
    expect(await storeDataKeys(storage, 'us-1')).toEqual([]);
    const [entry] = (await storage.logs.activity.page()).items;
    expect(entry).toMatchObject({ action: 'Store deleted' });
    expect(entry.comments).toMatch(/Amazon listings and the grant were left untouched/);
    expect((await call(storeAction, 'get', { storeId: 'us-1' })).statusCode).toBe(404);
  });

  it('deleteStoreData is safe to run twice', async () => {
    await deleteStoreData(storage, 'us-1');
    await expect(deleteStoreData(storage, 'us-1')).resolves.toMatchObject({ logEntries: 0 });
  });
});

describe('store settings sections', () => {
  it('reads the defaults and the form descriptions', async () => {
    const response = await call(settingsAction, 'get', { storeId: 'us-1' });
    expect(response.body.listing).toEqual(DEFAULT_LISTING_SETTINGS);
    expect(response.body.order).toEqual(DEFAULT_ORDER_SETTINGS);
    expect(response.body.listingForm.sections.map((s: { id: string }) => s.id)).toHaveLength(8);
  });

  it('saves each listing section and the order settings, logging what changed', async () => {
    const sections: Array<[string, Record<string, unknown>]> = [
      ['productListingActions', { automaticListAction: 'manual', defaultHandlingTimeDays: 5 }],
      ['thirdPartyListings', { importListings: 'import', sellerSkuAttribute: 'amazon_sku' }],
      ['listingPrice', { applyVat: true, vatPercentage: '10.2' }],
      ['businessPrice', { enabled: true, tieredPricing: true, tiers: [{ minQuantity: 5, discountPercent: '5' }] }],
      ['stockQuantity', { outOfStockThreshold: 2, maximumListedQuantity: 50 }],
      ['fulfilledBy', { productFulfilledBy: 'amazon' }],
      ['catalogSearch', { eanAttribute: 'amazon_ean' }],
      ['productListingCondition', { listingCondition: 'used_good' }],
      ['orderSettings', { customerCreation: 'build_customer', orderNumberSource: 'amazon' }],
    ];
    for (const [section, values] of sections) {
      const response = await call(settingsAction, 'post', { storeId: 'us-1', section, values });
      expect([section, response.statusCode]).toEqual([section, 200]);
    }
    const saved = await loadStoreSettings(storage, 'us-1');
    expect(saved.listing.listingPrice).toMatchObject({ applyVat: true, vatPercentage: '10.2' });
    expect(saved.listing.businessPrice.tiers).toEqual([{ minQuantity: 5, discountPercent: '5' }]);
    expect(saved.order).toMatchObject({ customerCreation: 'build_customer', orderNumberSource: 'amazon' });
    const log = (await storage.logs.activity.page({ storeId: 'us-1' })).items.map((e) => e.comments).join('\n');
    expect(log).toContain('listingPrice.vatPercentage: 0.00 → 10.2');
    expect(log).toContain('productListingActions.defaultHandlingTimeDays: 2 → 5');
    expect(log).toContain('orderSettings.customerCreation: guest → build_customer');
  });

  it('refuses bad values with a 400 naming the field, and saves nothing', async () => {
    const before = await loadStoreSettings(storage, 'us-1');
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['productListingActions', { defaultHandlingTimeDays: 31 }, 'productListingActions.defaultHandlingTimeDays'],
      ['listingPrice', { vatPercentage: '5' }, 'listingPrice.vatPercentage'],
      ['stockQuantity', { maximumListedQuantity: 0 }, 'stockQuantity.maximumListedQuantity'],
      ['orderSettings', { orderStatus: 'custom' }, 'processingOrderStatus'],
      ['listingPrice', { productTaxCode: 'set_default' }, 'listingPrice.productTaxCode'],
    ];
    for (const [section, values, field] of cases) {
      const response = await call(settingsAction, 'post', { storeId: 'us-1', section, values });
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.body.fields)).toContain(field);
    }
    const worded = await call(settingsAction, 'post', {
      storeId: 'us-1',
      section: 'stockQuantity',
      values: { maximumListedQuantity: 0 },
    });
    expect(worded.body.fields['stockQuantity.maximumListedQuantity']).toBe(
      'Maximum Listed Quantity must be at least 1',
    );
    expect(worded.body.error).toBe('The settings were not saved: Maximum Listed Quantity must be at least 1');
    const unknownSection = await call(settingsAction, 'post', { storeId: 'us-1', section: 'nope', values: {} });
    expect(unknownSection.body.fields.section).toMatch(/must be one of/);
    expect(await loadStoreSettings(storage, 'us-1')).toEqual(before);
  });

  it('allows the UK-only Product Tax Code for a UK store', async () => {
    await storage.stores.save(store('gb-1', 'GB'));
    const response = await call(settingsAction, 'post', {
      storeId: 'gb-1',
      section: 'listingPrice',
      values: { productTaxCode: 'set_default', defaultProductTaxCode: 'A_GEN_STANDARD' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('sales and heartbeat', () => {
  it('returns 30 days of sales per store from the orders ledger (zero without orders)', async () => {
    const response = await call(salesAction, 'get', {});
    expect(response.body.sales).toHaveLength(2);
    const [us] = response.body.sales;
    expect(us.days).toHaveLength(30);
    expect(us).toMatchObject({ currency: 'USD', total: '0.00', source: 'orders-ledger' });
    expect(us.days[29].date).toBe(new Date().toISOString().slice(0, 10));
  });

  it('records the last run of an alarm', async () => {
    expect(await lastJobRun(storage, 'outbox-flush')).toBeUndefined();
    await recordJobRun(storage, 'outbox-flush', Date.parse('2026-02-01T00:00:00Z'));
    expect(await lastJobRun(storage, 'outbox-flush')).toBe('2026-02-01T00:00:00.000Z');
  });
});
