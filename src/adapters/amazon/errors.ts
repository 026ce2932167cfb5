import { UpstreamError } from '../../platform/errors';

/** The error shape SP-API returns: {errors:[{code,message,details}]}; LWA returns {error,error_description}. */
interface SpApiErrorBody {
  errors?: Array<{ code?: string; message?: string; details?: string }>;
  error?: string;
  error_description?: string;
}

const MERCHANT_MESSAGES: Record<string, string> = {
  invalid_grant: 'Amazon no longer accepts this store’s authorisation. Re-authorise the store in Seller Central.',
  invalid_client:
    'Amazon rejected the app’s LWA client id or secret. The secret may have expired (they rotate every 180 days).',
  unauthorized_client: 'This app is not authorised for the seller. Re-authorise the store.',
  Unauthorized: 'Amazon refused the request: the app is not authorised for this seller or operation.',
  QuotaExceeded: 'Amazon is throttling requests for this operation; it will be retried.',
  InvalidInput: 'Amazon rejected the request as invalid.',
  NotFound: 'Amazon has no such resource.',
  InternalFailure: 'Amazon had an internal error; it will be retried.',
};

const parseBody = (raw: string | undefined): SpApiErrorBody => {
  if (!raw) return {};
  try {
    return JSON.parse(raw) as SpApiErrorBody;
  } catch {
    return {};
  }
};

export const isRetryableStatus = (status: number): boolean => status === 0 || status === 429 || status >= 500;

/** Maps an SP-API/LWA HTTP failure to a typed error that keeps the status and Amazon's code. */
export const spApiErrorFromResponse = (
  operation: string,
  status: number,
  rawBody: string | undefined,
): UpstreamError => {
  const body = parseBody(rawBody);
  const first = body.errors?.[0];
  const code = first?.code ?? body.error ?? (status === 0 ? 'NetworkError' : `HTTP_${status}`);
  const upstreamMessage =
    first?.message ?? body.error_description ?? (rawBody ? 'unreadable response body' : 'no response');
  const advice = MERCHANT_MESSAGES[code];
  const message = advice ? `${advice} (${code}: ${upstreamMessage})` : `${code}: ${upstreamMessage}`;
  return new UpstreamError('amazon', operation, status, code, message, isRetryableStatus(status), first?.details);
};

/** Errors thrown by the client itself (LWA token refresh, sockets) before we see a response. */
export const spApiErrorFromThrown = (operation: string, error: unknown): UpstreamError => {
  if (error instanceof UpstreamError) return error;
  const e = (error ?? {}) as { code?: string; message?: string; statusCode?: number };
  const code = e.code ?? 'NetworkError';
  if (code in MERCHANT_MESSAGES && code.toLowerCase() === code) {
    // LWA error codes come back lower-case: invalid_grant, invalid_client...
    return new UpstreamError('amazon', operation, 400, code, `${MERCHANT_MESSAGES[code]} (${code})`, false);
  }
  const network = [
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'ESOCKETTIMEDOUT',
    'EPIPE',
    'REQUEST_TIMEOUT',
    'NetworkError',
  ];
  if (network.includes(code) || /timeout|socket hang up/i.test(e.message ?? '')) {
    return new UpstreamError(
      'amazon',
      operation,
      0,
      code,
      `Amazon could not be reached (${code}); it will be retried.`,
      true,
    );
  }
  if (code === 'JSON_PARSE_ERROR') {
    return new UpstreamError(
      'amazon',
      operation,
      0,
      code,
      'Amazon answered with an unreadable body; it will be retried.',
      true,
    );
  }
  return new UpstreamError(
    'amazon',
    operation,
    e.statusCode ?? 0,
    code,
    `${code}: ${e.message ?? 'unknown error'}`,
    false,
  );
};
