/**
 * Real kills: the order import and the listings publisher run as child processes (bench/support/chaos-child.ts)
 * against the emulators over HTTP and one Adobe State stand-in (the same HTTP protocol and aio-lib-state client as
 * production), and are SIGKILLed at random moments under faults — nothing in the dead process runs afterwards, so
 * leases and claims stay behind exactly as an activation that hit its I/O Runtime timeout leaves them. Later runs
 * start only once the app clock has passed the dead run's lease (as a deployment waits for it to expire); then
 * clean runs and the same comparisons as the in-process scenarios.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { buildKey } from '../../src/adapters/state';
import { localStateEnv, type StateServiceHandle, startStateService } from '../../src/local/state-service';
import { createServices } from '../../src/app/services';
import { seedLocalDemo } from '../../src/app/local-demo';
import { ensureSubscriptions, orderChangeQueueFrom } from '../../src/app/orders/notifications';
import type { Clock } from '../../src/core/clock';
import type { FaultRuleInput } from '../../src/emulators/shared/faults';
import { mulberry32 } from '../../src/emulators/shared/faults';
import { startHarness } from '../../test/app/orders/harness';
import type { ChildJob } from './chaos-child';
import { compareListingsAfterKills, prepareListings, setPricesAndRemember } from './chaos-listings';
import { CHAOS_IMPORT_TIMING, chaosOrderPlacer, finishCleanlyAndCompare } from './chaos-orders';
import type { Check, ScenarioResult } from './chaos-scenarios';
import type { QualityEnvironment } from './environment';

const ROOT = path.resolve(__dirname, '../..');
const CHILD = path.join(__dirname, 'chaos-child.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One State stand-in per process: aio-lib-state reads AIO_STATE_ENDPOINT once, when first required. Each scenario
 * uses its own namespace (its own container).
 */
let stateService: Promise<StateServiceHandle> | undefined;

/**
 * Starts the stand-in and points AIO_STATE_ENDPOINT at it. Call it before anything talks to Commerce: the
 * Commerce auth library loads aio-lib-state too, which would freeze the endpoint to Adobe's.
 */
export const startSharedState = (): Promise<StateServiceHandle> => {
  if (Object.keys(require.cache).some((k) => k.includes(`${path.sep}aio-lib-state${path.sep}`)))
    throw new Error('aio-lib-state was loaded before the State stand-in started: call startSharedState() first');
  stateService ??= startStateService({ port: 0 }).then((s) => {
    Object.assign(process.env, { AIO_STATE_ENDPOINT: localStateEnv(s.url).AIO_STATE_ENDPOINT });
    return s;
  });
  return stateService;
};

const sharedState = async (namespace: string): Promise<Record<string, string>> => {
  const s = await (stateService ?? startSharedState());
  return { ...localStateEnv(s.url), __OW_NAMESPACE: namespace, ASC_STORAGE: 'aio-state' };
};

export const closeSharedState = async () => {
  const s = await stateService;
  stateService = undefined;
  await s?.close();
};

interface ChildOutcome {
  /** SIGKILLed while running (after `ready`), or it finished first. */
  killed: boolean;
  /** A spared run that had not finished after 2 minutes (then killed). */
  hung: boolean;
  /** `done …` / `failed …` line, when it finished. */
  result?: string;
  ms: number;
}

/** Starts one activation in a child process and SIGKILLs it `killAfterMs` after it is loaded (never when undefined). */
const runChild = (job: ChildJob, env: Record<string, string>, killAfterMs: number | undefined) =>
  new Promise<ChildOutcome>((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let started = 0;
    let killed = false;
    let hung = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      if (!started && out.includes('ready\n')) {
        started = Date.now();
        // A spared run still dies after 2 minutes (a hang must not stall the whole chaos run); counted as hung.
        timer = setTimeout(() => {
          killed = child.kill('SIGKILL');
          if (killAfterMs === undefined) hung = true;
        }, killAfterMs ?? 120_000);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('done') || l.startsWith('failed'));
      if (!started) return reject(new Error(`child exited before ready (${code ?? signal}): ${err.slice(-800)}`));
      resolve({ killed: killed && signal === 'SIGKILL' && !hung, hung, result: line, ms: Date.now() - started });
    });
    child.stdin?.end(`${JSON.stringify(job)}\n`);
  });

const describeFaults = (faults: FaultRuleInput[]) => [...new Set(faults.map((f) => f.kind))].join(', ') || 'none';

/**
 * The orders alarm (ORDER_CHANGE drain, then the windows) runs as `kills`+ child processes, two at a time
 * (an activation overlapping the previous one), each SIGKILLed at a random moment (every third pair spared);
 * orders keep arriving, faults on both emulators. Then the claims left behind expire, clean runs in this process,
 * and Amazon vs Commerce.
 */
export const orderImportSigkilled = async (options: {
  initialOrders: number;
  kills: number;
  faults: FaultRuleInput[];
  seed?: number;
}): Promise<ScenarioResult> => {
  const stateInputs = await sharedState(`chaos-orders-${Date.now()}`);
  const h = await startHarness();
  const random = mulberry32(options.seed ?? 20261127);
  const checks: Check[] = [];
  const placed = new Set<string>();
  const place = chaosOrderPlacer(h, placed);
  try {
    // The harness's store moves into the shared State, where the children can read it.
    const store = await (await h.services()).storage.stores.get('us');
    Object.assign(h.inputs, stateInputs);
    const services = await h.services();
    if (!store) throw new Error('harness store missing');
    await services.storage.stores.save(store);
    for (let k = 0; k < options.initialOrders; k++) await place(k);
    h.clock.advance(13 * 60_000);
    const timing = CHAOS_IMPORT_TIMING;
    const queue = orderChangeQueueFrom(h.inputs);
    await ensureSubscriptions(services, queue);
    for (const f of options.faults) {
      await h.amazonControl('POST', '/faults', f);
      await h.commerceControl('POST', '/faults', f);
    }
    let killed = 0;
    let runs = 0;
    let finished = 0;
    let hung = 0;
    const durations: number[] = [];
    for (let run = 0; killed < options.kills && run < options.kills * 4; run++) {
      if (run % 2 === 0) await place(options.initialOrders + run);
      h.clock.advance(3 * 60_000);
      const spared = run % 3 === 2;
      const job: ChildJob = {
        kind: 'orders-import',
        inputs: h.inputs,
        clockOffsetMs: h.clock.now() - Date.now(),
        timing,
      };
      // Kill moments within the first 6 s once loaded: the drain and the first creations (a whole run takes 5–30 s).
      const at = () => (spared ? undefined : Math.floor(random() * 6_000));
      const outcomes = await Promise.all([runChild(job, stateInputs, at()), runChild(job, stateInputs, at())]);
      for (const o of outcomes) {
        runs++;
        if (o.killed) killed++;
        else if (o.hung) hung++;
        else {
          finished++;
          durations.push(o.ms);
          if (process.env.CHAOS_TRACE) console.log(o.result);
        }
      }
      // A dead run's claims are real leases now: the next activation starts after they expired (claimTtlMs).
      h.clock.advance(2_000);
      await sleep(300);
      await h.amazonControl('POST', '/rate-limits/reset');
    }
    const fired = async (control: typeof h.amazonControl) =>
      ((await control('GET', '/faults')).body.faults as Array<{ fired: number }>).reduce((a, f) => a + f.fired, 0);
    const faultsFired = (await fired(h.amazonControl)) + (await fired(h.commerceControl));
    checks.push({
      name: `the import process was SIGKILLed ${options.kills} times under faults`,
      ok: killed >= options.kills && hung === 0 && (options.faults.length === 0 || faultsFired > 0),
      detail: `${killed} killed, ${finished} finished, ${hung} hung of ${runs} child runs (finished in ${durations.length ? `${Math.min(...durations)}–${Math.max(...durations)}` : '–'} ms); ${placed.size} orders placed; ${faultsFired} faults answered`,
    });
    checks.push(...(await finishCleanlyAndCompare(h, queue, timing, placed)));
  } finally {
    await h.close();
  }
  return {
    scenario: `order import process SIGKILLed ${options.kills}× (two activations overlapping) under ${describeFaults(options.faults)} on both emulators`,
    checks,
  };
};

/** Real time plus what the scenario skipped (lease expiry); the State stand-in keeps real time, keys outlive it. */
class ShiftedClock implements Clock {
  offsetMs = 0;
  now() {
    return Date.now() + this.offsetMs;
  }
}

/**
 * `rounds` of price changes on `skus` listings; after each, publisher activations run as child processes and are
 * SIGKILLed at random moments (up to `killsPerRound` in a row; one that finishes ends the round) under `faults`.
 * Before each activation after a kill the app clock moves past the dead run's 10-minute publish lease. Then clean
 * runs here, and: every listing's last sent value equals Amazon's; no price lost.
 */
export const publisherSigkilled = async (
  base: QualityEnvironment,
  options: { skus: number; rounds: number; killsPerRound: number; faults: FaultRuleInput[]; seed?: number },
): Promise<ScenarioResult> => {
  const stateInputs = await sharedState(`chaos-listings-${Date.now()}`);
  const env: QualityEnvironment = { ...base, inputs: { ...base.inputs, ...stateInputs } };
  await seedLocalDemo(env.inputs);
  const random = mulberry32(options.seed ?? 20261127);
  const checks: Check[] = [];
  await prepareListings(env);
  const clock = new ShiftedClock();
  const services = await createServices(env.inputs, clock);
  const { chosen, lastSet, setPrices } = await setPricesAndRemember(env, services, options.skus);
  checks.push({
    name: 'listings to move',
    ok: chosen >= Math.min(options.skus, 4),
    detail: `${chosen} active FBM listings`,
  });
  let killed = 0;
  let runs = 0;
  // How often a dead activation's publish lease was still live in State when the next one was due.
  let leftBehind = 0;
  const leaseHeld = async () => {
    const raw = await services.storage.kv.get(buildKey('lock', 'listings-publish-demo-us'));
    return raw !== undefined && (JSON.parse(raw) as { expiresAtMs: number }).expiresAtMs > clock.now();
  };
  const durations: number[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    await setPrices(round);
    await env.amazon.control.call('POST', '/faults', options.faults);
    for (let k = 0; k < options.killsPerRound; k++) {
      if (await leaseHeld()) leftBehind++;
      // Past any lease a dead activation left (PUBLISH_LEASE.ttlSeconds = 600), as the next alarms would wait.
      clock.offsetMs += 11 * 60_000;
      const outcome = await runChild(
        { kind: 'listings-publish', inputs: env.inputs, clockOffsetMs: clock.offsetMs },
        stateInputs,
        Math.floor(random() * 6_000),
      );
      runs++;
      if (!outcome.killed) {
        durations.push(outcome.ms);
        break;
      }
      killed++;
    }
    await env.amazon.control.call('DELETE', '/faults');
  }
  if (await leaseHeld()) leftBehind++;
  clock.offsetMs += 11 * 60_000;
  const { clean, checks: compared } = await compareListingsAfterKills(env, services, lastSet);
  checks.push({
    name: 'the publisher process was SIGKILLed mid-run and clean runs finished the job',
    ok: killed >= options.rounds && clean < 6,
    detail: `${killed} killed of ${runs} child runs (finished in ${durations.join(', ') || '–'} ms); a dead run's publish lease still held ${leftBehind}× when the next run was due; ${clean} clean run(s) to settle`,
  });
  checks.push(...compared);
  return {
    scenario: `listing publisher process SIGKILLed (${options.skus} SKUs × ${options.rounds} price changes) under ${describeFaults(options.faults)}`,
    checks,
  };
};
