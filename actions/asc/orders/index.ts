import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import { ordersRepository } from '../../../src/adapters/state/orders/ledger-repository';
import { refreshOrder } from '../../../src/app/orders/import';
import { blockedOrdersNotice, listOrders, orderDetails } from '../../../src/app/orders/queries';
import { createServices } from '../../../src/app/services';
import { NotFoundError, ValidationError } from '../../../src/platform/errors';
import { webAction } from '../../../src/platform/web-action';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date yyyy-mm-dd');
const whole = z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(0);
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).filter(Boolean));

/**
 * GET ?storeId[&amazonOrderId] → one order's details (SPEC 6.5), or All Orders with the Filter by panel
 * (purchaseDateFrom/To, orderNumber, buyerName, totalMin/Max whole numbers, statuses) and the blocked-orders notice.
 * POST {storeId, amazonOrderId, action: 'save_address' | 'retry' | 'fetch', address?} → Save Order (address before
 * creation), Retry, or Import an order by its number (also one the polling has not reached yet): each reads the order
 * again from Amazon (getOrder) and processes it.
 */
export const main = webAction({
  name: 'orders',
  get: {
    input: z.object({
      storeId: storeIdSchema,
      amazonOrderId: z.string().min(1).optional(),
      page: z.coerce.number().int().min(0).default(0),
      pageSize: z.coerce.number().int().min(1).max(200).default(20),
      purchaseDateFrom: day.optional(),
      purchaseDateTo: day.optional(),
      orderNumber: z.string().trim().min(1).optional(),
      buyerName: z.string().trim().min(1).optional(),
      totalMin: whole.optional(),
      totalMax: whole.optional(),
      statuses: list.optional(),
    }),
    handler: async ({ storeId, amazonOrderId, page, pageSize, ...filter }, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      if (!(await services.storage.stores.get(storeId))) throw new NotFoundError(`Store ${storeId} does not exist`);
      if (amazonOrderId) return { order: await orderDetails(services, storeId, amazonOrderId) };
      const result = await listOrders(services, storeId, filter, page, pageSize);
      return { ...result, notice: (await blockedOrdersNotice(services)) ?? null };
    },
  },
  post: {
    input: z.object({
      storeId: storeIdSchema,
      amazonOrderId: z.string().min(1),
      action: z.enum(['save_address', 'retry', 'fetch']),
      address: z
        .object({
          lines: z.array(z.string().trim().max(255)).max(3),
          city: z.string().trim().min(1).max(100),
          region: z.string().trim().max(100),
          postalCode: z.string().trim().min(1).max(20),
          country: z
            .string()
            .trim()
            .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code'),
        })
        .optional(),
    }),
    handler: async ({ storeId, amazonOrderId, action, address }, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const store = await services.storage.stores.get(storeId);
      if (!store) throw new NotFoundError(`Store ${storeId} does not exist`);
      const repo = ordersRepository(services.storage, storeId);
      const entry = await repo.get(amazonOrderId);
      if (action === 'fetch') {
        await refreshOrder(services, store, amazonOrderId, { retry: true });
        return { order: await orderDetails(services, storeId, amazonOrderId) };
      }
      if (!entry) throw new NotFoundError(`Amazon order ${amazonOrderId} is not known in store ${storeId}`);
      if (action === 'save_address') {
        if (!address) throw new ValidationError('address is required to save the order', { address: 'required' });
        if (entry.record.commerceOrderId !== undefined)
          throw new ValidationError('The Commerce order exists already: change its address in Commerce', {
            address: 'locked after creation',
          });
        await repo.update(
          amazonOrderId,
          (e) => ({
            ...e,
            addressOverride: {
              lines: address.lines.filter(Boolean),
              city: address.city,
              stateOrRegion: address.region,
              postalCode: address.postalCode,
              countryCode: address.country.toUpperCase(),
            },
          }),
          new Date(services.clock.now()).toISOString(),
        );
      }
      await refreshOrder(services, store, amazonOrderId, { retry: true });
      return { order: await orderDetails(services, storeId, amazonOrderId) };
    },
  },
});
