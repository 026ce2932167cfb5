import { type AscClient, type Credentials, createAscClient } from '../api/client';
import { ConfigError, type FetchLike, fetchDevToken, loadRuntimeConfig, type RuntimeConfig } from '../api/config';

/** Must equal the id the registration action uses for its menu items (actions/admin-ui-sdk/registration/menu.ts). */
export const EXTENSION_ID = 'amazon-sales-channel';

/** How long to wait for the Commerce Admin before deciding the page runs on its own. */
export const HOST_TIMEOUT_MS = 15000;

/**
 * - `admin`: inside the Commerce Admin (Admin UI SDK), identity from the uix shared context;
 * - `standalone`: opened directly (local development), identity from the local IMS stand-in.
 */
export type SessionMode = 'admin' | 'standalone';

export interface Session {
  mode: SessionMode;
  credentials: Credentials;
  config: RuntimeConfig;
  client: AscClient;
}

/** What the page knows about where it was opened; computed from `window` by the entry point. */
export interface PageProbe {
  url: string;
  inIframe: boolean;
  /**
   * True on the index route: the Admin loads the app there to register it (and to show the menu page),
   * so this frame calls `register`; every other route `attach`es to the registered extension.
   */
  registrationRoute: boolean;
}

interface SharedContextLike {
  get(key: string): unknown;
}
interface GuestLike {
  sharedContext: SharedContextLike;
}
/** The part of @adobe/uix-guest the session uses (injected so tests and standalone mode need no window). */
export interface GuestModule {
  register(config: { id: string; methods: Record<string, never>; timeout?: number }): Promise<GuestLike>;
  attach(config: { id: string; timeout?: number }): Promise<GuestLike>;
}

export const wantsStandalone = (probe: PageProbe): boolean => {
  const flag = new URL(probe.url).searchParams.get('standalone');
  return flag === '1' || flag === 'true' || !probe.inIframe;
};

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the Commerce Admin within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

/** Registers (index route) or attaches (other routes) and reads the identity the Admin shares. */
export const connectToAdmin = async (
  guestModule: GuestModule,
  probe: PageProbe,
  timeoutMs = HOST_TIMEOUT_MS,
): Promise<Credentials> => {
  const guest = await withTimeout(
    probe.registrationRoute
      ? guestModule.register({ id: EXTENSION_ID, methods: {}, timeout: timeoutMs })
      : guestModule.attach({ id: EXTENSION_ID, timeout: timeoutMs }),
    timeoutMs,
  );
  const imsToken = guest.sharedContext.get('imsToken');
  const imsOrgId = guest.sharedContext.get('imsOrgId');
  if (typeof imsToken !== 'string' || !imsToken || typeof imsOrgId !== 'string' || !imsOrgId) {
    throw new ConfigError('The Commerce Admin did not share your Adobe sign-in with this page. Reload the page.');
  }
  return { imsToken, imsOrgId };
};

const standaloneCredentials = async (config: RuntimeConfig, fetchFn: FetchLike): Promise<Credentials> => {
  if (!config.devIms) {
    throw new ConfigError(
      'This page must be opened from the Commerce Admin (Marketing > Channels > Amazon Sales Channel).',
    );
  }
  return { imsToken: await fetchDevToken(config.devIms.tokenUrl, fetchFn), imsOrgId: config.devIms.orgId };
};

/**
 * Works out where the page runs, gets an identity and builds the action client.
 * Inside an iframe it tries the Admin first and falls back to standalone only when a local IMS stand-in exists.
 */
export const startSession = async (options: {
  probe: PageProbe;
  bundledConfig: unknown;
  fetchFn: FetchLike;
  loadGuest: () => Promise<GuestModule>;
  hostTimeoutMs?: number;
}): Promise<Session> => {
  const { probe, fetchFn } = options;
  const config = await loadRuntimeConfig({ bundled: options.bundledConfig, pageUrl: probe.url, fetchFn });
  let mode: SessionMode = 'standalone';
  let credentials: Credentials;
  if (wantsStandalone(probe)) {
    credentials = await standaloneCredentials(config, fetchFn);
  } else {
    try {
      credentials = await connectToAdmin(await options.loadGuest(), probe, options.hostTimeoutMs);
      mode = 'admin';
    } catch (error) {
      if (!config.devIms) throw error;
      credentials = await standaloneCredentials(config, fetchFn);
    }
  }
  return { mode, credentials, config, client: createAscClient({ config, credentials, fetchFn }) };
};
