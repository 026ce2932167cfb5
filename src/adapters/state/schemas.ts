import { z } from 'zod';
import type { StoreRecord } from '../../core/store';
import type {
  ActivityEntry,
  CommunicationErrorEntry,
  ListingChangeEntry,
  OutboxItem,
  TokenBucketState,
} from '../../core/ports/repositories';

/**
 * What we accept when reading back. Objects are "loose": fields added later by other modules survive a
 * read-modify-write instead of being silently dropped.
 */
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO date');

export const storeRecordSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  email: z.string().optional(),
  sellerId: z.string(),
  marketplaceId: z.string(),
  country: z.string(),
  currency: z.string(),
  region: z.enum(['na', 'eu', 'fe']),
  websiteCode: z.string(),
  status: z.enum(['pending_authorization', 'active', 'inactive']),
  createdAt: isoDate,
  updatedAt: isoDate,
  encryptedRefreshToken: z.string().optional(),
  authorizedAt: isoDate.optional(),
}) as unknown as z.ZodType<StoreRecord>;

/** Stored settings are validated with the core's own schema, so there is one definition of the fields. */
export { globalSettingsSchema } from '../../core/settings/global-settings';

export const communicationErrorSchema = z.looseObject({
  id: z.string(),
  storeId: z.string().optional(),
  operation: z.string(),
  code: z.string(),
  message: z.string(),
  httpStatus: z.number().int().optional(),
  at: isoDate,
}) as unknown as z.ZodType<CommunicationErrorEntry>;

export const listingChangeSchema = z.looseObject({
  id: z.string(),
  storeId: z.string().optional(),
  sellerSku: z.string(),
  asin: z.string().optional(),
  action: z.string(),
  comments: z.string().optional(),
  at: isoDate,
}) as unknown as z.ZodType<ListingChangeEntry>;

export const activitySchema = z.looseObject({
  id: z.string(),
  storeId: z.string().optional(),
  sellerSku: z.string().optional(),
  asin: z.string().optional(),
  action: z.string(),
  comments: z.string().optional(),
  at: isoDate,
}) as unknown as z.ZodType<ActivityEntry>;

export const tokenBucketSchema: z.ZodType<TokenBucketState> = z.object({
  tokens: z.number().finite(),
  updatedAtMs: z.number().finite(),
  rate: z.number().positive().optional(),
  burst: z.number().positive().optional(),
});

export const outboxItemSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  kind: z.string(),
  payload: z.unknown(),
  createdAt: isoDate,
}) as unknown as z.ZodType<OutboxItem>;
