/** Order Settings of one store (SPEC 6.1), validated with zod; defaults are the documented ones. */
import { z } from 'zod';

export const orderSettingsSchema = z.object({
  /** Enabled: Commerce orders are created. Disabled: orders are view-only and every other field is locked. */
  importEnabled: z.boolean().default(true),
  /** Commerce store view the orders are created in (its numeric id and code). */
  storeViewId: z.number().int().positive().optional(),
  storeViewCode: z.string().min(1).optional(),
  /** guest = guest checkout; new_account = create a customer when none exists with the buyer's email (decision #11). */
  customerCreation: z.enum(['guest', 'new_account']).default('guest'),
  /** commerce = Commerce's increment id; amazon = the Amazon order number becomes the increment id. */
  orderNumberSource: z.enum(['commerce', 'amazon']).default('commerce'),
  /** Hold the ordered quantity as an MSI reservation (decision #12). */
  reserveQuantity: z.boolean().default(true),
  /** default = Commerce's new-order status (pending); custom = the status below. */
  orderStatus: z.enum(['default', 'custom']).default('default'),
  processingOrderStatus: z.string().min(1).optional(),
});
export type OrderSettings = z.infer<typeof orderSettingsSchema>;

export const DEFAULT_ORDER_SETTINGS: OrderSettings = orderSettingsSchema.parse({});

/** Parses a settings document; a custom status without its value is rejected naming the field. */
export function parseOrderSettings(input: unknown): OrderSettings {
  return orderSettingsSchema
    .superRefine((s, ctx) => {
      if (s.orderStatus === 'custom' && !s.processingOrderStatus)
        ctx.addIssue({
          code: 'custom',
          path: ['processingOrderStatus'],
          message: 'Processing Order Status is required when Order Status is Custom',
        });
    })
    .parse(input);
}
