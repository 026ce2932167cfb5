import { parseScaled } from '../money';
import { type AttributeType, type AttributeValue, isNegativeOperator, type Operator } from './types';

/**
 * Compiles one comparison (attribute type, operator, condition value) into a predicate over a product value.
 * Semantics follow Commerce's rule conditions, made explicit:
 * - a missing value (undefined, null, '', []) fails every positive operator and passes every negative one;
 * - text compares case-insensitively; numbers compare exactly as decimals (never as floats);
 * - dates compare by calendar day (YYYY-MM-DD);
 * - multiselect `contains` needs every listed option, `is one of` any of them;
 * - category `is` / `is one of` match when the product is in at least one listed category.
 */
export type ValuePredicate = (value: AttributeValue | undefined) => boolean;

const NUMERIC_SCALE = 6;
const LIST_OPERATORS: ReadonlySet<Operator> = new Set(['is_one_of', 'is_not_one_of']);

/** Whether an operator takes a list of values (`is one of`), or one value. Multiselect/category always take lists. */
export const operatorTakesList = (type: AttributeType, op: Operator): boolean =>
  type === 'multiselect' || type === 'category' || LIST_OPERATORS.has(op);

const isMissing = (value: AttributeValue | undefined): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const toNumber = (value: AttributeValue | undefined): number => {
  if (typeof value === 'number') return Number.isFinite(value) ? parseScaled(String(value), NUMERIC_SCALE) : Number.NaN;
  if (typeof value === 'string') return parseScaled(value.trim(), NUMERIC_SCALE);
  if (typeof value === 'boolean') return value ? POW6 : 0;
  return Number.NaN;
};
const POW6 = 1_000_000;

const toText = (value: AttributeValue | undefined): string =>
  Array.isArray(value) ? value.join(',').toLowerCase() : String(value).trim().toLowerCase();

const toDay = (value: AttributeValue | undefined): string => String(value).trim().slice(0, 10);

const toBoolean = (value: AttributeValue | undefined): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = toText(value);
  if (text === '1' || text === 'true' || text === 'yes') return true;
  if (text === '0' || text === 'false' || text === 'no') return false;
  return undefined;
};

const toList = (value: AttributeValue | undefined): string[] =>
  Array.isArray(value)
    ? value.map((v) => String(v).trim().toLowerCase())
    : String(value)
        .split(',')
        .map((v) => v.trim().toLowerCase())
        .filter((v) => v !== '');

const order = (op: Operator, cmp: number): boolean => {
  switch (op) {
    case 'is':
      return cmp === 0;
    case 'is_not':
      return cmp !== 0;
    case 'gte':
      return cmp >= 0;
    case 'lte':
      return cmp <= 0;
    case 'gt':
      return cmp > 0;
    case 'lt':
      return cmp < 0;
    default:
      return false;
  }
};

const withMissing = (op: Operator, predicate: ValuePredicate): ValuePredicate => {
  const whenMissing = isNegativeOperator(op);
  return (value) => (isMissing(value) ? whenMissing : predicate(value));
};

const compileNumeric = (op: Operator, expected: string | string[]): ValuePredicate => {
  if (op === 'is_one_of' || op === 'is_not_one_of') {
    const set = new Set((expected as string[]).map((v) => toNumber(v)));
    const positive = op === 'is_one_of';
    return (value) => set.has(toNumber(value)) === positive;
  }
  const target = toNumber(expected as string);
  return (value) => {
    const n = toNumber(value);
    if (Number.isNaN(n) || Number.isNaN(target)) return isNegativeOperator(op);
    return order(op, n === target ? 0 : n > target ? 1 : -1);
  };
};

const compileString = (op: Operator, expected: string | string[]): ValuePredicate => {
  if (op === 'is_one_of' || op === 'is_not_one_of') {
    const set = new Set(toList(expected));
    const positive = op === 'is_one_of';
    return (value) => set.has(toText(value)) === positive;
  }
  const target = toText(expected);
  if (op === 'contains') return (value) => toText(value).includes(target);
  if (op === 'not_contains') return (value) => !toText(value).includes(target);
  const targetNumber = toNumber(target);
  return (value) => {
    const text = toText(value);
    // Numeric-looking text compares as numbers ("10" > "9"), like Commerce does.
    const n = Number.isNaN(targetNumber) ? Number.NaN : toNumber(text);
    if (!Number.isNaN(n)) return order(op, n === targetNumber ? 0 : n > targetNumber ? 1 : -1);
    return order(op, text === target ? 0 : text > target ? 1 : -1);
  };
};

const compileSet = (op: Operator, expected: string | string[], requireAll: boolean): ValuePredicate => {
  const wanted = toList(expected);
  const positive = op === 'contains' || op === 'is' || op === 'is_one_of';
  return (value) => {
    const have = new Set(toList(value));
    const hit = requireAll ? wanted.every((w) => have.has(w)) : wanted.some((w) => have.has(w));
    return hit === positive;
  };
};

/** Builds the predicate for one condition line; throws when the operator is not allowed for the type. */
export const compileComparison = (type: AttributeType, op: Operator, expected: string | string[]): ValuePredicate => {
  switch (type) {
    case 'numeric':
      return withMissing(op, compileNumeric(op, expected));
    case 'string':
    case 'select':
      return withMissing(op, compileString(op, expected));
    case 'date': {
      const target = toDay(expected as string);
      return withMissing(op, (value) => {
        const day = toDay(value);
        return order(op, day === target ? 0 : day > target ? 1 : -1);
      });
    }
    case 'boolean': {
      const target = toBoolean(expected as string);
      return withMissing(op, (value) => (toBoolean(value) === target) === (op === 'is'));
    }
    case 'multiselect':
      return withMissing(op, compileSet(op, expected, op === 'contains' || op === 'not_contains'));
    case 'category':
      return withMissing(op, compileSet(op, expected, false));
  }
};
