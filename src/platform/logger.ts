import AioLogger from '@adobe/aio-lib-core-logging';
import { redact, redactString } from './redaction';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface Logger {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  debug(message: string, detail?: unknown): void;
}

type Sink = (level: LogLevel, line: string) => void;

let sinkOverride: Sink | undefined;

/** Tests capture every log line here to prove no secret is ever written. */
export const captureLogs = (sink: Sink | undefined): void => {
  sinkOverride = sink;
};

const format = (message: string, detail?: unknown): string => {
  const text = redactString(message);
  if (detail === undefined) return text;
  return `${text} ${JSON.stringify(redact(detail))}`;
};

/**
 * Every line passes through the redaction layer before it reaches aio-lib-core-logging,
 * so a careless `logger.info('x', params)` cannot leak a token.
 */
export const createLogger = (name: string, level: LogLevel = 'info'): Logger => {
  const aio = AioLogger(name, { level });
  const write = (lvl: LogLevel, message: string, detail?: unknown) => {
    const line = format(message, detail);
    if (sinkOverride) sinkOverride(lvl, `[${name}] ${line}`);
    else aio[lvl](line);
  };
  return {
    error: (m, d) => write('error', m, d),
    warn: (m, d) => write('warn', m, d),
    info: (m, d) => write('info', m, d),
    debug: (m, d) => write('debug', m, d),
  };
};
