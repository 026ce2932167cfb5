/**
 * The subset of the OpenWhisk REST API that the `openwhisk` npm client uses to fan out work between
 * actions, so `openwhisk()` with no arguments inside an action works locally as on I/O Runtime:
 *   POST /api/v1/namespaces/{ns}/actions/{pkg}/{action}?blocking=true|false   (actions.invoke)
 *   GET  /api/v1/namespaces/{ns}/activations/{id}[/result|/logs]               (activations.get/result/logs)
 * Requests must carry HTTP basic auth with the runtime's __OW_API_KEY. Any action can be invoked here,
 * web or not, as with a namespace API key.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ActionRunner, UnknownActionError } from './action-runner';
import { BodyTooLargeError, type Logger, readBody, sendJson } from './http';

export const NAMESPACES_PREFIX = '/api/v1/namespaces/';

/** A key in OpenWhisk's `uuid:secret` shape, generated per runtime start. */
export function generateApiKey(): string {
  return `${randomUUID()}:${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '')}`;
}

/** OpenWhisk waits up to 60 s for a blocking invoke before answering 202 with the activation id. */
const BLOCKING_WAIT_MS = 60_000;

function authorized(req: IncomingMessage, apiKey: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  return !!match && Buffer.from(match[1], 'base64').toString('utf8') === apiKey;
}

export function createOpenWhiskApiHandler(deps: {
  runner: ActionRunner;
  namespace: string;
  apiKey: string;
  logger: Logger;
}): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const { runner, namespace, apiKey, logger } = deps;
  return async (req, res, url) => {
    if (!authorized(req, apiKey)) {
      sendJson(res, 401, { error: 'The supplied authentication is invalid.', code: randomUUID() });
      return;
    }
    const segments = url.pathname.slice(NAMESPACES_PREFIX.length).split('/').map(decodeURIComponent);
    const [ns, collection, ...rest] = segments;
    if (ns !== '_' && ns !== namespace) {
      sendJson(res, 403, { error: `The supplied authentication is not authorized to access namespace ${ns}.` });
      return;
    }

    if (collection === 'actions' && req.method === 'POST' && rest.length === 2) {
      const fullName = rest.join('/');
      let params: Record<string, unknown> = {};
      try {
        const body = await readBody(req);
        if (body.length > 0) params = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch (error) {
        const tooLarge = error instanceof BodyTooLargeError;
        sendJson(res, tooLarge ? 413 : 400, { error: tooLarge ? error.message : 'The request content was malformed.' });
        return;
      }
      let started: ReturnType<ActionRunner['start']>;
      try {
        started = runner.start(fullName, params);
      } catch (error) {
        if (error instanceof UnknownActionError) {
          sendJson(res, 404, { error: 'The requested resource does not exist.' });
          return;
        }
        throw error;
      }
      logger.info(`openwhisk invoke ${fullName} (${started.activationId})`);
      if (url.searchParams.get('blocking') !== 'true') {
        sendJson(res, 202, { activationId: started.activationId });
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), BLOCKING_WAIT_MS);
      });
      const activation = await Promise.race([started.done, timedOut]);
      clearTimeout(timer);
      if (!activation) {
        sendJson(res, 202, { activationId: started.activationId });
        return;
      }
      // Like OpenWhisk: 200 on success, 502 when the action failed (the body is still the activation).
      const failed = activation.response.statusCode !== 0;
      if (url.searchParams.get('result') === 'true') {
        sendJson(res, failed ? 502 : 200, activation.response.result);
      } else {
        sendJson(res, failed ? 502 : 200, activation);
      }
      return;
    }

    if (collection === 'activations' && req.method === 'GET' && rest.length >= 1) {
      const activation = runner.activation(rest[0]);
      if (!activation) {
        // Running or unknown activations are not found yet, as in OpenWhisk.
        sendJson(res, 404, { error: 'The requested resource does not exist.' });
        return;
      }
      if (rest[1] === 'result') sendJson(res, 200, activation.response);
      else if (rest[1] === 'logs') sendJson(res, 200, { logs: activation.logs });
      else sendJson(res, 200, activation);
      return;
    }

    sendJson(res, 404, { error: 'This OpenWhisk API is not implemented by the local runtime.' });
  };
}
