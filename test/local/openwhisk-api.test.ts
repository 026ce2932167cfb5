import { calls } from './fixtures/actions/recorder';
import { eventually, startFixtureRuntime } from './harness';
import type { LocalRuntime } from '../../src/local/index';

type Client = {
  actions: { invoke(options: Record<string, unknown>): Promise<Record<string, unknown>> };
  activations: { get(options: Record<string, unknown>): Promise<Record<string, unknown>> };
};
// The real npm client, as actions use it on I/O Runtime (it ships no types).
const openwhisk = require('openwhisk') as (options?: Record<string, unknown>) => Client;

describe('OpenWhisk API for the openwhisk client', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = (await startFixtureRuntime()).runtime;
  });
  afterAll(() => runtime.close());

  test('the runtime sets __OW_API_HOST, __OW_API_KEY and __OW_NAMESPACE for in-process actions', () => {
    expect(process.env.__OW_API_HOST).toBe(runtime.url);
    expect(process.env.__OW_API_KEY).toBe(runtime.apiKey);
    expect(process.env.__OW_NAMESPACE).toBe(runtime.namespace);
  });

  test('blocking invoke with result returns the action result, with inputs resolved from the env', async () => {
    const result = await openwhisk().actions.invoke({
      name: 'jobs/echo',
      blocking: true,
      result: true,
      params: { orderId: '123-456' },
    });
    const echoed = result.echoed as Record<string, unknown>;
    expect(echoed.orderId).toBe('123-456');
    expect(echoed.GREETING).toBe('hello from env');
    // Unset $VAR inputs stay literal, as under `aio app dev`.
    expect(echoed.UNSET_INPUT).toBe('$FIXTURE_NOT_SET');
  });

  test('blocking invoke without result returns the activation record', async () => {
    const activation = await openwhisk().actions.invoke({ name: 'jobs/echo', blocking: true, params: { n: 1 } });
    expect(activation).toMatchObject({
      namespace: runtime.namespace,
      name: 'echo',
      response: { status: 'success', success: true, result: { echoed: expect.objectContaining({ n: 1 }) } },
    });
  });

  test('non-blocking invoke returns an activation id that activations.get resolves', async () => {
    const ow = openwhisk();
    const { activationId } = await ow.actions.invoke({ name: 'jobs/echo', params: { n: 'later' } });
    expect(activationId).toMatch(/^[0-9a-f]{32}$/);
    let activation: Record<string, unknown> | undefined;
    for (let attempt = 0; attempt < 50 && !activation; attempt += 1) {
      activation = await ow.activations.get({ activationId }).catch(() => undefined);
    }
    expect(activation).toMatchObject({ activationId, response: { result: { echoed: { n: 'later' } } } });
  }, 10000);

  test('an action fans out with openwhisk() and no arguments, blocking and non-blocking', async () => {
    const before = calls.filter((call) => call.action === 'jobs/echo' && call.params.n === 'async').length;
    const result = await runtime.invoke('jobs/fanout', { n: 7 });
    expect(result.blocking).toMatchObject({ echoed: { n: 7 } });
    expect(result.activationId).toMatch(/^[0-9a-f]{32}$/);
    await eventually(() =>
      calls.filter((call) => call.action === 'jobs/echo' && call.params.n === 'async').length > before
        ? true
        : undefined,
    );
  });

  test('a crashing action fails the blocking invoke without leaking its message', async () => {
    const error = await openwhisk()
      .actions.invoke({ name: 'jobs/crash', blocking: true, result: true })
      .catch((e: unknown) => e as Error & { statusCode?: number });
    expect(error).toBeInstanceOf(Error);
    expect((error as { statusCode?: number }).statusCode).toBe(502);
    expect(String((error as Error).message)).not.toMatch(/hunter2/);
  });

  test('a wrong API key is refused and unknown actions are 404', async () => {
    const wrong = await openwhisk({ api_key: 'nope:nope' })
      .actions.invoke({ name: 'jobs/echo', blocking: true })
      .catch((e: { statusCode?: number }) => e);
    expect((wrong as { statusCode?: number }).statusCode).toBe(401);
    const missing = await openwhisk()
      .actions.invoke({ name: 'jobs/nothing', blocking: true })
      .catch((e: { statusCode?: number }) => e);
    expect((missing as { statusCode?: number }).statusCode).toBe(404);
  });
});
