import '../../../src/app/register-handlers';
import { eventHandlerFor } from '../../../src/app/event-handlers';
import { createServices } from '../../../src/app/services';
import { commerceEventName, publicKeyResolverFromParams, verifyEventSignature } from '../../../src/platform/events';
import { jobAction } from '../../../src/platform/job-action';

type Resolver = ReturnType<typeof publicKeyResolverFromParams>;
// Module scope, so the public-key cache survives warm invocations.
let resolver: Resolver | undefined;

/**
 * Consumer of Commerce's I/O Events. Only signed, untampered events reach a handler: unsigned or tampered
 * ones are refused (401); an unreachable key server answers 503 so I/O Events delivers again.
 */
export const main = jobAction('commerce-events', async ({ params, inputs, clock, logger }) => {
  resolver ??= publicKeyResolverFromParams(inputs);
  const check = await verifyEventSignature(params, { publicKeyResolver: resolver });
  if (!check.ok) {
    logger.warn(`rejected a Commerce event: ${check.reason}`);
    const statusCode = check.reason === 'key-unavailable' ? 503 : 401;
    return { error: { statusCode, body: { error: `event rejected: ${check.message}` } } };
  }
  const name = commerceEventName(check.event.type);
  const handler = name ? eventHandlerFor(name) : undefined;
  if (!handler) {
    logger.debug(`no handler for ${check.event.type}`);
    return { accepted: true, type: check.event.type, handled: false };
  }
  const services = await createServices(inputs, clock);
  const result = await handler(check.event, services, logger);
  return { accepted: true, type: check.event.type, handled: true, ...result };
});
