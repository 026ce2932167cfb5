/**
 * Local stand-in for Adobe I/O Events delivering Commerce events to the app's registrations.
 * POST /__events takes one CloudEvent (as the Commerce emulator sends it, signed), finds the config's
 * event registrations whose event_codes include its `type`, and invokes each registration's
 * runtime_action asynchronously with the event's fields at the top level of params, the request headers
 * in `__ow_headers` (including x-adobe-digital-signature-1 and x-adobe-public-key1-path, so the consumer
 * can verify the signature) and the exact raw body in `__ow_body`. It answers 200 at once, like I/O
 * Events acknowledging receipt; delivery failures are logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActionRunner } from './action-runner';
import type { EventRegistration } from './app-config';
import { BodyTooLargeError, type Logger, lowerCaseHeaders, readBody, sendJson } from './http';

export const EVENTS_PATH = '/__events';

export interface EventDelivery {
  registration: string;
  action: string;
  activationId: string;
}

export function createEventsHandler(deps: {
  registrations: EventRegistration[];
  runner: ActionRunner;
  logger: Logger;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { registrations, runner, logger } = deps;
  return async (req, res) => {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'POST a CloudEvent to /__events' }, { allow: 'POST' });
      return;
    }
    let raw: string;
    let event: Record<string, unknown>;
    try {
      raw = (await readBody(req)).toString('utf8');
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SyntaxError('not an object');
      event = parsed as Record<string, unknown>;
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      sendJson(res, tooLarge ? 413 : 400, {
        error: tooLarge ? error.message : 'The body must be a CloudEvent JSON object.',
      });
      return;
    }
    const type = event.type;
    if (typeof type !== 'string' || type.length === 0) {
      sendJson(res, 400, { error: 'The CloudEvent has no "type" field.' });
      return;
    }
    const matching = registrations.filter((registration) => registration.eventCodes.includes(type));
    if (matching.length === 0) {
      // I/O Events would not deliver an event nobody registered for; acknowledge and say so in the log.
      logger.warn(`event ${type} (${String(event.id ?? 'no id')}): no registration subscribes to it, not delivered`);
      sendJson(res, 200, { delivered: [] });
      return;
    }
    const headers = lowerCaseHeaders(req);
    const delivered: EventDelivery[] = matching.map((registration) => {
      const { activationId, done } = runner.start(registration.actionFullName, {
        ...event,
        __ow_method: 'post',
        __ow_headers: headers,
        __ow_body: raw,
      });
      done
        .then((activation) => {
          const line = `event ${type} -> ${registration.actionFullName} ${activation.response.status} (${activation.duration} ms)`;
          if (activation.response.success) logger.info(line);
          else logger.error(`${line}: ${JSON.stringify(activation.response.result).slice(0, 500)}`);
        })
        .catch((error: unknown) =>
          logger.error(`event ${type} -> ${registration.actionFullName} failed: ${String(error)}`),
        );
      return { registration: registration.name, action: registration.actionFullName, activationId };
    });
    sendJson(res, 200, { delivered });
  };
}
