/**
 * The Commerce gateway: typed REST calls over one authenticated, retrying, write-guarded HTTP core.
 *
 *   const commerce = createCommerceGateway({ baseUrl: params.COMMERCE_BASE_URL, params, writeGuard });
 *   for await (const p of commerce.iterateProducts(criteria().where('updated_at', 'gteq', since))) ...
 */
import { z } from 'zod';
import type { Clock } from '../../core/clock';
import { type CommerceAuth, type CommerceAuthProvider, createAuthProvider, resolveCommerceAuth } from './auth';
import type { CommerceError, WriteOperation } from './errors';
import { CommerceHttp, type RetryOptions, type WriteGuard } from './http';
import { type CartCalls, cartCalls } from './carts';
import { nodeFetch } from './node-transport';
import { type CatalogCalls, catalogCalls } from './catalog';
import { type SalesCalls, salesCalls } from './sales';

export interface CommerceGatewayOptions {
  /** REST root up to but excluding `V1/`, e.g. `http://127.0.0.1:7072/rest/default/`. */
  baseUrl: string;
  /** Action inputs; the credential is chosen from them (integration, then IMS, then AIO_COMMERCE_AUTH_IMS_TOKEN). */
  params?: Record<string, unknown>;
  /** An explicit credential instead of params, e.g. `{ strategy: 'bearer', getToken }` for tests or local IMS. */
  auth?: CommerceAuth | CommerceAuthProvider;
  fetch?: typeof fetch;
  clock?: Clock;
  retry?: Partial<RetryOptions>;
  writeGuard?: WriteGuard;
  onError?: (error: CommerceError, context: { attempt: number; willRetry: boolean }) => void;
  /** Extra headers for every call, e.g. `{ Store: 'default' }` on SaaS. */
  headers?: Record<string, string>;
}

export interface CommerceGateway extends CatalogCalls, SalesCalls, CartCalls {
  /** Which credential is in use (never the credential itself). */
  readonly authStrategy: CommerceAuthProvider['strategy'];
  /** Re-issues a write that a WriteGuard blocked earlier (the outbox calls this once read-only mode is off). */
  replayWrite(operation: WriteOperation): Promise<unknown>;
}

const isProvider = (auth: CommerceAuth | CommerceAuthProvider): auth is CommerceAuthProvider =>
  typeof (auth as CommerceAuthProvider).headersFor === 'function';

export function createCommerceGateway(options: CommerceGatewayOptions): CommerceGateway {
  if (!options.baseUrl) throw new Error('COMMERCE_BASE_URL is required');
  const auth = options.auth ?? resolveCommerceAuth(options.params ?? {});
  const provider = isProvider(auth) ? auth : createAuthProvider(auth);
  const http = new CommerceHttp({
    baseUrl: options.baseUrl,
    auth: provider,
    fetch: options.fetch ?? nodeFetch,
    clock: options.clock,
    retry: options.retry,
    writeGuard: options.writeGuard,
    onError: options.onError,
    headers: options.headers,
  });
  return {
    authStrategy: provider.strategy,
    ...catalogCalls(http),
    ...salesCalls(http),
    ...cartCalls(http),
    replayWrite: (operation) =>
      http.request({
        name: operation.name,
        method: operation.method,
        path: operation.path,
        query: operation.query,
        body: operation.body,
        idempotent: operation.retrySafe,
        retrySafe: operation.retrySafe,
        schema: z.unknown(),
      }),
  };
}
