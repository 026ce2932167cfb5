/**
 * The whole channel on one machine with embedded defaults (what `npm start` runs): Amazon and Commerce
 * emulators seeded with the demo scenario, the app's environment wired to them, the lead's local demo
 * stores, and the local runtime serving the actions, alarms, events and admin UI.
 * Emulators and hooks written by other owners are imported dynamically, so a partial checkout still starts.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from './index';

/** Demo identities from the team plan; the emulators accept exactly these. */
export const DEMO_ENV = {
  AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.demo',
  AMAZON_LWA_CLIENT_SECRET: 'demo-lwa-client-secret',
  AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: 'demo-consumer-key',
  AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: 'demo-consumer-secret',
  AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: 'demo-access-token',
  AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: 'demo-access-token-secret',
} as const;

/** Development-only AES key (32 bytes, base64). Never use it for real credentials. */
export const DEV_ENCRYPTION_KEY = Buffer.from('asc-local-development-key-000000').toString('base64');

interface Closable {
  url: string;
  close(): Promise<void>;
}

export interface LocalStack {
  runtime: LocalRuntime;
  amazon?: Closable;
  commerce?: Closable & { baseUrl: string };
  close(): Promise<void>;
}

export interface LocalStackOptions {
  root: string;
  runtimePort?: number;
  amazonPort?: number;
  commercePort?: number;
  progress?: (message: string) => void;
  /** Passed to the runtime (tests turn the UI build and alarms off). */
  serveUi?: boolean;
  alarms?: boolean;
  logger?: LocalRuntimeOptions['logger'];
}

async function importIfPresent<T>(root: string, relative: string): Promise<T | undefined> {
  const file = path.join(root, relative);
  if (!fs.existsSync(`${file}.ts`) && !fs.existsSync(path.join(file, 'index.ts'))) return undefined;
  return (await import(file)) as T;
}

type AmazonModule = {
  startAmazonEmulator(opts: { port?: number }): Promise<Closable & { port: number }>;
};
type CommerceModule = {
  startCommerceEmulator(opts: {
    port?: number;
    eventsUrl?: string;
  }): Promise<Closable & { port: number; baseUrl: string; publicKeyPem: string }>;
};
type DemoModule = { seedDemo(opts: { amazonUrl: string; commerceUrl: string }): Promise<unknown> };
type LocalDemoModule = { seedLocalDemo(env?: Record<string, string | undefined>): Promise<unknown> };
type StateServiceModule = {
  startStateService(opts: { port?: number; filePath?: string }): Promise<Closable>;
  localStateEnv(url: string): Record<string, string>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const setDefault = (name: string, value: string) => {
  if (!process.env[name]) process.env[name] = value;
};

/** Starts the emulators, seeds them, wires the env and starts the runtime. Closes what started on failure. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const { root } = options;
  const progress = options.progress ?? (() => undefined);
  const opened: Closable[] = [];
  const closeAll = async () => {
    for (const service of opened.reverse()) await service.close().catch(() => undefined);
    opened.length = 0;
  };
  try {
    const requestedPort = options.runtimePort ?? Number(process.env.ASC_RUNTIME_PORT ?? 9080);
    // The Commerce emulator needs the events URL before the runtime starts, so port 0 is resolved now.
    const runtimePort = requestedPort > 0 ? requestedPort : await freePort();
    const amazonModule = await importIfPresent<AmazonModule>(root, 'src/emulators/amazon/index');
    const commerceModule = await importIfPresent<CommerceModule>(root, 'src/emulators/commerce/index');
    let amazon: (Closable & { port: number }) | undefined;
    let commerce: (Closable & { port: number; baseUrl: string; publicKeyPem: string }) | undefined;
    if (amazonModule) {
      amazon = await amazonModule.startAmazonEmulator({
        port: options.amazonPort ?? Number(process.env.AMAZON_EMULATOR_PORT ?? 7071),
      });
      opened.push(amazon);
      process.env.AMAZON_EMULATOR_URL = amazon.url;
      progress(`amazon emulator   ${amazon.url}`);
    } else progress('amazon emulator   not available (src/emulators/amazon missing)');
    if (commerceModule) {
      commerce = await commerceModule.startCommerceEmulator({
        port: options.commercePort ?? Number(process.env.COMMERCE_EMULATOR_PORT ?? 7072),
        // The runtime listens on a fixed port, so the emulator can be told where to deliver events up front.
        eventsUrl: `http://127.0.0.1:${runtimePort}/__events`,
      });
      opened.push(commerce);
      process.env.COMMERCE_BASE_URL = commerce.baseUrl;
      process.env.EVENTS_PUBLIC_KEY_PEM = commerce.publicKeyPem;
      progress(`commerce emulator ${commerce.url}`);
    } else progress('commerce emulator not available (src/emulators/commerce missing)');

    if (amazon && commerce) {
      const demo = await importIfPresent<DemoModule>(root, 'src/emulators/demo/index');
      if (demo) {
        await demo.seedDemo({ amazonUrl: amazon.url, commerceUrl: commerce.url });
        progress('demo scenario seeded in both emulators');
      }
    }

    Object.assign(process.env, DEMO_ENV);
    setDefault('ASC_STORAGE', `file:${path.join(root, '.local', 'state.json')}`);
    setDefault('ASC_ENCRYPTION_KEY', DEV_ENCRYPTION_KEY);
    if (process.env.ASC_STORAGE === 'aio-state') {
      // The real aio-lib-state client, pointed at the local State stand-in.
      const stateModule = await importIfPresent<StateServiceModule>(root, 'src/local/state-service/index');
      if (!stateModule) throw new Error('ASC_STORAGE=aio-state needs src/local/state-service');
      const state = await stateModule.startStateService({
        port: Number(process.env.ASC_STATE_PORT ?? 7073),
        filePath: path.join(root, '.local', 'aio-state.json'),
      });
      opened.push(state);
      process.env.AIO_STATE_ENDPOINT = stateModule.localStateEnv(state.url).AIO_STATE_ENDPOINT;
      progress(`state stand-in    ${state.url}`);
    }
    const storage = process.env.ASC_STORAGE ?? '';
    if (storage.startsWith('file:')) fs.mkdirSync(path.dirname(storage.slice('file:'.length)), { recursive: true });

    const localDemo = await importIfPresent<LocalDemoModule>(root, 'src/app/local-demo');
    if (localDemo) {
      const seeded = await localDemo.seedLocalDemo(process.env);
      progress(typeof seeded === 'number' && seeded > 0 ? `demo stores created: ${seeded}` : 'demo stores kept');
    }

    progress('starting the local runtime (builds the admin UI if needed) ...');
    const runtime = await startLocalRuntime({
      port: runtimePort,
      configPath: path.join(root, 'app.config.yaml'),
      serveUi: options.serveUi,
      alarms: options.alarms,
      logger: options.logger,
    });
    opened.push(runtime);
    return {
      runtime,
      amazon,
      commerce,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
