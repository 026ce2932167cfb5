import { commerceValueFor, planProductValues } from '../../../src/app/listings/attribute-values';
import type { AttributeMapping } from '../../../src/core/listings/attributes';

const mapping = (changes: Partial<AttributeMapping> = {}): AttributeMapping => ({
  marketplaceCountry: 'US',
  amazonAttribute: 'color',
  commerceAttribute: 'color',
  overwrite: false,
  active: true,
  ...changes,
});
const amazon = (value: unknown) => ({ color: [{ value, marketplace_id: 'ATVPDKIKX0DER' }] });
const colors = {
  frontendInput: 'select',
  options: [
    { value: '11', label: 'Red' },
    { value: '12', label: 'Blue' },
  ],
};
const shapes = new Map([['color', colors]]);

describe('Matching Attribute Values', () => {
  it('resolves an Amazon value to the select option with the same label, ignoring case', () => {
    expect(commerceValueFor('red', colors)).toBe('11');
    expect(commerceValueFor(' BLUE ', colors)).toBe('12');
    expect(commerceValueFor('Green', colors)).toBeNull();
    expect(commerceValueFor('Green', undefined)).toBe('Green');
    expect(commerceValueFor('true', { frontendInput: 'boolean', options: [] })).toBe('1');
  });

  it('writes the option id into an empty catalog value and reports it imported with its label', () => {
    const plan = planProductValues([mapping()], 'US', amazon('Red'), {}, shapes);
    expect(plan.writes).toEqual({ color: '11' });
    expect(plan.outcomes).toEqual([
      {
        amazonAttribute: 'color',
        commerceAttribute: 'color',
        amazonValue: 'Red',
        commerceValue: 'Red',
        status: 'imported',
      },
    ]);
  });

  it('reports a value with no Commerce option as Not Imported and writes nothing', () => {
    const plan = planProductValues([mapping()], 'US', amazon('Green'), {}, shapes);
    expect(plan.writes).toEqual({});
    expect(plan.outcomes[0]).toMatchObject({ status: 'not_imported', commerceValue: null });
    expect(plan.outcomes[0].reason).toContain('no option "Green"');
  });

  it('keeps a catalog value unless overwrite is on; an equal value counts as imported without a write', () => {
    const kept = planProductValues([mapping()], 'US', amazon('Red'), { color: '12' }, shapes);
    expect(kept.writes).toEqual({});
    expect(kept.outcomes[0]).toMatchObject({ status: 'not_imported', commerceValue: 'Blue' });
    const overwritten = planProductValues([mapping({ overwrite: true })], 'US', amazon('Red'), { color: '12' }, shapes);
    expect(overwritten.writes).toEqual({ color: '11' });
    const same = planProductValues([mapping()], 'US', amazon('Red'), { color: '11' }, shapes);
    expect(same.writes).toEqual({});
    expect(same.outcomes[0].status).toBe('imported');
  });

  it('skips inactive, unmapped and other-country mappings, and structured Amazon values are Not Imported', () => {
    const plan = planProductValues(
      [mapping({ active: false }), mapping({ marketplaceCountry: 'CA' }), mapping({ amazonAttribute: 'offer' })],
      'US',
      { color: [{ value: 'Red' }], offer: [{ value: { amount: 1 } }] },
      {},
      shapes,
    );
    expect(plan.writes).toEqual({});
    expect(plan.outcomes).toHaveLength(1);
    expect(plan.outcomes[0]).toMatchObject({ amazonAttribute: 'offer', status: 'not_imported' });
  });
});
