/**
 * Login with Amazon: POST /auth/o2/token (refresh_token, authorization_code, client_credentials grants)
 * and the Seller Central website-authorisation consent page that issues single-use spapi_oauth_codes.
 */
import type { EmulatorClock } from '../shared/clock';
import type { AmazonState } from './state';

export const ACCESS_TOKEN_TTL_S = 3600;
export const AUTH_CODE_TTL_MS = 5 * 60_000;
const GRANTLESS_SCOPES = ['sellingpartnerapi::notifications', 'sellingpartnerapi::client_credential:rotation'];

export interface LwaClient {
  clientId: string;
  clientSecret: string;
}

interface LwaDeps {
  state: AmazonState;
  clock: EmulatorClock;
  clients: LwaClient[];
}

export interface LwaResponse {
  status: number;
  body: Record<string, unknown>;
}

const lwaError = (status: number, error: string, description: string): LwaResponse => ({
  status,
  body: { error, error_description: description },
});

/** Accepts JSON or application/x-www-form-urlencoded, as LWA does. */
export function parseTokenRequest(contentType: string, raw: Buffer): Record<string, string> {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) {
    try {
      const parsed = JSON.parse(text || '{}') as Record<string, unknown>;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export function issueAccessToken(deps: LwaDeps, clientId: string, sellerId?: string, scope?: string): string {
  const token = `Atza|${deps.state.randomToken()}`;
  deps.state.accessTokens.set(token, {
    clientId,
    sellerId,
    scope,
    expiresAt: deps.clock.now() + ACCESS_TOKEN_TTL_S * 1000,
  });
  return token;
}

export function handleTokenRequest(deps: LwaDeps, form: Record<string, string>): LwaResponse {
  const { state, clock, clients } = deps;
  const grant = form.grant_type;
  if (!grant) return lwaError(400, 'invalid_request', 'The request is missing a required parameter : grant_type');
  if (!form.client_id)
    return lwaError(400, 'invalid_request', 'The request is missing a required parameter : client_id');
  const client = clients.find((c) => c.clientId === form.client_id);
  if (!client || client.clientSecret !== form.client_secret)
    return lwaError(401, 'invalid_client', 'Client authentication failed');

  if (grant === 'refresh_token') {
    const rt = state.refreshTokens.get(form.refresh_token ?? '');
    if (!rt || (rt.clientId && rt.clientId !== client.clientId))
      return lwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
    const accessToken = issueAccessToken(deps, client.clientId, rt.sellerId);
    return {
      status: 200,
      body: {
        access_token: accessToken,
        refresh_token: form.refresh_token,
        token_type: 'bearer',
        expires_in: ACCESS_TOKEN_TTL_S,
      },
    };
  }
  if (grant === 'authorization_code') {
    const code = state.authCodes.get(form.code ?? '');
    if (!code) return lwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : code');
    if (code.used) return lwaError(400, 'invalid_grant', 'The authorization code has already been used');
    if (clock.now() > code.expiresAt) return lwaError(400, 'invalid_grant', 'The authorization code has expired');
    if (form.redirect_uri && form.redirect_uri !== code.redirectUri)
      return lwaError(400, 'invalid_grant', 'The redirect_uri does not match the one used for authorization');
    code.used = true;
    const refreshToken = `Atzr|${state.randomToken(32)}`;
    state.refreshTokens.set(refreshToken, { sellerId: code.sellerId, clientId: client.clientId });
    return {
      status: 200,
      body: {
        access_token: issueAccessToken(deps, client.clientId, code.sellerId),
        refresh_token: refreshToken,
        token_type: 'bearer',
        expires_in: ACCESS_TOKEN_TTL_S,
      },
    };
  }
  if (grant === 'client_credentials') {
    if (!GRANTLESS_SCOPES.includes(form.scope ?? ''))
      return lwaError(400, 'invalid_scope', `The scope must be one of ${GRANTLESS_SCOPES.join(', ')}`);
    return {
      status: 200,
      body: {
        access_token: issueAccessToken(deps, client.clientId, undefined, form.scope),
        scope: form.scope,
        token_type: 'bearer',
        expires_in: ACCESS_TOKEN_TTL_S,
      },
    };
  }
  return lwaError(400, 'unsupported_grant_type', `The grant type ${grant} is not supported`);
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * GET /apps/authorize/consent?application_id&state&redirect_uri[&version=beta][&selling_partner_id]
 * Renders a consent page; its form posts to /apps/authorize/confirm.
 */
export function consentPage(state: AmazonState, query: URLSearchParams): { status: number; html: string } {
  const applicationId = query.get('application_id');
  const redirectUri = query.get('redirect_uri');
  if (!applicationId || !redirectUri) {
    return {
      status: 400,
      html: '<!doctype html><html><body><h1>Error</h1><p id="consent-error">application_id and redirect_uri are required.</p></body></html>',
    };
  }
  const sellers = [...state.sellers.values()];
  const preferred = query.get('selling_partner_id');
  const options = sellers
    .map(
      (s) =>
        `<option value="${escapeHtml(s.sellerId)}"${s.sellerId === preferred ? ' selected' : ''}>${escapeHtml(s.storeName)} (${escapeHtml(s.sellerId)})</option>`,
    )
    .join('');
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Seller Central – Authorize application</title></head>
<body><h1>Authorize ${escapeHtml(applicationId)}</h1>
<p>This application requests access to your selling account data (emulated Seller Central).</p>
<form method="post" action="/apps/authorize/confirm">
${hidden('application_id', applicationId)}${hidden('state', query.get('state') ?? '')}${hidden('redirect_uri', redirectUri)}
<label>Account <select id="consent-seller" name="selling_partner_id">${options}</select></label>
<button id="consent-authorize" type="submit">Confirm</button>
</form></body></html>`;
  return { status: 200, html };
}

/** POST /apps/authorize/confirm → 302 to redirect_uri with spapi_oauth_code, state and selling_partner_id. */
export function confirmConsent(
  state: AmazonState,
  clock: EmulatorClock,
  form: Record<string, string>,
): { status: number; location?: string; html?: string } {
  const seller = state.sellers.get(form.selling_partner_id ?? '') ?? [...state.sellers.values()][0];
  if (!seller || !form.redirect_uri)
    return { status: 400, html: '<p id="consent-error">No seller or redirect_uri</p>' };
  let target: URL;
  try {
    target = new URL(form.redirect_uri);
  } catch {
    return { status: 400, html: '<p id="consent-error">redirect_uri is not a URL</p>' };
  }
  const code = `ANd${state.randomToken(18)}`;
  state.authCodes.set(code, {
    code,
    sellerId: seller.sellerId,
    redirectUri: form.redirect_uri,
    expiresAt: clock.now() + AUTH_CODE_TTL_MS,
    used: false,
  });
  target.searchParams.set('spapi_oauth_code', code);
  target.searchParams.set('state', form.state ?? '');
  target.searchParams.set('selling_partner_id', seller.sellerId);
  return { status: 302, location: target.toString() };
}
