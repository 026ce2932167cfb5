import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAppConfig } from '../../src/local/app-config';
import { BundleError, bundleActions, findWebpackConfig } from '../../src/local/bundle';
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
