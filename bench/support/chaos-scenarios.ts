/**
 * Fault scenarios against the emulators (their /__control/faults API), each ending with a comparison of what
 * the app believes was sent and what Amazon / Commerce actually hold. Shared by `npm run chaos` (every scenario,
 * larger) and the CI test (small sizes).
 */
import { discoverActions, loadApp } from './actions';
import type { QualityEnvironment } from './environment';
import { createServices } from '../../src/app/services';
import type { FaultRuleInput } from '../../src/emulators/shared/faults';
import { WriteBlockedError } from '../../src/platform/errors';
import { authHeaders } from '../../test/helpers/auth';

// The order and listings scenarios live in their own files; one entry point for `npm run chaos` and the CI test.
export { eventsOverlappingPublishAlarm, publisherKilledUnderFaults } from './chaos-listings';
export { COMMERCE_CREATION_FAULTS, MIXED_ORDER_FAULTS, orderImportKilledUnderFaults } from './chaos-orders';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioResult {
  scenario: string;
  checks: Check[];
}

const US = 'ATVPDKIKX0DER';
const SELLER = 'A1DEMOSELLER0001';

interface EmulatorListing {
  sku: string;
  marketplaceId: string;
  productType: string;
  price: string;
}
interface LoggedRequest {
  operation?: string;
  path: string;
  status: number;
  fault?: string;
}

const amazonListings = async (env: QualityEnvironment): Promise<EmulatorListing[]> => {
  const { body } = await env.amazon.control.call('GET', `/listings?sellerId=${SELLER}`);
  return (body as { listings: EmulatorListing[] }).listings.filter((l) => l.marketplaceId === US);
};

const amazonRequests = async (env: QualityEnvironment, operation: string): Promise<LoggedRequest[]> => {
  const { body } = await env.amazon.control.call('GET', `/requests?operation=${operation}&limit=100000`);
  return (body as { requests: LoggedRequest[] }).requests;
};

const setReadOnly = async (env: QualityEnvironment, readOnlyMode: boolean) => {
  const services = await createServices(env.inputs);
  await env.storage.settings.save({ ...(await services.settings()), readOnlyMode });
};

const priceBody = (listing: EmulatorListing, price: string) => ({
  productType: listing.productType,
  patches: [
    {
      op: 'replace',
      path: '/attributes/purchasable_offer',
      value: [
        {
          marketplace_id: US,
          currency: 'USD',
          audience: 'ALL',
          our_price: [{ schedule: [{ value_with_tax: Number(price) }] }],
        },
      ],
    },
  ],
});

const mainOf = async (fullName: string) => {
  const action = (await discoverActions(await loadApp())).find((a) => a.definition.fullName === fullName);
  if (!action) throw new Error(`${fullName} is not in app.config.yaml`);
  return action.main;
};

/**
 * Prices held by read-only mode, then replayed by overlapping outbox-flush alarm runs while Amazon answers
 * 5xx, 429, resets the connection and truncates bodies. Ends by comparing: outbox drained, each SKU's price
 * on Amazon equals the last price the merchant set, and no SKU accepted more price writes than were held.
 */
export const heldPricesReplayedUnderFaults = async (
  env: QualityEnvironment,
  options: { skus: number; updatesPerSku: number; overlappingRuns: number; faults: FaultRuleInput[] },
): Promise<ScenarioResult> => {
  const checks: Check[] = [];
  const listings = (await amazonListings(env)).slice(0, options.skus);
  const store = await env.storage.stores.get('demo-us');
  if (!store) throw new Error('demo-us is missing');
  await setReadOnly(env, true);
  const gateway = await (await createServices(env.inputs)).amazonFor(store);
  const lastPrice = new Map<string, string>();
  let held = 0;
  for (let round = 1; round <= options.updatesPerSku; round++) {
    for (const [i, listing] of listings.entries()) {
      const price = (10 + i + round / 100).toFixed(2);
      try {
        await gateway.call('patchListingsItem', {
          path: { sellerId: SELLER, sku: listing.sku },
          query: { marketplaceIds: [US] },
          body: priceBody(listing, price),
        });
      } catch (error) {
        if (!(error instanceof WriteBlockedError)) throw error;
        held++;
      }
      lastPrice.set(listing.sku, price);
    }
  }
  checks.push({
    name: 'read-only mode held every price write',
    ok: held === listings.length * options.updatesPerSku,
    detail: `${held} held`,
  });

  await env.amazon.control.call('DELETE', '/requests');
  await env.amazon.control.call('POST', '/faults', options.faults);
  await setReadOnly(env, false);
  const flush = await mainOf('asc-jobs/outbox-flush');
  let runs = 0;
  const failures: string[] = [];
  for (let wave = 0; wave < 12 && (await env.storage.outbox.list({ limit: 1 })).length > 0; wave++) {
    // Overlapping alarm runs, as when a slow run is still going when the next minute fires.
    const results = await Promise.all(
      Array.from(
        { length: options.overlappingRuns },
        () => flush({ ...env.inputs }) as Promise<Record<string, unknown>>,
      ),
    );
    runs += results.length;
    for (const r of results) if (r.error) failures.push(JSON.stringify(r.error));
  }
  await env.amazon.control.call('DELETE', '/faults');
  const remaining = (await env.storage.outbox.list({ limit: 1000 })).length;
  checks.push({ name: 'the outbox drained', ok: remaining === 0, detail: `${remaining} left after ${runs} runs` });
  checks.push({
    name: 'no flush run crashed',
    ok: failures.length === 0,
    detail: failures.slice(0, 3).join('; ') || 'none',
  });

  const onAmazon = new Map((await amazonListings(env)).map((l) => [l.sku, l.price]));
  const lost = [...lastPrice].filter(([sku, price]) => Number(onAmazon.get(sku)) !== Number(price));
  checks.push({
    name: "every SKU's last price equals Amazon's",
    ok: lost.length === 0,
    detail:
      lost.length === 0
        ? `${lastPrice.size} SKUs match`
        : lost
            .slice(0, 5)
            .map(([s, p]) => `${s}: sent ${p}, Amazon ${onAmazon.get(s)}`)
            .join('; '),
  });
  const accepted = new Map<string, number>();
  for (const r of await amazonRequests(env, 'patchListingsItem')) {
    if (r.status >= 300 || r.fault) continue;
    const sku = decodeURIComponent(r.path.split('/').pop() ?? '');
    accepted.set(sku, (accepted.get(sku) ?? 0) + 1);
  }
  const twice = [...accepted].filter(([, n]) => n > options.updatesPerSku);
  checks.push({
    name: 'no price was pushed more often than it was set',
    ok: twice.length === 0,
    detail:
      twice.length === 0
        ? `${[...accepted.values()].reduce((a, b) => a + b, 0)} accepted writes`
        : twice
            .slice(0, 5)
            .map(([s, n]) => `${s}: ${n}×`)
            .join('; '),
  });
  return {
    scenario: `held prices replayed under faults (${options.faults.map((f) => f.kind).join(', ')}; ${options.overlappingRuns} overlapping runs)`,
    checks,
  };
};

/**
 * The connection check while Amazon misbehaves: the merchant always gets an answer (never a 5xx), a persistent
 * failure is shown as "not connected" and logged in Communication Errors, a transient one is retried away.
 */
export const connectionCheckUnderFaults = async (
  env: QualityEnvironment,
  kinds: FaultRuleInput[],
): Promise<ScenarioResult> => {
  const checks: Check[] = [];
  const check = await mainOf('asc/store-connection-check');
  const call = async () =>
    (await check({ ...env.inputs, __ow_method: 'post', __ow_headers: authHeaders(), storeId: 'demo-us' })) as {
      statusCode: number;
      body: { ok: boolean };
    };
  for (const fault of kinds) {
    await env.amazon.control.call('POST', '/rate-limits/reset');
    const logged = (await env.storage.logs.communicationErrors.page({ limit: 500 })).items.length;
    await env.amazon.control.call('POST', '/faults', [
      { ...fault, operation: 'getMarketplaceParticipations', nextN: 20 },
    ]);
    const persistent = await call();
    await env.amazon.control.call('DELETE', '/faults');
    const loggedAfter = (await env.storage.logs.communicationErrors.page({ limit: 500 })).items.length;
    checks.push({
      name: `${fault.kind}: persistent failure answers 200 ok=false and is logged`,
      ok: persistent.statusCode === 200 && persistent.body.ok === false && loggedAfter > logged,
      detail: `status ${persistent.statusCode}, ok ${persistent.body.ok}, log +${loggedAfter - logged}`,
    });
    await env.amazon.control.call('POST', '/faults', [
      { ...fault, operation: 'getMarketplaceParticipations', nextN: 1 },
    ]);
    const transient = await call();
    await env.amazon.control.call('DELETE', '/faults');
    checks.push({
      name: `${fault.kind}: a single failure is retried away`,
      ok: transient.statusCode === 200 && transient.body.ok === true,
      detail: `status ${transient.statusCode}, ok ${transient.body.ok}`,
    });
  }
  return { scenario: 'connection check under faults', checks };
};

/** What the scenarios cannot compare yet, and why (kept in the report so nobody mistakes silence for a pass). */
export const NOT_YET_COVERED = [
  'SIGKILL scenarios compare end states only (Amazon vs Commerce, last sent value vs Amazon, no price lost): sends made by a child process are not logged, so repeats after a real kill are not counted; the app clock is moved past a dead run’s leases instead of waiting for them (a real kill keeps the listings publish lease 10 min, and a kill inside a ledger or rate-limit update stalls a concurrent activation up to 30 s); locks settle in 0 ms (ASC_LOCK_SETTLE_MS=0) as in every chaos environment',
  'a listings run killed between createFeed’s answer and recording the pending feed sends that feed’s prices again on the next run (idempotent values; counted as “re-sent after the sender died”, not as a failure): recording the feed document before createFeed and finding the feed with getFeeds on resume would remove it',
  'pricing (ANY_OFFER_CHANGED → repricer) runs overlapping the publish alarm, and order fulfilment (shipment/cancellation feeds) under faults',
];

export const formatResults = (results: ScenarioResult[]): { lines: string[]; failed: number } => {
  const lines: string[] = [];
  let failed = 0;
  for (const result of results) {
    lines.push(`scenario: ${result.scenario}`);
    for (const check of result.checks) {
      if (!check.ok) failed++;
      lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name} — ${check.detail}`);
    }
  }
  return { lines, failed };
};
