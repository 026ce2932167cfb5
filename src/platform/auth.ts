import { AuthenticationError } from './errors';

/**
 * Defence in depth for web actions. On I/O Runtime the gateway validates the IMS token before the action
 * runs (`require-adobe-auth: true`); the action still refuses a request that lacks a well-formed, unexpired
 * bearer token and an IMS org header, or that comes from an org other than the one configured.
 */
export interface AuthContext {
  token: string;
  imsOrgId: string;
}

const ORG_ID = /^[A-Za-z0-9]{8,}@AdobeOrg$/;

const decodeJwtPayload = (token: string): Record<string, unknown> | undefined => {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** IMS tokens carry created_at + expires_in (milliseconds, as strings); others carry exp (seconds). */
const expiresAtMs = (claims: Record<string, unknown>): number | undefined => {
  if (claims.created_at !== undefined && claims.expires_in !== undefined) {
    return Number(claims.created_at) + Number(claims.expires_in);
  }
  if (claims.exp !== undefined) return Number(claims.exp) * 1000;
  return undefined;
};

const isConfigured = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && !value.startsWith('$');

export const authenticateWebRequest = (params: Record<string, unknown>, nowMs: number): AuthContext => {
  const headers = (params.__ow_headers ?? {}) as Record<string, string | undefined>;
  const authorization = headers.authorization ?? headers.Authorization;
  if (!authorization) throw new AuthenticationError('cannot authorize request, reason: missing authorization header');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match)
    throw new AuthenticationError('cannot authorize request, reason: authorization header is not a bearer token');
  const token = match[1];
  const claims = decodeJwtPayload(token);
  if (!claims) throw new AuthenticationError('cannot authorize request, reason: invalid token');
  const expiry = expiresAtMs(claims);
  if (expiry === undefined || !Number.isFinite(expiry)) {
    throw new AuthenticationError('cannot authorize request, reason: token has no expiry');
  }
  if (expiry <= nowMs) throw new AuthenticationError('cannot authorize request, reason: token expired');

  const imsOrgId = headers['x-gw-ims-org-id'];
  if (!imsOrgId) throw new AuthenticationError('cannot authorize request, reason: missing x-gw-ims-org-id header');
  if (!ORG_ID.test(imsOrgId)) throw new AuthenticationError('cannot authorize request, reason: malformed IMS org id');
  if (isConfigured(params.ASC_IMS_ORG_ID) && params.ASC_IMS_ORG_ID !== imsOrgId) {
    throw new AuthenticationError('cannot authorize request, reason: this IMS org is not allowed');
  }
  return { token, imsOrgId };
};
