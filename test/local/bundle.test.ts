import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAppConfig } from '../../src/local/app-config';
import { BundleError, bundleActions, findWebpackConfig } from '../../src/local/bundle';
import { seedLocalDemo } from '../../src/app/local-demo';
import { type AmazonEmulator, startAmazonEmulator } from '../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../src/emulators/amazon/seed';
import { generateEncryptionKey } from '../../src/platform/crypto';
import { authHeaders } from '../helpers/auth';
import { FIXTURE_CONFIG } from './harness';

const projectRoot = path.resolve(__dirname, '..', '..');

describe('bundling actions like aio app build', () => {
  test('the project webpack-config.cjs is found from any action folder', () => {
    const found = findWebpackConfig(
      projectRoot,
      path.join(projectRoot, 'test', 'local', 'fixtures', 'actions', 'echo.ts'),
    );
    expect(found).toBe(path.join(projectRoot, 'webpack-config.cjs'));
  });

  test('every action of the config (application and extensions) becomes a runnable CommonJS bundle', async () => {
    const app = await readAppConfig(FIXTURE_CONFIG);
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asc-bundle-'));
    const bundles = await bundleActions(app, outDir, projectRoot);
    expect(bundles.map((bundle) => bundle.fullName).sort()).toEqual([...app.actions.keys()].sort());
    for (const bundle of bundles) {
      expect(bundle.bytes).toBeGreaterThan(0);
      expect(bundle.file).toBe(path.join(outDir, ...bundle.fullName.split('/'), 'index.js'));
    }
    // Run one bundle outside jest's transform: plain node require of the webpack output.
    const webEcho = bundles.find((bundle) => bundle.fullName === 'ui/secure');
    const source = fs.readFileSync(webEcho?.file ?? '', 'utf8');
    expect(source).not.toMatch(/^import /m);
    const loaded = jest.requireActual<{ main: (p: Record<string, unknown>) => Promise<{ statusCode: number }> }>(
      webEcho?.file ?? '',
    );
    await expect(loaded.main({ a: 1 })).resolves.toEqual({
      statusCode: 200,
      headers: { 'x-fixture': 'web-echo' },
      body: { params: { a: 1 } },
    });
  }, 60000);

  test('a missing action source fails the build naming the action', async () => {
    const app = await readAppConfig(FIXTURE_CONFIG);
    const broken = new Map(app.actions);
    const echo = broken.get('jobs/echo');
    if (!echo) throw new Error('fixture changed');
    broken.set('jobs/echo', { ...echo, functionPath: path.join(os.tmpdir(), 'nope', 'index.ts') });
    await expect(bundleActions({ ...app, actions: broken }, os.tmpdir(), projectRoot)).rejects.toThrow(BundleError);
    await expect(bundleActions({ ...app, actions: broken }, os.tmpdir(), projectRoot)).rejects.toThrow(/jobs\/echo/);
  });
});

describe('real action bundles (webpack-config.cjs with its ESM emit and smaller stand-ins) behave like the sources', () => {
  let amazon: AmazonEmulator;
  let outDir: string;
  let inputs: Record<string, string>;
  const bundled: Record<string, { file: string; bytes: number }> = {};

  beforeAll(async () => {
    amazon = await startAmazonEmulator({ port: 0, seed: DEMO_AMAZON_SEED });
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asc-real-bundle-'));
    inputs = {
      // A State file both this process (seeding, from source) and the bundle read.
      ASC_STORAGE: `file:${path.join(outDir, 'state.json')}`,
      ASC_ENCRYPTION_KEY: generateEncryptionKey(),
      AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.demo',
      AMAZON_LWA_CLIENT_SECRET: 'demo-lwa-client-secret',
      AMAZON_EMULATOR_URL: amazon.url,
      ASC_TIME_SCALE: '1000',
    };
    await seedLocalDemo(inputs);
    const app = await readAppConfig(path.join(projectRoot, 'app.config.yaml'));
    const wanted = new Map(
      ['asc/store-connection-check', 'asc/stores-list'].map((name) => {
        const action = app.actions.get(name);
        if (!action) throw new Error(`${name} is no longer in app.config.yaml`);
        return [name, action];
      }),
    );
    for (const bundle of await bundleActions({ ...app, actions: wanted }, outDir, projectRoot)) {
      bundled[bundle.fullName] = bundle;
    }
  }, 240000);

  afterAll(async () => {
    await amazon.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  const run = (name: string, params: Record<string, unknown>) => {
    const loaded = jest.requireActual<{ main: (p: Record<string, unknown>) => Promise<unknown> }>(bundled[name].file);
    return loaded.main({ ...inputs, __ow_headers: authHeaders(), ...params }) as Promise<{
      statusCode: number;
      body: Record<string, unknown>;
    }>;
  };

  test('each stays under 1 MB', () => {
    for (const bundle of Object.values(bundled)) expect(bundle.bytes).toBeLessThanOrEqual(1024 * 1024);
  });

  test('the stores list reads State through the bundle', async () => {
    const response = await run('asc/stores-list', { __ow_method: 'get' });
    expect(response.statusCode).toBe(200);
    expect(JSON.stringify(response.body)).toContain('demo-us');
  });

  test('the connection check reaches Amazon through amazon-sp-api inside the bundle', async () => {
    const response = await run('asc/store-connection-check', { __ow_method: 'post', storeId: 'demo-us' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({ ok: true, marketplace: { id: 'ATVPDKIKX0DER', participating: true } });
  });

  test('a refused input is still a 400 naming the field', async () => {
    const response = await run('asc/store-connection-check', { __ow_method: 'post' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.body)).toContain('storeId');
  });
});
