import { z } from 'zod';
import { buildKey, type Storage } from '..';
import type { ChunkedCollection } from '../../../core/ports/collection';

/**
 * Matching Attribute Values (SPEC 3.12): what the last Re-import Product Attribute Values found per listing and
 * mapped attribute — the Amazon value, the Commerce value it became, Imported or Not Imported and why. A grid
 * collection per store (a page costs ≤ 3 State reads), replaced by each re-import run.
 */
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

export const attributeValuesCollection = (storage: Storage, storeId: string): ChunkedCollection<AttributeValueRow> =>
  storage.collection<AttributeValueRow>(buildKey('attributes', storeId, 'values'), {
    schema: attributeValueRowSchema,
    keyOf: (row) => `${row.sellerSku}|${row.amazonAttribute}`,
    maxPageSize: 200,
  });
