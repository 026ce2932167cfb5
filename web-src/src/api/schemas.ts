import { z } from 'zod';
import type { StoreSummary } from '../../../src/core/store';

/**
 * Response shapes of the web actions the admin UI calls. The UI parses every response, so a server that
 * changed shape shows a clear message instead of a blank or half-rendered page.
 */

const storeSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  sellerId: z.string(),
  marketplaceId: z.string(),
  country: z.string(),
  currency: z.string(),
  region: z.enum(['na', 'eu', 'fe']),
  websiteCode: z.string(),
  status: z.enum(['pending_authorization', 'active', 'inactive']),
  createdAt: z.string(),
  updatedAt: z.string(),
  authorizedAt: z.string().optional(),
  authorization: z.object({
    state: z.enum(['missing', 'valid', 'renewal_due', 'expired']),
    renewBy: z.string().optional(),
  }),
});

// Compile-time guard: the schema must produce exactly what src/core/store.ts calls a StoreSummary.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const storeSchemaMatchesDomain: Same<z.infer<typeof storeSummarySchema>, StoreSummary> = true;
void storeSchemaMatchesDomain;

export const storesListSchema = z.object({ stores: z.array(storeSummarySchema) });
export type StoresListResponse = z.infer<typeof storesListSchema>;

export const connectionCheckSchema = z.object({
  storeId: z.string(),
  ok: z.boolean(),
  checkedAt: z.string(),
  message: z.string(),
  marketplace: z
    .object({
      id: z.string(),
      name: z.string(),
      countryCode: z.string(),
      participating: z.boolean(),
      hasSuspendedListings: z.boolean(),
    })
    .nullable(),
});
export type ConnectionCheckResult = z.infer<typeof connectionCheckSchema>;

export const LOG_RETENTION_VALUES = ['daily', 'weekly', 'monthly'] as const;
export type LogRetention = (typeof LOG_RETENTION_VALUES)[number];

export const globalSettingsSchema = z.object({
  logRetention: z.enum(LOG_RETENTION_VALUES),
  debugLogging: z.boolean(),
  readOnlyMode: z.boolean(),
  /** `manual`, or `commerce_url_changed` when the service switched read-only mode on after the Commerce URL changed. */
  readOnlyReason: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type GlobalSettings = z.infer<typeof globalSettingsSchema>;
/** What the merchant may change: the reason is set by the service when it switches read-only mode on itself. */
export type GlobalSettingsInput = Omit<GlobalSettings, 'readOnlyReason' | 'updatedAt'>;

/** GET answers `{ settings }`; POST may answer `{ settings }` or the settings object itself. */
export const globalSettingsResponseSchema = z.union([
  z.object({ settings: globalSettingsSchema }).transform((body) => body.settings),
  globalSettingsSchema,
]);

export const communicationErrorSchema = z.object({
  id: z.string(),
  storeId: z.string().optional(),
  operation: z.string(),
  code: z.string(),
  message: z.string(),
  httpStatus: z.number().optional(),
  at: z.string(),
});
export type CommunicationError = z.infer<typeof communicationErrorSchema>;

/** One page, newest first; `nextCursor` fetches the next (older) page, null on the last one. */
export const communicationErrorsPageSchema = z.object({
  items: z.array(communicationErrorSchema),
  nextCursor: z.string().nullable(),
});
export type CommunicationErrorsPage = z.infer<typeof communicationErrorsPageSchema>;

/** Error bodies the actions send: `{ error, fields? }` (fields name the invalid inputs). */
export const errorBodySchema = z.object({
  error: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
