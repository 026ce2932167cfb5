import { z } from 'zod';
import {
  type AttributeValueRow,
  attributeValueRowSchema,
  type ReimportJob,
  reimportJobSchema,
} from '../../../src/core/listings/attributes';
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

/** Progress of Re-import Product Attribute Values (a background job the page polls): the server's own schema. */
export { type ReimportJob, reimportJobSchema };

export const mappingsSchema = z.object({
  country: z.string(),
  mappings: z.array(attributeMappingSchema),
  job: reimportJobSchema.nullable().optional(),
});
export type Mappings = z.infer<typeof mappingsSchema>;

/** A Matching Attribute Values row: the server's own schema. */
export const valueRowSchema = attributeValueRowSchema;
export type ValueRow = AttributeValueRow;

export const valuesSchema = z.object({
  country: z.string(),
  job: reimportJobSchema.nullable(),
  values: z.object({ items: z.array(valueRowSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
});
export type Values = z.infer<typeof valuesSchema>;

export interface NewAttribute {
  amazonAttribute: string;
  code: string;
  label: string;
  frontendInput: 'text' | 'textarea' | 'select' | 'boolean' | 'date' | 'price';
  scope: 'global' | 'store';
  attributeSetIds: number[];
  usedForPromoRules: boolean;
  searchable: boolean;
  comparable: boolean;
  active: boolean;
  overwrite: boolean;
}

export const createAttributesClient = (session: Pick<Session, 'config' | 'credentials'>, fetchFn?: FetchLike) => {
  const transport = createTransport(session, fetchFn);
  const action = 'asc/listing-attributes';
  return {
    list: (storeId: string, refresh = false): Promise<Mappings> =>
      transport.call(action, 'GET', { storeId, refresh: refresh ? 'true' : undefined }, mappingsSchema),
    values: (storeId: string, page: number, pageSize: number): Promise<Values> =>
      transport.call(action, 'GET', { storeId, view: 'values', page, pageSize }, valuesSchema),
    save: (storeId: string, mappings: AttributeMapping[]): Promise<Mappings> =>
      transport.call(action, 'POST', { storeId, action: 'save', mappings }, mappingsSchema),
    create: (storeId: string, attribute: NewAttribute): Promise<Mappings> =>
      transport.call(action, 'POST', { storeId, action: 'create', ...attribute }, mappingsSchema),
    addOption: (storeId: string, commerceAttribute: string, label: string) =>
      transport.call(
        action,
        'POST',
        { storeId, action: 'add-option', commerceAttribute, label },
        z.object({ commerceAttribute: z.string(), optionId: z.string() }),
      ),
    reimport: (storeId: string): Promise<{ job: ReimportJob; started: boolean }> =>
      transport.call(
        action,
        'POST',
        { storeId, action: 'reimport' },
        z.object({ job: reimportJobSchema, started: z.boolean() }),
      ),
  };
};
export type AttributesClient = ReturnType<typeof createAttributesClient>;

/** One line for the merchant about a re-import run. */
export const describeJob = (job: ReimportJob): string => {
  const counts = `${job.productsChecked} products checked, ${job.productsUpdated} updated (${job.valuesWritten} values)${job.failed ? `, ${job.failed} failed` : ''}`;
  if (job.status === 'queued') return 'Re-import queued…';
  if (job.status === 'running') return `Re-importing… page ${job.pages}: ${counts}`;
  if (job.status === 'failed') return `Re-import failed: ${job.message ?? 'see the activation log'} (${counts})`;
  return `Re-import done: ${counts}${job.message ? ` — ${job.message}` : ''}.`;
};
