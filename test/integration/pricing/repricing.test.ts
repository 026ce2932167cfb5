/**
 * Repricing end to end through real HTTP: web actions → services → Commerce emulator (prices) and Amazon
 * emulator (notifications queue, Product Pricing, Listings). Nothing of ours is mocked.
 */
import { main as priceTraceAction } from '../../../actions/asc/price-trace';
import { main as analysisAction } from '../../../actions/asc/pricing-analysis';
import { main as dryRunAction } from '../../../actions/asc/pricing-dry-run';
import { main as guardrailsAction } from '../../../actions/asc/pricing-guardrails';
import { main as rulesAction } from '../../../actions/asc/pricing-rules';
import { createStorage } from '../../../src/adapters/state';
import { runOfferJob } from '../../../src/app/pricing/offer-job';
import { createServices } from '../../../src/app/services';
import { ASIN, call, competitor, env, intelligentRule, livePrice, SKU, setUpPricingEnvironment } from './harness';

setUpPricingEnvironment();

const patchCount = async (): Promise<number> => {
  const { body } = (await env.amazon.control.call('GET', '/requests?operation=patchListingsItem')) as {
    body: { requests: unknown[] };
  };
  return body.requests.length;
};

const runJob = async () => runOfferJob(await createServices(env.inputs));

const activity = async () => (await (await createStorage(env.inputs)).logs.activity.page({ storeId: 'demo-us' })).items;

describe('pricing rules action', () => {
  it('creates, lists in priority order and deletes rules; a bad rule is a 400 naming the field', async () => {
    const second = await call(rulesAction, 'post', {
      storeId: 'demo-us',
      rule: { ...intelligentRule, name: 'second', priority: 2 },
    });
    expect(second.statusCode).toBe(200);
    const first = await call(rulesAction, 'post', {
      storeId: 'demo-us',
      rule: {
        name: '5% off',
        active: true,
        priority: 1,
        discardSubsequent: false,
        action: { type: 'standard', direction: 'decrease', apply: 'percent', amount: '5' },
      },
    });
    expect(first.statusCode).toBe(200);
    const listed = await call(rulesAction, 'get', { storeId: 'demo-us', meta: '1' });
    expect(listed.body.rules.map((r: { name: string }) => r.name)).toEqual(['5% off', 'second']);
    expect(listed.body.ruleForms.map((f: { code: string }) => f.code)).toEqual(['standard', 'intelligent']);
    expect(listed.body.priceAttributes.map((a: { value: string }) => a.value)).toContain('cost');

    const bad = await call(rulesAction, 'post', {
      storeId: 'demo-us',
      rule: {
        ...intelligentRule,
        discardSubsequent: true,
        priority: null,
        conditions: {
          type: 'combine',
          aggregator: 'all',
          value: true,
          conditions: [{ type: 'product_attribute', args: { attribute: 'msrp', operator: 'eq', value: '1' } }],
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    // msrp is not a "Use for Promo Rule Conditions" attribute.
    expect(Object.keys(bad.body.fields).some((f) => f.startsWith('conditions'))).toBe(true);
    const noPriority = await call(rulesAction, 'post', {
      storeId: 'demo-us',
      rule: { ...intelligentRule, discardSubsequent: true, priority: null },
    });
    expect(noPriority.statusCode).toBe(400);
    expect(noPriority.body.fields).toHaveProperty('priority');

    const removed = await call(rulesAction, 'delete', { storeId: 'demo-us', id: first.body.rule.id });
    expect(removed.body).toEqual({ deleted: true });
    expect((await call(rulesAction, 'get', { storeId: 'demo-us' })).body.rules).toHaveLength(1);
  });
});

describe('repricing from competitor data', () => {
  it('polls stale listings, then follows an ANY_OFFER_CHANGED notification to a new price on Amazon with a trace', async () => {
    expect((await call(rulesAction, 'post', { storeId: 'demo-us', rule: intelligentRule })).statusCode).toBe(200);

    const first = await runJob();
    expect(first.errors).toEqual([]);
    expect(first.polled).toBe(1);
    expect(await livePrice()).toBe('18.99');

    await env.amazon.control.call('POST', '/competitor-offers', competitor('ACOMPETITOR0002', '17.50'));
    const second = await runJob();
    expect(second.messages).toBeGreaterThanOrEqual(1);
    expect(second.outcomes).toEqual(
      expect.arrayContaining([expect.objectContaining({ sku: SKU, decision: 'send', price: '17.49' })]),
    );
    expect(await livePrice()).toBe('17.49');

    const trace = await call(priceTraceAction, 'get', { storeId: 'demo-us', sku: SKU });
    expect(trace.statusCode).toBe(200);
    expect(trace.body.result.price).toBe('17.49');
    expect(trace.body.livePrice).toBe('17.49');
    expect(trace.body.lines.join('\n')).toMatch(/17\.50/);
    expect((await activity()).some((a) => a.action === 'price_sent' && a.comments?.includes('17.49'))).toBe(true);

    // SPEC 7.3: our landed price beside the lowest competitor and the Buy Box, from the latest snapshot.
    await env.amazon.control.call('DELETE', '/competitor-offers?asin=B0PRICE001&sellerId=ACOMPETITOR0001');
    await runJob();
    const analysis = await call(analysisAction, 'get', { storeId: 'demo-us' });
    expect(analysis.body.rows).toEqual([
      expect.objectContaining({
        sku: SKU,
        asin: ASIN,
        name: 'Red mug',
        yourLandedPrice: '17.49',
        lowestLandedPrice: '17.50',
        lowestCondition: 'New',
      }),
    ]);
    expect(['Yes', 'No']).toContain(analysis.body.rows[0].isBuyBoxSeller);
  });

  it('never goes below the floor (cost + 10 %)', async () => {
    await call(rulesAction, 'post', { storeId: 'demo-us', rule: intelligentRule });
    await runJob();
    await env.amazon.control.call('POST', '/competitor-offers', competitor('ACOMPETITOR0002', '9.00'));
    await runJob();
    expect(await livePrice()).toBe('13.20');
  });

  it('limits a too-large step and holds changes during the cooldown, logging why', async () => {
    await call(rulesAction, 'post', { storeId: 'demo-us', rule: intelligentRule });
    await runJob(); // 20.00 → 18.99
    const saved = await call(guardrailsAction, 'post', { storeId: 'demo-us', maxStepPercent: '5', cooldownMinutes: 0 });
    expect(saved.statusCode).toBe(200);
    await env.amazon.control.call('POST', '/competitor-offers', competitor('ACOMPETITOR0002', '14.00'));
    await runJob();
    // 5 % of 18.99 = 0.9495 → at most 0.94 down.
    expect(await livePrice()).toBe('18.05');

    await call(guardrailsAction, 'post', { storeId: 'demo-us', maxStepPercent: null, cooldownMinutes: 60 });
    await env.amazon.control.call('POST', '/competitor-offers', competitor('ACOMPETITOR0003', '16.00'));
    const held = await runJob();
    expect(held.outcomes).toEqual(
      expect.arrayContaining([expect.objectContaining({ sku: SKU, decision: 'hold', reason: 'cooldown' })]),
    );
    expect(await livePrice()).toBe('18.05');
    expect((await activity()).some((a) => a.action === 'price_held' && a.comments?.startsWith('cooldown'))).toBe(true);
  });

  it('sends nothing while the kill switch is on', async () => {
    await call(rulesAction, 'post', { storeId: 'demo-us', rule: intelligentRule });
    await call(guardrailsAction, 'post', { storeId: 'demo-us', killSwitch: true });
    await env.amazon.control.call('DELETE', '/requests');
    const summary = await runJob();
    await env.amazon.control.call('POST', '/competitor-offers', competitor('ACOMPETITOR0002', '17.50'));
    await runJob();
    expect(summary.outcomes.every((o) => o.decision === 'hold')).toBe(true);
    expect(await patchCount()).toBe(0);
    expect(await livePrice()).toBe('20.00');
    const bad = await call(guardrailsAction, 'post', { storeId: 'demo-us', maxStepPercent: 'lots' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body.fields).toHaveProperty('maxStepPercent');
  });
});

describe('overlapping runs', () => {
  it('lets one repricing run at a time', async () => {
    await call(rulesAction, 'post', { storeId: 'demo-us', rule: intelligentRule });
    const [a, b] = await Promise.all([runJob(), runJob()]);
    const busy = [a, b].filter((s) => s.errors.includes('another repricing run is in progress'));
    expect(busy).toHaveLength(1);
    expect(await livePrice()).toBe('18.99');
  });
});

describe('dry run', () => {
  it('prices the catalogue with draft rules without sending anything, as JSON and CSV', async () => {
    await env.amazon.control.call('DELETE', '/requests');
    const draft = [
      {
        id: 'r1',
        name: '10% off',
        active: true,
        priority: 1,
        discardSubsequent: false,
        action: { type: 'standard', direction: 'decrease', apply: 'percent', amount: '10' },
      },
      {
        id: 'r2',
        name: '$10 off',
        active: true,
        priority: 2,
        discardSubsequent: false,
        action: { type: 'standard', direction: 'decrease', apply: 'fixed', amount: '10' },
      },
    ];
    const response = await call(dryRunAction, 'post', { storeId: 'demo-us', rules: draft });
    expect(response.statusCode).toBe(200);
    const report = response.body.report;
    expect(report).toMatchObject({ total: 1, priced: 1, changed: 1, minChange: '-12.00', maxChange: '-12.00' });
    expect(report.rows[0]).toMatchObject({
      sku: SKU,
      currentPrice: '20.00',
      newPrice: '8.00',
      rulesApplied: ['r1', 'r2'],
    });
    const csv = await call(dryRunAction, 'post', { storeId: 'demo-us', rules: draft, format: 'csv' });
    expect(csv.headers?.['Content-Type']).toMatch(/text\/csv/);
    expect(String(csv.body).split('\n')[1]).toBe(`${SKU},priced,,20.00,8.00,-12.00,-60.00,r1 r2,`);
    expect(await patchCount()).toBe(0);
    const invalid = await call(dryRunAction, 'post', {
      storeId: 'demo-us',
      rules: [{ ...draft[0], action: { type: 'standard' } }],
    });
    expect(invalid.statusCode).toBe(400);
  });
});
