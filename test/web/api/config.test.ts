import {
  actionUrl,
  ConfigError,
  fetchDevToken,
  loadRuntimeConfig,
  parseRuntimeConfig,
} from '../../../web-src/src/api/config';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('parseRuntimeConfig', () => {
  test('reads the local runtime shape and resolves relative URLs against the config URL', () => {
    const config = parseRuntimeConfig(
      {
        actions: { 'asc/stores-list': '/api/v1/web/asc/stores-list' },
        ims: { tokenUrl: '/__local/ims/token', orgId: 'ORG1234567@AdobeOrg' },
      },
      'http://127.0.0.1:9080/config.json',
    );
    expect(config.actionUrls['asc/stores-list']).toBe('http://127.0.0.1:9080/api/v1/web/asc/stores-list');
    expect(config.devIms).toEqual({
      tokenUrl: 'http://127.0.0.1:9080/__local/ims/token',
      orgId: 'ORG1234567@AdobeOrg',
    });
  });

  test('reads the flat map aio writes for a deployed app, without a development sign-in', () => {
    const config = parseRuntimeConfig({
      'asc/stores-list': 'https://ns.adobeio-static.net/api/v1/web/asc/stores-list',
    });
    expect(config.actionUrls).toEqual({
      'asc/stores-list': 'https://ns.adobeio-static.net/api/v1/web/asc/stores-list',
    });
    expect(config.devIms).toBeUndefined();
  });

  test('rejects something that is not an object', () => {
    expect(() => parseRuntimeConfig(['x'])).toThrow(ConfigError);
  });
});

describe('actionUrl', () => {
  test('falls back to the bare action name, as aio names actions of the default package', () => {
    expect(actionUrl({ actionUrls: { 'stores-list': 'https://x/stores-list' } }, 'asc/stores-list')).toBe(
      'https://x/stores-list',
    );
  });

  test('names the missing action in a message a merchant can act on', () => {
    expect(() => actionUrl({ actionUrls: {} }, 'asc/global-settings')).toThrow(/"asc\/global-settings".*redeploy/);
  });
});

describe('loadRuntimeConfig', () => {
  test('uses the bundled configuration without asking the server', async () => {
    const fetchFn = jest.fn();
    const config = await loadRuntimeConfig({
      bundled: { 'asc/stores-list': 'https://deployed/stores-list' },
      pageUrl: 'https://cdn/index.html',
      fetchFn,
    });
    expect(config.actionUrls['asc/stores-list']).toBe('https://deployed/stores-list');
    expect(fetchFn).not.toHaveBeenCalled();
  });

  test('without a bundled file, asks next to the page first and then at the server root', async () => {
    const asked: string[] = [];
    const fetchFn = async (url: string) => {
      asked.push(url);
      return url === 'http://host/config.json' ? json({ actions: { 'asc/stores-list': '/a' } }) : json({}, 404);
    };
    const config = await loadRuntimeConfig({
      bundled: {},
      pageUrl: 'http://host/app/index.html?standalone=1',
      fetchFn,
    });
    expect(asked).toEqual(['http://host/app/config.json', 'http://host/config.json']);
    expect(config.actionUrls['asc/stores-list']).toBe('http://host/a');
  });

  test('explains when no configuration can be found', async () => {
    await expect(
      loadRuntimeConfig({ bundled: undefined, pageUrl: 'http://host/', fetchFn: async () => json({}, 404) }),
    ).rejects.toThrow(/could not load its action configuration/);
  });
});

describe('fetchDevToken', () => {
  test('asks the local IMS stand-in with POST and returns its access token', async () => {
    const fetchFn = jest.fn(async (_url: string, _init?: RequestInit) => json({ access_token: 'dev-token' }));
    await expect(fetchDevToken('http://host/__local/ims/token', fetchFn)).resolves.toBe('dev-token');
    expect(fetchFn.mock.calls[0][1]?.method).toBe('POST');
  });

  test('reports an unreachable or refusing stand-in', async () => {
    await expect(
      fetchDevToken('http://host/t', async () => {
        throw new TypeError('fetch failed');
      }),
    ).rejects.toThrow(/not reachable/);
    await expect(fetchDevToken('http://host/t', async () => json({ error: 'no' }, 500))).rejects.toThrow(/HTTP 500/);
    await expect(fetchDevToken('http://host/t', async () => json({ nothing: true }))).rejects.toThrow(
      /without a token/,
    );
  });
});
