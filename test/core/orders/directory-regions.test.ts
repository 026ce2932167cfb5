/** Amazon's StateOrRegion → the region of Commerce's directory (id, code, name) the quote address needs. */
import {
  buildCreationPlan,
  type DirectoryRegion,
  matchDirectoryRegion,
  parseAmazonOrder,
  toCommerceAddress,
  withDirectoryRegion,
} from '../../../src/core/orders';
import { DEFAULT_ORDER_SETTINGS } from '../../../src/core/settings/order-settings';
import { product, rawOrder } from './fixtures';

// As Commerce's GET V1/directory/countries/{id} lists them (ids from Magento_Directory).
const US: DirectoryRegion[] = [
  { id: 6, code: 'AF', name: 'Armed Forces Africa' },
  { id: 12, code: 'CA', name: 'California' },
  { id: 62, code: 'WA', name: 'Washington' },
];
const CA: DirectoryRegion[] = [
  { id: 76, code: 'QC', name: 'Quebec' },
  { id: 78, code: 'YT', name: 'Yukon Territory' },
];
const DE: DirectoryRegion[] = [
  { id: 80, code: 'BAW', name: 'Baden-Württemberg' },
  { id: 88, code: 'NRW', name: 'Nordrhein-Westfalen' },
];

const addressFor = (countryCode: string, stateOrRegion: string | undefined, city = 'Somewhere') =>
  toCommerceAddress(
    parseAmazonOrder(
      rawOrder({
        address: {
          name: 'Alex Smith',
          addressLine1: '1 Main St',
          city,
          stateOrRegion,
          postalCode: '12345',
          countryCode,
        },
      }),
    ),
  );

describe('matchDirectoryRegion', () => {
  it.each([
    ['CA', 'California'],
    ['ca', 'California'],
    ['CA.', 'California'],
    ['california', 'California'],
    ['  CALIFORNIA ', 'California'],
    ['Armed Forces Africa', 'Armed Forces Africa'],
  ])('US %p → %p', (text, name) => {
    expect(matchDirectoryRegion('US', US, text)?.name).toBe(name);
  });

  it('matches names without accents or punctuation, and names our table knows by another spelling', () => {
    expect(matchDirectoryRegion('CA', CA, 'Québec')).toEqual({ id: 76, code: 'QC', name: 'Quebec' });
    expect(matchDirectoryRegion('CA', CA, 'Yukon')).toEqual({ id: 78, code: 'YT', name: 'Yukon Territory' });
    expect(matchDirectoryRegion('DE', DE, 'Baden Wurttemberg')?.id).toBe(80);
    expect(matchDirectoryRegion('DE', DE, 'nrw')?.id).toBe(88);
  });

  it('gives nothing for text that names no region of the country', () => {
    expect(matchDirectoryRegion('US', US, 'Ontario')).toBeUndefined();
    expect(matchDirectoryRegion('US', US, '')).toBeUndefined();
    expect(matchDirectoryRegion('US', [], 'CA')).toBeUndefined();
  });
});

describe('withDirectoryRegion', () => {
  it("puts Commerce's id, code and name on the address", () => {
    expect(withDirectoryRegion(addressFor('US', 'california'), US)).toMatchObject({
      region_id: 12,
      region_code: 'CA',
      region: 'California',
      country_id: 'US',
    });
    // Not in our name table, but in Commerce's directory.
    expect(withDirectoryRegion(addressFor('US', 'Armed Forces Africa'), US)).toMatchObject({
      region_id: 6,
      region_code: 'AF',
    });
    expect(withDirectoryRegion(addressFor('CA', 'Yukon Territory'), CA)).toMatchObject({ region_id: 78 });
  });

  it('leaves the address as it was when the directory has no such region or no regions at all', () => {
    const unknown = addressFor('US', 'Atlantis');
    expect(withDirectoryRegion(unknown, US)).toEqual(unknown);
    expect(withDirectoryRegion(unknown, US).region_id).toBeUndefined();
    const gb = addressFor('GB', 'Greater Manchester');
    expect(withDirectoryRegion(gb, [])).toEqual(gb);
  });

  it('reaches both addresses of a creation plan, on the cart and the direct path', () => {
    const input = {
      order: parseAmazonOrder(
        rawOrder({ address: { name: 'A B', city: 'LA', stateOrRegion: 'ca', countryCode: 'US' } }),
      ),
      settings: DEFAULT_ORDER_SETTINGS,
      matches: { 'SKU-1': product('SKU-1') },
      decision: { kind: 'create', reserve: true, complete: false, reason: '' } as const,
      directoryRegions: US,
    };
    const cart = buildCreationPlan({ ...input, capabilities: { cartCustomPrice: true } });
    expect(cart.shippingAddress).toMatchObject({ region_id: 12, region_code: 'CA' });
    expect(cart.billingAddress.region_id).toBe(12);
    const direct = buildCreationPlan({ ...input, capabilities: { cartCustomPrice: false } });
    expect(direct.path).toBe('direct');
    expect(JSON.stringify(direct.path === 'direct' ? direct.entity : {})).toContain('"region_id":12');
  });
});
