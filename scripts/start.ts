/**
 * `npm start`: the whole channel locally, on embedded defaults, in one process: Amazon and Commerce
 * emulators with the demo scenario, the app's actions on the local runtime (web actions, alarms, Commerce
 * events, OpenWhisk API) and the admin UI. Ctrl-C stops everything.
 * Ports: ASC_RUNTIME_PORT (9080), AMAZON_EMULATOR_PORT (7071), COMMERCE_EMULATOR_PORT (7072).
 */
import path from 'node:path';
import { startLocalStack } from '../src/local/stack';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  process.chdir(root);
  const started = Date.now();
  console.log('Starting the Amazon Sales Channel locally ...');
  const stack = await startLocalStack({ root, progress: (message) => console.log(`  ${message}`) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nReady in ${seconds} s.`);
  console.log(`  Admin UI:        ${stack.runtime.url}/`);
  console.log(`  Web actions:     ${stack.runtime.url}/api/v1/web/<package>/<action>`);
  console.log(`  Commerce events: ${stack.runtime.url}/__events`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping ...`);
    // A second signal, or a stuck close, must not leave the process hanging.
    setTimeout(() => process.exit(1), 15_000).unref();
    stack
      .close()
      .then(() => {
        console.log('Stopped.');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(`error while stopping: ${String(error)}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
