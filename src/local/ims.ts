/**
 * Local stand-in for the Adobe I/O gateway's IMS check on `require-adobe-auth: true` web actions.
 * Production never uses this: on I/O Runtime, Adobe's gateway validates the admin's IMS token before
 * the action runs. Locally the runtime issues HMAC-signed, JWT-shaped development tokens (with the org
 * id and an expiry, in the claim names IMS uses) and accepts only those.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Default dev org; matches the IMS org id shape (`<alnum>@AdobeOrg`) that the actions check. */
export const DEFAULT_DEV_ORG_ID = 'ASCLOCALDEV0000000001@AdobeOrg';
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

export const MISSING_AUTH_MESSAGE = 'cannot authorize request, reason: missing authorization header';

export interface DevToken {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  org_id: string;
}

export type AuthCheck = { ok: true } | { ok: false; message: string };

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export class LocalIms {
  private readonly secret: Buffer;

  constructor(
    readonly orgId: string = DEFAULT_DEV_ORG_ID,
    secret?: string,
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = DEFAULT_TTL_MS,
  ) {
    this.secret = secret ? Buffer.from(secret) : randomBytes(32);
  }

  issueToken(): DevToken {
    const createdAt = this.now();
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', x5u: 'asc-local-ims' }));
    const payload = base64url(
      JSON.stringify({
        type: 'access_token',
        client_id: 'asc-local-admin-ui',
        user_id: 'local-admin@AdobeID',
        org: this.orgId,
        created_at: String(createdAt),
        expires_in: String(this.ttlMs),
        exp: Math.floor((createdAt + this.ttlMs) / 1000),
      }),
    );
    const signature = this.sign(`${header}.${payload}`);
    return {
      access_token: `${header}.${payload}.${signature}`,
      token_type: 'bearer',
      expires_in: this.ttlMs,
      org_id: this.orgId,
    };
  }

  /** The gateway's decision for a `require-adobe-auth` web action, from the lower-cased request headers. */
  check(headers: Record<string, string | undefined>): AuthCheck {
    const authorization = headers.authorization;
    const orgHeader = headers['x-gw-ims-org-id'];
    const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!match || !orgHeader) return { ok: false, message: MISSING_AUTH_MESSAGE };
    const claims = this.verify(match[1]);
    if (!claims) return { ok: false, message: 'cannot authorize request, reason: invalid token' };
    if (Number(claims.created_at) + Number(claims.expires_in) <= this.now()) {
      return { ok: false, message: 'cannot authorize request, reason: token expired' };
    }
    if (claims.org !== orgHeader) {
      return {
        ok: false,
        message: 'cannot authorize request, reason: token does not belong to the x-gw-ims-org-id org',
      };
    }
    return { ok: true };
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }

  private verify(token: string): Record<string, unknown> | undefined {
    const [header, payload, signature, ...rest] = token.split('.');
    if (!header || !payload || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}
