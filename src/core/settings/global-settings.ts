import { z } from 'zod';

/**
 * SPEC 1.2 "Sales Channel Settings", global scope. The CRON source field of the PHP extension has no
 * meaning on App Builder (alarms replace cron), so it is not carried over; see docs/decisions.md.
 */
export const LOG_RETENTION_DAYS = { daily: 1, weekly: 7, monthly: 30 } as const;
export type LogRetention = keyof typeof LOG_RETENTION_DAYS;

export const readOnlyReasons = ['manual', 'commerce_url_changed'] as const;

export const globalSettingsSchema = z.object({
  logRetention: z.enum(['daily', 'weekly', 'monthly']).default('monthly'),
  debugLogging: z.boolean().default(false),
  readOnlyMode: z.boolean().default(false),
  /** Why read-only mode is on: switched by a merchant, or automatically after the Commerce URL changed. */
  readOnlyReason: z.enum(readOnlyReasons).optional(),
  /** The Commerce base URL seen when the settings were last saved; a change means a copied database. */
  commerceUrlFingerprint: z.string().optional(),
  updatedAt: z.string().optional(),
});

export type GlobalSettings = z.infer<typeof globalSettingsSchema>;

export const DEFAULT_GLOBAL_SETTINGS: GlobalSettings = globalSettingsSchema.parse({});

/** What a merchant may change from the UI: strict, so an unknown or mistyped field is named in the error. */
export const globalSettingsUpdateSchema = z
  .object({
    logRetention: z.enum(['daily', 'weekly', 'monthly'], { message: 'must be one of daily, weekly, monthly' }),
    debugLogging: z.boolean({ message: 'must be true or false' }),
    readOnlyMode: z.boolean({ message: 'must be true or false' }),
  })
  .partial()
  .strict();

export type GlobalSettingsUpdate = z.infer<typeof globalSettingsUpdateSchema>;

export const applySettingsUpdate = (
  current: GlobalSettings,
  update: GlobalSettingsUpdate,
  nowIso: string,
): GlobalSettings => {
  const next: GlobalSettings = { ...current, ...update, updatedAt: nowIso };
  if (update.readOnlyMode === true) next.readOnlyReason = 'manual';
  if (update.readOnlyMode === false) next.readOnlyReason = undefined;
  return next;
};

/**
 * SPEC 1.2: read-only mode switches on by itself when the store URL changes, which signals a database copied
 * to another instance (staging), so the copy never pushes to the live Amazon account.
 */
export const detectCommerceUrlChange = (
  current: GlobalSettings,
  commerceBaseUrl: string | undefined,
): GlobalSettings => {
  if (!commerceBaseUrl) return current;
  const fingerprint = new URL(commerceBaseUrl).host;
  if (!current.commerceUrlFingerprint) return { ...current, commerceUrlFingerprint: fingerprint };
  if (current.commerceUrlFingerprint === fingerprint) return current;
  return {
    ...current,
    readOnlyMode: true,
    readOnlyReason: 'commerce_url_changed',
    commerceUrlFingerprint: fingerprint,
  };
};

export const retentionCutoff = (retention: LogRetention, nowMs: number): number =>
  nowMs - LOG_RETENTION_DAYS[retention] * 24 * 3600 * 1000;
