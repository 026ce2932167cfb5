import { getIntegrationAuthProvider } from '@adobe/aio-commerce-lib-auth';
import { type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { EmulatorClock } from '../../../src/emulators/shared';
import { controlCall, criteria, restCall, smallSeed } from './helpers';

let emu: RunningCommerceEmulator;

beforeAll(async () => {
  emu = await startCommerceEmulator({
    port: 0,
    seed: smallSeed(),
    clock: new EmulatorClock({ start: '2026-01-10T12:00:00Z', speedUp: 0 }),
  });
});
afterAll(() => emu.close());

describe('authentication', () => {
  it('accepts requests signed by @adobe/aio-commerce-lib-auth, including the searchCriteria query', async () => {
    const res = await restCall(emu, 'GET', `V1/products?${criteria([[['sku', 'MUG%', 'like']]])}`);
    expect(res.status).toBe(200);
    expect(res.body.total_count).toBe(2);
  });

  it('rejects a signature made with the wrong secret, in Commerce error shape', async () => {
    const wrong = getIntegrationAuthProvider({
      consumerKey: 'demo-consumer-key',
      consumerSecret: 'not-the-secret',
      accessToken: 'demo-access-token',
      accessTokenSecret: 'demo-access-token-secret',
    });
    const url = `${emu.url}/rest/default/V1/products/MUG-1`;
    const res = await restCall(emu, 'GET', 'V1/products/MUG-1', undefined, {
      authorization: wrong.getHeaders('GET', url).Authorization,
    });
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('signature_invalid');
  });

  it('rejects a replayed nonce and a request signed for another URL', async () => {
    const url = `${emu.url}/rest/default/V1/products/MUG-1`;
    const header = getIntegrationAuthProvider({
      consumerKey: 'demo-consumer-key',
      consumerSecret: 'demo-consumer-secret',
      accessToken: 'demo-access-token',
      accessTokenSecret: 'demo-access-token-secret',
    }).getHeaders('GET', url).Authorization;
    expect((await restCall(emu, 'GET', 'V1/products/MUG-1', undefined, { authorization: header })).status).toBe(200);
    expect(
      (await restCall(emu, 'GET', 'V1/products/MUG-1', undefined, { authorization: header })).body.message,
    ).toContain('nonce_used');
    const other = getIntegrationAuthProvider({
      consumerKey: 'demo-consumer-key',
      consumerSecret: 'demo-consumer-secret',
      accessToken: 'demo-access-token',
      accessTokenSecret: 'demo-access-token-secret',
    }).getHeaders('GET', `${emu.url}/rest/default/V1/products/MUG-2`).Authorization;
    expect((await restCall(emu, 'GET', 'V1/products/MUG-1', undefined, { authorization: other })).status).toBe(401);
  });

  it('accepts IMS bearer tokens issued by the control API and nothing else', async () => {
    const token = await controlCall<{ access_token: string }>(emu, 'POST', '/ims/token', {});
    expect((await restCall(emu, 'GET', 'V1/store/websites', undefined, { bearer: token.access_token })).status).toBe(
      200,
    );
    const forged = await restCall(emu, 'GET', 'V1/store/websites', undefined, { bearer: 'made-up-token' });
    expect(forged.status).toBe(401);
    expect(forged.body).toEqual({ message: expect.any(String), parameters: expect.any(Object) });
    expect((await restCall(emu, 'GET', 'V1/store/websites', undefined, { authorization: '' })).status).toBe(401);
  });
});

describe('products and searchCriteria', () => {
  it('pages with total_count and returns the last page again past the end, like Commerce collections', async () => {
    const first = await restCall(emu, 'GET', `V1/products?${criteria([], { pageSize: 3, currentPage: 1 })}`);
    const second = await restCall(emu, 'GET', `V1/products?${criteria([], { pageSize: 3, currentPage: 2 })}`);
    const beyond = await restCall(emu, 'GET', `V1/products?${criteria([], { pageSize: 3, currentPage: 9 })}`);
    expect(first.body.total_count).toBe(4);
    expect(first.body.items).toHaveLength(3);
    expect(second.body.items.map((p: { sku: string }) => p.sku)).toEqual(['TEE']);
    expect(beyond.body.items.map((p: { sku: string }) => p.sku)).toEqual(['TEE']);
  });

  it('ORs filters within a group, ANDs groups, filters on custom attributes and sorts', async () => {
    const q = criteria(
      [
        [
          ['sku', 'MUG-2', 'eq'],
          ['sku', 'LAMP-1', 'eq'],
        ],
        [['price', '10', 'gt']],
      ],
      {
        'sortOrders][0][field': 'price',
      },
    );
    const res = await restCall(emu, 'GET', `V1/products?${q}`);
    expect(res.body.items.map((p: { sku: string }) => p.sku)).toEqual(['LAMP-1']);
    const byEan = await restCall(
      emu,
      'GET',
      `V1/products?${criteria([[['ean', '4006381333948,4006381333931', 'in']]])}`,
    );
    expect(byEan.body.items.map((p: { sku: string }) => p.sku).sort()).toEqual(['MUG-1', 'MUG-2']);
    const sorted = await restCall(
      emu,
      'GET',
      `V1/products?searchCriteria[sortOrders][0][field]=price&searchCriteria[sortOrders][0][direction]=DESC`,
    );
    expect(sorted.body.items[0].sku).toBe('LAMP-1');
  });

  it('returns a product with custom attributes, images, stock item and configurable children', async () => {
    const mug = (await restCall(emu, 'GET', 'V1/products/MUG-2')).body;
    const attrs = Object.fromEntries(
      mug.custom_attributes.map((a: { attribute_code: string; value: string }) => [a.attribute_code, a.value]),
    );
    expect(attrs).toMatchObject({ ean: '4006381333948', asin: 'B0TESTASIN', color: '21' });
    expect(mug.extension_attributes.stock_item).toMatchObject({ qty: 3, is_in_stock: true });
    const children = (await restCall(emu, 'GET', 'V1/configurable-products/TEE/children')).body;
    expect(children.map((c: { sku: string }) => c.sku)).toEqual(['MUG-1', 'MUG-2']);
    const options = (await restCall(emu, 'GET', 'V1/products/attributes/color/options')).body;
    expect(options.map((o: { label: string }) => o.label)).toEqual([' ', 'Black', 'Blue']);
    const missing = await restCall(emu, 'GET', 'V1/products/NOPE');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/doesn't exist/);
  });

  it('serves per-website prices: global in /rest/all, website value in the website store view', async () => {
    expect((await restCall(emu, 'GET', 'V1/products/MUG-1', undefined, { store: 'all' })).body.price).toBe(19.99);
    expect((await restCall(emu, 'GET', 'V1/products/MUG-1', undefined, { store: 'eu_en' })).body.price).toBe(18.5);
    const info = await restCall(emu, 'POST', 'V1/products/base-prices-information', { skus: ['MUG-1'] });
    expect(info.body).toEqual([
      { price: 19.99, store_id: 0, sku: 'MUG-1' },
      { price: 18.5, store_id: 2, sku: 'MUG-1' },
    ]);
    const special = await restCall(emu, 'POST', 'V1/products/special-price-information', { skus: ['MUG-1'] });
    expect(special.body).toEqual([
      { price: 15.49, store_id: 0, sku: 'MUG-1', price_from: '2025-12-01 00:00:00', price_to: '2026-02-01 00:00:00' },
    ]);
    const cost = await restCall(emu, 'POST', 'V1/products/cost-information', { skus: ['MUG-1'] });
    expect(cost.body).toEqual([{ cost: 7.25, store_id: 0, sku: 'MUG-1' }]);
  });

  it('updates base prices per store and reports unknown SKUs per item instead of failing', async () => {
    const res = await restCall(emu, 'POST', 'V1/products/base-prices', {
      prices: [
        { sku: 'LAMP-1', store_id: 2, price: 45.5 },
        { sku: 'GHOST', store_id: 0, price: 1 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ message: expect.stringContaining('SKU'), parameters: ['GHOST'] }]);
    expect((await restCall(emu, 'GET', 'V1/products/LAMP-1', undefined, { store: 'eu_en' })).body.price).toBe(45.5);
    expect((await restCall(emu, 'GET', 'V1/products/LAMP-1')).body.price).toBe(49);
  });

  it('rejects a request body that breaks the schema, naming the field and the reason', async () => {
    const res = await restCall(emu, 'POST', 'V1/products/base-prices', {
      prices: [{ sku: 'LAMP-1', store_id: 0, price: 'cheap' }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      message: 'Invalid value for "%fieldName": %reason',
      parameters: { fieldName: 'body.prices.0.price', reason: 'must be number' },
    });
    const missing = await restCall(emu, 'POST', 'V1/products/base-prices-information', {});
    expect(missing.body.parameters).toEqual({ fieldName: 'body.skus' });
  });
});

describe('stores, currency, customers', () => {
  it('lists websites and store views in sort order with the admin scope first', async () => {
    const websites = (await restCall(emu, 'GET', 'V1/store/websites')).body;
    expect(websites.map((w: { code: string }) => w.code)).toEqual(['admin', 'base', 'eu']);
    const configs = (await restCall(emu, 'GET', 'V1/store/storeConfigs')).body;
    expect(configs.map((c: { code: string; base_currency_code: string }) => [c.code, c.base_currency_code])).toEqual([
      ['default', 'USD'],
      ['eu_en', 'EUR'],
    ]);
  });

  it('gives currency rates from the scope base currency', async () => {
    const usd = (await restCall(emu, 'GET', 'V1/directory/currency')).body;
    expect(usd.exchange_rates).toContainEqual({ currency_to: 'EUR', rate: 0.92 });
    const eur = (await restCall(emu, 'GET', 'V1/directory/currency', undefined, { store: 'eu_en' })).body;
    expect(eur.base_currency_code).toBe('EUR');
    expect(eur.exchange_rates).toContainEqual({ currency_to: 'USD', rate: 1.086956521739 });
  });

  it('searches customers by email and refuses a duplicate in the same website', async () => {
    const found = await restCall(
      emu,
      'GET',
      `V1/customers/search?${criteria([[['email', 'known@example.com', 'eq']]])}`,
    );
    expect(found.body.items.map((c: { firstname: string }) => c.firstname)).toEqual(['Kim']);
    const created = await restCall(emu, 'POST', 'V1/customers', {
      customer: { email: 'new@example.com', firstname: 'N', lastname: 'Ew', website_id: 1 },
    });
    expect(created.body).toMatchObject({ id: expect.any(Number), email: 'new@example.com' });
    const dup = await restCall(emu, 'POST', 'V1/customers', {
      customer: { email: 'known@example.com', firstname: 'K', lastname: 'K', website_id: 1 },
    });
    expect(dup.status).toBe(400);
  });
});
