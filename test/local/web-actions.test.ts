import { calls } from './fixtures/actions/recorder';
import { startFixtureRuntime } from './harness';
import type { LocalRuntime } from '../../src/local/index';

describe('local runtime web actions', () => {
  let runtime: LocalRuntime;
  let logLines: string[];

  beforeAll(async () => {
    const started = await startFixtureRuntime();
    runtime = started.runtime;
    logLines = started.logger.lines;
  });
  afterAll(() => runtime.close());

  const authHeaders = () => {
    const token = runtime.issueToken();
    return { authorization: `Bearer ${token.access_token}`, 'x-gw-ims-org-id': token.org_id };
  };

  describe('require-adobe-auth: true', () => {
    const url = () => `${runtime.url}/api/v1/web/ui/secure`;

    test('no Authorization header is refused like the gateway does', async () => {
      const response = await fetch(url());
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: 'cannot authorize request, reason: missing authorization header',
      });
    });

    test('a bearer token without the x-gw-ims-org-id header is refused', async () => {
      const { authorization } = authHeaders();
      const response = await fetch(url(), { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: 'cannot authorize request, reason: missing authorization header',
      });
    });

    test('a token the local IMS did not sign is refused', async () => {
      const { authorization, 'x-gw-ims-org-id': org } = authHeaders();
      const forged = `${authorization.slice(0, -4)}AAAA`;
      const response = await fetch(url(), { headers: { authorization: forged, 'x-gw-ims-org-id': org } });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toMatch(/invalid token/);
    });

    test('a token for another org than the org header is refused', async () => {
      const { authorization } = authHeaders();
      const response = await fetch(url(), {
        headers: { authorization, 'x-gw-ims-org-id': 'OTHERORG00000001@AdobeOrg' },
      });
      expect(response.status).toBe(401);
    });

    test('a valid dev token reaches the action with OpenWhisk web params and resolved inputs', async () => {
      const response = await fetch(`${url()}/extra/path?storeId=s1&SECRET_INPUT=overridden`, {
        method: 'POST',
        headers: { ...authHeaders(), 'content-type': 'application/json', 'X-Custom-Header': 'Value' },
        body: JSON.stringify({ name: 'EU store', nested: { a: 1 } }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-fixture')).toBe('web-echo');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const { params } = (await response.json()) as { params: Record<string, unknown> };
      expect(params).toMatchObject({
        storeId: 's1',
        name: 'EU store',
        nested: { a: 1 },
        __ow_method: 'post',
        __ow_path: '/extra/path',
        // final: true, so the package input wins over the query param of the same name.
        SECRET_INPUT: 'fixed-input-value',
      });
      const headers = params.__ow_headers as Record<string, string>;
      expect(headers['x-custom-header']).toBe('Value');
      expect(headers.authorization).toMatch(/^Bearer /);
      expect(headers['x-gw-ims-org-id']).toMatch(/@AdobeOrg$/);
      expect(params.__ow_body).toBeUndefined();
    });

    test('the token endpoint issues tokens over GET and POST', async () => {
      for (const method of ['GET', 'POST']) {
        const response = await fetch(`${runtime.url}/__local/ims/token`, { method });
        const token = (await response.json()) as { access_token: string; org_id: string };
        const ok = await fetch(url(), {
          headers: { authorization: `Bearer ${token.access_token}`, 'x-gw-ims-org-id': token.org_id },
        });
        expect(ok.status).toBe(200);
      }
    });
  });

  test('raw web actions get __ow_query and __ow_body unparsed', async () => {
    const response = await fetch(`${runtime.url}/api/v1/web/ui/raw?a=1&b=two`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"x": 1}',
    });
    const { params } = (await response.json()) as { params: Record<string, unknown> };
    expect(params).toMatchObject({ __ow_method: 'put', __ow_query: 'a=1&b=two', __ow_body: '{"x": 1}' });
    expect(params.x).toBeUndefined();
  });

  test('non-web actions are not exposed on web URLs', async () => {
    const before = calls.length;
    const response = await fetch(`${runtime.url}/api/v1/web/jobs/echo`);
    expect(response.status).toBe(404);
    expect(calls.length).toBe(before);
  });

  test('the namespace-qualified URL form reaches the same action', async () => {
    const response = await fetch(`${runtime.url}/api/v1/web/${runtime.namespace}/ui/public`);
    expect(await response.json()).toEqual({ shape: 'default' });
  });

  describe('response mapping', () => {
    const call = (shape: string) => fetch(`${runtime.url}/api/v1/web/ui/public?shape=${shape}`, { method: 'DELETE' });

    test('{ error: { statusCode, body } } becomes that HTTP response', async () => {
      const response = await call('error');
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({ error: 'store already exists' });
    });

    test('a throwing action answers 500 with a generic message and logs the stack', async () => {
      const response = await call('crash');
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(/secret stack detail/);
      expect(JSON.parse(text).error).toMatch(/internal error/);
      expect(logLines.some((line) => line.includes('secret stack detail'))).toBe(true);
    });

    test('string bodies keep the action headers and status', async () => {
      const response = await call('text');
      expect(response.status).toBe(201);
      expect(response.headers.get('content-type')).toBe('text/plain');
      expect(await response.text()).toBe('created');
    });

    test('a result without statusCode/body is sent as JSON', async () => {
      expect(await (await call('plain')).json()).toEqual({ hello: 'world' });
    });

    test('a status without body is sent empty', async () => {
      const response = await call('empty');
      expect(response.status).toBe(204);
    });

    test('an invalid JSON body is a 400', async () => {
      const response = await fetch(`${runtime.url}/api/v1/web/ui/public`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      });
      expect(response.status).toBe(400);
    });
  });

  test('CORS preflight is answered without auth', async () => {
    const response = await fetch(`${runtime.url}/api/v1/web/ui/secure`, { method: 'OPTIONS' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/x-gw-ims-org-id/);
  });

  test('config.json maps web actions (qualified and bare) to URLs, with the local IMS info', async () => {
    const config = (await (await fetch(`${runtime.url}/config.json`)).json()) as {
      actions: Record<string, string>;
      ims: { tokenUrl: string; orgId: string };
    };
    expect(config.actions['ui/secure']).toBe(`${runtime.url}/api/v1/web/ui/secure`);
    expect(config.actions.public).toBe(`${runtime.url}/api/v1/web/ui/public`);
    expect(config.actions['jobs/echo']).toBeUndefined();
    expect(config.ims).toEqual({ tokenUrl: `${runtime.url}/__local/ims/token`, orgId: runtime.issueToken().org_id });
  });
});
