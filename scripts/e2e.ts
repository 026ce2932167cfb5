/**
 * `npm run e2e -- NAME`: starts the whole local stack (emulators, State stand-in, local runtime with the admin
 * UI) on free ports with a throw-away storage file, runs the browser specs in e2e/ whose file names contain
 * NAME, then stops the stack, always, and exits with the specs' status.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS ?? 180_000);

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const healthy = async (url: string): Promise<boolean> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
};

interface Stack {
  child: ChildProcess;
  runtimeUrl: string;
  amazonUrl: string;
  commerceUrl: string;
  stop(): Promise<void>;
}

const startStack = async (tempDir: string): Promise<Stack> => {
  const [runtimePort, amazonPort, commercePort, statePort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const runtimeUrl = `http://127.0.0.1:${runtimePort}`;
  const env = {
    ...process.env,
    ASC_RUNTIME_PORT: String(runtimePort),
    AMAZON_EMULATOR_PORT: String(amazonPort),
    COMMERCE_EMULATOR_PORT: String(commercePort),
    ASC_STATE_PORT: String(statePort),
    ASC_STORAGE: `file:${path.join(tempDir, 'storage.json')}`,
    FORCE_COLOR: '0',
  };
  const log = fs.createWriteStream(path.join(ARTIFACTS, 'stack.log'));
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  // Own process group, so stopping it also stops anything the start script spawns.
  const child = spawn(tsx, ['scripts/start.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });

  const stop = async () => {
    if (exited === undefined && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      for (let waited = 0; exited === undefined && waited < 15_000; waited += 200) await sleep(200);
      if (exited === undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    log.end();
  };

  const started = Date.now();
  let healthySince: number | undefined;
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (exited !== undefined) {
      throw new Error(`the local stack exited (code ${exited}) before it was ready:\n${output.slice(-3000)}`);
    }
    if (await healthy(`${runtimeUrl}/__local/health`)) {
      healthySince ??= Date.now();
      // The start script prints "Ready in ..." once emulators and demo stores are seeded; the runtime may
      // answer health checks a moment earlier, so wait for the line (bounded, in case its wording changes).
      if (/\bReady in\b/.test(output) || Date.now() - healthySince > 20_000) {
        return {
          child,
          runtimeUrl,
          amazonUrl: `http://127.0.0.1:${amazonPort}`,
          commerceUrl: `http://127.0.0.1:${commercePort}`,
          stop,
        };
      }
    }
    await sleep(300);
  }
  await stop();
  throw new Error(`the local stack was not ready within ${READY_TIMEOUT_MS} ms:\n${output.slice(-3000)}`);
};

const runSpecs = (nameFilter: string, stack: Stack): Promise<number> =>
  new Promise((resolve) => {
    const jest = path.join(ROOT, 'node_modules', '.bin', 'jest');
    const args = ['--config', 'e2e/jest.config.js', '--runInBand'];
    if (nameFilter) args.push('--testPathPatterns', nameFilter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const child = spawn(jest, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: stack.runtimeUrl,
        E2E_AMAZON_URL: stack.amazonUrl,
        E2E_COMMERCE_URL: stack.commerceUrl,
        E2E_ARTIFACTS: ARTIFACTS,
      },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const main = async (): Promise<number> => {
  const nameFilter = process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? '';
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'asc-e2e-'));
  let stack: Stack | undefined;
  const interrupt = () => {
    void (stack?.stop() ?? Promise.resolve()).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    stack = await startStack(tempDir);
    console.log(`e2e: stack ready at ${stack.runtimeUrl} (log: e2e/artifacts/stack.log)`);
    return await runSpecs(nameFilter, stack);
  } catch (error) {
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await stack?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
};

main().then((code) => process.exit(code));
