import { storeIdSchema } from '../../../src/core/stores/new-store';
import { z } from 'zod';
import { CANCEL_REASONS } from '../../../src/core/orders';
import { cancelOrderOnAmazon } from '../../../src/app/orders/fulfilment';
import { orderDetails } from '../../../src/app/orders/queries';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/**
 * POST {storeId, amazonOrderId, reason} → Cancel Order (SPEC 6.7): Unshipped merchant-fulfilled orders only; the
 * reason is Amazon's CancelReason. Sends the order acknowledgement feed and cancels the linked Commerce order.
 */
export const main = webAction({
  name: 'order-cancel',
  post: {
    input: z.object({
      storeId: storeIdSchema,
      amazonOrderId: z.string().min(1),
      reason: z.enum(CANCEL_REASONS, { message: `must be one of ${CANCEL_REASONS.join(', ')}` }),
    }),
    handler: async ({ storeId, amazonOrderId, reason }, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const entry = await cancelOrderOnAmazon(services, storeId, amazonOrderId, reason);
      return {
        feedId: entry.cancelRequested?.feedId ?? null,
        order: await orderDetails(services, storeId, amazonOrderId),
      };
    },
  },
});
