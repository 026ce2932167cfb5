import { z } from 'zod';

/**
 * Where the web actions live. Two sources, same meaning:
 * - deployed: `aio app build` writes web-src/src/config.json as a flat map `{ "asc/stores-list": url, ... }`
 *   and it is bundled in;
 * - local: the local runtime serves `/config.json` as `{ actions: { "<pkg>/<action>": url, "<action>": url },
 *   ims: { tokenUrl, orgId } }`, where `ims` is the development stand-in for the token the Commerce Admin
 *   would share with the page.
 */
export interface RuntimeConfig {
  actionUrls: Record<string, string>;
  devIms?: { tokenUrl: string; orgId: string };
}

export class ConfigError extends Error {}

const localShape = z.object({
  actions: z.record(z.string(), z.string()),
  ims: z.object({ tokenUrl: z.string().min(1), orgId: z.string().min(1) }).optional(),
});

/** Accepts both shapes; `baseUrl` resolves relative URLs in the local shape. */
export const parseRuntimeConfig = (raw: unknown, baseUrl?: string): RuntimeConfig => {
  const resolve = (url: string) => (baseUrl ? new URL(url, baseUrl).href : url);
  const local = localShape.safeParse(raw);
  if (local.success) {
    const actionUrls = Object.fromEntries(
      Object.entries(local.data.actions).map(([name, url]) => [name, resolve(url)]),
    );
    const ims = local.data.ims;
    return { actionUrls, devIms: ims ? { tokenUrl: resolve(ims.tokenUrl), orgId: ims.orgId } : undefined };
  }
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const actionUrls = Object.fromEntries(
      Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    return { actionUrls };
  }
  throw new ConfigError('The action configuration (config.json) is not a JSON object.');
};

/**
 * The URL of one action, named "<package>/<action>". aio drops the package prefix for the app's default
 * package, so the bare action name is tried second.
 */
export const actionUrl = (config: RuntimeConfig, qualifiedName: string): string => {
  const bare = qualifiedName.slice(qualifiedName.indexOf('/') + 1);
  const url = config.actionUrls[qualifiedName] ?? config.actionUrls[bare];
  if (!url) {
    throw new ConfigError(
      `The admin UI does not know where the "${qualifiedName}" service is deployed. Rebuild and redeploy the app.`,
    );
  }
  return url;
};

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Uses the bundled configuration when the build provided one, otherwise asks the server hosting the page.
 * `pageUrl` is the page's own URL: config.json is looked up next to it first, then at the server root.
 */
export const loadRuntimeConfig = async (options: {
  bundled: unknown;
  pageUrl: string;
  fetchFn: FetchLike;
}): Promise<RuntimeConfig> => {
  const { bundled, pageUrl, fetchFn } = options;
  if (bundled && typeof bundled === 'object' && Object.keys(bundled).length > 0) {
    return parseRuntimeConfig(bundled, pageUrl);
  }
  const candidates = [...new Set([new URL('config.json', pageUrl).href, new URL('/config.json', pageUrl).href])];
  for (const candidate of candidates) {
    const response = await fetchFn(candidate).catch(() => undefined);
    if (!response?.ok) continue;
    const body: unknown = await response.json().catch(() => undefined);
    if (body !== undefined) return parseRuntimeConfig(body, candidate);
  }
  throw new ConfigError(
    'The admin UI could not load its action configuration (config.json). Check that the app is built and deployed.',
  );
};

const devTokenSchema = z.union([
  z.object({ access_token: z.string().min(1) }).transform((body) => body.access_token),
  z.object({ accessToken: z.string().min(1) }).transform((body) => body.accessToken),
  z.object({ token: z.string().min(1) }).transform((body) => body.token),
]);

/** Standalone (local) mode: asks the local IMS stand-in for a development token. */
export const fetchDevToken = async (tokenUrl: string, fetchFn: FetchLike): Promise<string> => {
  const response = await fetchFn(tokenUrl, { method: 'POST', headers: { accept: 'application/json' } }).catch(
    () => undefined,
  );
  if (!response) throw new ConfigError('The local sign-in service is not reachable. Is `npm start` running?');
  if (!response.ok)
    throw new ConfigError(`The local sign-in service refused to issue a token (HTTP ${response.status}).`);
  const parsed = devTokenSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ConfigError('The local sign-in service answered without a token.');
  return parsed.data;
};
