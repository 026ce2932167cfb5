/**
 * Every action the app declares, discovered from app.config.yaml (+ ext.config.yaml) with Adobe's loader, so the
 * quality suites cover actions added later without being edited. Web actions built with `webAction` carry their
 * route schemas on `main.spec`; event consumers are the actions an event registration targets.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import { type ActionDefinition, type AppDefinition, readAppConfig } from '../../src/local/app-config';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const PROJECT_CONFIG = path.join(PROJECT_ROOT, 'app.config.yaml');

export type ActionMain = ((params: Record<string, unknown>) => Promise<unknown>) & {
  spec?: { name: string } & Partial<Record<HttpMethod, { input: z.ZodType }>>;
};
export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
export const HTTP_METHODS: HttpMethod[] = ['get', 'post', 'put', 'delete'];

export interface DiscoveredAction {
  definition: ActionDefinition;
  main: ActionMain;
  /** Event codes routed to this action by an event registration (empty for others). */
  eventCodes: string[];
}

export const loadApp = (): Promise<AppDefinition> => readAppConfig(PROJECT_CONFIG);

export const discoverActions = async (app?: AppDefinition): Promise<DiscoveredAction[]> => {
  const definition = app ?? (await loadApp());
  return [...definition.actions.values()].map((action) => {
    const mod = require(action.functionPath) as { main?: ActionMain; default?: ActionMain };
    const main = mod.main ?? mod.default;
    if (typeof main !== 'function') throw new Error(`${action.fullName} exports no main function`);
    const eventCodes = definition.registrations
      .filter((r) => r.actionFullName === action.fullName)
      .flatMap((r) => r.eventCodes);
    return { definition: action, main, eventCodes };
  });
};

export const isWeb = (a: DiscoveredAction) => a.definition.web !== 'no';
export const isEventConsumer = (a: DiscoveredAction) => a.eventCodes.length > 0;

/** Declared routes of a web action (method → input schema). */
export const routesOf = (a: DiscoveredAction): Array<{ method: HttpMethod; schema: z.ZodType }> =>
  HTTP_METHODS.flatMap((method) => {
    const route = a.main.spec?.[method];
    return route ? [{ method, schema: route.input }] : [];
  });

/** A signing key pair standing in for Adobe I/O Events' key; consumers get its public half as EVENTS_PUBLIC_KEY_PEM. */
export const eventKeys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

export const EVENT_KEY_PATH = '/prod/keys/pub-key-quality.pem';

/** Params a consumer receives for a delivery of `body`, signed with `privateKey` (default: the trusted key). */
export const signedEventParams = (
  body: string,
  inputs: Record<string, unknown>,
  privateKey: string = eventKeys.privateKey,
): Record<string, unknown> => {
  let fields: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fields = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: only the raw body carries it.
  }
  return {
    ...fields,
    ...inputs,
    __ow_headers: {
      'content-type': 'application/json',
      'x-adobe-digital-signature-1': sign('RSA-SHA256', Buffer.from(body), privateKey).toString('base64'),
      'x-adobe-public-key1-path': EVENT_KEY_PATH,
    },
    __ow_body: body,
  };
};

/** The error status of a non-web result (`{ error: { statusCode } }`), or undefined when it succeeded. */
export const jobErrorStatus = (result: unknown): number | undefined => {
  if (!result || typeof result !== 'object' || !('error' in result)) return undefined;
  const error = (result as { error: unknown }).error;
  if (error && typeof error === 'object' && 'statusCode' in error)
    return Number((error as { statusCode: unknown }).statusCode);
  return 500;
};
