/**
 * Typed failures of the Commerce gateway. Every error says which call failed (method + path without the query,
 * because search criteria can carry buyer e-mails) and never carries request headers, so they are safe to log.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface CommerceCallInfo {
  method: HttpMethod;
  /** Path after the base URL, e.g. `V1/products/ABC`, without the query string. */
  path: string;
}

export abstract class CommerceError extends Error {
  abstract readonly kind: string;
  constructor(
    message: string,
    readonly call: CommerceCallInfo,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Commerce answered with a non-2xx status. `message` has Commerce's placeholders already substituted. */
export class CommerceApiError extends CommerceError {
  readonly kind = 'api';
  constructor(
    readonly status: number,
    /** Commerce's message with %1 / %name placeholders replaced by its parameters. */
    readonly commerceMessage: string,
    call: CommerceCallInfo,
    /** The raw template and parameters, for callers that match on them. */
    readonly template?: string,
    readonly parameters?: unknown,
    /** Milliseconds asked for by a Retry-After header (429/503), if any. */
    readonly retryAfterMs?: number,
  ) {
    super(`Commerce ${call.method} ${call.path} failed with HTTP ${status}: ${commerceMessage}`, call);
  }
  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** The request did not complete within the per-request timeout. The server may still have processed it. */
export class CommerceTimeoutError extends CommerceError {
  readonly kind = 'timeout';
  constructor(
    readonly timeoutMs: number,
    call: CommerceCallInfo,
  ) {
    super(`Commerce ${call.method} ${call.path} timed out after ${timeoutMs} ms`, call);
  }
}

/** The connection failed. `code` is the socket error code (ECONNREFUSED, ECONNRESET, ...) when known. */
export class CommerceNetworkError extends CommerceError {
  readonly kind = 'network';
  constructor(
    readonly code: string | undefined,
    call: CommerceCallInfo,
    cause?: unknown,
  ) {
    super(`Commerce ${call.method} ${call.path} could not be reached (${code ?? 'network error'})`, call, { cause });
  }
  /** True when the request certainly never reached Commerce, so even a non-idempotent call may be retried. */
  get requestNotSent(): boolean {
    return this.code === 'ECONNREFUSED' || this.code === 'ENOTFOUND' || this.code === 'EAI_AGAIN';
  }
}

/** Commerce answered 2xx but the body did not have the shape the app relies on. */
export class CommerceResponseShapeError extends CommerceError {
  readonly kind = 'shape';
  constructor(
    readonly issues: string[],
    call: CommerceCallInfo,
    /** The body was not JSON at all (e.g. cut off in transit), as opposed to JSON of the wrong shape. */
    readonly unparsable = false,
  ) {
    super(`Commerce ${call.method} ${call.path} returned an unexpected body: ${issues.slice(0, 5).join('; ')}`, call);
  }
}

/** A state-changing call was refused by the WriteGuard (read-only mode) before any network I/O. */
export class WriteBlockedError extends CommerceError {
  readonly kind = 'write-blocked';
  constructor(
    readonly reason: string,
    readonly operation: WriteOperation,
  ) {
    super(`Commerce write ${operation.name} (${operation.method} ${operation.path}) blocked: ${reason}`, operation);
  }
}

/** The action inputs do not describe a usable Commerce credential. Names the missing inputs, never their values. */
export class CommerceAuthConfigError extends Error {
  constructor(
    message: string,
    readonly missingInputs: string[],
  ) {
    super(message);
    this.name = 'CommerceAuthConfigError';
  }
}

/** A state-changing call, described fully enough for an outbox to store it and replay it later. */
export interface WriteOperation extends CommerceCallInfo {
  /** Gateway method that issued it, e.g. `createInvoice`. */
  name: string;
  /** Query entries, if any (rare for writes). */
  query?: Array<[string, string]>;
  /** JSON request body. */
  body?: unknown;
  /** Whether the caller declared this write safe to retry after an ambiguous failure. */
  retrySafe: boolean;
}

/**
 * Replaces Commerce's placeholders: positional (`%1`, `%2` with an array of parameters) and named
 * (`%fieldName` with an object of parameters), as Magento's Phrase renderer does.
 */
export function renderCommerceMessage(template: string, parameters: unknown): string {
  if (Array.isArray(parameters)) {
    return template.replace(/%(\d+)/g, (whole, index: string) => {
      const value = parameters[Number(index) - 1];
      return value === undefined ? whole : String(value);
    });
  }
  if (parameters && typeof parameters === 'object') {
    const named = parameters as Record<string, unknown>;
    // Longest names first so `%field` does not eat the start of `%fieldName`.
    const names = Object.keys(named).sort((a, b) => b.length - a.length);
    let out = template;
    for (const name of names) out = out.split(`%${name}`).join(String(named[name]));
    return out;
  }
  return template;
}
