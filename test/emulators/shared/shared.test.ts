import http from 'node:http';
import {
  ControlApi,
  EmulatorClock,
  FaultInjector,
  RateLimiter,
  RequestLog,
  Router,
  SwaggerValidator,
  ViolationLog,
  registerCommonControlRoutes,
  startHttpServer,
  validateJsonSchema,
} from '../../../src/emulators/shared';

describe('EmulatorClock', () => {
  it('runs emulated time speedUp times faster than real time and can jump ahead', () => {
    let real = 1_000;
    const clock = new EmulatorClock({ start: '2026-01-01T00:00:00Z', speedUp: 60, realNow: () => real });
    real += 1_000;
    expect(clock.iso()).toBe('2026-01-01T00:01:00.000Z');
    clock.advance(3_600_000);
    expect(clock.iso()).toBe('2026-01-01T01:01:00.000Z');
    clock.setSpeedUp(0);
    real += 50_000;
    expect(clock.iso()).toBe('2026-01-01T01:01:00.000Z');
    expect(() => clock.advance(-1)).toThrow(/backwards/);
  });

  it('wakes sleepers when advanced', async () => {
    const clock = new EmulatorClock({ speedUp: 0 });
    const done = jest.fn();
    const p = clock.sleep(10_000).then(done);
    await Promise.resolve();
    expect(done).not.toHaveBeenCalled();
    clock.advance(10_000);
    await p;
    expect(done).toHaveBeenCalled();
  });
});

describe('RateLimiter', () => {
  it('allows burst, then refills at rate on the injected clock', () => {
    const clock = new EmulatorClock({ speedUp: 0 });
    const limiter = new RateLimiter(clock);
    const plan = { rate: 0.5, burst: 2 };
    expect(limiter.take('k', plan).allowed).toBe(true);
    expect(limiter.take('k', plan).allowed).toBe(true);
    const denied = limiter.take('k', plan);
    expect(denied).toMatchObject({ allowed: false, retryAfterMs: 2000 });
    clock.advance(2000);
    expect(limiter.take('k', plan).allowed).toBe(true);
    expect(limiter.take('other', plan).allowed).toBe(true);
  });
});

describe('FaultInjector', () => {
  it('fires next-N rules exactly N times and rate rules at about their rate', () => {
    const f = new FaultInjector({ seed: 7 });
    f.add({ operation: 'getOrder', kind: 'server-error', status: 503, nextN: 2 });
    expect(f.decide('getOrder')?.status).toBe(503);
    expect(f.decide('getOrder')?.kind).toBe('server-error');
    expect(f.decide('getOrder')).toBeUndefined();
    f.add({ operation: '*', kind: 'throttle', rate: 0.25 });
    let hits = 0;
    for (let i = 0; i < 2000; i++) if (f.decide('x')) hits++;
    expect(hits).toBeGreaterThan(400);
    expect(hits).toBeLessThan(600);
    expect(() => f.add({ operation: 'x', kind: 'nope' as never, rate: 1 })).toThrow(/kind/);
  });
});

describe('Router', () => {
  it('decodes parameters and prefers literal segments', () => {
    const r = new Router<string>();
    r.add('GET', '/items/{asin}', 'one').add('GET', '/items/offers', 'literal');
    expect(r.match('GET', '/items/A%2FB%20%281%29')).toMatchObject({ value: 'one', params: { asin: 'A/B (1)' } });
    expect(r.match('GET', '/items/offers')?.value).toBe('literal');
    expect(r.match('POST', '/items/x')).toBeUndefined();
    expect(r.allowedMethods('/items/x')).toEqual(['GET']);
  });
});

describe('SwaggerValidator', () => {
  const listings = SwaggerValidator.fromFile('models/sp-api/listingsItems_2021-08-01.json');

  it('coerces comma-separated query arrays and names the failing field', () => {
    const bad = listings.validateRequest('getListingsItem', {
      path: { sellerId: 'S', sku: 'X' },
      query: new URLSearchParams('includedData=summaries,bogus'),
    });
    expect(bad.ok).toBe(false);
    expect(bad.issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['query.marketplaceIds', 'query.includedData.1']),
    );
    const good = listings.validateRequest('getListingsItem', {
      path: { sellerId: 'S', sku: 'X' },
      query: new URLSearchParams('marketplaceIds=A&includedData=summaries,offers'),
    });
    expect(good.ok).toBe(true);
    expect(good.values.query.includedData).toEqual(['summaries', 'offers']);
  });

  it('validates bodies through #/definitions refs and responses by status', () => {
    const r = listings.validateRequest('patchListingsItem', {
      path: { sellerId: 'S', sku: 'X' },
      query: { marketplaceIds: 'A' },
      body: { productType: 'PRODUCT', patches: [{ op: 'explode', path: '/attributes/x' }] },
    });
    expect(r.issues.map((i) => i.field)).toContain('body.patches.0.op');
    expect(listings.validateResponse('getListingsItem', 200, { sku: 1 }).ok).toBe(false);
    expect(listings.validateResponse('getListingsItem', 400, { errors: [{ code: 'X', message: 'm' }] }).ok).toBe(true);
  });

  it('reads the Commerce YAML model (basePath, #/definitions refs)', () => {
    const commerce = SwaggerValidator.fromFile('models/commerce/admin-schema-2.4.9.yaml');
    const op = commerce.operation('PostV1Products');
    expect(op.path).toBe('/rest/default/V1/products');
    expect(commerce.validateRequest('PostV1Products', { body: { product: { sku: 'A' } } }).ok).toBe(true);
    const bad = commerce.validateRequest('PostV1Products', { body: { product: { sku: 5 } } });
    expect(bad.issues[0].field).toBe('body.product.sku');
  });

  it('validates plain JSON schemas (feed schema)', () => {
    const schema = require('../../../models/sp-api/schemas/feeds/listings-feed-schema-v2.json');
    const example = require('../../../models/sp-api/schemas/feeds/listings-feed-schema-v2.example.json');
    expect(validateJsonSchema(schema, example).ok).toBe(true);
    expect(validateJsonSchema(schema, { header: {} }).ok).toBe(false);
  });
});

describe('ControlApi over HTTP', () => {
  it('advances the clock, manages faults and reports errors as 400', async () => {
    const clock = new EmulatorClock({ start: '2026-01-01T00:00:00Z', speedUp: 0 });
    const control = new ControlApi();
    registerCommonControlRoutes(control, {
      clock,
      faults: new FaultInjector(),
      requestLog: new RequestLog(clock),
      violations: new ViolationLog(clock),
    });
    const srv = await startHttpServer(async (req, res) => {
      if (!(await control.handle(req, res))) res.writeHead(404).end();
    });
    const call = (method: string, path: string, body?: unknown) =>
      new Promise<{ status: number; json: unknown }>((resolve, reject) => {
        const req = http.request(`${srv.url}${path}`, { method }, (res) => {
          let t = '';
          res.on('data', (c) => (t += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(t) }));
        });
        req.on('error', reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
      });
    try {
      expect((await call('POST', '/__control/clock/advance', { minutes: 90 })).json).toMatchObject({
        now: '2026-01-01T01:30:00.000Z',
      });
      expect((await call('POST', '/__control/faults', { operation: 'x', kind: 'reset', nextN: 1 })).status).toBe(201);
      expect((await call('GET', '/__control/faults')).json).toMatchObject({ faults: [{ kind: 'reset' }] });
      const bad = await call('POST', '/__control/faults', { operation: 'x', kind: 'reset' });
      expect(bad).toMatchObject({ status: 400, json: { error: 'fault needs rate or nextN' } });
      expect((await call('GET', '/__control/nothing')).status).toBe(404);
    } finally {
      await srv.close();
    }
  });
});
