import { z } from 'zod';
import type { SettingsFieldError, SettingsUpdateResult } from './listing-settings';

/**
 * Order Settings of one store (SPEC 6.1). Defaults are SPEC 2.7's. With Import Amazon Orders disabled, every
 * other field is locked (orders are view-only), so an update that changes them is refused naming the field.
 * Pending Orders (Reserve Quantity) is exposed (decision #12) and defaults to reserving, so an imported
 * merchant-fulfilled order can never be oversold on the storefront.
 */
export const orderSettingsSchema = z
  .object({
    importOrders: z.enum(['enabled', 'disabled']).default('enabled'),
    /** Commerce store view code the orders are created in; null = the default store view of the store's website. */
    importIntoStoreView: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]+$/, { message: 'must be a Commerce store view code' })
      .nullable()
      .default(null),
    customerCreation: z.enum(['guest', 'build_customer']).default('guest'),
    orderNumberSource: z.enum(['magento', 'amazon']).default('magento'),
    pendingOrders: z.enum(['reserve', 'do_not_reserve']).default('reserve'),
    orderStatus: z.enum(['default', 'custom']).default('default'),
    /** Any Commerce order status code, e.g. "fraud"; required with a custom order status. */
    processingOrderStatus: z.string().trim().min(1).nullable().default(null),
  })
  .superRefine((s, ctx) => {
    if (s.orderStatus === 'custom' && !s.processingOrderStatus)
      ctx.addIssue({
        code: 'custom',
        path: ['processingOrderStatus'],
        message: 'Processing Order Status is required when Order Status is Custom Order Status',
      });
  });

export type OrderSettings = z.output<typeof orderSettingsSchema>;
export type OrderSettingsPatch = Partial<OrderSettings>;
export const DEFAULT_ORDER_SETTINGS: OrderSettings = orderSettingsSchema.parse({});

const ORDER_FIELDS = Object.keys(DEFAULT_ORDER_SETTINGS) as Array<keyof OrderSettings>;

export const validateOrderSettingsUpdate = (
  current: OrderSettings,
  patch: unknown,
): SettingsUpdateResult<OrderSettings> => {
  const errors: SettingsFieldError[] = [];
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    return { ok: false, errors: [{ field: '', code: 'invalid', message: 'order settings must be an object' }] };
  const sent = patch as Record<string, unknown>;
  for (const key of Object.keys(sent))
    if (!(ORDER_FIELDS as string[]).includes(key))
      errors.push({ field: key, code: 'unknown_field', message: `${key} is not an order setting` });
  if (errors.length) return { ok: false, errors };
  const parsed = orderSettingsSchema.safeParse({ ...current, ...sent });
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        field: i.path.join('.'),
        code: 'invalid',
        message: i.code === 'custom' ? i.message : `${i.path.join('.')} ${i.message}`,
      })),
    };
  const next = parsed.data;
  if (next.importOrders === 'disabled') {
    for (const key of Object.keys(sent) as Array<keyof OrderSettings>) {
      if (key !== 'importOrders' && sent[key] !== current[key])
        errors.push({
          field: key,
          code: 'requires',
          message: `${key} can only be changed when Import Amazon Orders is Enabled`,
        });
    }
  }
  if (next.orderStatus === 'default' && Object.hasOwn(sent, 'processingOrderStatus') && sent.processingOrderStatus)
    errors.push({
      field: 'processingOrderStatus',
      code: 'requires',
      message: 'Processing Order Status can only be set when Order Status is Custom Order Status',
    });
  return errors.length ? { ok: false, errors } : { ok: true, settings: next };
};

/** What an imported order does on the Commerce side, read by the Orders work. */
export const shouldReserveQuantity = (settings: OrderSettings, channel: 'FBM' | 'FBA'): boolean =>
  settings.importOrders === 'enabled' && settings.pendingOrders === 'reserve' && channel === 'FBM';

export const ORDER_SETTINGS_FORM = {
  id: 'orderSettings',
  title: 'Order Settings',
  saveLabel: 'Save order settings',
  fields: [
    {
      id: 'importOrders',
      label: 'Import Amazon Orders',
      type: 'select',
      required: true,
      default: 'enabled',
      options: [
        { value: 'enabled', label: 'Enabled' },
        { value: 'disabled', label: 'Disabled' },
      ],
      help: 'Disabled: Amazon orders stay view-only and are handled in Seller Central; the other fields are locked.',
    },
    {
      id: 'importIntoStoreView',
      label: 'Import Amazon Orders Into Magento Store',
      type: 'storeView',
      required: true,
      default: null,
      enabledWhen: { field: 'importOrders', equals: 'enabled' },
      help: 'Defaults to the store view of the website chosen at integration.',
    },
    {
      id: 'customerCreation',
      label: 'Customer Creation',
      type: 'select',
      required: false,
      default: 'guest',
      options: [
        { value: 'guest', label: 'No Customer Creation (guest)' },
        { value: 'build_customer', label: 'Build New Customer Account' },
      ],
      enabledWhen: { field: 'importOrders', equals: 'enabled' },
    },
    {
      id: 'orderNumberSource',
      label: 'Order Number Source',
      type: 'select',
      required: false,
      default: 'magento',
      options: [
        { value: 'magento', label: 'Build Using Magento Order Number' },
        { value: 'amazon', label: 'Build Using Amazon Order Number' },
      ],
      enabledWhen: { field: 'importOrders', equals: 'enabled' },
    },
    {
      id: 'pendingOrders',
      label: 'Pending Orders',
      type: 'select',
      required: false,
      default: 'reserve',
      options: [
        { value: 'reserve', label: 'Reserve Quantity' },
        { value: 'do_not_reserve', label: 'Do Not Reserve Quantity' },
      ],
      enabledWhen: { field: 'importOrders', equals: 'enabled' },
      help: 'Reserve holds the ordered quantity in Commerce stock so it cannot be oversold; FBA orders never reserve.',
    },
    {
      id: 'orderStatus',
      label: 'Order Status',
      type: 'select',
      required: true,
      default: 'default',
      options: [
        { value: 'default', label: 'Default Order Status' },
        { value: 'custom', label: 'Custom Order Status' },
      ],
      enabledWhen: { field: 'importOrders', equals: 'enabled' },
    },
    {
      id: 'processingOrderStatus',
      label: 'Processing Order Status',
      type: 'orderStatus',
      required: true,
      default: null,
      enabledWhen: { field: 'orderStatus', equals: 'custom' },
    },
  ],
} as const;
