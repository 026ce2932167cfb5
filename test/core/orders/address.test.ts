import {
  normaliseCountry,
  normalisePhone,
  normalisePostcode,
  normaliseStreet,
  parseAmazonOrder,
  PLACEHOLDER,
  placeholderEmail,
  splitName,
  toCommerceAddress,
} from '../../../src/core/orders';
import { rawOrder } from './fixtures';

describe('address normalisation', () => {
  it('turns "Escondido, californiA 92025-1501" into Escondido, CA 92025 (SPEC 6.3)', () => {
    const o = parseAmazonOrder(
      rawOrder({
        address: {
          name: 'Pat Lee',
          addressLine1: '1 A St',
          city: 'Escondido, californiA 92025-1501',
          countryCode: 'US',
        },
      }),
    );
    expect(toCommerceAddress(o)).toMatchObject({
      city: 'Escondido',
      region_code: 'CA',
      region: 'California',
      postcode: '92025',
      country_id: 'US',
    });
  });

  it('maps state names and codes for US and CA, keeps free regions elsewhere', () => {
    const us = parseAmazonOrder(
      rawOrder({
        address: {
          name: 'A B',
          addressLine1: 'x',
          city: 'NYC',
          stateOrRegion: 'new york',
          postalCode: '10001',
          countryCode: 'us',
        },
      }),
    );
    expect(toCommerceAddress(us)).toMatchObject({ region_code: 'NY', country_id: 'US' });
    const ca = parseAmazonOrder(
      rawOrder({
        address: {
          name: 'A B',
          addressLine1: 'x',
          city: 'Montréal',
          stateOrRegion: 'Québec',
          postalCode: 'h2x1y4',
          countryCode: 'CA',
        },
      }),
    );
    expect(toCommerceAddress(ca)).toMatchObject({ region_code: 'QC', postcode: 'H2X 1Y4' });
    const gb = parseAmazonOrder(
      rawOrder({
        address: {
          name: 'A B',
          addressLine1: 'x',
          city: 'London',
          stateOrRegion: 'England',
          postalCode: 'sw1a1aa',
          countryCode: 'UK',
        },
      }),
    );
    expect(toCommerceAddress(gb)).toMatchObject({ region: 'England', country_id: 'GB', postcode: 'SW1A 1AA' });
    expect(toCommerceAddress(gb).region_code).toBeUndefined();
  });

  it('treats Puerto Rico as its own country (v4.4.0 fix)', () => {
    expect(normaliseCountry('US', 'PR', 'US')).toBe('PR');
    const pr = parseAmazonOrder(
      rawOrder({
        address: {
          name: 'A B',
          addressLine1: 'x',
          city: 'San Juan',
          stateOrRegion: 'PR',
          postalCode: '00901',
          countryCode: 'US',
        },
      }),
    );
    expect(toCommerceAddress(pr)).toMatchObject({ country_id: 'PR', postcode: '00901' });
    expect(toCommerceAddress(pr).region).toBeUndefined();
  });

  it('formats postcodes per country and phones to + and digits', () => {
    expect(normalisePostcode('JP', '1500002')).toBe('150-0002');
    expect(normalisePostcode('DE', ' 50667 ')).toBe('50667');
    expect(normalisePostcode('US', '')).toBe(PLACEHOLDER.postcode);
    expect(normalisePhone('+1 (206) 555-0100')).toBe('+12065550100');
    expect(normalisePhone(undefined)).toBe(PLACEHOLDER.telephone);
  });

  it('folds street lines beyond Commerce’s line count into the last line', () => {
    expect(normaliseStreet(['  1 Main  St', 'Suite 2', 'Floor 3'], 2)).toEqual(['1 Main St', 'Suite 2, Floor 3']);
    expect(normaliseStreet(['a', '', 'b'], 3)).toEqual(['a', 'b']);
    expect(normaliseStreet([], 2)).toEqual([PLACEHOLDER.street]);
  });

  it('strips characters Commerce rejects in names and splits first/last name', () => {
    expect(splitName('Jean-Luc  O’Neil <script>')).toEqual({ firstname: 'Jean-Luc O’Neil', lastname: 'script' });
    expect(splitName('Cher')).toEqual({ firstname: 'Cher', lastname: PLACEHOLDER.lastname });
    expect(splitName(undefined)).toEqual({ firstname: 'Amazon', lastname: 'Customer' });
  });

  it('fills FBA orders without name, address, phone or e-mail with deterministic placeholders', () => {
    const fba = parseAmazonOrder(
      rawOrder({
        orderId: '113-1111111-2222222',
        fulfilledBy: 'AMAZON',
        status: 'SHIPPED',
        buyer: null,
        address: { city: 'Austin', stateOrRegion: 'TX', postalCode: '78701', countryCode: 'US' },
      }),
    );
    const a = toCommerceAddress(fba);
    expect(a).toEqual({
      firstname: 'Amazon',
      lastname: 'Customer',
      street: [PLACEHOLDER.street],
      city: 'Austin',
      region_code: 'TX',
      region: 'Texas',
      postcode: '78701',
      country_id: 'US',
      telephone: PLACEHOLDER.telephone,
      email: 'amazon+113-1111111-2222222@example.com',
    });
    expect(placeholderEmail('113-1111111-2222222')).toBe(a.email);
  });

  it('uses the marketplace country when Amazon sends no address at all', () => {
    const o = parseAmazonOrder(rawOrder({ marketplaceId: 'A1PA6795UKMFR9', address: null }));
    expect(toCommerceAddress(o).country_id).toBe('DE');
  });
});
