/**
 * Shared zod pieces for Commerce responses. Field names follow models/commerce/admin-schema-2.4.9.yaml.
 * Objects are loose: Commerce adds fields per edition and extension, and we must not drop them on the floor.
 */
import Big from 'big.js';
import { z } from 'zod';

/**
 * Commerce sends money as JSON numbers. We turn them into exact decimal strings at the boundary so the rest of
 * the app never does float arithmetic on money (JSON numbers with up to 15 significant digits round-trip exactly).
 */
export const decimalString = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number')])
  .transform((value) => new Big(value).toFixed());
export type Decimal = string;

/** Commerce sometimes sends ids and flags as strings ("1") depending on the resource model. */
export const intLike = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).transform((v) => Number(v));
export const boolLike = z
  .union([z.boolean(), z.number(), z.string()])
  .transform((v) => v === true || v === 1 || v === '1' || v === 'true');

export const customAttribute = z.looseObject({
  attribute_code: z.string(),
  value: z.unknown(),
});
export type CustomAttribute = z.infer<typeof customAttribute>;

export const searchCriteriaEcho = z.looseObject({
  page_size: z.number().optional(),
  current_page: z.number().optional(),
});

/** `{ items, search_criteria, total_count }` as returned by every Commerce search endpoint. */
export const searchResults = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    items: z
      .array(item)
      .nullish()
      .transform((items) => items ?? []),
    search_criteria: searchCriteriaEcho.optional(),
    total_count: z.number().int(),
  });

export interface SearchPage<T> {
  items: T[];
  total_count: number;
}

/** Finds a custom attribute's value by code (Commerce keeps EAN, ASIN, cost, msrp... there). */
export function customAttributeValue(
  entity: { custom_attributes?: CustomAttribute[] | null },
  code: string,
): unknown | undefined {
  return entity.custom_attributes?.find((a) => a.attribute_code === code)?.value;
}
