/**
 * @jest-environment jsdom
 */
import { attach, register } from '@adobe/uix-guest';
import {
  connectToAdmin,
  EXTENSION_ID,
  type GuestModule,
  type PageProbe,
  startSession,
  wantsStandalone,
} from '../../../web-src/src/host/session';

// The real module touches `window` on import and needs a host frame; tests play the Commerce Admin instead.
jest.mock('@adobe/uix-guest', () => ({ register: jest.fn(), attach: jest.fn() }));
const registerMock = register as unknown as jest.Mock;
const attachMock = attach as unknown as jest.Mock;
const loadGuest = async () => (await import('@adobe/uix-guest')) as unknown as GuestModule;

const sharedContext = (values: Record<string, unknown>) => ({ sharedContext: new Map(Object.entries(values)) });
const admin = { imsToken: 'admin-ims-token', imsOrgId: 'ADMINORG123@AdobeOrg' };

const localConfig = {
  actions: { 'asc/stores-list': 'http://127.0.0.1:9080/api/v1/web/asc/stores-list' },
  ims: { tokenUrl: 'http://127.0.0.1:9080/__local/ims/token', orgId: 'ASCLOCALDEV0000000001@AdobeOrg' },
};
const jsonResponse = (body: unknown) => ({ ok: true, status: 200, json: async () => body }) as unknown as Response;
const localServer = jest.fn(async (url: string) =>
  url.endsWith('/config.json') ? jsonResponse(localConfig) : jsonResponse({ access_token: 'dev-token' }),
);

const probe = (overrides: Partial<PageProbe> = {}): PageProbe => ({
  url: 'http://127.0.0.1:9080/index.html',
  inIframe: true,
  registrationRoute: false,
  ...overrides,
});

beforeEach(() => {
  registerMock.mockReset();
  attachMock.mockReset();
  localServer.mockClear();
});

test('the index route registers the extension with the Admin and uses the identity it shares', async () => {
  registerMock.mockResolvedValue(sharedContext(admin));
  const session = await startSession({
    probe: probe({ registrationRoute: true }),
    bundledConfig: {},
    fetchFn: localServer,
    loadGuest,
  });
  expect(registerMock).toHaveBeenCalledWith(expect.objectContaining({ id: EXTENSION_ID, methods: {} }));
  expect(attachMock).not.toHaveBeenCalled();
  expect(session.mode).toBe('admin');
  expect(session.credentials).toEqual(admin);
  // The dev token is never fetched inside the Admin.
  expect(localServer.mock.calls.map(([url]) => url)).not.toContain(localConfig.ims.tokenUrl);
});

test('other routes attach to the registered extension', async () => {
  attachMock.mockResolvedValue(sharedContext(admin));
  const credentials = await connectToAdmin(await loadGuest(), probe());
  expect(attachMock).toHaveBeenCalledWith(expect.objectContaining({ id: EXTENSION_ID }));
  expect(credentials).toEqual(admin);
});

test('an Admin that shares no IMS token is reported, not used', async () => {
  attachMock.mockResolvedValue(sharedContext({ imsOrgId: admin.imsOrgId }));
  await expect(connectToAdmin(await loadGuest(), probe())).rejects.toThrow(/did not share your Adobe sign-in/);
});

test('opened directly (not in a frame) it runs standalone on a local development token', async () => {
  const session = await startSession({
    probe: probe({ inIframe: false }),
    bundledConfig: undefined,
    fetchFn: localServer,
    loadGuest,
  });
  expect(session.mode).toBe('standalone');
  expect(session.credentials).toEqual({ imsToken: 'dev-token', imsOrgId: localConfig.ims.orgId });
  expect(registerMock).not.toHaveBeenCalled();
  expect(attachMock).not.toHaveBeenCalled();
});

test('?standalone=1 skips the Admin even inside a frame', () => {
  expect(wantsStandalone(probe({ url: 'http://x/?standalone=1#/settings' }))).toBe(true);
  expect(wantsStandalone(probe())).toBe(false);
});

test('in a frame without an Admin it gives up quickly and falls back to the local sign-in', async () => {
  attachMock.mockReturnValue(new Promise(() => undefined));
  const session = await startSession({
    probe: probe(),
    bundledConfig: undefined,
    fetchFn: localServer,
    loadGuest,
    hostTimeoutMs: 50,
  });
  expect(session.mode).toBe('standalone');
  expect(session.credentials.imsToken).toBe('dev-token');
});

test('a deployed app without an Admin does not invent an identity', async () => {
  attachMock.mockRejectedValue(new Error('no host'));
  await expect(
    startSession({
      probe: probe(),
      bundledConfig: { 'asc/stores-list': 'https://deployed/x' },
      fetchFn: localServer,
      loadGuest,
    }),
  ).rejects.toThrow('no host');
  await expect(
    startSession({
      probe: probe({ inIframe: false }),
      bundledConfig: { 'asc/stores-list': 'https://deployed/x' },
      fetchFn: localServer,
      loadGuest,
    }),
  ).rejects.toThrow(/must be opened from the Commerce Admin/);
});
