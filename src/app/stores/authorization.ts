import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SellingPartner } from 'amazon-sp-api';
import { z } from 'zod';
import { buildKey } from '../../adapters/state';
import { emulatorAgentFrom } from '../../adapters/amazon/emulator-agent';
import { sellingPartnerClass } from '../../adapters/amazon/selling-partner';
import { marketplaceById } from '../../core/marketplaces';
import type { StoreRecord } from '../../core/store';
import { AUTHORIZATION_STATE_TTL_SECONDS, consentUrl, formatState, parseState } from '../../core/stores/authorization';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Params } from '../../platform/web-action';
import { requireInput, type Services } from '../services';

/**
 * Seller Central website authorisation for one store: start (a single-use `state` nonce stored server-side
 * with a TTL, bound to the store) and complete (check the state, exchange the code for a refresh token with
 * amazon-sp-api's `exchange`, store the token encrypted with the store id as context).
 */

const configured = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 && !value.startsWith('$') ? value : undefined;

export const CALLBACK_ACTION = 'asc/store-authorization-callback';

const stateKey = (storeId: string) => buildKey('stores', storeId, 'authorization-state');

const pendingSchema = z.object({ nonceHash: z.string(), expiresAtMs: z.number(), redirectUri: z.string() });

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');

/**
 * The callback URL Amazon redirects to (the "OAuth Redirect URI" registered with the app):
 * ASC_OAUTH_REDIRECT_URL when set; locally the runtime's own host; deployed the namespace's web action URL.
 */
export const callbackUrl = (inputs: Params): string => {
  const explicit = configured(inputs.ASC_OAUTH_REDIRECT_URL) ?? configured(process.env.ASC_OAUTH_REDIRECT_URL);
  if (explicit) return explicit;
  const apiHost = configured(inputs.__OW_API_HOST) ?? configured(process.env.__OW_API_HOST);
  if (apiHost && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(apiHost))
    return `${apiHost}/api/v1/web/${CALLBACK_ACTION}`;
  const namespace = configured(inputs.__OW_NAMESPACE) ?? configured(process.env.__OW_NAMESPACE);
  if (!namespace)
    throw new ValidationError('ASC_OAUTH_REDIRECT_URL is not configured; set it in .env before deploying', {
      ASC_OAUTH_REDIRECT_URL: 'missing',
    });
  return `https://${namespace}.adobeioruntime.net/api/v1/web/${CALLBACK_ACTION}`;
};

const applicationId = (inputs: Params): string => {
  const id = configured(inputs.AMAZON_SP_APP_ID);
  if (id) return id;
  // The emulator accepts any application id; a real Seller Central needs the app's own.
  if (configured(inputs.AMAZON_EMULATOR_URL)) return 'amzn1.sp.solution.local-demo';
  return requireInput(inputs, 'AMAZON_SP_APP_ID');
};

/** Consent page origin: AMAZON_CONSENT_BASE_URL, else the emulator locally, else the marketplace's Seller Central. */
const consentBase = (inputs: Params): string | undefined =>
  configured(inputs.AMAZON_CONSENT_BASE_URL) ?? configured(inputs.AMAZON_EMULATOR_URL);

export const startAuthorization = async (
  services: Services,
  storeId: string,
): Promise<{ consentUrl: string; expiresAt: string }> => {
  const store = await services.storage.stores.get(storeId);
  if (!store) throw new NotFoundError(`No store with id ${storeId}`);
  const marketplace = marketplaceById(store.marketplaceId);
  if (!marketplace) throw new ValidationError(`Unknown marketplace ${store.marketplaceId}`, { storeId: 'unknown' });
  const nonce = randomBytes(32).toString('base64url');
  const redirectUri = callbackUrl(services.inputs);
  const expiresAtMs = services.clock.now() + AUTHORIZATION_STATE_TTL_SECONDS * 1000;
  // One pending authorisation per store: starting again replaces (and so invalidates) the previous link.
  await services.storage.kv.put(
    stateKey(store.id),
    JSON.stringify({ nonceHash: sha256(nonce), expiresAtMs, redirectUri }),
    { ttlSeconds: AUTHORIZATION_STATE_TTL_SECONDS },
  );
  const url = consentUrl(marketplace, {
    baseUrl: consentBase(services.inputs),
    applicationId: applicationId(services.inputs),
    state: formatState(store.id, nonce),
    redirectUri,
    draft: configured(services.inputs.AMAZON_SP_APP_DRAFT) !== 'false',
  });
  return { consentUrl: url, expiresAt: new Date(expiresAtMs).toISOString() };
};

/** A refused callback: the merchant sees `message` (HTTP 400); nothing was changed. */
export class AuthorizationRefused extends ValidationError {}

const INVALID_LINK =
  'This authorisation link is not valid: it has expired, was already used, or did not start from the Amazon Sales Channel. Start the authorisation again from the store card.';

/** Checks the state and consumes it (single use): the first callback that deletes the pending record wins. */
const consumeState = async (services: Services, state: unknown): Promise<StoreRecord> => {
  const parsed = parseState(state);
  if (!parsed) throw new AuthorizationRefused(INVALID_LINK, { state: 'invalid' });
  const raw = await services.storage.kv.get(stateKey(parsed.storeId));
  const pending = raw === undefined ? undefined : pendingSchema.safeParse(JSON.parse(raw));
  if (!pending?.success) throw new AuthorizationRefused(INVALID_LINK, { state: 'unknown or already used' });
  const expected = Buffer.from(pending.data.nonceHash);
  const actual = Buffer.from(sha256(parsed.nonce));
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    throw new AuthorizationRefused(INVALID_LINK, { state: 'does not match' });
  if (!(await services.storage.kv.delete(stateKey(parsed.storeId))))
    throw new AuthorizationRefused(INVALID_LINK, { state: 'already used' });
  if (services.clock.now() > pending.data.expiresAtMs)
    throw new AuthorizationRefused(INVALID_LINK, { state: 'expired' });
  const store = await services.storage.stores.get(parsed.storeId);
  if (!store)
    throw new AuthorizationRefused('This store was deleted before Amazon answered. Add it again.', {
      state: 'no store',
    });
  return store;
};

/** LWA authorization_code grant through amazon-sp-api (the emulator's agent when AMAZON_EMULATOR_URL is set). */
const exchangeCode = async (services: Services, store: StoreRecord, code: string): Promise<string> => {
  const agent = emulatorAgentFrom(services.inputs.AMAZON_EMULATOR_URL);
  const client = new (sellingPartnerClass())({
    region: store.region,
    credentials: {
      SELLING_PARTNER_APP_CLIENT_ID: requireInput(services.inputs, 'AMAZON_LWA_CLIENT_ID'),
      SELLING_PARTNER_APP_CLIENT_SECRET: requireInput(services.inputs, 'AMAZON_LWA_CLIENT_SECRET'),
    },
    options: {
      only_grantless_operations: true,
      auto_request_tokens: false,
      debug_log: false,
      ...(agent ? { https_proxy_agent: agent } : {}),
    },
  } as unknown as ConstructorParameters<typeof SellingPartner>[0]);
  let answer: { refresh_token?: string };
  try {
    answer = (await client.exchange(code)) as unknown as { refresh_token?: string };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'no answer';
    throw new AuthorizationRefused(
      `Amazon did not accept the authorisation (${reason}). Start the authorisation again from the store card; if it keeps failing, check the app's LWA client id and secret.`,
      { spapi_oauth_code: 'rejected by Amazon' },
    );
  }
  if (!answer.refresh_token)
    throw new AuthorizationRefused('Amazon answered without a refresh token. Start the authorisation again.', {
      spapi_oauth_code: 'no refresh token',
    });
  return answer.refresh_token;
};

export const callbackInputSchema = z.object({
  state: z.string().optional(),
  spapi_oauth_code: z.string().optional(),
  selling_partner_id: z.string().optional(),
});

export interface CompletedAuthorization {
  store: StoreRecord;
  reauthorized: boolean;
}

export const completeAuthorization = async (
  services: Services,
  input: z.infer<typeof callbackInputSchema>,
): Promise<CompletedAuthorization> => {
  // The state is checked before anything else: without a valid one, nothing else in the request is trusted.
  const store = await consumeState(services, input.state);
  const code = input.spapi_oauth_code?.trim();
  const sellerId = input.selling_partner_id?.trim();
  if (!code)
    throw new AuthorizationRefused(
      'Amazon did not send an authorisation code, so the store was not connected. Start the authorisation again and confirm on the Seller Central page.',
      { spapi_oauth_code: 'missing' },
    );
  if (!sellerId || !/^[A-Z0-9]{8,20}$/.test(sellerId))
    throw new AuthorizationRefused('Amazon did not say which seller account authorised the app. Start again.', {
      selling_partner_id: 'missing or malformed',
    });
  if (store.sellerId && store.sellerId !== sellerId)
    throw new AuthorizationRefused(
      `This store belongs to Seller Central account ${store.sellerId}, but account ${sellerId} signed in. Sign in with the store's own account, or add a new store for the other account.`,
      { selling_partner_id: 'another seller account' },
    );
  const duplicate = (await services.storage.stores.listBySeller(sellerId)).find(
    (other) => other.id !== store.id && other.marketplaceId === store.marketplaceId,
  );
  if (duplicate)
    throw new AuthorizationRefused(
      `Store "${duplicate.name}" already connects this Seller Central account in the ${store.country} marketplace. Each account and marketplace can be connected once.`,
      { selling_partner_id: 'already connected in this marketplace' },
    );
  const refreshToken = await exchangeCode(services, store, code);
  const now = new Date(services.clock.now()).toISOString();
  const reauthorized = Boolean(store.encryptedRefreshToken);
  const updated: StoreRecord = {
    ...store,
    sellerId,
    encryptedRefreshToken: services.secrets().encrypt(refreshToken, store.id),
    authorizedAt: now,
    // A re-authorised inactive store stays inactive: the merchant paused it on purpose.
    status: store.status === 'inactive' ? 'inactive' : 'active',
    updatedAt: now,
  };
  await services.storage.stores.save(updated);
  await services.storage.logs.activity.append({
    storeId: store.id,
    action: reauthorized ? 'Amazon authorisation renewed' : 'Store authorised with Amazon',
    comments: `Seller Central account ${sellerId}`,
  });
  return { store: updated, reauthorized };
};
