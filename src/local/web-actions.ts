/**
 * Web actions at App Builder's URL shape, `/api/v1/web/<pkg>/<action>[/<extra path>]` (also
 * `/api/v1/web/<namespace>/<pkg>/<action>`), with OpenWhisk's web-action parameter conventions and the
 * gateway's `require-adobe-auth` check. Non-web actions (`web: 'no'`) are not reachable here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACTION_CRASH_MESSAGE, type Activation, type ActionRunner } from './action-runner';
import type { ActionDefinition } from './app-config';
import { BodyTooLargeError, type Logger, lowerCaseHeaders, readBody, sendJson } from './http';
import type { LocalIms } from './ims';

export const WEB_PREFIX = '/api/v1/web/';

/** OpenWhisk web actions answer CORS preflights and add these headers by default. */
const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'OPTIONS, GET, DELETE, POST, PUT, HEAD, PATCH',
  'access-control-allow-headers':
    'Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent, x-gw-ims-org-id',
};

interface Route {
  action: ActionDefinition;
  extraPath: string;
}

function findRoute(runner: ActionRunner, namespace: string, pathname: string): Route | undefined {
  const segments = pathname.slice(WEB_PREFIX.length).split('/').map(decodeURIComponent);
  const candidates: Array<[string, number]> = [[`${segments[0]}/${segments[1]}`, 2]];
  if (segments[0] === namespace) candidates.push([`${segments[1]}/${segments[2]}`, 3]);
  for (const [name, used] of candidates) {
    // OpenWhisk accepts an optional content extension on the action name (`.json`, `.http`).
    const action = runner.get(name) ?? runner.get(name.replace(/\.(json|http|html|text|svg)$/, ''));
    if (action && action.web !== 'no') {
      const rest = segments.slice(used).join('/');
      return { action, extraPath: rest ? `/${rest}` : '' };
    }
  }
  return undefined;
}

/** Query and body merged into params, as OpenWhisk does for `web: yes`; raw actions get them unparsed. */
function requestParams(
  action: ActionDefinition,
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  extraPath: string,
): Record<string, unknown> {
  const headers = lowerCaseHeaders(req);
  const params: Record<string, unknown> = {
    __ow_method: (req.method ?? 'GET').toLowerCase(),
    __ow_headers: headers,
    __ow_path: extraPath,
  };
  const text = body.toString('utf8');
  if (action.web === 'raw') {
    params.__ow_query = url.search.replace(/^\?/, '');
    if (body.length > 0) params.__ow_body = text;
    return params;
  }
  const merged: Record<string, unknown> = Object.fromEntries(url.searchParams.entries());
  const contentType = headers['content-type'] ?? '';
  if (body.length > 0) {
    if (contentType.includes('application/json')) {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(merged, parsed);
      else params.__ow_body = text;
    } else if (contentType.includes('application/x-www-form-urlencoded')) {
      Object.assign(merged, Object.fromEntries(new URLSearchParams(text).entries()));
    } else {
      params.__ow_body = text;
    }
  }
  return { ...merged, ...params };
}

function writeResult(res: ServerResponse, activation: Activation): void {
  const { response } = activation;
  if (response.status === 'action developer error') {
    sendJson(res, 500, { error: ACTION_CRASH_MESSAGE, code: activation.activationId }, CORS_HEADERS);
    return;
  }
  // `{ error: { statusCode, body } }` is answered like a normal response; other errors become a 500/400.
  let result = response.result;
  if (response.status === 'application error') {
    const error = result.error;
    if (error && typeof error === 'object' && ('statusCode' in error || 'body' in error)) {
      result = error as Record<string, unknown>;
    } else {
      sendJson(res, 400, { error: typeof error === 'string' ? error : 'The action reported an error.' }, CORS_HEADERS);
      return;
    }
  }
  const isResponseShape = 'statusCode' in result || 'headers' in result || 'body' in result;
  if (!isResponseShape) {
    sendJson(res, 200, result, CORS_HEADERS);
    return;
  }
  const statusCode = Number(result.statusCode ?? 200);
  const headers: Record<string, string> = { ...CORS_HEADERS };
  for (const [name, value] of Object.entries((result.headers ?? {}) as Record<string, unknown>)) {
    headers[name.toLowerCase()] = String(value);
  }
  const body = result.body;
  if (body === undefined || body === null) {
    res.writeHead(statusCode === 200 && body === undefined ? 204 : statusCode, headers);
    res.end();
  } else if (typeof body === 'string') {
    headers['content-type'] ??= 'text/html; charset=utf-8';
    res.writeHead(statusCode, headers);
    res.end(body);
  } else {
    headers['content-type'] ??= 'application/json; charset=utf-8';
    res.writeHead(statusCode, headers);
    res.end(JSON.stringify(body));
  }
}

export function createWebActionHandler(deps: {
  runner: ActionRunner;
  ims: LocalIms;
  namespace: string;
  logger: Logger;
}): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const { runner, ims, namespace, logger } = deps;
  return async (req, res, url) => {
    const route = findRoute(runner, namespace, url.pathname);
    if (!route) {
      sendJson(res, 404, { error: 'The requested resource does not exist.' }, CORS_HEADERS);
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(200, CORS_HEADERS);
      res.end();
      return;
    }
    const headers = lowerCaseHeaders(req);
    if (route.action.requireAdobeAuth) {
      const decision = ims.check(headers);
      if (!decision.ok) {
        sendJson(res, 401, { error: decision.message }, CORS_HEADERS);
        return;
      }
    }
    let params: Record<string, unknown>;
    try {
      params = requestParams(route.action, req, url, await readBody(req), route.extraPath);
    } catch (error) {
      if (error instanceof BodyTooLargeError) sendJson(res, 413, { error: error.message }, CORS_HEADERS);
      else sendJson(res, 400, { error: 'The request body is not valid JSON.' }, CORS_HEADERS);
      return;
    }
    const activation = await runner.invoke(route.action.fullName, params);
    logger.info(
      `${req.method} ${url.pathname} -> ${route.action.fullName} ${activation.response.status} (${activation.duration} ms)`,
    );
    writeResult(res, activation);
  };
}
