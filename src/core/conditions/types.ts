/**
 * The facts a rule condition can look at: one Commerce product as the adapters read it. Listing rules
 * (SPEC 3.10) and pricing rule conditions (SPEC 5.3) both evaluate these.
 */
export type AttributeValue = string | number | boolean | null | string[];

export interface ProductFacts {
  sku: string;
  /** Commerce product type: simple, configurable, virtual, bundle, grouped, downloadable. */
  typeId: string;
  attributeSetId: number;
  categoryIds: readonly number[];
  /** The default-scope `price` as a decimal string, or null when the product has none. */
  price: string | null;
  /** Attribute code → value. Select values are option ids as strings, multiselects arrays of option ids. */
  attributes: Readonly<Record<string, AttributeValue | undefined>>;
}

/** Commerce's *Catalog Input Type for Store Owner* (frontend_input) of an attribute. */
export type FrontendInput =
  | 'text'
  | 'textarea'
  | 'texteditor'
  | 'price'
  | 'weight'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'select'
  | 'multiselect'
  | 'swatch_visual'
  | 'swatch_text';

/** How a condition line compares values; chosen from the frontend input. */
export type AttributeType = 'string' | 'numeric' | 'date' | 'boolean' | 'select' | 'multiselect' | 'category';

export interface AttributeOption {
  value: string;
  label: string;
}

export interface AttributeMeta {
  code: string;
  label: string;
  frontendInput: FrontendInput;
  /** Commerce's *Use for Promo Rule Conditions*: only these attributes may appear in a condition line. */
  usedForPromoRules: boolean;
  options?: readonly AttributeOption[];
}

/** The attributes of one Commerce instance, by code. */
export type AttributeCatalog = Readonly<Record<string, AttributeMeta>>;

export const attributeTypeOf = (input: FrontendInput): AttributeType => {
  switch (input) {
    case 'price':
    case 'weight':
      return 'numeric';
    case 'date':
    case 'datetime':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'select':
    case 'swatch_visual':
    case 'swatch_text':
      return 'select';
    case 'multiselect':
      return 'multiselect';
    default:
      return 'string';
  }
};

/** The ten operators of Commerce's rule conditions, with stable codes (labels are what the admin shows). */
export const OPERATORS = [
  'is',
  'is_not',
  'gte',
  'lte',
  'gt',
  'lt',
  'contains',
  'not_contains',
  'is_one_of',
  'is_not_one_of',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const OPERATOR_LABELS: Readonly<Record<Operator, string>> = {
  is: 'is',
  is_not: 'is not',
  gte: 'equals or greater than',
  lte: 'equals or less than',
  gt: 'greater than',
  lt: 'less than',
  contains: 'contains',
  not_contains: 'does not contain',
  is_one_of: 'is one of',
  is_not_one_of: 'is not one of',
};

/** Operators allowed per attribute type (Commerce's rule condition operator table). */
export const OPERATORS_BY_ATTRIBUTE_TYPE: Readonly<Record<AttributeType, readonly Operator[]>> = {
  string: ['is', 'is_not', 'gte', 'lte', 'gt', 'lt', 'contains', 'not_contains', 'is_one_of', 'is_not_one_of'],
  numeric: ['is', 'is_not', 'gte', 'lte', 'gt', 'lt', 'is_one_of', 'is_not_one_of'],
  date: ['is', 'gte', 'lte', 'gt', 'lt'],
  boolean: ['is', 'is_not'],
  select: ['is', 'is_not', 'is_one_of', 'is_not_one_of'],
  multiselect: ['contains', 'not_contains', 'is_one_of', 'is_not_one_of'],
  category: ['is', 'is_not', 'is_one_of', 'is_not_one_of'],
};

/** What input the editor renders for a condition value. */
export type ValueInputKind =
  | 'text'
  | 'number'
  | 'date'
  | 'boolean'
  | 'select'
  | 'multiselect'
  | 'list'
  | 'category_chooser';

export const isNegativeOperator = (op: Operator): boolean =>
  op === 'is_not' || op === 'not_contains' || op === 'is_not_one_of';
