import { MARKETPLACES, marketplaceByCountry, marketplaceById } from '../../../src/core/marketplaces';
import { authorizationState, type StoreRecord } from '../../../src/core/store';
import { consentUrl, formatState, parseState, sellerCentralLinks } from '../../../src/core/stores/authorization';
import { applyStatusChange, buildNewStore, newStoreInputSchema } from '../../../src/core/stores/new-store';
import { describeChanges, diffSettings } from '../../../src/core/stores/settings-changes';

const NONCE = 'a'.repeat(43);

describe('marketplace table', () => {
  it('has the 23 SP-API marketplaces with unique ids and countries', () => {
    expect(MARKETPLACES).toHaveLength(23);
    expect(new Set(MARKETPLACES.map((m) => m.id)).size).toBe(23);
    expect(new Set(MARKETPLACES.map((m) => m.country)).size).toBe(23);
    for (const m of MARKETPLACES) {
      expect(m.currency).toMatch(/^[A-Z]{3}$/);
      expect(m.sellerCentral).toMatch(/^sellercentral/);
      expect(marketplaceById(m.id)).toBe(m);
    }
  });

  it.each([
    ['US', 'ATVPDKIKX0DER', 'na', 'USD'],
    ['CA', 'A2EUQ1WTGCTBG2', 'na', 'CAD'],
    ['MX', 'A1AM78C64UM0Y8', 'na', 'MXN'],
    ['UK', 'A1F83G8C2ARO7P', 'eu', 'GBP'],
    ['DE', 'A1PA6795UKMFR9', 'eu', 'EUR'],
    ['JP', 'A1VC38T7YXB528', 'fe', 'JPY'],
  ])('%s is %s in region %s selling in %s', (country, id, region, currency) => {
    expect(marketplaceByCountry(country)).toMatchObject({ id, region, currency });
  });
});

describe('Add Amazon Store input (SPEC 2.3)', () => {
  const valid = { websiteCode: 'base', email: 'a@example.com', name: 'Amazon USA', country: 'US' };

  it('accepts the dialog fields, UK included, and builds a store pending authorisation', () => {
    const input = newStoreInputSchema.parse({
      ...valid,
      country: 'UK',
      productIdType: 'EAN',
      productIdAttribute: 'amazon_ean',
    });
    const store = buildNewStore(input, 'gb-1', '2026-01-01T00:00:00.000Z');
    expect(store).toMatchObject({
      country: 'GB',
      marketplaceId: 'A1F83G8C2ARO7P',
      currency: 'GBP',
      region: 'eu',
      status: 'pending_authorization',
      sellerId: '',
    });
  });

  it.each([
    [{ name: '' }, 'name', 'is required'],
    [{ email: 'nope' }, 'email', 'must be an email address'],
    [{ country: 'XX' }, 'country', 'must be one of the Amazon marketplaces'],
    [{ websiteCode: 'Base Site' }, 'websiteCode', 'must be a Commerce website code'],
    [{ productIdType: 'EAN' }, 'productIdAttribute', 'choose the Commerce attribute'],
    [{ productIdAttribute: 'amazon_ean' }, 'productIdType', 'choose which Amazon product ID'],
    [{ marketplaceId: 'X' }, '', 'Unrecognized key'],
  ])('refuses %o naming %s', (change, field, message) => {
    const result = newStoreInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === field);
    expect(issue?.message).toContain(message);
  });
});

describe('status changes', () => {
  const store = { id: 's', name: 'S', status: 'active', encryptedRefreshToken: 'x' } as StoreRecord;
  it('deactivates and activates an authorised store', () => {
    const off = applyStatusChange(store, 'deactivate', 'now');
    expect(off).toEqual({ ok: true, store: { ...store, status: 'inactive', updatedAt: 'now' } });
  });
  it('refuses an unauthorised store', () => {
    expect(applyStatusChange({ ...store, encryptedRefreshToken: undefined }, 'activate', 'now')).toMatchObject({
      ok: false,
    });
  });
});

describe('authorisation state and consent URL', () => {
  it('round-trips the state and refuses malformed ones', () => {
    expect(parseState(formatState('us-abc', NONCE))).toEqual({ storeId: 'us-abc', nonce: NONCE });
    for (const bad of [undefined, '', 'us-abc', `.${NONCE}`, `US.${NONCE}`, `us-abc.${NONCE}x`, `a/b.${NONCE}`])
      expect(parseState(bad)).toBeUndefined();
  });

  it('builds the production Seller Central URL of the marketplace', () => {
    const uk = marketplaceByCountry('GB');
    if (!uk) throw new Error('GB');
    const url = new URL(
      consentUrl(uk, { applicationId: 'amzn1.sp.solution.x', state: 's', redirectUri: 'https://r/cb', draft: true }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://sellercentral-europe.amazon.com/apps/authorize/consent');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      application_id: 'amzn1.sp.solution.x',
      state: 's',
      version: 'beta',
      redirect_uri: 'https://r/cb',
    });
    const published = new URL(
      consentUrl(uk, {
        baseUrl: 'http://127.0.0.1:7071/',
        applicationId: 'a',
        state: 's',
        redirectUri: 'r',
        draft: false,
      }),
    );
    expect(published.origin).toBe('http://127.0.0.1:7071');
    expect(published.searchParams.has('version')).toBe(false);
  });

  it('links the store dashboard to the marketplace s Seller Central', () => {
    const ca = marketplaceByCountry('CA');
    if (!ca) throw new Error('CA');
    expect(sellerCentralLinks(ca).every((link) => link.url.startsWith('https://sellercentral.amazon.ca/'))).toBe(true);
  });

  it('warns 30 days before the yearly renewal', () => {
    const store = { encryptedRefreshToken: 'x', authorizedAt: '2026-01-01T00:00:00.000Z' } as StoreRecord;
    expect(authorizationState(store, Date.parse('2026-11-01T00:00:00Z')).state).toBe('valid');
    expect(authorizationState(store, Date.parse('2026-12-15T00:00:00Z')).state).toBe('renewal_due');
    expect(authorizationState(store, Date.parse('2027-01-02T00:00:00Z')).state).toBe('expired');
    expect(authorizationState({ ...store, encryptedRefreshToken: undefined }, 0).state).toBe('missing');
  });
});

describe('settings change descriptions', () => {
  it('lists changed fields per section, whole arrays compared', () => {
    const changes = diffSettings(
      { listingPrice: { vatPercentage: '0.00', applyVat: false }, businessPrice: { tiers: [] } },
      { listingPrice: { vatPercentage: '10.2', applyVat: false }, businessPrice: { tiers: [{ minQuantity: 5 }] } },
    );
    expect(describeChanges(changes)).toBe(
      'listingPrice.vatPercentage: 0.00 → 10.2; businessPrice.tiers: [] → [{"minQuantity":5}]',
    );
    expect(diffSettings({ a: { b: null } }, { a: { b: 'x' } })).toEqual([{ field: 'a.b', from: null, to: 'x' }]);
  });
});
