import { z } from 'zod';
import type { Session } from '../host/session';
import { storesListSchema } from './schemas';
import { createTransport, type HttpMethod } from './transport';

/** Client functions and response schemas of the Stores actions (onboarding, lifecycle, settings, sales). */

const storeViewSchema = storesListSchema.shape.stores.element.extend({
  syncEnabled: z.boolean(),
  sellerCentral: z.array(z.object({ id: z.string(), label: z.string(), url: z.string() })),
});
export type StoreView = z.infer<typeof storeViewSchema>;

const formFieldSchema = z.looseObject({
  id: z.string(),
  label: z.string(),
  type: z.string(),
  required: z.boolean(),
  default: z.unknown(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  attributeFilter: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().optional(),
  enabledWhen: z.object({ field: z.string(), equals: z.unknown() }).optional(),
  countries: z.array(z.string()).optional(),
  help: z.string().optional(),
});
export type FormFieldView = z.infer<typeof formFieldSchema>;
const formSchema = z.object({
  title: z.string(),
  saveLabel: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), fields: z.array(formFieldSchema) })).optional(),
  fields: z.array(formFieldSchema).optional(),
});
export type FormView = z.infer<typeof formSchema>;

const settingsSchema = z.object({
  storeId: z.string(),
  country: z.string().optional(),
  listing: z.record(z.string(), z.record(z.string(), z.unknown())),
  order: z.record(z.string(), z.unknown()),
  updatedAt: z.string().nullable(),
  listingForm: formSchema.optional(),
  orderForm: formSchema.optional(),
  changes: z.string().optional(),
});
export type StoreSettingsView = z.infer<typeof settingsSchema>;

const optionsSchema = z.object({
  websites: z.array(z.object({ code: z.string(), name: z.string(), id: z.number() })),
  storeViews: z.array(z.object({ code: z.string(), name: z.string(), websiteId: z.number() })),
  attributes: z.array(z.object({ code: z.string(), label: z.string(), input: z.string() })),
  currency: z
    .object({ base: z.string(), rates: z.array(z.object({ from: z.string(), to: z.string(), rate: z.string() })) })
    .nullable(),
});
export type CommerceOptions = z.infer<typeof optionsSchema>;

const salesSchema = z.object({
  sales: z.array(
    z.object({
      storeId: z.string(),
      currency: z.string(),
      days: z.array(z.object({ date: z.string(), amount: z.string() })),
      total: z.string(),
      source: z.string(),
    }),
  ),
});
export type StoreSales = z.infer<typeof salesSchema>['sales'][number];

const checksSchema = z.object({
  checks: z.array(z.object({ id: z.string(), status: z.enum(['done', 'todo', 'unknown']), detail: z.string() })),
});
export type PreparationCheck = z.infer<typeof checksSchema>['checks'][number];

const call = <T>(
  session: Session,
  action: string,
  method: HttpMethod,
  request: Record<string, unknown>,
  schema: z.ZodType<T>,
): Promise<T> => createTransport(session).call(action, method, request, schema);

const storeOnly = z.object({ store: storeViewSchema });

export interface NewStoreForm {
  websiteCode: string;
  email: string;
  name: string;
  country: string;
  productIdType?: string | null;
  productIdAttribute?: string | null;
}

export const storesApi = (session: Session) => ({
  getStore: (storeId: string) => call(session, 'asc/store', 'GET', { storeId }, storeOnly),
  addStore: (form: NewStoreForm) => call(session, 'asc/store', 'POST', { ...form }, storeOnly),
  updateStore: (storeId: string, change: { name?: string; email?: string; status?: 'active' | 'inactive' }) =>
    call(session, 'asc/store', 'PUT', { storeId, ...change }, storeOnly),
  deleteStore: (storeId: string) =>
    call(session, 'asc/store', 'DELETE', { storeId, confirm: true }, z.object({ deleted: z.string() })),
  startAuthorization: (storeId: string) =>
    call(
      session,
      'asc/store-authorization',
      'POST',
      { storeId },
      z.object({ consentUrl: z.string(), expiresAt: z.string() }),
    ),
  getSettings: (storeId: string) => call(session, 'asc/store-settings', 'GET', { storeId }, settingsSchema),
  saveSettings: (storeId: string, section: string, values: Record<string, unknown>) =>
    call(session, 'asc/store-settings', 'POST', { storeId, section, values }, settingsSchema),
  commerceOptions: () => call(session, 'asc/commerce-options', 'GET', {}, optionsSchema),
  sales: () => call(session, 'asc/store-sales', 'GET', {}, salesSchema),
  preparationChecks: () => call(session, 'asc/preparation-checks', 'GET', {}, checksSchema),
});
export type StoresApi = ReturnType<typeof storesApi>;
