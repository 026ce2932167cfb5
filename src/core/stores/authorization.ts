import type { Marketplace } from '../marketplaces';
import { STORE_ID_PATTERN } from './new-store';

/**
 * Seller Central website authorisation (SP-API "OAuth"): the pure parts. The app sends the merchant to
 * `<Seller Central>/apps/authorize/consent?application_id=…&state=…[&version=beta]&redirect_uri=…`; Amazon
 * redirects back to our callback with `spapi_oauth_code`, the same `state` and `selling_partner_id`.
 *
 * The state is `<storeId>.<nonce>`: the store id says which pending record to check, the nonce (32 random
 * bytes, base64url, stored only as a SHA-256 hash) proves the request started in our admin UI. The callback
 * has no IMS token (the merchant's browser arrives from amazon.com), so this nonce is its only credential.
 */

export const AUTHORIZATION_STATE_TTL_SECONDS = 15 * 60;

const NONCE = /^[A-Za-z0-9_-]{43}$/;

export const formatState = (storeId: string, nonce: string): string => `${storeId}.${nonce}`;

export const parseState = (state: unknown): { storeId: string; nonce: string } | undefined => {
  if (typeof state !== 'string' || state.length > 200) return undefined;
  const dot = state.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const storeId = state.slice(0, dot);
  const nonce = state.slice(dot + 1);
  if (!STORE_ID_PATTERN.test(storeId) || !NONCE.test(nonce)) return undefined;
  return { storeId, nonce };
};

export interface ConsentUrlOptions {
  /** Origin to send the merchant to; defaults to https://<the marketplace's Seller Central host>. */
  baseUrl?: string;
  /** The SP-API application id (amzn1.sp.solution.…), not the LWA client id. */
  applicationId: string;
  state: string;
  redirectUri: string;
  /** Draft (unpublished) applications must add version=beta. */
  draft: boolean;
}

export const consentUrl = (marketplace: Marketplace, options: ConsentUrlOptions): string => {
  const base = (options.baseUrl ?? `https://${marketplace.sellerCentral}`).replace(/\/+$/, '');
  const url = new URL(`${base}/apps/authorize/consent`);
  url.searchParams.set('application_id', options.applicationId);
  url.searchParams.set('state', options.state);
  if (options.draft) url.searchParams.set('version', 'beta');
  url.searchParams.set('redirect_uri', options.redirectUri);
  return url.toString();
};

/** Links on the store dashboard (SPEC 2.8), on the marketplace's own Seller Central host. */
export const sellerCentralLinks = (marketplace: Marketplace): Array<{ id: string; label: string; url: string }> => {
  const host = `https://${marketplace.sellerCentral}`;
  return [
    { id: 'shipping', label: 'Shipping (set shipping rates)', url: `${host}/sbr/ref=xx_shipset_dnav_xx` },
    { id: 'taxes', label: 'Taxes (edit tax rates)', url: `${host}/tax/nexus/settings` },
    { id: 'payments', label: 'Payments (bank account settings)', url: `${host}/sw/AccountInfo/DepositMethodView` },
    { id: 'notifications', label: 'Notifications', url: `${host}/notifications/preferences` },
    { id: 'category-approval', label: 'Category Approval', url: `${host}/approvalrequest` },
    { id: 'authorizations', label: 'Manage your apps (authorisations)', url: `${host}/apps/manage` },
  ];
};
