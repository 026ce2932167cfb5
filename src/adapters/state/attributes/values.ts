import { buildKey, type Storage } from '..';
import { type AttributeValueRow, attributeValueRowSchema } from '../../../core/listings/attributes';
import type { ChunkedCollection } from '../../../core/ports/collection';

/**
 * Matching Attribute Values (SPEC 3.12): what the last Re-import Product Attribute Values found per listing and
 * mapped attribute — the Amazon value, the Commerce value it became, Imported or Not Imported and why. A grid
 * collection per store (a page costs ≤ 3 State reads), replaced by each re-import run.
 */
export { type AttributeValueRow, attributeValueRowSchema };

export const attributeValuesCollection = (storage: Storage, storeId: string): ChunkedCollection<AttributeValueRow> =>
  storage.collection<AttributeValueRow>(buildKey('attributes', storeId, 'values'), {
    schema: attributeValueRowSchema,
    keyOf: (row) => `${row.sellerSku}|${row.amazonAttribute}`,
    maxPageSize: 200,
  });
