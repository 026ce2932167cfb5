/**
 * Runs actions in-process the way I/O Runtime would: inputs from the manifest (with `$VAR` resolved from
 * the environment), `final` inputs winning over request params, the action's time limit, and an
 * activation record per run (what the OpenWhisk API returns to the `openwhisk` client).
 */
import { randomBytes } from 'node:crypto';
import type { ActionDefinition, AppDefinition } from './app-config';
import type { Logger } from './http';

export type ActivationStatus = 'success' | 'application error' | 'action developer error';

export interface Activation {
  activationId: string;
  namespace: string;
  name: string;
  start: number;
  end: number;
  duration: number;
  response: {
    status: ActivationStatus;
    /** 0 success, 1 application error, 2 action developer error (OpenWhisk's codes). */
    statusCode: 0 | 1 | 2;
    success: boolean;
    result: Record<string, unknown>;
  };
  logs: string[];
  annotations: Array<{ key: string; value: unknown }>;
}

type ActionMain = (params: Record<string, unknown>) => unknown;

export class UnknownActionError extends Error {}

/** Generic text for a crashed action: the stack goes to the runtime log, never to the caller. */
export const ACTION_CRASH_MESSAGE = 'The action failed with an internal error; see the local runtime log.';

const ENV_REFERENCE = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/;

/**
 * `$VAR` / `${VAR}` input values take the environment's value. Unset variables stay the literal
 * `$VAR` string, which is what `aio app dev` does (a deployed action would get '').
 */
export function resolveInputs(
  inputs: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputs)) {
    const match = typeof value === 'string' ? ENV_REFERENCE.exec(value) : null;
    const variable = match ? (match[1] ?? match[2]) : undefined;
    resolved[key] = variable !== undefined && env[variable] !== undefined ? env[variable] : value;
  }
  return resolved;
}

const MAX_KEPT_ACTIVATIONS = 1000;

export class ActionRunner {
  private readonly modules = new Map<string, ActionMain>();
  private readonly running = new Map<string, number>();
  private readonly activations = new Map<string, Activation>();
  private readonly pending = new Set<Promise<Activation>>();

  constructor(
    private readonly app: AppDefinition,
    private readonly options: { namespace: string; env: () => Record<string, string | undefined>; logger: Logger },
  ) {}

  get(fullName: string): ActionDefinition | undefined {
    return this.app.actions.get(fullName);
  }

  /** Number of runs of this action still in flight. */
  runningCount(fullName: string): number {
    return this.running.get(fullName) ?? 0;
  }

  activation(activationId: string): Activation | undefined {
    return this.activations.get(activationId);
  }

  /** Waits for every run started so far (used by close()). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /** Params exactly as the action sees them: inputs and request params, `final` inputs winning. */
  buildParams(action: ActionDefinition, callParams: Record<string, unknown>): Record<string, unknown> {
    const inputs = resolveInputs(action.inputs, this.options.env());
    return action.final ? { ...callParams, ...inputs } : { ...inputs, ...callParams };
  }

  /** Starts a run and returns its id at once plus a promise of the finished activation. */
  start(fullName: string, callParams: Record<string, unknown>): { activationId: string; done: Promise<Activation> } {
    const action = this.app.actions.get(fullName);
    if (!action) throw new UnknownActionError(`The requested resource does not exist: action ${fullName}`);
    const activationId = randomBytes(16).toString('hex');
    this.running.set(fullName, this.runningCount(fullName) + 1);
    const done = this.execute(action, activationId, callParams).finally(() => {
      this.running.set(fullName, this.runningCount(fullName) - 1);
      this.pending.delete(done);
    });
    this.pending.add(done);
    return { activationId, done };
  }

  invoke(fullName: string, callParams: Record<string, unknown>): Promise<Activation> {
    return this.start(fullName, callParams).done;
  }

  private loadMain(action: ActionDefinition): ActionMain {
    const cached = this.modules.get(action.functionPath);
    if (cached) return cached;
    // Under tsx (npm start) and ts-jest, require() compiles the TypeScript source on the fly.
    const loaded = require(action.functionPath) as { main?: unknown; default?: { main?: unknown } | unknown };
    const main =
      typeof loaded.main === 'function'
        ? loaded.main
        : typeof (loaded.default as { main?: unknown } | undefined)?.main === 'function'
          ? (loaded.default as { main: unknown }).main
          : undefined;
    if (typeof main !== 'function') throw new Error(`${action.functionPath} does not export a main function`);
    this.modules.set(action.functionPath, main as ActionMain);
    return main as ActionMain;
  }

  private async execute(
    action: ActionDefinition,
    activationId: string,
    callParams: Record<string, unknown>,
  ): Promise<Activation> {
    const start = Date.now();
    let status: ActivationStatus = 'success';
    let result: Record<string, unknown>;
    let timer: NodeJS.Timeout | undefined;
    try {
      const main = this.loadMain(action);
      const run = Promise.resolve(main(this.buildParams(action, callParams)));
      const limit = action.timeoutMs ?? 60_000;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new TimeLimitError(`The action exceeded its time limit of ${limit} milliseconds.`)),
          limit,
        );
      });
      const value = await Promise.race([run, timeout]);
      result = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
      if ('error' in result) status = 'application error';
    } catch (error) {
      status = 'action developer error';
      if (error instanceof TimeLimitError) {
        result = { error: error.message };
        this.options.logger.error(`${action.fullName} (${activationId}) ${error.message}`);
      } else {
        result = { error: ACTION_CRASH_MESSAGE };
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.options.logger.error(`${action.fullName} (${activationId}) threw: ${detail}`);
      }
    } finally {
      clearTimeout(timer);
    }
    const end = Date.now();
    const statusCode = status === 'success' ? 0 : status === 'application error' ? 1 : 2;
    const activation: Activation = {
      activationId,
      namespace: this.options.namespace,
      name: action.actionName,
      start,
      end,
      duration: end - start,
      response: { status, statusCode, success: statusCode === 0, result },
      logs: [],
      annotations: [
        { key: 'path', value: `${this.options.namespace}/${action.fullName}` },
        { key: 'kind', value: 'nodejs:22' },
      ],
    };
    this.remember(activation);
    return activation;
  }

  private remember(activation: Activation): void {
    this.activations.set(activation.activationId, activation);
    if (this.activations.size > MAX_KEPT_ACTIVATIONS) {
      const oldest = this.activations.keys().next().value;
      if (oldest !== undefined) this.activations.delete(oldest);
    }
  }
}

class TimeLimitError extends Error {}
