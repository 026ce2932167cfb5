import { DEMO_LWA_CLIENT } from '../../../src/emulators/amazon';
import { type Harness, SELLER, US, startHarness } from './harness';

const LWA = 'api.amazon.com';
const NA = 'sellingpartnerapi-na.amazon.com';
const creds = { client_id: DEMO_LWA_CLIENT.clientId, client_secret: DEMO_LWA_CLIENT.clientSecret };

describe('LWA', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.emu.close());

  it('issues tokens for JSON and form bodies, and rejects bad clients and grants in LWA shape', async () => {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: 'Atzr|demo-refresh-token-1',
      ...creds,
    }).toString();
    const ok = await h.raw('POST', LWA, '/auth/o2/token', {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(ok.json).toMatchObject({
      token_type: 'bearer',
      expires_in: 3600,
      access_token: expect.stringMatching(/^Atza\|/),
    });
    const badClient = await h.raw('POST', LWA, '/auth/o2/token', {
      body: {
        grant_type: 'refresh_token',
        refresh_token: 'Atzr|demo-refresh-token-1',
        client_id: creds.client_id,
        client_secret: 'wrong',
      },
    });
    expect(badClient).toMatchObject({
      status: 401,
      json: { error: 'invalid_client', error_description: expect.any(String) },
    });
    const badGrant = await h.raw('POST', LWA, '/auth/o2/token', {
      body: { grant_type: 'refresh_token', refresh_token: 'Atzr|nope', ...creds },
    });
    expect(badGrant).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    await expect(
      h
        .sp('na', {})
        .callAPI({ operation: 'getMarketplaceParticipations', endpoint: 'sellers' })
        .then(() => 'ok'),
    ).resolves.toBe('ok');
  });

  it('expires access tokens on the emulator clock; the client refreshes on the expiry 403', async () => {
    const token = await h.token();
    const before = await h.raw('GET', NA, `/listings/2021-08-01/items/${SELLER}/MUG-1?marketplaceIds=${US}`, { token });
    expect(before.status).toBe(200);
    h.emu.control.advance(3600 * 1000 + 1);
    const after = await h.raw('GET', NA, `/listings/2021-08-01/items/${SELLER}/MUG-1?marketplaceIds=${US}`, { token });
    expect(after.status).toBe(403);
    expect(after.json.errors[0]).toMatchObject({
      code: 'Unauthorized',
      details: 'The access token you provided has expired.',
    });

    const sp = h.sp();
    await sp.callAPI({
      operation: 'getListingsItem',
      endpoint: 'listingsItems',
      path: { sellerId: SELLER, sku: 'MUG-1' },
      query: { marketplaceIds: [US] },
      options: { version: '2021-08-01' },
    });
    h.emu.control.advance(3601 * 1000);
    const before2 = (await h.control('GET', '/requests?operation=lwa:refresh_token')).body.requests.length;
    const item = await sp.callAPI({
      operation: 'getListingsItem',
      endpoint: 'listingsItems',
      path: { sellerId: SELLER, sku: 'MUG-1' },
      query: { marketplaceIds: [US] },
      options: { version: '2021-08-01' },
    });
    expect(item.sku).toBe('MUG-1');
    expect((await h.control('GET', '/requests?operation=lwa:refresh_token')).body.requests.length).toBe(before2 + 1);
  });

  it('website authorisation: consent page redirects with a single-use code that expires after 5 minutes', async () => {
    const page = await h.raw(
      'GET',
      'sellercentral.amazon.com',
      '/apps/authorize/consent?application_id=amzn1.sp.solution.demo&state=xyz&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback',
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="consent-authorize"');
    const confirm = () =>
      h.raw('POST', 'sellercentral.amazon.com', '/apps/authorize/confirm', {
        body: 'application_id=amzn1.sp.solution.demo&state=xyz&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback&selling_partner_id=A1DEMOSELLER0001',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const redirect = await confirm();
    expect(redirect.status).toBe(302);
    const location = new URL(String(redirect.headers.location));
    expect(location.origin + location.pathname).toBe('https://app.example/callback');
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.get('selling_partner_id')).toBe(SELLER);
    const code = location.searchParams.get('spapi_oauth_code')!;
    const sp = h.sp();
    const exchanged = await sp.exchange(code);
    expect(exchanged.refresh_token).toMatch(/^Atzr\|/);
    await expect(sp.exchange(code)).rejects.toMatchObject({ code: 'invalid_grant' });
    const late = new URL(String((await confirm()).headers.location)).searchParams.get('spapi_oauth_code')!;
    h.emu.control.advance(5 * 60_000 + 1);
    await expect(sp.exchange(late)).rejects.toMatchObject({
      code: 'invalid_grant',
      message: expect.stringMatching(/expired/),
    });
  });
});

describe('usage plans', () => {
  it('throttles a burst beyond the plan with 429 QuotaExceeded and x-amzn-RateLimit-Limit', async () => {
    const h = await startHarness();
    try {
      const token = await h.token();
      const path = `/listings/2021-08-01/items/${SELLER}/MUG-1?marketplaceIds=${US}`;
      const statuses: number[] = [];
      let last: Awaited<ReturnType<Harness['raw']>> | undefined;
      for (let i = 0; i < 11; i++) {
        last = await h.raw('GET', NA, path, { token });
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200)); // burst 10 (from the model)
      expect(last!.status).toBe(429);
      expect(last!.json.errors[0].code).toBe('QuotaExceeded');
      expect(last!.headers['x-amzn-ratelimit-limit']).toBe('5');
      h.emu.control.advance(200); // 5 rps → one token per 200 ms of emulated time
      expect((await h.raw('GET', NA, path, { token })).status).toBe(200);
      await expect(
        h.sp().callAPI({
          operation: 'getListingsItem',
          endpoint: 'listingsItems',
          path: { sellerId: SELLER, sku: 'MUG-1' },
          query: { marketplaceIds: [US] },
          options: { version: '2021-08-01' },
        }),
      ).rejects.toMatchObject({ code: 'QuotaExceeded' });
    } finally {
      await h.emu.close();
    }
  });

  it('a sped-up clock keeps the ratio between two plans (measured in emulator time)', async () => {
    const h = await startHarness({ speedUp: 10 });
    try {
      const token = await h.token();
      const catalog = `/catalog/2022-04-01/items/B000000001?marketplaceIds=${US}`; // 2 rps, burst 2
      const offers = `/products/pricing/v0/items/B000000001/offers?MarketplaceId=${US}&ItemCondition=New`; // 0.5 rps, burst 1
      const count = { catalog: 0, offers: 0 };
      const start = h.clock.now();
      while (h.clock.now() - start < 30_000) {
        if ((await h.raw('GET', NA, catalog, { token })).status === 200) count.catalog++;
        if ((await h.raw('GET', NA, offers, { token })).status === 200) count.offers++;
        await new Promise((r) => setTimeout(r, 3));
      }
      const elapsedS = (h.clock.now() - start) / 1000;
      // expected: burst + rate × emulated seconds
      expect(count.catalog).toBeGreaterThanOrEqual(Math.floor(2 + 2 * elapsedS * 0.7));
      expect(count.catalog).toBeLessThanOrEqual(Math.ceil(2 + 2 * elapsedS) + 1);
      expect(count.offers).toBeGreaterThanOrEqual(Math.floor(1 + 0.5 * elapsedS * 0.7));
      expect(count.offers).toBeLessThanOrEqual(Math.ceil(1 + 0.5 * elapsedS) + 1);
      const ratio = (count.catalog - 2) / (count.offers - 1);
      expect(ratio).toBeGreaterThan(3);
      expect(ratio).toBeLessThan(5);
    } finally {
      await h.emu.close();
    }
  });
});
