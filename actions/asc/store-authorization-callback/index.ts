import { type Clock, systemClock } from '../../../src/core/clock';
import { createServices } from '../../../src/app/services';
import {
  AuthorizationRefused,
  callbackInputSchema,
  completeAuthorization,
} from '../../../src/app/stores/authorization';
import { createLogger, type LogLevel } from '../../../src/platform/logger';
import { registerSecretInputs } from '../../../src/platform/redaction';
import { type HttpResponse, inputsOf, type Params, requestFields } from '../../../src/platform/web-action';

/**
 * Seller Central redirects the merchant's browser here after consent (the app's "OAuth Redirect URI").
 *
 * SECURITY MODEL: this web action is public (`require-adobe-auth: false`), because a browser redirect from
 * amazon.com cannot carry the admin's IMS token. The `state` query parameter is the credential instead: it
 * must name a store with a pending authorisation and carry the 256-bit nonce we issued to an IMS-authenticated
 * admin for that store (compared by hash, in constant time), at most 15 minutes ago, and it works once.
 * Anything else is refused with HTTP 400 before Amazon is contacted or any record is touched. The refresh
 * token Amazon returns is encrypted at once and never shown; the page reveals nothing but the store's name.
 */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (statusCode: number, title: string, message: string, ok: boolean): HttpResponse => ({
  statusCode,
  headers: {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
  },
  body: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1 id="authorization-title">${escapeHtml(title)}</h1>
<p id="authorization-result" data-ok="${ok}">${escapeHtml(message)}</p>
<p>You can close this tab and return to the Amazon Sales Channel in the Commerce Admin.</p>
${ok ? '<script>setTimeout(function () { window.close(); }, 5000);</script>' : ''}
</body></html>`,
});

export const handleCallback = async (params: Params, clock: Clock = systemClock): Promise<HttpResponse> => {
  registerSecretInputs(params);
  const logger = createLogger('store-authorization-callback', (params.LOG_LEVEL as LogLevel) ?? 'info');
  const method = String(params.__ow_method ?? 'get').toLowerCase();
  if (method !== 'get') return page(405, 'Not allowed', 'Seller Central sends the authorisation with GET.', false);
  const parsed = callbackInputSchema.safeParse(requestFields(params));
  if (!parsed.success)
    return page(400, 'Authorisation refused', 'The request from Seller Central is malformed.', false);
  try {
    const services = await createServices(inputsOf(params), clock);
    const { store, reauthorized } = await completeAuthorization(services, parsed.data);
    return page(
      200,
      reauthorized ? 'Authorisation renewed' : 'Store connected',
      reauthorized
        ? `"${store.name}" is authorised with Amazon again for another year.`
        : `"${store.name}" is now connected to Amazon Seller Central (account ${store.sellerId}).`,
      true,
    );
  } catch (error) {
    if (error instanceof AuthorizationRefused) {
      logger.warn(`authorisation refused: ${JSON.stringify(error.fields)}`);
      return page(400, 'Authorisation refused', error.message, false);
    }
    logger.error('authorisation callback failed', error);
    return page(
      500,
      'Something went wrong',
      'The store could not be connected. Start the authorisation again from the store card.',
      false,
    );
  }
};

export const main = (params: Params): Promise<HttpResponse> => handleCallback(params);
