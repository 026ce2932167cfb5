import { type AttributeMapping, amazonValueOf, isApplicable } from '../../core/listings/attributes';

/**
 * Matching Attribute Values (SPEC 3.12), pure: for one product, which Commerce values Amazon's values become and
 * each value's status. Scope (docs/listings.md "Attributes"): a text-like attribute takes Amazon's value as is; a
 * select attribute takes the option whose label (or id) equals Amazon's value, ignoring case — a value with no
 * such option is Not Imported until the merchant adds the option (the tab offers it) and re-imports. Values flow
 * Amazon → Commerce only; edits on the product page are never sent back through a mapping.
 */

export interface CommerceAttributeShape {
  frontendInput: string;
  options: Array<{ value: string; label: string }>;
}

export interface ValueOutcome {
  amazonAttribute: string;
  commerceAttribute: string;
  amazonValue: string | null;
  /** What Commerce holds after the writes (option label for select attributes). */
  commerceValue: string | null;
  status: 'imported' | 'not_imported';
  reason?: string;
}

const isEmpty = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

const SELECTS = new Set(['select', 'multiselect', 'boolean']);

const BOOLEAN_OPTIONS = [
  { value: '1', label: 'Yes' },
  { value: '0', label: 'No' },
];

/** The Commerce value an Amazon value becomes, or null when a select attribute has no matching option. */
export const commerceValueFor = (amazonValue: string, shape: CommerceAttributeShape | undefined): string | null => {
  if (!shape || !SELECTS.has(shape.frontendInput)) return amazonValue;
  const options = shape.frontendInput === 'boolean' ? BOOLEAN_OPTIONS : shape.options;
  const wanted = amazonValue.trim().toLowerCase();
  const bool = shape.frontendInput === 'boolean' && ['true', 'false'].includes(wanted);
  const target = bool ? (wanted === 'true' ? 'yes' : 'no') : wanted;
  const option = options.find((o) => o.label.trim().toLowerCase() === target || o.value === amazonValue.trim());
  return option ? option.value : null;
};

const labelOf = (value: unknown, shape: CommerceAttributeShape | undefined): string | null => {
  if (isEmpty(value)) return null;
  if (!shape || !SELECTS.has(shape.frontendInput)) return String(value);
  const options = shape.frontendInput === 'boolean' ? BOOLEAN_OPTIONS : shape.options;
  return options.find((o) => o.value === String(value))?.label ?? String(value);
};

/**
 * The writes for one product and the outcome of every active mapping of the country: Amazon values go where
 * overwrite is on or the catalog value is empty; an equal value counts as imported without a write.
 */
export const planProductValues = (
  mappings: readonly AttributeMapping[],
  marketplaceCountry: string,
  amazonAttributes: Record<string, unknown>,
  commerceValues: Record<string, unknown>,
  shapes: ReadonlyMap<string, CommerceAttributeShape>,
): { writes: Record<string, string>; outcomes: ValueOutcome[] } => {
  const writes: Record<string, string> = {};
  const outcomes: ValueOutcome[] = [];
  for (const mapping of mappings) {
    if (mapping.marketplaceCountry !== marketplaceCountry || !isApplicable(mapping)) continue;
    const code = mapping.commerceAttribute;
    const shape = shapes.get(code);
    const current = commerceValues[code];
    const amazonValue = amazonValueOf(amazonAttributes[mapping.amazonAttribute]);
    const base = { amazonAttribute: mapping.amazonAttribute, commerceAttribute: code, amazonValue };
    const notImported = (reason: string): ValueOutcome => ({
      ...base,
      commerceValue: labelOf(current, shape),
      status: 'not_imported',
      reason,
    });
    if (amazonValue === null) {
      outcomes.push(notImported('Amazon has no single value for this attribute on the listing'));
      continue;
    }
    const value = commerceValueFor(amazonValue, shape);
    if (value === null) {
      outcomes.push(notImported(`no option "${amazonValue}" in Commerce attribute ${code}`));
      continue;
    }
    if (!isEmpty(current) && String(current) === value) {
      outcomes.push({ ...base, commerceValue: labelOf(value, shape), status: 'imported' });
      continue;
    }
    if (!mapping.overwrite && !isEmpty(current)) {
      outcomes.push(notImported('the catalog value is kept (Do Not Overwrite Existing Magento Values)'));
      continue;
    }
    writes[code] = value;
    outcomes.push({ ...base, commerceValue: labelOf(value, shape), status: 'imported' });
  }
  return { writes, outcomes };
};
