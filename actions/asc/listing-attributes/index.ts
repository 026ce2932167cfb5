import { z } from 'zod';
import { saveAttributeMappings } from '../../../src/adapters/state/attributes/repository';
import { loadReimportJob } from '../../../src/adapters/state/attributes/reimport-job';
import { attributeValuesCollection } from '../../../src/adapters/state/attributes/values';
import { addAttributeOption, createMappedAttribute } from '../../../src/app/listings/attribute-create';
import { openWhiskInvoker, startReimport } from '../../../src/app/listings/attribute-reimport';
import { loadOrDiscoverMappings } from '../../../src/app/listings/attributes';
import { loadListingsContext } from '../../../src/app/listings/context';
import { createServices } from '../../../src/app/services';
import { attributeMappingSchema, withEdits } from '../../../src/core/listings/attributes';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { ValidationError } from '../../../src/platform/errors';
import { webAction } from '../../../src/platform/web-action';

const attributeCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, { message: 'must be lowercase letters, digits or _, starting with a letter' });

/**
 * Attributes (SPEC 3.12).
 * GET ?storeId[&refresh=true] → the store's attribute mapping (Amazon names discovered from its listings) and the
 *   last Re-import job's progress; GET ?storeId&view=values&page&pageSize → Matching Attribute Values rows.
 * POST {storeId, action:'save', mappings:[…]} → saves edited rows;
 *   {action:'create', amazonAttribute, code, label, frontendInput, scope, attributeSetIds, …} → creates a Commerce
 *   attribute, adds it to the attribute sets and maps the Amazon attribute to it;
 *   {action:'add-option', commerceAttribute, label} → adds a missing option to a select attribute;
 *   {action:'reimport'} → starts Re-import Product Attribute Values as a background job (asc-jobs/attributes-reimport).
 */
export const main = webAction({
  name: 'listing-attributes',
  get: {
    input: z.object({
      storeId: storeIdSchema,
      refresh: z.enum(['true', 'false']).optional(),
      view: z.enum(['mappings', 'values']).optional(),
      page: z.coerce.number().int().min(0).max(100_000).default(0),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async (query, ctx) => {
      const lc = await loadListingsContext(await createServices(ctx.inputs, ctx.clock), query.storeId);
      const job = await loadReimportJob(lc.services.storage, lc.store.id);
      if (query.view === 'values') {
        const values = await attributeValuesCollection(lc.services.storage, lc.store.id).page(
          query.page,
          query.pageSize,
        );
        return { country: lc.store.country, job, values };
      }
      return {
        country: lc.store.country,
        mappings: await loadOrDiscoverMappings(lc, query.refresh === 'true'),
        job,
      };
    },
  },
  post: {
    input: z.discriminatedUnion('action', [
      z.object({
        storeId: storeIdSchema,
        action: z.literal('save'),
        mappings: z.array(attributeMappingSchema).min(1).max(1000),
      }),
      z.object({
        storeId: storeIdSchema,
        action: z.literal('create'),
        amazonAttribute: z.string().min(1).max(100),
        code: attributeCode,
        label: z.string().trim().min(1).max(255),
        frontendInput: z.enum(['text', 'textarea', 'select', 'boolean', 'date', 'price']).default('text'),
        scope: z.enum(['global', 'store']).default('global'),
        attributeSetIds: z.array(z.number().int().positive()).min(1).max(20).default([4]),
        usedForPromoRules: z.boolean().default(false),
        searchable: z.boolean().default(false),
        comparable: z.boolean().default(false),
        active: z.boolean().default(true),
        overwrite: z.boolean().default(false),
        options: z.array(z.string().trim().min(1).max(255)).max(200).optional(),
      }),
      z.object({
        storeId: storeIdSchema,
        action: z.literal('add-option'),
        commerceAttribute: attributeCode,
        label: z.string().trim().min(1).max(255),
      }),
      z.object({ storeId: storeIdSchema, action: z.literal('reimport') }),
    ]),
    handler: async (request, ctx) => {
      const lc = await loadListingsContext(await createServices(ctx.inputs, ctx.clock), request.storeId);
      switch (request.action) {
        case 'reimport':
          return startReimport(lc, openWhiskInvoker);
        case 'create': {
          const { storeId: _store, action: _action, ...input } = request;
          const created = await createMappedAttribute(lc, input);
          return { country: lc.store.country, ...created };
        }
        case 'add-option':
          return {
            commerceAttribute: request.commerceAttribute,
            optionId: await addAttributeOption(lc, request.commerceAttribute, request.label),
          };
        case 'save': {
          const fields: Record<string, string> = {};
          request.mappings.forEach((m, i) => {
            if (m.marketplaceCountry !== lc.store.country)
              fields[`mappings.${i}.marketplaceCountry`] = `must be ${lc.store.country}, the store's country`;
            if (m.active && m.commerceAttribute === null)
              fields[`mappings.${i}.commerceAttribute`] = 'must name a Commerce attribute for an active mapping';
          });
          if (Object.keys(fields).length) throw new ValidationError('Invalid attribute mapping', fields);
          const mappings = withEdits(await loadOrDiscoverMappings(lc), request.mappings);
          await saveAttributeMappings(lc.services.storage, lc.store.id, mappings);
          return { country: lc.store.country, mappings };
        }
      }
    },
  },
});
