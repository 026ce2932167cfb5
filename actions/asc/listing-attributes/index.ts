import { z } from 'zod';
import { saveAttributeMappings } from '../../../src/adapters/state/attributes/repository';
import { loadOrDiscoverMappings, reimportAttributeValues } from '../../../src/app/listings/attributes';
import { loadListingsContext } from '../../../src/app/listings/context';
import { createServices } from '../../../src/app/services';
import { attributeMappingSchema, withEdits } from '../../../src/core/listings/attributes';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { ValidationError } from '../../../src/platform/errors';
import { webAction } from '../../../src/platform/web-action';

/**
 * Attributes (SPEC 3.12).
 * GET ?storeId[&refresh=true] → the store's attribute mapping (Amazon names discovered from its listings).
 * POST {storeId, action:'save', mappings:[…]} → saves edited rows; {storeId, action:'reimport'} → Re-import
 * Product Attribute Values into Commerce.
 */
export const main = webAction({
  name: 'listing-attributes',
  get: {
    input: z.object({ storeId: storeIdSchema, refresh: z.enum(['true', 'false']).optional() }),
    handler: async (query, ctx) => {
      const lc = await loadListingsContext(await createServices(ctx.inputs, ctx.clock), query.storeId);
      return { country: lc.store.country, mappings: await loadOrDiscoverMappings(lc, query.refresh === 'true') };
    },
  },
  post: {
    input: z.discriminatedUnion('action', [
      z.object({
        storeId: storeIdSchema,
        action: z.literal('save'),
        mappings: z.array(attributeMappingSchema).min(1).max(1000),
      }),
      z.object({ storeId: storeIdSchema, action: z.literal('reimport') }),
    ]),
    handler: async (request, ctx) => {
      const lc = await loadListingsContext(await createServices(ctx.inputs, ctx.clock), request.storeId);
      if (request.action === 'reimport') return reimportAttributeValues(lc);
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
    },
  },
});
