/**
 * The bad-input campaign: generated requests against every web action route and every event consumer.
 * Judged by merchant-visible rules: no 5xx; a rejection is a 4xx whose message names the field; a rejected
 * input leaves stored data exactly as it was (KV snapshot before/after).
 */
import fc from 'fast-check';
import type { KeyValueStore } from '../../src/core/ports/key-value-store';
import { authHeaders } from '../../test/helpers/auth';
import {
  type DiscoveredAction,
  HTTP_METHODS,
  isEventConsumer,
  isWeb,
  jobErrorStatus,
  routesOf,
  signedEventParams,
} from './actions';
import { diffSnapshots, snapshotKv } from './kv-snapshot';
import { hostile, junk, toJsonSchema } from './schema-arbitrary';

export interface CampaignOptions {
  actions: DiscoveredAction[];
  /** Package inputs every invocation gets (storage, keys, emulator URLs). */
  inputs: Record<string, unknown>;
  kv: KeyValueStore;
  /** Total generated inputs across all targets (shared evenly). */
  total: number;
  seed?: number;
}

export interface TargetReport {
  target: string;
  cases: number;
  /** Answers by status (web) or by outcome (events). */
  outcomes: Record<string, number>;
  failure?: string;
}

export interface CampaignReport {
  cases: number;
  targets: TargetReport[];
  failures: string[];
}

type Verdict = { outcome: string; problem?: string };

interface Target {
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  run: (value: unknown) => Promise<Verdict>;
}

const webResponse = (result: unknown): { statusCode: number; body: Record<string, unknown> | string } => {
  const r = (result ?? {}) as { statusCode?: unknown; body?: unknown };
  const body = typeof r.body === 'string' ? r.body : ((r.body ?? {}) as Record<string, unknown>);
  return { statusCode: Number(r.statusCode ?? 200), body };
};

/** A rejection must say which field is wrong: a 400 lists `fields` and its message names each of them. */
const rejectionProblem = (statusCode: number, body: Record<string, unknown> | string): string | undefined => {
  // A page for a browser (the OAuth callback) explains itself in HTML; it has no fields to name.
  if (typeof body === 'string') return body.length > 0 ? undefined : `${statusCode} with an empty page`;
  if (typeof body.error !== 'string' || body.error.length === 0) return `${statusCode} without an error message`;
  if (statusCode !== 400) return undefined;
  const fields = body.fields as Record<string, unknown> | undefined;
  const names = Object.keys(fields ?? {});
  if (names.length === 0) return '400 without the offending fields';
  const unnamed = names.filter((name) => !body.error?.toString().includes(name));
  return unnamed.length > 0 ? `400 message does not name ${unnamed.join(', ')}` : undefined;
};

const webTargets = (action: DiscoveredAction, options: CampaignOptions): Target[] => {
  const routes = routesOf(action);
  const declared = new Set(routes.map((r) => r.method));
  const call = async (method: string, fields: Record<string, unknown>): Promise<Verdict> => {
    const before = await snapshotKv(options.kv);
    // Inputs last: every action is `final`, so request fields cannot override package inputs.
    const params = { ...fields, ...options.inputs, __ow_method: method, __ow_headers: authHeaders() };
    const { statusCode, body } = webResponse(await action.main(params));
    if (statusCode >= 500) return { outcome: String(statusCode), problem: `${statusCode}: ${JSON.stringify(body)}` };
    if (statusCode >= 400) {
      const problem = rejectionProblem(statusCode, body);
      if (problem) return { outcome: String(statusCode), problem };
      const changed = diffSnapshots(before, await snapshotKv(options.kv));
      if (changed.length > 0)
        return { outcome: String(statusCode), problem: `rejected but stored data changed: ${changed.join(' ')}` };
    }
    return { outcome: String(statusCode) };
  };
  const targets: Target[] = routes.map(({ method, schema }) => ({
    name: `${action.definition.fullName} ${method.toUpperCase()}`,
    arbitrary: hostile(toJsonSchema(schema)),
    run: (value) => call(method, (value as { value: Record<string, unknown> }).value),
  }));
  if (!action.main.spec) {
    // Not built on webAction (e.g. the OAuth callback page): no schema to read, so junk on every method.
    targets.push({
      name: `${action.definition.fullName} (no declared schema)`,
      arbitrary: fc.tuple(
        fc.constantFrom(...HTTP_METHODS),
        fc.dictionary(fc.constantFrom('state', 'spapi_oauth_code', 'selling_partner_id', 'storeId', 'id'), junk()),
      ),
      run: (value) => {
        const [method, fields] = value as [string, Record<string, unknown>];
        return call(method, fields);
      },
    });
    return targets;
  }
  const undeclared = HTTP_METHODS.filter((m) => !declared.has(m));
  if (undeclared.length > 0) {
    targets.push({
      name: `${action.definition.fullName} (undeclared methods)`,
      arbitrary: fc.tuple(fc.constantFrom(...undeclared, 'patch', 'options'), fc.dictionary(fc.string(), junk())),
      run: (value) => {
        const [method, fields] = value as [string, Record<string, unknown>];
        return call(method, fields);
      },
    });
  }
  return targets;
};

/** Envelopes shaped like Commerce events (sometimes), for a consumer's registered codes, with junk in them. */
const eventEnvelope = (codes: string[]) =>
  fc.record(
    {
      specversion: fc.oneof(fc.constant('1.0'), junk()),
      id: fc.oneof(fc.uuid(), junk()),
      source: fc.oneof(fc.constant('urn:uuid:commerce'), junk()),
      type: fc.oneof(fc.constantFrom(...codes), fc.constant('com.adobe.commerce.observer.unknown'), junk()),
      time: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        junk(),
      ),
      event_id: fc.uuid(),
      data: fc.oneof(
        fc.record({
          value: fc.oneof(
            fc.dictionary(fc.constantFrom('sku', 'qty', 'price', 'entity_id', 'order_id', 'items'), junk()),
            junk(),
          ),
          _metadata: fc.oneof(fc.record({ websiteId: junk(), storeId: junk(), websiteCode: fc.string() }), junk()),
        }),
        junk(),
      ),
    },
    { requiredKeys: ['event_id'] },
  );

const eventTargets = (action: DiscoveredAction, options: CampaignOptions): Target[] => {
  const consume = async (params: Record<string, unknown>, mustReject: boolean): Promise<Verdict> => {
    const before = await snapshotKv(options.kv);
    const status = jobErrorStatus(await action.main(params));
    if (status === undefined)
      return mustReject ? { outcome: 'accepted', problem: 'accepted an unverifiable event' } : { outcome: 'accepted' };
    if (status >= 500) return { outcome: String(status), problem: `consumer failed with ${status}` };
    const changed = diffSnapshots(before, await snapshotKv(options.kv));
    if (changed.length > 0)
      return { outcome: String(status), problem: `rejected but stored data changed: ${changed.join(' ')}` };
    return { outcome: String(status) };
  };
  const name = action.definition.fullName;
  return [
    {
      name: `${name} signed events`,
      arbitrary: eventEnvelope(action.eventCodes),
      run: (event) => consume(signedEventParams(JSON.stringify(event), options.inputs), false),
    },
    {
      name: `${name} tampered events`,
      arbitrary: fc.tuple(eventEnvelope(action.eventCodes), fc.string({ minLength: 1, maxLength: 5 })),
      run: (value) => {
        const [event, extra] = value as [Record<string, unknown>, string];
        const params = signedEventParams(JSON.stringify(event), options.inputs);
        const tampered = JSON.stringify({ ...event, tampered: extra });
        return consume({ ...params, ...JSON.parse(tampered), __ow_body: tampered }, true);
      },
    },
    {
      name: `${name} unsigned deliveries`,
      arbitrary: fc.tuple(
        eventEnvelope(action.eventCodes),
        fc.dictionary(
          fc.constantFrom('x-adobe-digital-signature-1', 'x-adobe-public-key1-path', 'x-other'),
          fc.string(),
        ),
      ),
      run: (value) => {
        const [event, headers] = value as [Record<string, unknown>, Record<string, string>];
        const body = JSON.stringify(event);
        // A signature header without its key path (or vice versa), or garbage in either: never verified.
        const params = { ...event, ...options.inputs, __ow_headers: headers, __ow_body: body };
        return consume(params, true);
      },
    },
  ];
};

/** A failing input, short enough to read (a 100 kB string is shown by its length). */
const describeInput = (value: unknown): string => {
  const text = JSON.stringify(value, (_key, v) =>
    typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}… (${v.length} chars)` : v,
  );
  return text && text.length > 400 ? `${text.slice(0, 400)}…` : String(text);
};

export const runBadInputCampaign = async (options: CampaignOptions): Promise<CampaignReport> => {
  const targets = options.actions.flatMap((action) => [
    ...(isWeb(action) ? webTargets(action, options) : []),
    ...(isEventConsumer(action) ? eventTargets(action, options) : []),
  ]);
  const perTarget = Math.max(1, Math.ceil(options.total / Math.max(1, targets.length)));
  const report: CampaignReport = { cases: 0, targets: [], failures: [] };
  for (const [index, target] of targets.entries()) {
    const entry: TargetReport = { target: target.name, cases: 0, outcomes: {} };
    // Every generated input runs (no stop at the first failure), so the campaign size is what was asked for.
    const values = fc.sample(target.arbitrary, { numRuns: perTarget, seed: (options.seed ?? 1) + index });
    let failures = 0;
    for (const value of values) {
      let verdict: Verdict;
      try {
        verdict = await target.run(value);
      } catch (error) {
        verdict = { outcome: 'threw', problem: `threw ${error instanceof Error ? error.message : String(error)}` };
      }
      entry.cases++;
      entry.outcomes[verdict.outcome] = (entry.outcomes[verdict.outcome] ?? 0) + 1;
      if (!verdict.problem) continue;
      failures++;
      if (failures === 1) entry.failure = `${verdict.problem}\ninput: ${describeInput(value)}`;
    }
    if (entry.failure) {
      entry.failure = `${failures} of ${entry.cases} failed; first: ${entry.failure}`;
      report.failures.push(`${target.name}: ${entry.failure}`);
    }
    report.cases += entry.cases;
    report.targets.push(entry);
  }
  return report;
};
