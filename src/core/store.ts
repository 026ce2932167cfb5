import type { SpApiRegion } from './marketplaces';

/**
 * A store is one Seller Central account in one marketplace, mapped to one Commerce website.
 * Several stores may share one seller account (same sellerId, different marketplaces).
 */
export type StoreStatus = 'pending_authorization' | 'active' | 'inactive';

export interface StoreRecord {
  id: string;
  name: string;
  email?: string;
  sellerId: string;
  marketplaceId: string;
  country: string;
  currency: string;
  region: SpApiRegion;
  /** Commerce website code; fixed once the store exists. */
  websiteCode: string;
  status: StoreStatus;
  createdAt: string;
  updatedAt: string;
  /** LWA refresh token, AES-256-GCM encrypted (see src/platform/crypto.ts). Never sent to the UI. */
  encryptedRefreshToken?: string;
  authorizedAt?: string;
}

export type AuthorizationState = 'missing' | 'valid' | 'renewal_due' | 'expired';

/** What the admin UI may see of a store: never the token. */
export type StoreSummary = Omit<StoreRecord, 'encryptedRefreshToken'> & {
  authorization: { state: AuthorizationState; renewBy?: string };
};

const YEAR_MS = 365 * 24 * 3600 * 1000;
const RENEWAL_WARNING_MS = 30 * 24 * 3600 * 1000;

/** Amazon asks sellers to re-authorise an app once a year; warn 30 days ahead. */
export const authorizationState = (
  store: StoreRecord,
  nowMs: number,
): { state: AuthorizationState; renewBy?: string } => {
  if (!store.encryptedRefreshToken || !store.authorizedAt) return { state: 'missing' };
  const renewBy = Date.parse(store.authorizedAt) + YEAR_MS;
  const renewByIso = new Date(renewBy).toISOString();
  if (nowMs >= renewBy) return { state: 'expired', renewBy: renewByIso };
  if (renewBy - nowMs <= RENEWAL_WARNING_MS) return { state: 'renewal_due', renewBy: renewByIso };
  return { state: 'valid', renewBy: renewByIso };
};

export const toStoreSummary = (store: StoreRecord, nowMs: number): StoreSummary => {
  const { encryptedRefreshToken: _secret, ...visible } = store;
  return { ...visible, authorization: authorizationState(store, nowMs) };
};

/** Deactivated stores keep every setting and listing but pause price, quantity and order sync (SPEC 2.6). */
export const isSyncEnabled = (store: Pick<StoreRecord, 'status' | 'encryptedRefreshToken'>): boolean =>
  store.status === 'active' && Boolean(store.encryptedRefreshToken);
