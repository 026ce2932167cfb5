/**
 * The one place that talks HTTP to Commerce: auth headers, per-attempt timeout, retries with exponential backoff
 * and jitter (cockatiel), the read-only WriteGuard, typed errors and zod validation of 2xx bodies.
 */
import { DelegateBackoff, handleWhen, retry } from 'cockatiel';
import type { z } from 'zod';
import { type Clock, systemClock } from '../../core/clock';
import type { CommerceAuthProvider } from './auth';
import {
  CommerceApiError,
  type CommerceCallInfo,
  type CommerceError,
  CommerceNetworkError,
  CommerceResponseShapeError,
  CommerceTimeoutError,
  type HttpMethod,
  renderCommerceMessage,
  WriteBlockedError,
  type WriteOperation,
} from './errors';

export interface RetryOptions {
  /** Retries after the first attempt (so at most retries + 1 calls). Default 3. */
  retries: number;
  /** First backoff delay in ms. Default 200. */
  initialDelayMs: number;
  /** Backoff cap in ms, also the cap for a server's Retry-After. Default 10000. */
  maxDelayMs: number;
  /** Per-attempt timeout in ms. Default 30000. */
  timeoutMs: number;
  /** Random source in [0,1) for jitter; injectable so tests are deterministic. */
  random: () => number;
}

export const defaultRetryOptions: RetryOptions = {
  retries: 3,
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  timeoutMs: 30_000,
  random: Math.random,
};

export type WriteVerdict = { blocked: false } | { blocked: true; reason: string };

/** Decides whether state-changing calls may go out (read-only mode). Consulted before any network I/O. */
export interface WriteGuard {
  check(operation: WriteOperation): WriteVerdict | Promise<WriteVerdict>;
}

export interface CommerceRequest<T> {
  /** Gateway method name, for WriteOperation and diagnostics. */
  name: string;
  method: HttpMethod;
  /** Path after the base URL with segments already encoded, e.g. `V1/products/A%2FB`. */
  path: string;
  query?: Array<[string, string]>;
  body?: unknown;
  schema: z.ZodType<T>;
  /**
   * Whether repeating the call cannot create a second effect. Defaults: GET/PUT/DELETE true, POST false.
   * Non-idempotent calls are retried only when Commerce certainly did not process them (connection refused,
   * 429, 503); pass `retrySafe: true` when the caller deduplicates (e.g. looks the order up first).
   */
  idempotent?: boolean;
  retrySafe?: boolean;
}

export interface CommerceHttpOptions {
  baseUrl: string;
  auth: CommerceAuthProvider;
  fetch?: typeof fetch;
  clock?: Clock;
  retry?: Partial<RetryOptions>;
  writeGuard?: WriteGuard;
  /** Called once per call that finally fails (after retries), and on each retried attempt with `willRetry`. */
  onError?: (error: CommerceError, context: { attempt: number; willRetry: boolean }) => void;
  /** Extra headers on every call, e.g. `{ Store: 'default' }` for SaaS scope. Never put secrets here. */
  headers?: Record<string, string>;
}

export class CommerceHttp {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly clock: Clock;
  private readonly retryOptions: RetryOptions;

  constructor(private readonly options: CommerceHttpOptions) {
    this.baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    if (!/^https?:\/\//.test(this.baseUrl)) throw new Error('COMMERCE_BASE_URL must be an http(s) URL');
    this.fetchFn = options.fetch ?? fetch;
    this.clock = options.clock ?? systemClock;
    this.retryOptions = { ...defaultRetryOptions, ...options.retry };
  }

  urlFor(path: string, query?: Array<[string, string]>): string {
    const search = query && query.length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
    return `${this.baseUrl}${path}${search}`;
  }

  async request<T>(req: CommerceRequest<T>): Promise<T> {
    const call: CommerceCallInfo = { method: req.method, path: req.path };
    const idempotent = req.idempotent ?? req.method !== 'POST';
    const retrySafe = req.retrySafe ?? idempotent;
    if (req.method !== 'GET' && this.options.writeGuard) {
      const operation: WriteOperation = { ...call, name: req.name, query: req.query, body: req.body, retrySafe };
      const verdict = await this.options.writeGuard.check(operation);
      if (verdict.blocked) throw new WriteBlockedError(verdict.reason, operation);
    }
    const { retries, initialDelayMs, maxDelayMs, random } = this.retryOptions;
    const policy = retry(
      handleWhen((error) => isRetryable(error, retrySafe)),
      {
        maxAttempts: retries,
        backoff: new DelegateBackoff((context: { attempt: number; result: unknown }) => {
          const error =
            'error' in (context.result as object) ? (context.result as { error: unknown }).error : undefined;
          const exponential = Math.min(maxDelayMs, initialDelayMs * 2 ** (context.attempt - 1));
          // Full jitter spreads retries from many activations; a server's Retry-After is a floor.
          const jittered = Math.round(exponential / 2 + (random() * exponential) / 2);
          const asked = error instanceof CommerceApiError ? error.retryAfterMs : undefined;
          return asked !== undefined ? Math.min(maxDelayMs, Math.max(asked, jittered)) : jittered;
        }),
      },
    );
    let attempt = 0;
    policy.onRetry(({ delay: _delay, ...reason }) => {
      if ('error' in reason && isCommerceError(reason.error)) {
        this.options.onError?.(reason.error, { attempt, willRetry: true });
      }
    });
    try {
      return await policy.execute(() => {
        attempt += 1;
        return this.attempt(req, call);
      });
    } catch (error) {
      if (isCommerceError(error)) this.options.onError?.(error, { attempt, willRetry: false });
      throw error;
    }
  }

  private async attempt<T>(req: CommerceRequest<T>, call: CommerceCallInfo): Promise<T> {
    const url = this.urlFor(req.path, req.query);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...this.options.headers,
      ...(await this.options.auth.headersFor(req.method, url)),
    };
    const init: RequestInit = { method: req.method, headers };
    if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(req.body);
    }
    const { timeoutMs } = this.retryOptions;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    init.signal = controller.signal;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchFn(url, init);
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) throw new CommerceTimeoutError(timeoutMs, call);
      throw new CommerceNetworkError(socketErrorCode(error), call, error);
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw this.apiError(response, text, call);
    const json = text.trim() === '' ? null : safeJson(text);
    if (json === undefined) throw new CommerceResponseShapeError(['body is not JSON'], call, true);
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      throw new CommerceResponseShapeError(
        parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
        call,
      );
    }
    return parsed.data;
  }

  private apiError(response: Response, text: string, call: CommerceCallInfo): CommerceApiError {
    const body = safeJson(text) as { message?: unknown; parameters?: unknown } | undefined;
    const template = typeof body?.message === 'string' ? body.message : undefined;
    const message = template
      ? renderCommerceMessage(template, body?.parameters)
      : response.statusText || `HTTP ${response.status}`;
    return new CommerceApiError(
      response.status,
      message,
      call,
      template,
      body?.parameters,
      parseRetryAfter(response.headers.get('retry-after'), this.clock),
    );
  }
}

function isCommerceError(error: unknown): error is CommerceError {
  return (
    error instanceof CommerceApiError ||
    error instanceof CommerceNetworkError ||
    error instanceof CommerceTimeoutError ||
    error instanceof CommerceResponseShapeError
  );
}

/** 4xx (except 429) and well-formed bodies of the wrong shape are never retried: repeating them cannot succeed. */
export function isRetryable(error: unknown, retrySafe: boolean): boolean {
  if (error instanceof CommerceApiError) {
    // 429 and 503 (maintenance mode, overload) are refusals: Commerce did not act on the request.
    if (error.status === 429 || error.status === 503) return true;
    return error.status >= 500 && retrySafe;
  }
  if (error instanceof CommerceNetworkError) return retrySafe || error.requestNotSent;
  if (error instanceof CommerceTimeoutError) return retrySafe;
  // A body cut off in transit is a transport fault; wrong-but-valid JSON is not, and repeating cannot fix it.
  if (error instanceof CommerceResponseShapeError) return error.unparsable && retrySafe;
  return false;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function socketErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, clock: Clock): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - clock.now());
}
