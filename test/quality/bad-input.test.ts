/**
 * Bad input, CI size: 1 000 generated requests spread over every web action route and every event consumer the
 * app config declares (schemas read from each action's `main.spec`). `npm run chaos` runs the same campaign with
 * 10 000. Rules: no 5xx; every rejection is a 4xx naming the field; a rejected input changes no stored data.
 */
import { discoverActions, isEventConsumer, isWeb, loadApp } from '../../bench/support/actions';
import { runBadInputCampaign } from '../../bench/support/bad-input';
import { type QualityEnvironment, startQualityEnvironment } from '../../bench/support/environment';

let env: QualityEnvironment;

beforeAll(async () => {
  env = await startQualityEnvironment();
});
afterAll(() => env.close());

describe('bad input against every action in app.config.yaml', () => {
  it('finds the web actions and event consumers to attack', async () => {
    const actions = await discoverActions(await loadApp());
    const web = actions.filter(isWeb);
    expect(web.length).toBeGreaterThanOrEqual(5);
    expect(actions.filter(isEventConsumer).map((a) => a.definition.fullName)).toContain('asc-jobs/commerce-events');
    // Web actions built on webAction carry their schemas; only the OAuth callback page is hand-written.
    const withoutSchemas = web.filter((a) => !a.main.spec).map((a) => a.definition.fullName);
    expect(withoutSchemas.filter((name) => !/callback/.test(name))).toEqual([]);
  });

  it('answers 1 000 generated inputs without a 5xx, naming the field, never touching data on a rejection', async () => {
    const actions = await discoverActions(await loadApp());
    const report = await runBadInputCampaign({
      actions,
      inputs: env.inputs,
      kv: env.storage.kv,
      total: 1000,
      seed: Number(process.env.QUALITY_SEED ?? 20261127),
    });
    expect(report.failures).toEqual([]);
    expect(report.cases).toBeGreaterThanOrEqual(1000);
    // The campaign really reached the rejection paths, not only the happy ones.
    const statuses = report.targets.flatMap((t) => Object.keys(t.outcomes));
    expect(statuses).toContain('400');
    expect(statuses).toContain('401');
  }, 120_000);
});
