import { z } from 'zod';
import type { Session } from '../host/session';
import { ActionError } from './client';
import { actionUrl } from './config';
import { errorBodySchema, storesListSchema } from './schemas';

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

const call = async <T>(
  session: Session,
  action: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  request: Record<string, unknown>,
  schema: z.ZodType<T>,
): Promise<T> => {
  let url = actionUrl(session.config, action);
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${session.credentials.imsToken}`,
    'x-gw-ims-org-id': session.credentials.imsOrgId,
  };
  let body: string | undefined;
  if (method === 'GET') {
    const query = new URLSearchParams(
      Object.entries(request).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ).toString();
    if (query) url += `?${query}`;
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request);
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body });
  } catch {
    throw new ActionError('Could not reach the Amazon Sales Channel service. Check your network and try again.', 0);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorBodySchema.safeParse(payload);
    if (error.success) throw new ActionError(error.data.error, response.status, error.data.fields ?? {});
    throw new ActionError(`The request was refused (HTTP ${response.status}).`, response.status);
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw new ActionError(
      'The service sent an answer this page does not understand. Reload the page.',
      response.status,
    );
  return parsed.data;
};

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
