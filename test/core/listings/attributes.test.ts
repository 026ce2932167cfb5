import {
  type AttributeMapping,
  amazonValueOf,
  attributeMappingSchema,
  reimportPlan,
  withDiscovered,
  withEdits,
} from '../../../src/core/listings/attributes';

const row = (changes: Partial<AttributeMapping> = {}): AttributeMapping => ({
  marketplaceCountry: 'US',
  amazonAttribute: 'brand',
  commerceAttribute: 'brand',
  overwrite: false,
  active: true,
  ...changes,
});

describe('attribute mapping', () => {
  it('adds newly discovered Amazon names as unmapped, inactive rows and keeps existing settings', () => {
    const mapped = row({ overwrite: true });
    const result = withDiscovered([mapped], 'US', ['item_name', 'brand']);
    expect(result).toEqual([
      mapped,
      {
        marketplaceCountry: 'US',
        amazonAttribute: 'item_name',
        commerceAttribute: null,
        overwrite: false,
        active: false,
      },
    ]);
  });

  it('applies edits by country and Amazon name', () => {
    const result = withEdits([row(), row({ marketplaceCountry: 'CA' })], [row({ commerceAttribute: 'manufacturer' })]);
    expect(result.map((m) => `${m.marketplaceCountry}:${m.commerceAttribute}`)).toEqual([
      'CA:brand',
      'US:manufacturer',
    ]);
  });

  it('refuses a Commerce code with spaces or capitals, naming the field', () => {
    const parsed = attributeMappingSchema.safeParse(row({ commerceAttribute: 'My Brand' }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['commerceAttribute']);
  });
});

describe('re-import plan', () => {
  const amazon = {
    brand: [{ value: 'Acme', marketplace_id: 'ATVPDKIKX0DER' }],
    item_name: [{ value: 'Acme Mug', language_tag: 'en_US' }],
    purchasable_offer: [{ currency: 'USD', our_price: [] }],
  };

  it('fills empty catalog values and keeps existing ones unless overwrite is on', () => {
    const mappings = [row(), row({ amazonAttribute: 'item_name', commerceAttribute: 'meta_title' })];
    expect(reimportPlan(mappings, 'US', amazon, { brand: 'Other', meta_title: '' })).toEqual({
      meta_title: 'Acme Mug',
    });
    expect(reimportPlan([row({ overwrite: true })], 'US', amazon, { brand: 'Other' })).toEqual({ brand: 'Acme' });
  });

  it('skips inactive, unmapped, other-country and structured attributes, and unchanged values', () => {
    const mappings = [
      row({ active: false }),
      row({ amazonAttribute: 'item_name', commerceAttribute: null, active: false }),
      row({ marketplaceCountry: 'CA', amazonAttribute: 'item_name', commerceAttribute: 'name_ca' }),
      row({ amazonAttribute: 'purchasable_offer', commerceAttribute: 'offer' }),
    ];
    expect(reimportPlan(mappings, 'US', amazon, {})).toEqual({});
    expect(reimportPlan([row({ overwrite: true })], 'US', amazon, { brand: 'Acme' })).toEqual({});
  });

  it('reads plain values only', () => {
    expect(amazonValueOf([{ value: 3 }])).toBe('3');
    expect(amazonValueOf([{ value: { nested: true } }])).toBeNull();
    expect(amazonValueOf('x')).toBeNull();
  });
});
