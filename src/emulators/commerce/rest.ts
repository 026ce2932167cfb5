import type http from 'node:http';
import path from 'node:path';
import {
  type FaultInjector,
  HttpError,
  type RequestLog,
  Router,
  SwaggerValidator,
  type ViolationLog,
  applyTransportFault,
  malformBody,
  parseJsonBody,
  readBody,
  sendBuffer,
} from '../shared';
import type { CommerceAuthenticator } from './auth';
import { cartHandlers } from './carts';
import { CommerceError, type EventScope, type HandlerTable, type RestContext, type RestHandler } from './context';
import { directoryHandlers } from './directory';
import { inventoryHandlers } from './inventory';
import { orderHandlers } from './orders';
import { priceHandlers } from './prices';
import { productHandlers } from './products';
import { salesDocumentHandlers } from './sales-documents';
import { SearchCriteriaError } from './search-criteria';
import type { CommerceState } from './state';
import { storeHandlers } from './stores';

export const COMMERCE_SCHEMA_PATH = path.resolve(__dirname, '../../../models/commerce/admin-schema-2.4.9.yaml');

let sharedValidator: SwaggerValidator | undefined;
/** The 1 MB schema is parsed once per process; compiled validators are cached inside it. */
export const commerceValidator = (): SwaggerValidator => {
  sharedValidator ??= SwaggerValidator.fromFile(COMMERCE_SCHEMA_PATH, { includeBasePath: false });
  return sharedValidator;
};

const allHandlers: HandlerTable = {
  ...productHandlers,
  ...priceHandlers,
  ...inventoryHandlers,
  ...storeHandlers,
  ...orderHandlers,
  ...cartHandlers,
  ...salesDocumentHandlers,
  ...directoryHandlers,
};

/** Operations that exist on SaaS but not in the PaaS admin schema: served without schema validation. */
const EXTRA_ROUTES: Array<[string, string, string]> = [
  ['POST', '/V1/carts/{cartId}/customAttributes', 'PostV1CartsCartIdCustomAttributes'],
];

interface Route {
  operationId: string;
  handler: RestHandler;
  validated: boolean;
}

export const buildRouter = (): Router<Route> => {
  const router = new Router<Route>();
  for (const op of commerceValidator().operations()) {
    const handler = Object.hasOwn(allHandlers, op.operationId) ? allHandlers[op.operationId] : undefined;
    if (handler) router.add(op.method, op.path, { operationId: op.operationId, handler, validated: true });
  }
  for (const [method, template, operationId] of EXTRA_ROUTES) {
    router.add(method, template, { operationId, handler: allHandlers[operationId], validated: false });
  }
  return router;
};

export interface RestDeps {
  state: () => CommerceState;
  router: Router<Route>;
  auth: CommerceAuthenticator;
  faults: FaultInjector;
  requestLog: RequestLog;
  violations: ViolationLog;
  strictResponses: boolean;
  emit: (observer: string, value: Record<string, unknown>, scope: EventScope) => void;
  afterWrite: () => void;
}

/** Splits `/rest/<store>/V1/…`, `/rest/V1/…` (default view) and `/V1/…` (SaaS, `Store` header) into scope + REST path. */
const splitScope = (
  pathname: string,
  storeHeader: string | undefined,
): { storeCode: string; restPath: string } | undefined => {
  const rest = /^\/rest(?:\/([^/]+))?(\/V1\/.*)$/.exec(pathname);
  if (rest) return { storeCode: rest[1] && rest[1] !== 'V1' ? rest[1] : 'default', restPath: rest[2] };
  if (pathname.startsWith('/V1/')) return { storeCode: storeHeader || 'default', restPath: pathname };
  return undefined;
};

const send = (
  res: http.ServerResponse,
  status: number,
  body: unknown,
  malformed = false,
  headers: Record<string, string> = {},
): void => {
  const text = body === undefined ? '[]' : JSON.stringify(body);
  sendBuffer(res, status, malformed ? malformBody(text) : text, {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
};

const describeIssue = (issue: { field: string; message: string }) => {
  const reason = issue.message.startsWith(`${issue.field}: `)
    ? issue.message.slice(issue.field.length + 2)
    : issue.message;
  return reason === 'is required'
    ? new CommerceError(400, '"%fieldName" is required. Enter and try again.', { fieldName: issue.field })
    : new CommerceError(400, 'Invalid value for "%fieldName": %reason', { fieldName: issue.field, reason });
};

export const handleRest = async (
  deps: RestDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> => {
  const started = Date.now();
  const url = new URL(req.url ?? '/', 'http://commerce.local');
  const method = (req.method ?? 'GET').toUpperCase();
  const rawPath = (req.url ?? '/').split('?')[0];
  let status = 500;
  let operation: string | undefined;
  let fault: string | undefined;
  let principal: string | undefined;
  try {
    const scope = splitScope(url.pathname, req.headers.store as string | undefined);
    const match = scope ? deps.router.match(method, scope.restPath) : undefined;
    if (!scope || !match) {
      status = 404;
      send(res, 404, { message: 'Request does not match any route.' });
      return;
    }
    operation = match.value.operationId;
    const decided = deps.faults.decide(operation);
    fault = decided?.kind;
    if (decided && (await applyTransportFault(decided, res))) {
      status = 0;
      return;
    }
    if (decided?.kind === 'server-error') {
      status = decided.status ?? 500;
      send(res, status, {
        message: 'Internal Error. Details are available in Magento log file. Report ID: webapi-emulator',
      });
      return;
    }
    if (decided?.kind === 'throttle') {
      status = 429;
      send(res, 429, { message: 'Too many requests' }, false, { 'retry-after': '1' });
      return;
    }
    const auth = deps.auth.verify({
      method,
      origin: `http://${req.headers.host ?? '127.0.0.1'}`,
      path: rawPath,
      query: url.searchParams,
      authorization: req.headers.authorization,
      wallClockMs: Date.now(),
    });
    if (!auth.ok) {
      status = 401;
      send(res, 401, { message: auth.message, parameters: { resources: 'Magento_Backend::admin' } });
      return;
    }
    principal = auth.principal;
    const state = deps.state();
    const storeCode = scope.storeCode;
    const view = storeCode === 'all' ? undefined : state.storeView(storeCode);
    if (storeCode !== 'all' && !view)
      throw new CommerceError(400, "The store that was requested wasn't found. Verify the store and try again.");
    let body: unknown;
    try {
      body = parseJsonBody(await readBody(req));
    } catch (err) {
      throw new CommerceError(400, `Decoding error: ${(err as Error).message}`);
    }
    const validator = commerceValidator();
    if (match.value.validated) {
      const check = validator.validateRequest(operation, { path: match.params, query: url.searchParams, body });
      if (!check.ok) throw describeIssue(check.issues[0]);
    }
    const ctx: RestContext = {
      state,
      params: match.params,
      query: url.searchParams,
      body,
      storeId: view?.id ?? 0,
      websiteId: view?.websiteId ?? 0,
      scope: { storeId: view?.id ?? 0, websiteId: view?.websiteId ?? 0, storeGroupId: view?.storeGroupId ?? 0 },
      emit: (observer, value, eventScope) => deps.emit(observer, value, eventScope ?? ctx.scope),
    };
    const result = await match.value.handler(ctx);
    if (method !== 'GET') deps.afterWrite();
    const payload = result === undefined ? [] : result;
    // A void operation (e.g. POST /V1/inventory/source-items) declares no 200 schema; its `[]` is not an error body.
    if (match.value.validated && result !== undefined) {
      const check = validator.validateResponse(operation, 200, payload);
      if (!check.ok) {
        deps.violations.add({ operation, status: 200, issues: check.issues, body: payload });
        if (deps.strictResponses) {
          status = 500;
          send(res, 500, {
            message: `Emulator response violates the Commerce schema: ${check.issues.map((i) => i.message).join('; ')}`,
          });
          return;
        }
      }
    }
    status = 200;
    send(res, 200, payload, decided?.kind === 'malformed');
  } catch (err) {
    const error =
      err instanceof CommerceError
        ? err
        : err instanceof SearchCriteriaError
          ? new CommerceError(400, err.message)
          : err instanceof HttpError
            ? new CommerceError(err.status, err.message)
            : undefined;
    if (!error) console.error('[commerce-emulator] handler failed:', err);
    status = error?.status ?? 500;
    send(
      res,
      status,
      error ? error.toBody() : { message: 'Internal Error. Details are available in Magento log file.' },
    );
  } finally {
    deps.requestLog.add({
      method,
      host: String(req.headers.host ?? ''),
      path: url.pathname,
      query: url.search,
      operation,
      status,
      durationMs: Date.now() - started,
      fault,
      principal,
    });
  }
};
