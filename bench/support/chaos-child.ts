/**
 * One alarm activation in its own process, for the SIGKILL chaos scenarios (bench/support/chaos-sigkill.ts): the
 * parent starts `node --import tsx bench/support/chaos-child.ts`, sends the job as one JSON line on stdin, and kills
 * the process with SIGKILL at a random moment — no `finally`, no lease release, requests cut mid-flight, like an
 * I/O Runtime activation that hits its timeout. State is the parent's Adobe State stand-in (AIO_STATE_ENDPOINT in
 * the environment, ASC_STORAGE=aio-state in the inputs); Amazon and Commerce are the parent's emulators over HTTP.
 * Prints `ready` once loaded (the parent starts its kill timer then) and `done <json>` when the run ended.
 */
import type { Clock } from '../../src/core/clock';

export interface ChildJob {
  kind: 'orders-import' | 'listings-publish';
  inputs: Record<string, string>;
  /** The app clock is Date.now() + this (the parent's emulated clock, or real time advanced past lease expiry). */
  clockOffsetMs: number;
  /** Orders only: the import timing the in-process chaos scenario uses (claims scaled down). */
  timing?: Record<string, number>;
}

const readJob = (): Promise<ChildJob> =>
  new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) {
        process.stdin.pause();
        resolve(JSON.parse(text.slice(0, end)) as ChildJob);
      }
    });
    process.stdin.on('error', reject);
  });

const run = async (job: ChildJob) => {
  // Loaded only now, so nothing requires aio-lib-state before the parent's AIO_STATE_ENDPOINT is in place.
  const { createServices } = await import('../../src/app/services');
  const clock: Clock = { now: () => Date.now() + job.clockOffsetMs };
  const services = await createServices(job.inputs, clock);
  if (job.kind === 'orders-import') {
    const { runOrderImport } = await import('../../src/app/orders/import');
    const { drainOrderChanges, ensureSubscriptions, orderChangeQueueFrom } = await import(
      '../../src/app/orders/notifications'
    );
    process.stdout.write('ready\n');
    // What asc-jobs/orders-import runs: the ORDER_CHANGE drain, then the lastUpdatedAfter windows.
    const queue = orderChangeQueueFrom(job.inputs);
    const started = Date.now();
    const notifications = await ensureSubscriptions(services, queue)
      .then(() => drainOrderChanges(services, queue, job.timing))
      .catch((error: unknown) => String(error));
    const drainedMs = Date.now() - started;
    const stores = await runOrderImport(services, job.timing);
    return { notifications, drainedMs, importMs: Date.now() - started - drainedMs, stores };
  }
  const { runPublishForAllStores } = await import('../../src/app/listings/sync');
  const quiet = { error() {}, warn() {}, info() {}, debug() {} };
  process.stdout.write('ready\n');
  // What asc-jobs/listings-publish runs.
  const stores = await runPublishForAllStores(services, quiet, `sigkill-${process.pid}`);
  return { stores: Object.keys(stores) };
};

readJob()
  .then(run)
  .then(
    (result) => {
      process.stdout.write(`done ${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stdout.write(`failed ${String(error)}\n`);
      process.exit(1);
    },
  );
