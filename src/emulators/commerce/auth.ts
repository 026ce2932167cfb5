import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The integration credentials Commerce stores for one OAuth 1.0a integration. */
export interface IntegrationCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
}

export const demoIntegration: IntegrationCredentials = {
  consumerKey: 'demo-consumer-key',
  consumerSecret: 'demo-consumer-secret',
  accessToken: 'demo-access-token',
  accessTokenSecret: 'demo-access-token-secret',
};

/** RFC 3986 encoding, as OAuth 1.0a (and the oauth-1.0a package) requires. */
const percentEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Parses `OAuth k="v", k2="v2"` into decoded pairs; undefined when the header is not OAuth. */
export const parseOAuthHeader = (header: string): Record<string, string> | undefined => {
  const match = /^OAuth\s+(.*)$/is.exec(header.trim());
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const part of match[1].matchAll(/([A-Za-z0-9_%.~-]+)\s*=\s*"([^"]*)"/g)) {
    params[decodeURIComponent(part[1])] = decodeURIComponent(part[2]);
  }
  return params;
};

/**
 * RFC 5849 §3.4.1 signature base string: METHOD & enc(base URI) & enc(sorted, encoded params).
 * The params are the oauth_* header params (minus the signature and realm) plus the query string.
 * Commerce does not sign JSON bodies, and neither does @adobe/aio-commerce-lib-auth.
 */
export const signatureBaseString = (
  method: string,
  baseUri: string,
  oauthParams: Record<string, string>,
  query: URLSearchParams,
): string => {
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(oauthParams)) {
    if (k === 'oauth_signature' || k === 'realm') continue;
    pairs.push([percentEncode(k), percentEncode(v)]);
  }
  for (const [k, v] of query) pairs.push([percentEncode(k), percentEncode(v)]);
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  const paramString = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  return `${method.toUpperCase()}&${percentEncode(baseUri)}&${percentEncode(paramString)}`;
};

const HASHES: Record<string, string> = { 'HMAC-SHA256': 'sha256', 'HMAC-SHA1': 'sha1' };

export type AuthOutcome = { ok: true; principal: string } | { ok: false; message: string };

export interface AuthContext {
  method: string;
  /** Scheme and authority as the client addressed us, e.g. http://127.0.0.1:7072 */
  origin: string;
  /** Raw request path without the query, exactly as sent. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  wallClockMs: number;
}

const CONSUMER_REJECTED = "The consumer isn't authorized to access %resources.";
const TIMESTAMP_WINDOW_S = 600;

/**
 * Verifies integration (OAuth 1.0a) and bearer (IMS) credentials.
 * Like Commerce, only HMAC-SHA256 is accepted for integrations, and a nonce may be used only once per consumer.
 */
export class CommerceAuthenticator {
  private readonly usedNonces = new Map<string, number>();
  private readonly bearerTokens = new Map<string, { expiresAt: number; clientId: string }>();

  constructor(
    private readonly integration: IntegrationCredentials,
    staticTokens: string[] = [],
  ) {
    for (const token of staticTokens)
      this.bearerTokens.set(token, { expiresAt: Number.POSITIVE_INFINITY, clientId: 'static' });
  }

  /** Issues an IMS-like access token (the control API's stand-in for IMS server-to-server). */
  issueImsToken(
    nowMs: number,
    clientId = 'demo-ims-client',
    ttlSeconds = 86_400,
  ): { access_token: string; token_type: string; expires_in: number } {
    const token = `eyJ.ims-emulator.${randomBytes(24).toString('base64url')}`;
    this.bearerTokens.set(token, { expiresAt: nowMs + ttlSeconds * 1000, clientId });
    return { access_token: token, token_type: 'bearer', expires_in: ttlSeconds };
  }

  verify(ctx: AuthContext): AuthOutcome {
    const header = ctx.authorization?.trim();
    if (!header) return { ok: false, message: CONSUMER_REJECTED };
    if (/^Bearer\s+/i.test(header)) return this.verifyBearer(header.replace(/^Bearer\s+/i, ''), ctx.wallClockMs);
    const params = parseOAuthHeader(header);
    if (!params) return { ok: false, message: CONSUMER_REJECTED };
    return this.verifyOAuth(params, ctx);
  }

  private verifyBearer(token: string, nowMs: number): AuthOutcome {
    const known = this.bearerTokens.get(token);
    if (!known || known.expiresAt <= nowMs) return { ok: false, message: CONSUMER_REJECTED };
    return { ok: true, principal: `ims:${known.clientId}` };
  }

  private verifyOAuth(params: Record<string, string>, ctx: AuthContext): AuthOutcome {
    const required = [
      'oauth_consumer_key',
      'oauth_token',
      'oauth_signature_method',
      'oauth_signature',
      'oauth_nonce',
      'oauth_timestamp',
    ];
    const missing = required.filter((k) => !params[k]);
    if (missing.length > 0)
      return { ok: false, message: `oauth_problem=parameter_absent&oauth_parameters_absent=${missing.join(',')}` };
    const hash = HASHES[params.oauth_signature_method];
    if (params.oauth_signature_method !== 'HMAC-SHA256' || !hash) {
      return { ok: false, message: 'oauth_problem=signature_method_rejected' };
    }
    if (params.oauth_consumer_key !== this.integration.consumerKey)
      return { ok: false, message: 'oauth_problem=consumer_key_rejected' };
    if (params.oauth_token !== this.integration.accessToken)
      return { ok: false, message: 'oauth_problem=token_rejected' };
    const timestamp = Number(params.oauth_timestamp);
    if (!Number.isInteger(timestamp) || Math.abs(ctx.wallClockMs / 1000 - timestamp) > TIMESTAMP_WINDOW_S) {
      return { ok: false, message: 'oauth_problem=timestamp_refused' };
    }
    const base = signatureBaseString(ctx.method, `${ctx.origin}${ctx.path}`, params, ctx.query);
    const key = `${percentEncode(this.integration.consumerSecret)}&${percentEncode(this.integration.accessTokenSecret)}`;
    const expected = Buffer.from(createHmac(hash, key).update(base).digest('base64'));
    const given = Buffer.from(params.oauth_signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, message: 'oauth_problem=signature_invalid' };
    }
    const nonceKey = `${params.oauth_consumer_key}:${params.oauth_nonce}`;
    this.pruneNonces(ctx.wallClockMs);
    if (this.usedNonces.has(nonceKey)) return { ok: false, message: 'oauth_problem=nonce_used' };
    this.usedNonces.set(nonceKey, ctx.wallClockMs);
    return { ok: true, principal: `integration:${params.oauth_consumer_key}` };
  }

  private pruneNonces(nowMs: number): void {
    if (this.usedNonces.size < 10_000) return;
    for (const [nonce, at] of this.usedNonces)
      if (nowMs - at > TIMESTAMP_WINDOW_S * 1000) this.usedNonces.delete(nonce);
  }
}
