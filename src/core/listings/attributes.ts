import { z } from 'zod';

/**
 * Attributes import and mapping (SPEC 3.12): per marketplace country, which Amazon listing attribute feeds which
 * Commerce product attribute, whether Amazon's value may replace a value the catalog already has, and whether the
 * mapping is in use. Values flow one way only (Amazon → Commerce).
 */

export const attributeMappingSchema = z.object({
  marketplaceCountry: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
  amazonAttribute: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be an Amazon attribute name such as brand'),
  commerceAttribute: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'must be a Commerce attribute code: lowercase, no spaces')
    .max(60)
    .nullable(),
  overwrite: z.boolean(),
  active: z.boolean(),
});
export type AttributeMapping = z.infer<typeof attributeMappingSchema>;

export const attributeMappingsSchema = z.array(attributeMappingSchema).max(1000);

const keyOf = (m: Pick<AttributeMapping, 'marketplaceCountry' | 'amazonAttribute'>) =>
  `${m.marketplaceCountry}:${m.amazonAttribute}`;

const byCountryThenName = (a: AttributeMapping, b: AttributeMapping) => keyOf(a).localeCompare(keyOf(b));

/** Adds newly seen Amazon attribute names as unmapped, inactive rows; existing rows keep their settings. */
export const withDiscovered = (
  mappings: readonly AttributeMapping[],
  marketplaceCountry: string,
  amazonAttributes: Iterable<string>,
): AttributeMapping[] => {
  const result = new Map(mappings.map((m) => [keyOf(m), m]));
  for (const amazonAttribute of amazonAttributes) {
    const row = { marketplaceCountry, amazonAttribute, commerceAttribute: null, overwrite: false, active: false };
    if (!result.has(keyOf(row))) result.set(keyOf(row), row);
  }
  return [...result.values()].sort(byCountryThenName);
};

/** Applies edited rows (matched by country and Amazon name); an edit for an unknown row adds it. */
export const withEdits = (
  mappings: readonly AttributeMapping[],
  edits: readonly AttributeMapping[],
): AttributeMapping[] => {
  const result = new Map(mappings.map((m) => [keyOf(m), m]));
  for (const edit of edits) result.set(keyOf(edit), edit);
  return [...result.values()].sort(byCountryThenName);
};

/** A mapping without a Commerce attribute cannot be active: nothing would receive the values. */
export const isApplicable = (m: AttributeMapping): m is AttributeMapping & { commerceAttribute: string } =>
  m.active && m.commerceAttribute !== null;

/**
 * The plain value of an Amazon attribute (`[{ value, marketplace_id }]`), or null for structured attributes
 * (offers, availability) that have no single value to copy into a product attribute.
 */
export const amazonValueOf = (entries: unknown): string | null => {
  if (!Array.isArray(entries) || entries.length === 0) return null;
  const first = entries[0] as { value?: unknown };
  const value = first?.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
};

const isEmpty = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/**
 * The Commerce attribute values to write for one product: each active, mapped attribute whose Amazon value
 * differs from the catalog value, where overwrite is on or the catalog value is empty.
 */
export const reimportPlan = (
  mappings: readonly AttributeMapping[],
  marketplaceCountry: string,
  amazonAttributes: Record<string, unknown>,
  commerceValues: Record<string, unknown>,
): Record<string, string> => {
  const writes: Record<string, string> = {};
  for (const mapping of mappings) {
    if (mapping.marketplaceCountry !== marketplaceCountry || !isApplicable(mapping)) continue;
    const value = amazonValueOf(amazonAttributes[mapping.amazonAttribute]);
    if (value === null) continue;
    const current = commerceValues[mapping.commerceAttribute];
    if (!mapping.overwrite && !isEmpty(current)) continue;
    if (!isEmpty(current) && String(current) === value) continue;
    writes[mapping.commerceAttribute] = value;
  }
  return writes;
};

/** A Matching Attribute Values row (SPEC 3.12): what the last re-import found for one listing and mapped attribute. */
export const attributeValueRowSchema = z.object({
  marketplaceCountry: z.string(),
  sellerSku: z.string(),
  productSku: z.string(),
  asin: z.string().nullable(),
  amazonAttribute: z.string(),
  commerceAttribute: z.string(),
  amazonValue: z.string().nullable(),
  /** What Commerce holds after the run (an option id resolves to its label for select attributes). */
  commerceValue: z.string().nullable(),
  status: z.enum(['imported', 'not_imported']),
  reason: z.string().optional(),
});
export type AttributeValueRow = z.infer<typeof attributeValueRowSchema>;

/**
 * Progress of one store's Re-import Product Attribute Values job (asc-jobs/attributes-reimport), one State value
 * the UI polls. Each job invocation handles one page of listings, records its counts, then invokes the next.
 */
export const reimportJobSchema = z.object({
  jobId: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Seller SKU of the last listing done; the next page starts after it. */
  cursor: z.string().optional(),
  pages: z.number().int(),
  listingsSeen: z.number().int(),
  productsChecked: z.number().int(),
  productsUpdated: z.number().int(),
  valuesWritten: z.number().int(),
  /** The first failures (bounded); `failed` counts them all. */
  errors: z.array(z.object({ sellerSku: z.string(), message: z.string() })),
  failed: z.number().int(),
  message: z.string().optional(),
});
export type ReimportJob = z.infer<typeof reimportJobSchema>;
