import { z } from 'zod';
import { type Marketplace, MARKETPLACES, marketplaceByCountry } from '../marketplaces';
import { IDENTIFIER_TYPES } from '../settings/listing-settings';
import type { StoreRecord } from '../store';

/**
 * The Add Amazon Store dialog (SPEC 2.3) and the Store Integration Settings (SPEC 2.6), as pure rules.
 * Website and marketplace country are fixed once the store exists: changing them means deleting the store and
 * adding it again, because listings, prices and orders all hang off that pair.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const storeName = z
  .string({ message: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(80, 'must be at most 80 characters');
const email = z
  .string({ message: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(254, 'must be at most 254 characters')
  .regex(EMAIL, 'must be an email address such as merchant@example.com');

const countryCodes = MARKETPLACES.map((marketplace) => marketplace.country);

export const newStoreInputSchema = z
  .object({
    websiteCode: z
      .string({ message: 'is required' })
      .trim()
      .min(1, 'is required')
      .regex(/^[a-z0-9_]+$/, 'must be a Commerce website code'),
    email,
    name: storeName,
    /** Marketplace country, ISO alpha-2; `UK` is accepted as Amazon writes it. */
    country: z
      .string({ message: 'is required' })
      .trim()
      .min(1, 'is required')
      .refine((value) => marketplaceByCountry(value) !== undefined, {
        message: `must be one of the Amazon marketplaces: ${countryCodes.join(', ')}`,
      }),
    /** "Product ID on the Amazon market" and the Commerce attribute holding it (optional pair). */
    productIdType: z.enum(IDENTIFIER_TYPES).nullable().optional(),
    productIdAttribute: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]*$/, 'must be a Commerce attribute code')
      .nullable()
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.productIdType && !input.productIdAttribute)
      ctx.addIssue({
        code: 'custom',
        path: ['productIdAttribute'],
        message: 'choose the Commerce attribute that holds the product ID',
      });
    if (input.productIdAttribute && !input.productIdType)
      ctx.addIssue({ code: 'custom', path: ['productIdType'], message: 'choose which Amazon product ID it holds' });
  });
export type NewStoreInput = z.infer<typeof newStoreInputSchema>;

/** Store ids appear in keys and in the OAuth state, so they stay within [a-z0-9-]. */
export const STORE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A store id in a request: refused with a 400 before it can reach a storage key (keys are limited in length). */
export const storeIdSchema = z
  .string({ message: 'is required' })
  .min(1, 'is required')
  .regex(STORE_ID_PATTERN, 'is not a store id (lowercase letters, digits and -, at most 63)');

export const newStoreId = (country: string, random: string): string =>
  `${country.toLowerCase()}-${random
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 12)}`;

/** A new store waits for Amazon's authorisation: no seller id until Seller Central tells us who consented. */
export const buildNewStore = (input: NewStoreInput, id: string, nowIso: string): StoreRecord => {
  const marketplace = marketplaceByCountry(input.country) as Marketplace;
  return {
    id,
    name: input.name,
    email: input.email,
    sellerId: '',
    marketplaceId: marketplace.id,
    country: marketplace.country,
    currency: marketplace.currency,
    region: marketplace.region,
    websiteCode: input.websiteCode,
    status: 'pending_authorization',
    createdAt: nowIso,
    updatedAt: nowIso,
  };
};

const FIXED_FIELDS = ['websiteCode', 'country', 'marketplaceId', 'sellerId', 'region', 'currency'] as const;

/** Store Integration Settings: name and email only. Fixed fields get a message that says what to do instead. */
export const integrationUpdateSchema = z
  .object({
    storeId: storeIdSchema,
    name: storeName.optional(),
    email: email.optional(),
    ...Object.fromEntries(
      FIXED_FIELDS.map((field) => [
        field,
        z
          .unknown()
          .refine((value) => value === undefined, {
            message: 'cannot be changed after the store is created; delete the store and add it again',
          })
          .optional(),
      ]),
    ),
  })
  .strict();

export type StatusChange = 'activate' | 'deactivate';

/** Activate / Deactivate (SPEC 2.6); a store Amazon has not authorised yet can be neither. */
export const applyStatusChange = (
  store: StoreRecord,
  change: StatusChange,
  nowIso: string,
): { ok: true; store: StoreRecord } | { ok: false; message: string } => {
  if (!store.encryptedRefreshToken || store.status === 'pending_authorization')
    return {
      ok: false,
      message: `"${store.name}" is not authorised with Amazon yet. Authorise it in Seller Central first, then activate it.`,
    };
  const status = change === 'activate' ? 'active' : 'inactive';
  if (store.status === status) return { ok: true, store };
  return { ok: true, store: { ...store, status, updatedAt: nowIso } };
};
