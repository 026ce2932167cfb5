import { z } from 'zod';
import type { Session } from '../host/session';
import type { FetchLike } from './config';
import { createTransport } from './transport';

/** Client and answer schemas of asc/listing-attributes (Attributes import and mapping, SPEC 3.12). */

export const attributeMappingSchema = z.object({
  marketplaceCountry: z.string(),
  amazonAttribute: z.string(),
  commerceAttribute: z.string().nullable(),
  overwrite: z.boolean(),
  active: z.boolean(),
});
export type AttributeMapping = z.infer<typeof attributeMappingSchema>;

export const mappingsSchema = z.object({ country: z.string(), mappings: z.array(attributeMappingSchema) });
export type Mappings = z.infer<typeof mappingsSchema>;

export const reimportResultSchema = z.object({
  productsChecked: z.number(),
  productsUpdated: z.number(),
  valuesWritten: z.number(),
  errors: z.array(z.object({ sellerSku: z.string(), message: z.string() })),
});
export type ReimportResult = z.infer<typeof reimportResultSchema>;

export const createListingAttributesClient = (
  session: Pick<Session, 'config' | 'credentials'>,
  fetchFn?: FetchLike,
) => {
  const transport = createTransport(session, fetchFn);
  return {
    list: (storeId: string, refresh = false): Promise<Mappings> =>
      transport.call(
        'asc/listing-attributes',
        'GET',
        { storeId, refresh: refresh ? 'true' : undefined },
        mappingsSchema,
      ),
    save: (storeId: string, mappings: AttributeMapping[]): Promise<Mappings> =>
      transport.call('asc/listing-attributes', 'POST', { storeId, action: 'save', mappings }, mappingsSchema),
    reimport: (storeId: string): Promise<ReimportResult> =>
      transport.call('asc/listing-attributes', 'POST', { storeId, action: 'reimport' }, reimportResultSchema),
  };
};
export type ListingAttributesClient = ReturnType<typeof createListingAttributesClient>;
