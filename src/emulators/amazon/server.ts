/**
 * The SP-API request pipeline: host routing, auth, usage plans, faults, request/response validation.
 * Order per call: route → token → rate limit (429) → fault → request validation (400) → handler → response check.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { EmulatorClock } from '../shared/clock';
import { type FaultInjector, applyTransportFault, malformBody } from '../shared/faults';
import { hostOf, parseJsonBody, readBody, sendBuffer } from '../shared/http';
import type { RequestLog, ViolationLog } from '../shared/request-log';
import { Router } from '../shared/router';
import type { RateLimiter } from '../shared/token-bucket';
import { type ApiContext, ApiError, type ApiHandler, type ApiResult, type Region, errorBody } from './api';
import { GRANTLESS_OPERATIONS, type OperationDef, loadModels } from './models';
import type { AmazonState } from './state';

export interface PipelineDeps {
  state: AmazonState;
  clock: EmulatorClock;
  limiter: RateLimiter;
  faults: FaultInjector;
  requestLog: RequestLog;
  violations: ViolationLog;
  strictResponses: boolean;
  handlers: Record<string, ApiHandler>;
  /** Runs due background work (order lifecycle, feed/report processing) before each call. */
  tick: () => void;
  onMutation: () => void;
}

export function regionFromHost(host: string): Region | undefined {
  const m = /^(?:sandbox\.)?sellingpartnerapi-(na|eu|fe)\.amazon\.com$/.exec(host);
  return m ? (m[1] as Region) : undefined;
}

export function buildApiRouter(): Router<OperationDef> {
  const router = new Router<OperationDef>();
  for (const op of loadModels().operations) router.add(op.method, op.path, op);
  return router;
}

const rateHeader = (op: OperationDef): string => String(op.plan.rate);

export async function handleApiRequest(
  deps: PipelineDeps,
  router: Router<OperationDef>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const started = Date.now();
  const url = new URL(req.url ?? '/', 'http://emulator');
  const method = (req.method ?? 'GET').toUpperCase();
  const host = hostOf(req);
  const region: Region = regionFromHost(host) ?? ((req.headers['x-emulator-region'] as Region | undefined) || 'na');
  const requestId = randomUUID();
  const match = router.match(method, url.pathname);
  const op = match?.value;
  let principal: string | undefined;
  let faultKind: string | undefined;

  const send = (result: ApiResult, corrupt = false): void => {
    const headers: Record<string, string> = {
      'x-amzn-RequestId': requestId,
      ...(op ? { 'x-amzn-RateLimit-Limit': rateHeader(op) } : {}),
      ...result.headers,
    };
    let text = result.body === undefined ? '' : JSON.stringify(result.body);
    if (corrupt) text = malformBody(text || '{"payload":{}}');
    if (text) headers['content-type'] = 'application/json';
    sendBuffer(res, result.status, text, headers);
    deps.requestLog.add({
      method,
      host,
      path: url.pathname,
      query: url.search,
      operation: op?.operationId,
      status: result.status,
      durationMs: Date.now() - started,
      fault: faultKind,
      principal,
    });
  };
  const fail = (e: ApiError): void => send({ status: e.status, body: errorBody(e.code, e.message, e.details) });

  if (!op || !match) {
    const allowed = router.allowedMethods(url.pathname);
    if (allowed.length) return fail(new ApiError(405, 'MethodNotAllowed', `Method ${method} is not allowed here.`));
    return fail(new ApiError(404, 'NotFound', `Resource ${url.pathname} is not found (not emulated).`));
  }
  deps.tick();

  // Auth: x-amz-access-token from LWA.
  const token = req.headers['x-amz-access-token'];
  const record = typeof token === 'string' ? deps.state.accessTokens.get(token) : undefined;
  if (!record) return fail(new ApiError(403, 'Unauthorized', 'Access to requested resource is denied.', ''));
  if (deps.clock.now() >= record.expiresAt)
    return fail(
      new ApiError(
        403,
        'Unauthorized',
        'Access to requested resource is denied.',
        'The access token you provided has expired.',
      ),
    );
  const grantless = GRANTLESS_OPERATIONS.has(op.operationId);
  if (grantless && record.scope !== 'sellingpartnerapi::notifications' && !record.sellerId)
    return fail(new ApiError(403, 'Unauthorized', 'Access to requested resource is denied.', 'wrong token scope'));
  if (!grantless && !record.sellerId)
    return fail(
      new ApiError(403, 'Unauthorized', 'Access to requested resource is denied.', 'a seller authorization is needed'),
    );
  principal = record.sellerId ?? `app:${record.clientId}`;

  // Usage plan: per application + selling partner + region + operation.
  const quota = deps.limiter.take(`${record.clientId}|${principal}|${region}|${op.operationId}`, op.plan);
  if (!quota.allowed) {
    faultKind = 'quota';
    return fail(
      new ApiError(
        429,
        'QuotaExceeded',
        'You exceeded your quota for the requested resource.',
        `retry after ${quota.retryAfterMs} ms`,
      ),
    );
  }

  const fault = deps.faults.decide(op.operationId);
  if (fault) {
    faultKind = fault.kind;
    if (await applyTransportFault(fault, res)) {
      deps.requestLog.add({
        method,
        host,
        path: url.pathname,
        query: url.search,
        operation: op.operationId,
        status: 0,
        durationMs: Date.now() - started,
        fault: fault.kind,
        principal,
      });
      return;
    }
    if (fault.kind === 'throttle')
      return fail(
        new ApiError(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.', 'injected'),
      );
    if (fault.kind === 'server-error') {
      const status = fault.status ?? 500;
      return fail(
        new ApiError(
          status,
          status === 503 ? 'ServiceUnavailable' : 'InternalFailure',
          'We encountered an internal error. Please try again.',
        ),
      );
    }
  }

  let body: unknown;
  try {
    body = parseJsonBody(await readBody(req));
  } catch (e) {
    return fail(new ApiError(400, 'InvalidInput', (e as Error).message));
  }
  const checked = op.validator.validateRequest(op.operationId, {
    path: match.params,
    query: url.searchParams,
    headers: req.headers as Record<string, string>,
    body,
  });
  if (!checked.ok) {
    const first = checked.issues[0];
    return fail(
      new ApiError(
        400,
        'InvalidInput',
        `Invalid request: ${first.message}`,
        checked.issues.map((i) => i.message).join('; '),
      ),
    );
  }

  const ctx: ApiContext = {
    op,
    region,
    sellerId: record.sellerId,
    clientId: record.clientId,
    params: match.params,
    query: checked.values.query,
    body,
    state: deps.state,
    clock: deps.clock,
    requestId,
  };
  let result: ApiResult;
  try {
    result = await deps.handlers[op.operationId](ctx);
    if (method !== 'GET') deps.onMutation();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    result = { status: e.status, body: errorBody(e.code, e.message, e.details) };
  }

  if (result.body !== undefined) {
    const verdict = op.validator.validateResponse(op.operationId, result.status, result.body);
    if (!verdict.ok) {
      deps.violations.add({
        operation: op.operationId,
        status: result.status,
        issues: verdict.issues,
        body: result.body,
      });
      if (deps.strictResponses)
        result = {
          status: 500,
          body: errorBody(
            'InternalFailure',
            `Emulator response for ${op.operationId} violates the official model`,
            verdict.issues.map((i) => i.message).join('; '),
          ),
        };
    }
  }
  send(result, fault?.kind === 'malformed');
}
