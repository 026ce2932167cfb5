import path from 'node:path';
import type { Logger } from '../../src/local/http';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../src/local/index';

export const FIXTURE_CONFIG = path.join(__dirname, 'fixtures', 'app.config.yaml');

/** Captures the runtime's log lines so tests can assert on them (and keep test output quiet). */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

export async function startFixtureRuntime(
  options: LocalRuntimeOptions = {},
): Promise<{ runtime: LocalRuntime; logger: ReturnType<typeof captureLogger> }> {
  const logger = captureLogger();
  const runtime = await startLocalRuntime({
    port: 0,
    configPath: FIXTURE_CONFIG,
    serveUi: false,
    alarms: false,
    env: { FIXTURE_GREETING: 'hello from env' },
    logger,
    ...options,
  });
  return { runtime, logger };
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
