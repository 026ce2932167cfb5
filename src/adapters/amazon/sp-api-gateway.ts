import type https from 'node:https';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import type { Clock } from '../../core/clock';
import type { SpApiRegion } from '../../core/marketplaces';
import { UpstreamError } from '../../platform/errors';
import { spApiErrorFromResponse, spApiErrorFromThrown } from './errors';
import { OPERATIONS, type OperationName, type SpApiOperation } from './operations';
import { bucketKey, type SharedRateLimiter } from './rate-limiter';
import { sellingPartnerClass } from './selling-partner';
import { usagePlanFor } from './usage-plans';

export interface SpApiCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface CommunicationFailure {
  storeId: string;
  operation: string;
  code: string;
  message: string;
  httpStatus: number;
  at: string;
}

export interface OutboundCall {
  target: 'amazon';
  storeId: string;
  operation: OperationName;
  request: SpApiRequest;
}

/** Read-only mode: decides before any network I/O whether a write may go out (it throws when held). */
export interface AmazonWriteGuard {
  beforeWrite(call: OutboundCall): Promise<void>;
}

export interface SpApiRequest {
  path?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface AmazonGatewayOptions {
  store: { id: string; sellerId: string; region: SpApiRegion };
  credentials: SpApiCredentials;
  limiter: SharedRateLimiter;
  clock: Clock;
  /** The local emulator hook (see emulator-agent.ts); undefined for real Amazon. */
  agent?: https.Agent;
  recordFailure?: (failure: CommunicationFailure) => Promise<void>;
  writeGuard?: AmazonWriteGuard;
  maxAttempts?: number;
  initialBackoffMs?: number;
  timeoutMs?: number;
}

interface RawResult {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** The client's typings only know some operations; every call goes through this narrow view instead. */
interface LooseClient {
  callAPI(params: Record<string, unknown>): Promise<RawResult>;
  refreshAccessToken(): Promise<void>;
}

const isExpiredTokenResponse = (result: RawResult): boolean =>
  result.statusCode === 403 && /access token.*expired/i.test(result.body ?? '');

/**
 * The only way the app talks to Amazon. It wraps the real amazon-sp-api client with what the client lacks:
 * pinned versions, a shared per-(seller, region, operation) rate limiter, bounded retries (the client's own
 * endless ones are off), typed errors that keep the HTTP status, the communication errors log, and the
 * read-only-mode guard on writes.
 */
export class AmazonGateway {
  private readonly client: LooseClient;

  constructor(private readonly options: AmazonGatewayOptions) {
    const timeout = options.timeoutMs ?? 30_000;
    const SellingPartner = sellingPartnerClass();
    this.client = new SellingPartner({
      region: options.store.region,
      refresh_token: options.credentials.refreshToken,
      credentials: {
        SELLING_PARTNER_APP_CLIENT_ID: options.credentials.clientId,
        SELLING_PARTNER_APP_CLIENT_SECRET: options.credentials.clientSecret,
      },
      options: {
        auto_request_tokens: true,
        auto_request_throttled: false,
        retry_remote_timeout: false,
        version_fallback: false,
        use_sandbox: false,
        debug_log: false,
        timeouts: { response: timeout, idle: timeout, deadline: timeout * 2 },
        ...(options.agent ? { https_proxy_agent: options.agent } : {}),
      },
    }) as unknown as LooseClient;
  }

  /** Calls one operation and returns its payload (the `payload` member when Amazon wraps it). */
  async call<T = unknown>(name: OperationName, request: SpApiRequest = {}): Promise<T> {
    const operation: SpApiOperation = OPERATIONS[name];
    if (operation.write && this.options.writeGuard) {
      await this.options.writeGuard.beforeWrite({
        target: 'amazon',
        storeId: this.options.store.id,
        operation: name,
        request,
      });
    }
    const policy = retry(
      handleWhen(
        (error) =>
          error instanceof UpstreamError && error.retryable && (operation.idempotent || error.httpStatus === 429),
      ),
      {
        maxAttempts: (this.options.maxAttempts ?? 3) - 1,
        backoff: new ExponentialBackoff({ initialDelay: this.options.initialBackoffMs ?? 250, maxDelay: 10_000 }),
      },
    );
    try {
      return await policy.execute(() => this.attempt<T>(operation, request));
    } catch (error) {
      const failure = spApiErrorFromThrown(operation.operation, error);
      await this.options.recordFailure?.({
        storeId: this.options.store.id,
        operation: operation.operation,
        code: failure.upstreamCode,
        message: failure.message,
        httpStatus: failure.httpStatus,
        at: new Date(this.options.clock.now()).toISOString(),
      });
      throw failure;
    }
  }

  private async attempt<T>(operation: SpApiOperation, request: SpApiRequest): Promise<T> {
    const { sellerId, region } = this.options.store;
    const key = bucketKey(sellerId, region, operation.operation, operation.version);
    const plan = usagePlanFor(operation.operation, operation.version);
    await this.options.limiter.acquire(key, plan);

    let result = await this.send(operation, request);
    if (isExpiredTokenResponse(result)) {
      await this.guardThrown(operation, () => this.client.refreshAccessToken());
      result = await this.send(operation, request);
    }
    const limitHeader = result.headers['x-amzn-ratelimit-limit'];
    if (result.statusCode === 429) {
      await this.options.limiter.onThrottled(key, plan, limitHeader);
      throw spApiErrorFromResponse(operation.operation, 429, result.body);
    }
    await this.options.limiter.observeLimitHeader(key, plan, limitHeader);
    if (result.statusCode < 200 || result.statusCode >= 300) {
      throw spApiErrorFromResponse(operation.operation, result.statusCode, result.body);
    }
    if (result.statusCode === 204 || !result.body) return {} as T;
    let parsed: { payload?: T } & Record<string, unknown>;
    try {
      parsed = JSON.parse(result.body);
    } catch {
      throw new UpstreamError(
        'amazon',
        operation.operation,
        result.statusCode,
        'JSON_PARSE_ERROR',
        'Amazon answered with an unreadable body; it will be retried.',
        true,
      );
    }
    return (parsed.payload ?? parsed) as T;
  }

  private send(operation: SpApiOperation, request: SpApiRequest): Promise<RawResult> {
    return this.guardThrown(operation, () =>
      this.client.callAPI({
        operation: operation.operation,
        endpoint: operation.endpoint,
        path: request.path,
        query: request.query,
        body: request.body,
        options: { version: operation.version, raw_result: true },
      }),
    );
  }

  private async guardThrown<R>(operation: SpApiOperation, run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (error) {
      throw spApiErrorFromThrown(operation.operation, error);
    }
  }

  /** Whether the seller participates in each marketplace (and is not on vacation). */
  getMarketplaceParticipations(): Promise<MarketplaceParticipation[]> {
    return this.call<MarketplaceParticipation[]>('getMarketplaceParticipations');
  }
}

export interface MarketplaceParticipation {
  marketplace: {
    id: string;
    name: string;
    countryCode: string;
    defaultCurrencyCode: string;
    defaultLanguageCode: string;
    domainName: string;
  };
  participation: { isParticipating: boolean; hasSuspendedListings: boolean };
  storeName?: string;
}
