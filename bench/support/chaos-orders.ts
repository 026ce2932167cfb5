/**
 * Order import chaos: the orders alarm's two halves (the lastUpdatedAfter windows and the ORDER_CHANGE drain, the
 * same functions `asc-jobs/orders-import` runs) overlap and are killed at random protocol steps or after a random
 * delay, N times, while Amazon and Commerce answer 5xx, 429, time out, reset connections and truncate bodies.
 * Then faults stop, the claims of the dead runs expire, and clean runs finish. Ends by comparing the Amazon
 * emulator's orders with the Commerce emulator's orders (by Amazon order id): none lost, none duplicated, none
 * invented.
 */
import { amazonOrderIdOf } from '../../src/app/orders/commerce-orders';
import { retryStoredOrders, runOrderImport } from '../../src/app/orders/import';
import { drainOrderChanges, ensureSubscriptions, orderChangeQueueFrom } from '../../src/app/orders/notifications';
import { mulberry32 } from '../../src/emulators/shared/faults';
import type { FaultRuleInput } from '../../src/emulators/shared/faults';
import { type Harness, startHarness } from '../../test/app/orders/harness';
import type { Check, ScenarioResult } from './chaos-scenarios';

class Killed extends Error {}

/** Every fault kind on every operation of both emulators (timeouts short: the claim and settle times are scaled). */
export const MIXED_ORDER_FAULTS: FaultRuleInput[] = [
  { operation: '*', kind: 'server-error', rate: 0.08, status: 503 },
  { operation: '*', kind: 'throttle', rate: 0.05 },
  { operation: '*', kind: 'reset', rate: 0.03 },
  { operation: '*', kind: 'malformed', rate: 0.03 },
  { operation: '*', kind: 'timeout', rate: 0.02, delayMs: 150 },
];

/**
 * Commerce fails exactly where a duplicate would be born: the order is placed but the answer is truncated or
 * never comes, and the lookup that should find it answers 503.
 */
export const COMMERCE_CREATION_FAULTS: FaultRuleInput[] = [
  { operation: 'PutV1CartsCartIdOrder', kind: 'malformed', rate: 0.25 },
  { operation: 'PutV1CartsCartIdOrder', kind: 'timeout', rate: 0.1, delayMs: 150 },
  { operation: 'PutV1OrdersCreate', kind: 'malformed', rate: 0.25 },
  { operation: 'PostV1Orders', kind: 'malformed', rate: 0.25 },
  { operation: 'GetV1Orders', kind: 'server-error', rate: 0.2, status: 503 },
  { operation: 'PostV1Carts', kind: 'reset', rate: 0.1 },
];

const summarise = (steps: string[]) => {
  const counts = new Map<string, number>();
  for (const s of steps) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s}×${n}`).join(' ') || 'no step';
};

const describeFaults = (faults: FaultRuleInput[]) =>
  faults.map((f) => `${f.kind}${f.operation === '*' ? '' : ` on ${f.operation}`}`).join(', ') || 'none';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A run that dies at its `killAtStep`-th protocol step, or at the first step after `killAfterMs`. */
const killSwitch = (killAtStep: number, killAfterMs: number, killedAt: string[]) => {
  let steps = 0;
  let dead = false;
  // Only a run that actually stopped at a step counts as killed (a timer firing after its last step kills nothing).
  let killed = false;
  const timer = setTimeout(() => {
    dead = true;
  }, killAfterMs);
  return {
    onStep: (step: string) => {
      if (dead || steps++ === killAtStep) {
        if (!killed) killedAt.push(step);
        dead = true;
        killed = true;
        throw new Killed(`killed at ${step}`);
      }
    },
    get killed() {
      return killed;
    },
    stop() {
      dead = true;
      clearTimeout(timer);
    },
  };
};

interface AmazonOrderRecord {
  orderId: string;
  status: string;
  marketplaceId: string;
}

/** Import timings shrunk so claims expire and settle within a scenario (production: minutes). */
export const CHAOS_IMPORT_TIMING = { claimTtlMs: 1_500, maxCreateMs: 500, settleMs: 300, maxPages: 2, concurrency: 3 };

/** Places the k-th chaos order and remembers it: half arrive Unshipped at once, half Pending (Amazon moves them on a few minutes later). */
export const chaosOrderPlacer =
  (h: Harness, placed: Set<string>) =>
  async (k: number): Promise<void> => {
    const skus = ['MUG-1', 'MUG-2', 'LAMP-1'];
    const extra = k % 2 === 0 ? { status: 'UNSHIPPED' } : {};
    placed.add(await h.placeAmazonOrder([{ sku: skus[k % 3], quantity: 1 + (k % 2) }], extra));
  };

type ImportTiming = Parameters<typeof retryStoredOrders>[2] & { maxPages: number };

/**
 * The end of every order chaos scenario: faults off, the clock past Pending and past the claims of killed runs, four
 * clean alarm runs (ORDER_CHANGE drain, windows, retries), then Amazon compared with Commerce.
 */
export const finishCleanlyAndCompare = async (
  h: Harness,
  queue: ReturnType<typeof orderChangeQueueFrom>,
  timing: ImportTiming,
  placed: Set<string>,
): Promise<Check[]> => {
  await h.amazonControl('DELETE', '/faults');
  await h.commerceControl('DELETE', '/faults');
  h.clock.advance(20 * 60_000);
  for (let run = 0; run < 4; run++) {
    await sleep(400);
    const s = await h.services();
    await drainOrderChanges(s, queue, timing, 500);
    await runOrderImport(s, { ...timing, maxPages: 20 });
    const store = await s.storage.stores.get('us');
    if (store) await retryStoredOrders(s, store, timing);
  }
  return compareOrders(h, placed);
};

export const compareOrders = async (h: Harness, placed: Set<string>): Promise<Check[]> => {
  const amazon = (await h.amazonControl('GET', '/orders')).body.orders as AmazonOrderRecord[];
  const commerce = (await h.commerceControl('GET', '/state/orders')).body.orders as Array<Record<string, unknown>>;
  const inCommerce = new Map<string, number>();
  for (const o of commerce) {
    const id = amazonOrderIdOf(o as Parameters<typeof amazonOrderIdOf>[0]);
    if (id) inCommerce.set(id, (inCommerce.get(id) ?? 0) + 1);
  }
  const importable = amazon.filter(
    (o) =>
      placed.has(o.orderId) && !['PENDING', 'PENDING_AVAILABILITY', 'CANCELLED', 'UNFULFILLABLE'].includes(o.status),
  );
  const lost = importable.filter((o) => !inCommerce.has(o.orderId));
  const duplicated = [...inCommerce].filter(([, n]) => n > 1);
  const known = new Set(amazon.map((o) => o.orderId));
  const invented = [...inCommerce.keys()].filter((id) => !known.has(id));
  const pendingCreated = amazon.filter((o) => o.status === 'PENDING' && inCommerce.has(o.orderId));
  return [
    {
      name: 'no Amazon order lost (every Unshipped/Shipped order is in Commerce)',
      ok: lost.length === 0,
      detail: lost.length
        ? lost
            .slice(0, 5)
            .map((o) => `${o.orderId} (${o.status})`)
            .join(', ')
        : `${importable.length} orders, all in Commerce`,
    },
    {
      name: 'no Amazon order created twice in Commerce',
      ok: duplicated.length === 0,
      detail: duplicated.length
        ? duplicated
            .slice(0, 5)
            .map(([id, n]) => `${id} ×${n}`)
            .join(', ')
        : `${commerce.length} Commerce orders`,
    },
    {
      name: 'no Commerce order without an Amazon order, none for a Pending one',
      ok: invented.length === 0 && pendingCreated.length === 0,
      detail: `${invented.length} unknown, ${pendingCreated.length} pending created`,
    },
  ];
};

/**
 * `kills` killed runs (each: the windows import and the ORDER_CHANGE drain at once, each with its own kill point),
 * new orders arriving throughout, under `faults` on both emulators; then clean runs; then Amazon vs Commerce.
 */
export const orderImportKilledUnderFaults = async (options: {
  initialOrders: number;
  kills: number;
  amazonFaults: FaultRuleInput[];
  commerceFaults: FaultRuleInput[];
  seed?: number;
}): Promise<ScenarioResult> => {
  const h = await startHarness();
  const random = mulberry32(options.seed ?? 20261127);
  const checks: Check[] = [];
  const placed = new Set<string>();
  const place = chaosOrderPlacer(h, placed);
  try {
    for (let k = 0; k < options.initialOrders; k++) await place(k);
    h.clock.advance(13 * 60_000);
    const timing = CHAOS_IMPORT_TIMING;
    const services = await h.services();
    const queue = orderChangeQueueFrom(h.inputs);
    await ensureSubscriptions(services, queue);
    for (const f of options.amazonFaults) await h.amazonControl('POST', '/faults', f);
    for (const f of options.commerceFaults) await h.commerceControl('POST', '/faults', f);
    let killed = 0;
    let runs = 0;
    const killedAt: string[] = [];
    for (let run = 0; killed < options.kills && run < options.kills * 6; run++) {
      // Orders keep arriving (some while Amazon itself fails the control call is fine: it is out of band).
      if (run % 2 === 0) await place(options.initialOrders + run);
      h.clock.advance(3 * 60_000);
      // Every third run is left alone, so creations also finish (or fail) under the faults, not only die.
      const spared = run % 3 === 2;
      const at = (steps: number) => (spared ? Number.MAX_SAFE_INTEGER : Math.floor(random() * steps));
      const after = () => (spared ? 600_000 : 50 + Math.floor(random() * 2_000));
      const windows = killSwitch(at(12), after(), killedAt);
      const changes = killSwitch(at(6), after(), killedAt);
      const s = await h.services();
      const outcomes = await Promise.allSettled([
        runOrderImport(s, { ...timing, onStep: windows.onStep }),
        drainOrderChanges(s, queue, { ...timing, onStep: changes.onStep }),
      ]);
      runs++;
      const wasKilled = windows.killed || changes.killed;
      windows.stop();
      changes.stop();
      if (wasKilled) killed++;
      void outcomes;
      // What the dead run still had in flight lands within the settle time (the protocol's timing assumption).
      await sleep(300);
      await h.amazonControl('POST', '/rate-limits/reset');
    }
    const fired = async (control: Harness['amazonControl']) =>
      ((await control('GET', '/faults')).body.faults as Array<{ fired: number }>).reduce((a, f) => a + f.fired, 0);
    const amazonFired = await fired(h.amazonControl);
    const commerceFired = await fired(h.commerceControl);
    checks.push({
      name: `the import was killed ${options.kills} times while the faults fired`,
      ok:
        killed >= options.kills &&
        (options.amazonFaults.length === 0 || amazonFired > 0) &&
        (options.commerceFaults.length === 0 || commerceFired > 0),
      detail: `${killed} killed of ${runs} runs, ${placed.size} orders placed; killed at ${summarise(killedAt)}; faults answered: Amazon ${amazonFired}, Commerce ${commerceFired}`,
    });
    checks.push(...(await finishCleanlyAndCompare(h, queue, timing, placed)));
  } finally {
    await h.close();
  }
  return {
    scenario: `order import killed ${options.kills}× (windows and ORDER_CHANGE runs overlapping); Amazon: ${describeFaults(options.amazonFaults)}; Commerce: ${describeFaults(options.commerceFaults)}`,
    checks,
  };
};
