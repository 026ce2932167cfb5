/**
 * Benchmark P3: an order backlog imported into Commerce through both emulators over HTTP, timed on the emulator
 * clock, against the bound the SP-API usage plans set for the calls such an import needs (searchOrders pages of
 * 100 with includedData, so no getOrder per order: max(0, pages − burst) / rate). Prints
 * `P3 <elapsed / bound> (goal <= 1.2)`, `P3.duplicates n (goal = 0)`, `P3.missing n (goal = 0)` and detail lines.
 *
 * How time is kept (docs/orders.md "Benchmark P3"):
 * - The emulators run in a worker thread (they stand for remote systems; the box has two cores), the app in this
 *   thread, both on one emulated time line (twin-clock.ts) running at P3_SPEEDUP emulated ms per real ms.
 * - The app is driven like the `asc-jobs/orders-import` alarm: a run every 2 emulated minutes, a run that
 *   overruns is followed at the next tick. Between runs nothing at all is running, so the clock jumps to the next
 *   tick; inside a run the only waits are the searchOrders limiter's (≤ 60 s, taken after a page is fully
 *   processed, nothing in flight), which jump the clock too. All work is timed at P3_SPEEDUP: every real second
 *   the app and the emulators compute counts as P3_SPEEDUP emulated seconds, a handicap over the real thing.
 * Parameters: P3_ORDERS (default 10 000), P3_SPEEDUP (default 20), P3_CONCURRENCY (orders processed at once
 * within a page, default 16). Run: `npx tsx bench/orders/p3.ts` (about 2–3 minutes on 2 idle cores).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { usagePlanFor } from '../../src/adapters/amazon/usage-plans';
import { criteria } from '../../src/adapters/commerce';
import { resetEmbeddedStorage } from '../../src/adapters/state';
import { ordersRepository } from '../../src/adapters/state/orders/ledger-repository';
import { amazonOrderIdOf } from '../../src/app/orders/commerce-orders';
import { runOrderImport } from '../../src/app/orders/import';
import { createServices } from '../../src/app/services';
import { SecretBox } from '../../src/platform/crypto';
import type { EmulatorsWorkerData, FromWorker, ToWorker } from './emulators-worker';
import { twinClock } from './twin-clock';
import { emulatorInputs } from '../../test/helpers/emulator-inputs';

const ORDERS = Number(process.env.P3_ORDERS ?? 10_000);
const SPEEDUP = Number(process.env.P3_SPEEDUP ?? 20);
const CONCURRENCY = Number(process.env.P3_CONCURRENCY ?? 16);
const PAGE = 100;
const ALARM_MS = 2 * 60_000;
const GIVE_UP_MS = 6 * 60_000;
const PROGRESS = process.env.P3_PROGRESS === '1';
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';
const SKUS = ['BENCH-1', 'BENCH-2', 'BENCH-3', 'BENCH-4'];

/** The emulators' thread: starts, places the backlog, then answers clock messages. */
const startEmulators = async (data: EmulatorsWorkerData) => {
  // Workers do not inherit tsx's loader: register it (CommonJS, like the project) before loading the TS file.
  const file = path.join(__dirname, 'emulators-worker.ts');
  const worker = new Worker(`require('tsx/cjs');require(${JSON.stringify(file)});`, { eval: true, workerData: data });
  const waiting = new Map<number, () => void>();
  let nextId = 0;
  let closed: (() => void) | undefined;
  const ready = new Promise<{ amazonUrl: string; commerceBaseUrl: string }>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 'failed') reject(new Error(`emulators: ${message.message}`));
      else if (message.type === 'ack') {
        waiting.get(message.id)?.();
        waiting.delete(message.id);
      } else if (message.type === 'closed') closed?.();
    });
  });
  const send = (message: ToWorker) => worker.postMessage(message);
  return {
    ...(await ready),
    origin: (at: number) => send({ type: 'origin', at }),
    advance: (ms: number) =>
      new Promise<void>((resolve) => {
        const id = ++nextId;
        waiting.set(id, resolve);
        send({ type: 'advance', ms, id });
      }),
    close: async () => {
      const done = new Promise<void>((resolve) => {
        closed = resolve;
      });
      send({ type: 'close' });
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await worker.terminate();
    },
  };
};

const main = async () => {
  const start = Date.parse('2026-03-02T10:00:00.000Z');
  const { clock, startAt } = twinClock(start, SPEEDUP);
  const setupBegan = Date.now();
  const emulators = await startEmulators({
    start,
    speedUp: SPEEDUP,
    orders: ORDERS,
    sellerId: SELLER,
    marketplaceId: US,
    skus: SKUS,
  });
  /** Both threads jump together; callers only jump while nothing is in flight. */
  const advance = async (ms: number) => {
    if (ms <= 0) return;
    clock.advance(ms);
    await emulators.advance(ms);
  };
  try {
    await advance(3 * 60_000); // Amazon lists changes 2 minutes late
    const inputs: Record<string, string> = emulatorInputs(emulators.amazonUrl, emulators.commerceBaseUrl, {
      ASC_LOCK_SETTLE_MS: '0',
      // No ASC_TIME_SCALE: the app reads the emulators' clock, so the usage plans apply as they are.
    });
    const key = inputs.ASC_ENCRYPTION_KEY;
    resetEmbeddedStorage();
    // The limiter's waits are idle stretches (see the header): they jump the clock instead of sleeping.
    const appClock = { now: () => clock.now(), sleep: (ms: number) => advance(ms) };
    const services = await createServices(inputs, appClock);
    const connected = new Date(start - 60_000).toISOString();
    await services.storage.stores.save({
      id: 'bench',
      name: 'Bench store',
      sellerId: SELLER,
      marketplaceId: US,
      country: 'US',
      currency: 'USD',
      region: 'na',
      websiteCode: 'base',
      status: 'active',
      createdAt: connected,
      updatedAt: connected,
      authorizedAt: connected,
      encryptedRefreshToken: new SecretBox(key).encrypt('Atzr|demo-refresh-token-1', 'bench'),
    });
    const repo = ordersRepository(services.storage, 'bench');
    const setupMs = Date.now() - setupBegan;
    // Time flows from here, in both threads alike.
    const origin = Date.now() + 50;
    emulators.origin(origin);
    startAt(origin);
    while (Date.now() < origin) await new Promise((resolve) => setTimeout(resolve, 5));
    const began = clock.now();
    const realBegan = Date.now();
    const cpuBegan = process.cpuUsage();
    const eluBegan = performance.eventLoopUtilization();
    let created = 0;
    let finishedAt = began;
    let runs = 0;
    let throttledRuns = 0;
    for (let tick = began; ; ) {
      const [summary] = await runOrderImport(services, { maxPages: 1_000, concurrency: CONCURRENCY });
      runs++;
      if (summary?.throttled) throttledRuns++;
      if (summary?.errors.length) console.log(`import errors: ${summary.errors.join('; ')}`);
      if (PROGRESS)
        console.error(
          `run ${runs}: +${summary?.created ?? 0} created, ${summary?.pages ?? 0} pages, retried ${summary?.retried ?? 0}, ${summary?.throttled ? 'throttled' : 'caught up'}, emulated +${((clock.now() - began) / 60_000).toFixed(1)} min, real ${((Date.now() - realBegan) / 1000).toFixed(0)} s`,
        );
      created += summary?.created ?? 0;
      if (created >= ORDERS || !summary?.throttled) {
        const counted = await countCreated(repo);
        if (counted >= ORDERS) {
          finishedAt = clock.now();
          break;
        }
        created = counted;
      }
      if (Date.now() - realBegan > GIVE_UP_MS) throw new Error(`gave up: ${created}/${ORDERS} created`);
      while (tick <= clock.now()) tick += ALARM_MS;
      await advance(tick - clock.now()); // nothing runs between two alarm runs
    }
    const elapsedMs = finishedAt - began;
    const realImportMs = Date.now() - realBegan;
    const cpu = process.cpuUsage(cpuBegan);
    const appBusy = performance.eventLoopUtilization(eluBegan).utilization;
    const plan = usagePlanFor('searchOrders', '2026-01-01');
    const pages = Math.ceil(ORDERS / PAGE);
    const boundMs = Math.max(1, (Math.max(0, pages - plan.burst) / plan.rate) * 1000);
    const perAmazon = new Map<string, number>();
    for await (const o of services.commerce().iterateOrders(criteria().sortBy('entity_id', 'ASC'), 100)) {
      const id = amazonOrderIdOf(o);
      if (id) perAmazon.set(id, (perAmazon.get(id) ?? 0) + 1);
    }
    const duplicates = [...perAmazon.values()].reduce((n, c) => n + (c - 1), 0);
    console.log(`P3 ${(elapsedMs / boundMs).toFixed(2)} (goal <= 1.2)`);
    console.log(`P3.duplicates ${duplicates} (goal = 0)`);
    console.log(`P3.missing ${ORDERS - perAmazon.size} (goal = 0)`);
    console.log(
      `orders ${ORDERS}, duplicates ${duplicates}, missing ${ORDERS - perAmazon.size}, emulated ${(elapsedMs / 60_000).toFixed(1)} min vs usage-plan bound ${(boundMs / 60_000).toFixed(1)} min (${pages} searchOrders pages, rate ${plan.rate}/s, burst ${plan.burst})`,
    );
    console.log(
      `import: ${runs} alarm runs (${throttledRuns} stopped by the searchOrders plan), ${(realImportMs / 1000).toFixed(1)} s real at ${SPEEDUP}x, ${(ORDERS / (realImportMs / 1000)).toFixed(1)} orders/s, CPU ${((cpu.user + cpu.system) / 1000 / ORDERS).toFixed(1)} ms/order (both threads), app thread busy ${Math.round(appBusy * 100)} %; setup ${(setupMs / 1000).toFixed(1)} s`,
    );
    if (duplicates > 0 || perAmazon.size < ORDERS) process.exitCode = 1;
  } finally {
    await emulators.close();
    clock.dispose();
  }
};

const countCreated = async (repo: ReturnType<typeof ordersRepository>): Promise<number> => {
  let n = 0;
  for await (const row of repo.grid.scan()) if (row.ledgerStatus === 'created') n++;
  return n;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
