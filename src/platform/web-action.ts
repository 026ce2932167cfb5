import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type Clock, systemClock } from '../core/clock';
import { type AuthContext, authenticateWebRequest } from './auth';
import { CommerceError, WriteBlockedError as CommerceWriteBlocked } from '../adapters/commerce/errors';
import { AppError, ValidationError } from './errors';
import { createLogger, type Logger, type LogLevel } from './logger';
import { registerSecretInputs } from './redaction';

/** What every App Builder web action returns. */
export interface HttpResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body: unknown;
}

export type Params = Record<string, unknown>;

export interface ActionContext {
  /** Package inputs (UPPER_CASE keys) and OpenWhisk metadata, never the user's request fields. */
  inputs: Params;
  auth: AuthContext;
  logger: Logger;
  clock: Clock;
  method: string;
}

export interface Route<S extends z.ZodType> {
  input: S;
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<unknown>;
}

export interface WebActionSpec<G extends z.ZodType, P extends z.ZodType, U extends z.ZodType, D extends z.ZodType> {
  name: string;
  get?: Route<G>;
  post?: Route<P>;
  put?: Route<U>;
  delete?: Route<D>;
}

const isInputKey = (key: string) => key.startsWith('__') || /^[A-Z][A-Z0-9_]*$/.test(key);

/** Splits request fields (query + JSON body merged by OpenWhisk) from package inputs. */
export const requestFields = (params: Params): Params =>
  Object.fromEntries(Object.entries(params).filter(([key]) => !isInputKey(key)));

export const inputsOf = (params: Params): Params =>
  Object.fromEntries(Object.entries(params).filter(([key]) => isInputKey(key)));

export const zodFields = (error: z.ZodError): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(request)';
    fields[path] ??= issue.message;
  }
  return fields;
};

/** Parses with zod and turns a failure into a 400 that names each field. */
export const parseInput = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = zodFields(result.error);
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  throw new ValidationError(`Invalid input — ${summary}`, fields);
};

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: { 'Content-Type': 'application/json' },
  body,
});

export const errorResponse = (error: unknown, logger: Logger, actionName: string): HttpResponse => {
  if (error instanceof ValidationError) return json(400, { error: error.message, fields: error.fields });
  if (error instanceof AppError) return json(error.statusCode, { error: error.message, code: error.code });
  if (error instanceof CommerceWriteBlocked) return json(409, { error: error.message, code: 'READ_ONLY_MODE' });
  if (error instanceof CommerceError)
    return json(502, { error: error.message, code: `COMMERCE_${error.kind.toUpperCase()}` });
  const reference = randomUUID();
  logger.error(`${actionName} failed (reference ${reference})`, error);
  return json(500, { error: `Something went wrong on our side. Reference: ${reference}` });
};

/**
 * Wraps a web action: authentication, method routing, zod-validated input, error mapping, redacted logs.
 * Handlers receive typed input and return the response body (or a full HttpResponse when they need one).
 */
export const webAction = <G extends z.ZodType, P extends z.ZodType, U extends z.ZodType, D extends z.ZodType>(
  spec: WebActionSpec<G, P, U, D>,
  clock: Clock = systemClock,
) =>
  // `spec` rides along so the quality suites (test/quality, bench/chaos.ts) generate inputs from each route's schema.
  Object.assign(
    async (params: Params): Promise<HttpResponse> => {
      registerSecretInputs(params);
      const logger = createLogger(spec.name, (params.LOG_LEVEL as LogLevel) ?? 'info');
      try {
        const auth = authenticateWebRequest(params, clock.now());
        const method = String(params.__ow_method ?? 'get').toLowerCase() as 'get' | 'post' | 'put' | 'delete';
        const route = spec[method] as Route<z.ZodType> | undefined;
        if (!route) return json(405, { error: `Method ${method.toUpperCase()} is not allowed here` });
        const input = parseInput(route.input, requestFields(params));
        const result = await route.handler(input, { inputs: inputsOf(params), auth, logger, clock, method });
        if (result && typeof result === 'object' && 'statusCode' in result && 'body' in result) {
          return result as HttpResponse;
        }
        return json(200, result);
      } catch (error) {
        return errorResponse(error, logger, spec.name);
      }
    },
    { spec },
  );
