import { type Clock, systemClock } from '../core/clock';
import { AppError } from './errors';
import { createLogger, type Logger, type LogLevel } from './logger';
import { registerSecretInputs } from './redaction';
import { inputsOf, type Params } from './web-action';

export interface JobContext {
  inputs: Params;
  /** The whole invocation: trigger payload or event fields merged with inputs. */
  params: Params;
  logger: Logger;
  clock: Clock;
}

/**
 * Wraps a non-web action (alarm, event consumer, fan-out worker). OpenWhisk marks an activation failed when
 * the result has `error`, so failures are returned that way, with a redacted message and no stack.
 */
export const jobAction =
  (name: string, handler: (ctx: JobContext) => Promise<Record<string, unknown>>, clock: Clock = systemClock) =>
  async (params: Params): Promise<Record<string, unknown>> => {
    registerSecretInputs(params);
    const logger = createLogger(name, (params.LOG_LEVEL as LogLevel) ?? 'info');
    try {
      return await handler({ inputs: inputsOf(params), params, logger, clock });
    } catch (error) {
      logger.error(`${name} failed`, error);
      const statusCode = error instanceof AppError ? error.statusCode : 500;
      const message = error instanceof AppError ? error.message : `${name} failed; see the activation log`;
      return { error: { statusCode, body: { error: message } } };
    }
  };
