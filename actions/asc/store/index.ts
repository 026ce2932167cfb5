import { z } from 'zod';
import { createServices } from '../../../src/app/services';
import { createStore, deleteStore, requireStore, toStoreView, updateStore } from '../../../src/app/stores/lifecycle';
import { integrationUpdateSchema, newStoreInputSchema, storeIdSchema } from '../../../src/core/stores/new-store';
import { webAction } from '../../../src/platform/web-action';

const storeId = storeIdSchema;

/**
 * One store (SPEC 2.3, 2.6):
 * GET {storeId} → { store }; POST the Add Store dialog → { store } (pending authorisation);
 * PUT {storeId, name?, email?, status?: active|inactive} → { store }; DELETE {storeId, confirm: true} → { deleted }.
 */
export const main = webAction({
  name: 'store',
  get: {
    input: z.object({ storeId }),
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return { store: toStoreView(await requireStore(services.storage, input.storeId), ctx.clock.now()) };
    },
  },
  post: {
    input: newStoreInputSchema,
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const store = await createStore(services, input);
      return {
        statusCode: 201,
        headers: { 'Content-Type': 'application/json' },
        body: { store: toStoreView(store, ctx.clock.now()) },
      };
    },
  },
  put: {
    input: integrationUpdateSchema.extend({
      status: z.enum(['active', 'inactive'], { message: 'must be active or inactive' }).optional(),
    }),
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const store = await updateStore(services, input as Parameters<typeof updateStore>[1]);
      return { store: toStoreView(store, ctx.clock.now()) };
    },
  },
  delete: {
    input: z.object({
      storeId,
      confirm: z.literal(true, { message: 'must be true: deleting a store cannot be undone' }),
    }),
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const result = await deleteStore(services, input.storeId);
      return { deleted: input.storeId, ...result };
    },
  },
});
