/**
 * The local runtime: an in-process stand-in for I/O Runtime + API gateway + I/O Events + alarms, driven
 * by app.config.yaml. See docs/local-runtime.md for what it does and where it differs from production.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type AlarmScheduler, startAlarms } from './alarms';
import { ActionRunner } from './action-runner';
import { type AppDefinition, readAppConfig } from './app-config';
import { createEventsHandler, EVENTS_PATH } from './events';
import { consoleLogger, type Logger, sendJson } from './http';
import { type DevToken, LocalIms } from './ims';
import { createOpenWhiskApiHandler, generateApiKey, NAMESPACES_PREFIX } from './openwhisk-api';
import { ensureUiBuilt, IMS_TOKEN_PATH, runtimeConfigJson, serveStatic } from './ui';
import { createWebActionHandler, WEB_PREFIX } from './web-actions';

export type { Activation } from './action-runner';
export type { ActionDefinition, AlarmDefinition, AppDefinition, EventRegistration } from './app-config';
export { loadProjectAppConfig, readAppConfig } from './app-config';
export { EVENTS_PATH } from './events';
export { DEFAULT_DEV_ORG_ID, type DevToken, MISSING_AUTH_MESSAGE } from './ims';
export { IMS_TOKEN_PATH } from './ui';
export { WEB_PREFIX } from './web-actions';

export interface LocalRuntimeOptions {
  /** Port to listen on; 0 picks a random free port. Default: ASC_RUNTIME_PORT or 9080. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (the runtime is for this machine only). */
  host?: string;
  /** app.config.yaml to serve; default ./app.config.yaml. */
  configPath?: string;
  /** Extra environment for `$VAR` inputs, layered over process.env. */
  env?: Record<string, string | undefined>;
  /** Alarm speed-up factor; default ASC_ALARM_SPEEDUP or 1. */
  speedUp?: number;
  /** Fire alarms at all (tests of other features turn them off). Default true. */
  alarms?: boolean;
  /** Serve web-src/dist at `/` (building it when missing or stale). Default true. */
  serveUi?: boolean;
  /** OpenWhisk namespace the actions see in __OW_NAMESPACE. Default AIO_runtime_namespace or 'local'. */
  namespace?: string;
  /** IMS org id of the dev tokens. Default ASC_LOCAL_IMS_ORG_ID or DEFAULT_DEV_ORG_ID. */
  imsOrgId?: string;
  /** HMAC secret for dev tokens (keeps tokens valid across restarts). Default ASC_LOCAL_IMS_SECRET or random. */
  imsSecret?: string;
  logger?: Logger;
}

export interface LocalRuntime {
  /** Base URL, e.g. http://127.0.0.1:9080 */
  url: string;
  port: number;
  namespace: string;
  /** The __OW_API_KEY the OpenWhisk API accepts (basic auth). */
  apiKey: string;
  app: AppDefinition;
  /** Runs an action (web or not) as an OpenWhisk invocation and resolves with its result object. */
  invoke(name: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** A dev IMS token accepted by `require-adobe-auth` web actions, with its org id. */
  issueToken(): DevToken;
  alarmStats(): ReturnType<AlarmScheduler['stats']>;
  close(): Promise<void>;
}

const OW_ENV_KEYS = ['__OW_API_HOST', '__OW_API_KEY', '__OW_NAMESPACE'] as const;

export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const logger = options.logger ?? consoleLogger;
  const configPath = path.resolve(options.configPath ?? 'app.config.yaml');
  const app = await readAppConfig(configPath);
  const env = () => ({ ...process.env, ...(options.env ?? {}) });
  const namespace = options.namespace ?? process.env.AIO_runtime_namespace ?? 'local';
  const apiKey = generateApiKey();
  const runner = new ActionRunner(app, { namespace, env, logger });
  const ims = new LocalIms(
    options.imsOrgId ?? process.env.ASC_LOCAL_IMS_ORG_ID ?? undefined,
    options.imsSecret ?? process.env.ASC_LOCAL_IMS_SECRET,
  );
  const webSrc = app.webSrc ?? path.join(app.root, 'web-src');
  let serveUi = false;
  if (options.serveUi !== false) {
    // A broken UI build must not take the actions down with it: log it and serve the API only.
    serveUi = await ensureUiBuilt(app.root, webSrc, logger).catch((error: unknown) => {
      logger.error(`admin UI not served: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    });
  }

  const handleWeb = createWebActionHandler({ runner, ims, namespace, logger });
  const handleOpenWhisk = createOpenWhiskApiHandler({ runner, namespace, apiKey, logger });
  const handleEvents = createEventsHandler({ registrations: app.registrations, runner, logger });
  let baseUrl = '';

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', baseUrl);
    if (url.pathname.startsWith(WEB_PREFIX)) return handleWeb(req, res, url);
    if (url.pathname.startsWith(NAMESPACES_PREFIX)) return handleOpenWhisk(req, res, url);
    if (url.pathname === EVENTS_PATH) return handleEvents(req, res);
    if (url.pathname === IMS_TOKEN_PATH && (req.method === 'GET' || req.method === 'POST')) {
      return sendJson(res, 200, ims.issueToken(), { 'cache-control': 'no-store' });
    }
    if (url.pathname === '/config.json') {
      const origin = req.headers.host ? `http://${req.headers.host}` : baseUrl;
      return sendJson(res, 200, runtimeConfigJson(app, origin, ims.orgId), { 'cache-control': 'no-cache' });
    }
    if (url.pathname === '/__local/health') {
      return sendJson(res, 200, { ok: true, namespace, actions: [...app.actions.keys()] });
    }
    if (serveUi && (req.method === 'GET' || req.method === 'HEAD')) {
      return serveStatic(res, path.join(webSrc, 'dist'), url.pathname);
    }
    sendJson(res, 404, { error: 'The requested resource does not exist.' });
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error(`${req.method} ${req.url?.split('?')[0]} failed: ${error instanceof Error ? error.stack : error}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal error in the local runtime.' });
      else res.end();
    });
  });
  const port = options.port ?? Number(process.env.ASC_RUNTIME_PORT ?? 9080);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  baseUrl = `http://${host}:${actualPort}`;

  // Actions calling `openwhisk()` with no arguments reach this runtime, as they reach I/O Runtime when deployed.
  const previousEnv = OW_ENV_KEYS.map((key) => [key, process.env[key]] as const);
  process.env.__OW_API_HOST = baseUrl;
  process.env.__OW_API_KEY = apiKey;
  process.env.__OW_NAMESPACE = namespace;

  const speedUp = options.speedUp ?? Number(process.env.ASC_ALARM_SPEEDUP ?? 1);
  const scheduler =
    options.alarms === false
      ? { stats: () => ({}), stop: () => undefined }
      : startAlarms({ alarms: app.alarms, runner, speedUp: speedUp > 0 ? speedUp : 1, logger });

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port: actualPort,
    namespace,
    apiKey,
    app,
    invoke: async (name, params = {}) => (await runner.invoke(name, params)).response.result,
    issueToken: () => ims.issueToken(),
    alarmStats: () => scheduler.stats(),
    close: () => {
      closing ??= (async () => {
        scheduler.stop();
        const forceClose = setTimeout(() => server.closeAllConnections(), 5000);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        clearTimeout(forceClose);
        // Let in-flight activations finish (bounded, so Ctrl-C never hangs on a stuck job).
        let drainTimer: NodeJS.Timeout | undefined;
        await Promise.race([
          runner.drain(),
          new Promise((resolve) => {
            drainTimer = setTimeout(resolve, 5000);
          }),
        ]);
        clearTimeout(drainTimer);
        for (const [key, value] of previousEnv) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      })();
      return closing;
    },
  };
}
