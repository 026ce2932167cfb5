import { z } from 'zod';
import { compileComparison, operatorTakesList } from './operators';
import {
  type AttributeCatalog,
  type AttributeMeta,
  type AttributeOption,
  type AttributeType,
  type AttributeValue,
  attributeTypeOf,
  OPERATOR_LABELS,
  OPERATORS,
  OPERATORS_BY_ATTRIBUTE_TYPE,
  type Operator,
  type ProductFacts,
  type ValueInputKind,
} from './types';

/**
 * Each condition type is declared once (Vendure `config/promotion/*` style). The same object drives
 * validation (argsSchema + check), the editor form (describe) and evaluation (compile/evaluate).
 */
export interface ConditionLineArgs {
  operator: Operator;
  value: string | string[];
}

export interface ConditionFieldDescription {
  /** What the line compares: an attribute code for product attributes, else the condition code. */
  key: string;
  label: string;
  attributeType: AttributeType;
  operators: Array<{ code: Operator; label: string; valueIsList: boolean }>;
  valueInput: ValueInputKind;
  options?: AttributeOption[];
}

/** Serialisable description of a condition type for the rule editor. */
export interface ConditionTypeDescription {
  code: string;
  label: string;
  fields: ConditionFieldDescription[];
}

export interface ConditionDeclaration<A extends ConditionLineArgs = ConditionLineArgs> {
  code: string;
  label: string;
  argsSchema: z.ZodType<A>;
  operatorsByAttributeType: Partial<Record<AttributeType, readonly Operator[]>>;
  /** Errors that need the store's attribute catalogue (unknown attribute, operator not allowed, value shape). */
  check(args: A, catalog: AttributeCatalog): string[];
  describe(catalog: AttributeCatalog): ConditionTypeDescription;
  compile(args: A, catalog: AttributeCatalog): (product: ProductFacts) => boolean;
  evaluate(args: A, product: ProductFacts, catalog: AttributeCatalog): boolean;
}

const valueSchema = z.union([z.string().max(1000), z.array(z.string().max(1000)).min(1).max(1000)]);
const lineArgs = { operator: z.enum(OPERATORS), value: valueSchema };

const inputKind = (type: AttributeType, meta?: AttributeMeta): ValueInputKind => {
  switch (type) {
    case 'numeric':
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'select':
      return meta?.options ? 'select' : 'text';
    case 'multiselect':
      return 'multiselect';
    case 'category':
      return 'category_chooser';
    default:
      return 'text';
  }
};

const field = (
  key: string,
  label: string,
  type: AttributeType,
  meta?: AttributeMeta,
  options?: AttributeOption[],
): ConditionFieldDescription => ({
  key,
  label,
  attributeType: type,
  operators: OPERATORS_BY_ATTRIBUTE_TYPE[type].map((code) => ({
    code,
    label: OPERATOR_LABELS[code],
    valueIsList: operatorTakesList(type, code),
  })),
  valueInput: inputKind(type, meta),
  ...(options ? { options } : meta?.options ? { options: [...meta.options] } : {}),
});

const checkLine = (type: AttributeType, args: ConditionLineArgs, what: string): string[] => {
  const errors: string[] = [];
  if (!OPERATORS_BY_ATTRIBUTE_TYPE[type].includes(args.operator)) {
    errors.push(`operator "${OPERATOR_LABELS[args.operator]}" is not allowed for ${what}`);
    return errors;
  }
  const list = operatorTakesList(type, args.operator);
  if (list && !Array.isArray(args.value)) errors.push(`${what} with "${OPERATOR_LABELS[args.operator]}" needs a list`);
  if (!list && Array.isArray(args.value))
    errors.push(`${what} with "${OPERATOR_LABELS[args.operator]}" needs one value`);
  if (!list && !Array.isArray(args.value) && args.value.trim() === '') errors.push(`${what} needs a value`);
  return errors;
};

/** A condition over one fixed fact of the product (category, attribute set, SKU, type). */
const fixedFactCondition = (
  code: string,
  label: string,
  type: AttributeType,
  read: (product: ProductFacts) => AttributeValue,
  options?: AttributeOption[],
): ConditionDeclaration => {
  const declaration: ConditionDeclaration = {
    code,
    label,
    argsSchema: z.object(lineArgs).strict(),
    operatorsByAttributeType: { [type]: OPERATORS_BY_ATTRIBUTE_TYPE[type] },
    check: (args) => checkLine(type, args, label),
    describe: () => ({ code, label, fields: [field(code, label, type, undefined, options)] }),
    compile: (args) => {
      const predicate = compileComparison(type, args.operator, args.value);
      return (product) => predicate(read(product));
    },
    evaluate: (args, product, catalog) => declaration.compile(args, catalog)(product),
  };
  return declaration;
};

export interface ProductAttributeArgs extends ConditionLineArgs {
  attribute: string;
}

/** "Product Attribute" line: any attribute with Use for Promo Rule Conditions = Yes. */
export const productAttributeCondition: ConditionDeclaration<ProductAttributeArgs> = {
  code: 'product_attribute',
  label: 'Product Attribute',
  argsSchema: z.object({ attribute: z.string().min(1).max(255), ...lineArgs }).strict(),
  operatorsByAttributeType: OPERATORS_BY_ATTRIBUTE_TYPE,
  check: (args, catalog) => {
    const meta = catalog[args.attribute];
    if (!meta) return [`attribute "${args.attribute}" does not exist`];
    if (!meta.usedForPromoRules) return [`attribute "${args.attribute}" is not enabled for promo rule conditions`];
    return checkLine(attributeTypeOf(meta.frontendInput), args, `attribute "${meta.label}"`);
  },
  describe: (catalog) => ({
    code: 'product_attribute',
    label: 'Product Attribute',
    fields: Object.values(catalog)
      .filter((meta) => meta.usedForPromoRules)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((meta) => field(meta.code, meta.label, attributeTypeOf(meta.frontendInput), meta)),
  }),
  compile: (args, catalog) => {
    const meta = catalog[args.attribute];
    // Without metadata (attribute deleted since the rule was saved) compare as text: the safest reading.
    const type: AttributeType = meta ? attributeTypeOf(meta.frontendInput) : 'string';
    const predicate = compileComparison(type, args.operator, args.value);
    const code = args.attribute;
    return (product) => predicate(product.attributes[code]);
  },
  evaluate: (args, product, catalog) => productAttributeCondition.compile(args, catalog)(product),
};

export const categoryCondition = fixedFactCondition('category', 'Category', 'category', (p) =>
  p.categoryIds.map(String),
);
export const attributeSetCondition = fixedFactCondition('attribute_set', 'Attribute Set', 'select', (p) =>
  String(p.attributeSetId),
);
export const skuCondition = fixedFactCondition('sku', 'SKU', 'string', (p) => p.sku);
export const productTypeCondition = fixedFactCondition(
  'type_id',
  'Type',
  'select',
  (p) => p.typeId,
  ['simple', 'configurable', 'virtual', 'bundle', 'grouped', 'downloadable'].map((value) => ({
    value,
    label: value.charAt(0).toUpperCase() + value.slice(1),
  })),
);

/** Every condition type, by code. Listing rules and pricing rules share this registry. */
export const CONDITION_DECLARATIONS: Readonly<Record<string, ConditionDeclaration>> = {
  product_attribute: productAttributeCondition,
  category: categoryCondition,
  attribute_set: attributeSetCondition,
  sku: skuCondition,
  type_id: productTypeCondition,
};

export const CONDITION_CODES = Object.keys(CONDITION_DECLARATIONS);
