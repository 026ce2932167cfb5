/**
 * Chooses how the app authenticates to Commerce, from the action inputs.
 *
 * Order matters: OAuth 1.0a integration first (PaaS), then IMS server-to-server (SaaS, or PaaS with a technical
 * account), then a forwarded IMS token. The library's own `resolveAuthParams` tries IMS first; the starter kits
 * learnt the hard way (checkout kit PR #45) that this breaks PaaS installs that also carry IMS inputs, so we pick
 * ourselves and only use the library for validation, signing and token minting.
 */
import type { ImsAuthParams, IntegrationAuthParams } from '@adobe/aio-commerce-lib-auth';
import { CommerceAuthConfigError, type HttpMethod } from './errors';

type AuthLib = typeof import('@adobe/aio-commerce-lib-auth');
let authLibOnce: AuthLib | undefined;
/**
 * aio-commerce-lib-auth is required on first use, not at import: it loads aio-lib-ims (and through it aio-lib-state,
 * networking, form-data) and builds valibot schemas, ~40 % of an action's cold start, which actions that never call
 * Commerce would pay too. Webpack still bundles it (a plain `require`), so it stays in the same single file.
 */
const authLib = (): AuthLib => {
  authLibOnce ??= require('@adobe/aio-commerce-lib-auth') as AuthLib;
  return authLibOnce;
};

export const INTEGRATION_INPUTS = {
  consumerKey: 'AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY',
  consumerSecret: 'AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET',
  accessToken: 'AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN',
  accessTokenSecret: 'AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET',
} as const;

export const IMS_INPUTS = [
  'AIO_COMMERCE_AUTH_IMS_CLIENT_ID',
  'AIO_COMMERCE_AUTH_IMS_CLIENT_SECRETS',
  'AIO_COMMERCE_AUTH_IMS_TECHNICAL_ACCOUNT_ID',
  'AIO_COMMERCE_AUTH_IMS_TECHNICAL_ACCOUNT_EMAIL',
  'AIO_COMMERCE_AUTH_IMS_ORG_ID',
  'AIO_COMMERCE_AUTH_IMS_SCOPES',
] as const;

/** A pre-issued IMS token (forwarded from the admin, or issued by the local IMS stand-in). */
export const IMS_TOKEN_INPUT = 'AIO_COMMERCE_AUTH_IMS_TOKEN';
export const IMS_API_KEY_INPUT = 'AIO_COMMERCE_AUTH_IMS_API_KEY';

/** How to authenticate, before any provider is built. */
export type CommerceAuth =
  | { strategy: 'integration'; params: IntegrationAuthParams }
  | { strategy: 'ims'; params: ImsAuthParams }
  | {
      strategy: 'bearer';
      /** Returns the bearer token to send; called per request so it may refresh. */
      getToken: () => string | Promise<string>;
      apiKey?: string;
      imsOrgId?: string;
    };

/** Signs or authorises one request. Implementations must never log what they return. */
export interface CommerceAuthProvider {
  readonly strategy: CommerceAuth['strategy'];
  headersFor(method: HttpMethod, url: string): Promise<Record<string, string>>;
}

/**
 * App Builder passes inputs bound to unset env vars as the literal `$NAME` in dev and as '' in prod;
 * both mean "not configured".
 */
export function isConfiguredInput(value: unknown, name: string): value is string {
  if (typeof value !== 'string') return Array.isArray(value) && value.length > 0;
  const trimmed = value.trim();
  return trimmed !== '' && trimmed !== `$${name}` && !/^\$[A-Z0-9_]+$/.test(trimmed);
}

/** Picks integration, then IMS, then a forwarded IMS token. Throws naming the missing inputs, never values. */
export function resolveCommerceAuth(params: Record<string, unknown>): CommerceAuth {
  const integrationNames = Object.values(INTEGRATION_INPUTS);
  const integrationMissing = integrationNames.filter((n) => !isConfiguredInput(params[n], n));
  if (integrationMissing.length === 0) {
    return {
      strategy: 'integration',
      params: {
        consumerKey: String(params[INTEGRATION_INPUTS.consumerKey]),
        consumerSecret: String(params[INTEGRATION_INPUTS.consumerSecret]),
        accessToken: String(params[INTEGRATION_INPUTS.accessToken]),
        accessTokenSecret: String(params[INTEGRATION_INPUTS.accessTokenSecret]),
      },
    };
  }
  const imsMissing = IMS_INPUTS.filter((n) => !isConfiguredInput(params[n], n));
  if (imsMissing.length === 0) {
    const cleaned: Record<string, unknown> = { ...params };
    for (const optional of ['AIO_COMMERCE_AUTH_IMS_CONTEXT', 'AIO_COMMERCE_AUTH_IMS_ENVIRONMENT']) {
      if (!isConfiguredInput(cleaned[optional], optional)) delete cleaned[optional];
    }
    try {
      return { strategy: 'ims', params: authLib().resolveImsAuthParams(cleaned) };
    } catch (error) {
      // The library's validation messages name fields, not values, so they are safe to surface.
      const detail = error instanceof Error ? error.message : String(error);
      throw new CommerceAuthConfigError(`Invalid Commerce IMS inputs: ${detail}`, []);
    }
  }
  if (isConfiguredInput(params[IMS_TOKEN_INPUT], IMS_TOKEN_INPUT)) {
    const token = String(params[IMS_TOKEN_INPUT]);
    const apiKey = params[IMS_API_KEY_INPUT];
    return {
      strategy: 'bearer',
      getToken: () => token,
      apiKey: isConfiguredInput(apiKey, IMS_API_KEY_INPUT) ? String(apiKey) : undefined,
    };
  }
  const partlyIntegration = integrationMissing.length < integrationNames.length;
  const partlyIms = imsMissing.length < IMS_INPUTS.length;
  const missing = partlyIntegration ? integrationMissing : partlyIms ? imsMissing : [...integrationNames];
  throw new CommerceAuthConfigError(
    `No usable Commerce credentials: set all of ${integrationNames.join(', ')} (PaaS integration) ` +
      `or all of ${IMS_INPUTS.join(', ')} (IMS). Missing: ${missing.join(', ')}`,
    missing,
  );
}

/** Builds the per-request header provider for a resolved credential. */
export function createAuthProvider(auth: CommerceAuth): CommerceAuthProvider {
  switch (auth.strategy) {
    case 'integration': {
      const signer = authLib().getIntegrationAuthProvider(auth.params);
      return {
        strategy: 'integration',
        // OAuth 1.0a signs method + URL (query included), so the exact URL sent must be the one signed.
        headersFor: async (method, url) => ({ ...signer.getHeaders(method, url) }),
      };
    }
    case 'ims': {
      const ims = authLib().getImsAuthProvider(auth.params);
      const orgId = auth.params.imsOrgId;
      return {
        strategy: 'ims',
        headersFor: async () => ({ ...(await ims.getHeaders()), 'x-gw-ims-org-id': orgId }),
      };
    }
    case 'bearer': {
      const forwarded = authLib().getForwardedImsAuthProvider({
        from: 'getter',
        getHeaders: async () => {
          const headers: { Authorization: string; 'x-api-key'?: string } = {
            Authorization: `Bearer ${await auth.getToken()}`,
          };
          if (auth.apiKey) headers['x-api-key'] = auth.apiKey;
          return headers;
        },
      });
      return {
        strategy: 'bearer',
        headersFor: async () => {
          const headers: Record<string, string> = { ...(await forwarded.getHeaders()) };
          if (auth.imsOrgId) headers['x-gw-ims-org-id'] = auth.imsOrgId;
          return headers;
        },
      };
    }
  }
}
