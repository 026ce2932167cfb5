import { buildDemoScenario } from '../demo';
import {
  ControlApi,
  EmulatorClock,
  FaultInjector,
  RequestLog,
  ViolationLog,
  registerCommonControlRoutes,
  sendBuffer,
  startHttpServer,
} from '../shared';
import { CommerceAuthenticator, type IntegrationCredentials, demoIntegration } from './auth';
import { registerCommerceControlRoutes } from './control';
import { CommerceEventBus, PUBLIC_KEY_PATH } from './events';
import { buildRouter, handleRest } from './rest';
import { type CommerceSeed, minimalCommerceSeed } from './seed';
import { CommerceState, dataFromSeed, loadPersisted, persist } from './state';

export type { CommerceSeed } from './seed';
export { demoIntegration } from './auth';

export interface CommerceEmulatorOptions {
  /** 0 = random port (tests). Default: env COMMERCE_EMULATOR_PORT or 7072. */
  port?: number;
  clock?: EmulatorClock;
  /** Scenario to start with (default: one website, no products). */
  seed?: CommerceSeed;
  /** Where CloudEvents are POSTed (the local runtime's /__events). Without it events stay pending in the outbox. */
  eventsUrl?: string;
  integration?: IntegrationCredentials;
  /** Extra bearer tokens accepted as IMS tokens. */
  imsTokens?: string[];
  /** Answer 500 when a response breaks the schema (default true); it is recorded in /__control/violations either way. */
  strictResponses?: boolean;
  /** Keep the data in this JSON file across restarts. */
  persistPath?: string;
  /** Seed for the fault injector's PRNG. */
  faultSeed?: number;
  /** Real-ms delays between event delivery retries (default 200, 1000, 5000, 30000). */
  eventRetryDelaysMs?: number[];
}

export interface RunningCommerceEmulator {
  url: string;
  port: number;
  /** REST root for COMMERCE_BASE_URL, e.g. http://127.0.0.1:7072/rest/default/ */
  baseUrl: string;
  publicKeyPem: string;
  clock: EmulatorClock;
  state: () => CommerceState;
  faults: FaultInjector;
  events: CommerceEventBus;
  /** In-process access to the control routes (same handlers as HTTP /__control/...). */
  control: (method: string, subpath: string, body?: unknown) => Promise<unknown>;
  issueImsToken: () => string;
  close(): Promise<void>;
}

export async function startCommerceEmulator(opts: CommerceEmulatorOptions = {}): Promise<RunningCommerceEmulator> {
  const clock = opts.clock ?? new EmulatorClock();
  const initialSeed = opts.seed ?? minimalCommerceSeed();
  const persisted = opts.persistPath ? loadPersisted(opts.persistPath) : undefined;
  let state = new CommerceState(persisted ?? dataFromSeed(initialSeed, clock), clock);
  const auth = new CommerceAuthenticator(opts.integration ?? demoIntegration, opts.imsTokens ?? []);
  const faults = new FaultInjector({ seed: opts.faultSeed ?? 1 });
  const requestLog = new RequestLog(clock);
  const violations = new ViolationLog(clock);
  let publicUrl = '';
  const events = new CommerceEventBus({
    clock,
    eventsUrl: opts.eventsUrl,
    publicUrl: () => publicUrl,
    retryDelaysMs: opts.eventRetryDelaysMs,
  });
  const afterWrite = () => {
    if (opts.persistPath) persist(opts.persistPath, state.data);
  };
  const reseed = (seed: CommerceSeed) => {
    state = new CommerceState(dataFromSeed(seed, clock), clock);
    afterWrite();
  };

  const control = new ControlApi();
  registerCommonControlRoutes(control, { clock, faults, requestLog, violations });
  registerCommerceControlRoutes(control, {
    state: () => state,
    reseed,
    reset: () => {
      reseed(initialSeed);
      faults.clear();
      requestLog.clear();
      violations.clear();
      events.clear();
    },
    demoSeed: (n) => buildDemoScenario(n, clock.now()).commerce,
    events,
    auth,
    afterWrite,
  });

  const router = buildRouter();
  const restDeps = {
    state: () => state,
    router,
    auth,
    faults,
    requestLog,
    violations,
    strictResponses: opts.strictResponses ?? true,
    emit: (
      observer: string,
      value: Record<string, unknown>,
      scope: { storeId: number; websiteId: number; storeGroupId: number },
    ) => {
      events.emit(observer, value, scope);
    },
    afterWrite,
  };

  const envPort = process.env.COMMERCE_EMULATOR_PORT ? Number(process.env.COMMERCE_EMULATOR_PORT) : undefined;
  const server = await startHttpServer(
    async (req, res) => {
      if (req.method === 'GET' && (req.url ?? '').split('?')[0] === PUBLIC_KEY_PATH) {
        sendBuffer(res, 200, events.publicKeyPem, { 'content-type': 'application/x-pem-file' });
        return;
      }
      if (await control.handle(req, res)) return;
      await handleRest(restDeps, req, res);
    },
    { port: opts.port ?? envPort ?? 7072 },
  );
  publicUrl = server.url;

  return {
    url: server.url,
    port: server.port,
    baseUrl: `${server.url}/rest/default/`,
    publicKeyPem: events.publicKeyPem,
    clock,
    state: () => state,
    faults,
    events,
    control: async (method, subpath, body) => (await control.call(method, subpath, body)).body,
    issueImsToken: () => auth.issueImsToken(Date.now()).access_token,
    close: async () => {
      await events.close();
      await server.close();
    },
  };
}
