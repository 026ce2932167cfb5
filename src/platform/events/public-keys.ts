/**
 * Where event-signing public keys come from. Production: Adobe's static host, by the path in the request header,
 * cached per path (keys rotate rarely; aio-lib-events caches them for 24 h). Local: a configured PEM (the Commerce
 * emulator's key) or a configured trusted base URL. A full key URL supplied by the request is never followed.
 */
import type { Clock } from '../../core/clock';
import { systemClock } from '../../core/clock';

/** Returns the PEM public key for a key path such as `/prod/keys/pub-key-<uuid>.pem`. */
export type PublicKeyResolver = (keyPath: string) => Promise<string>;

export const ADOBE_IO_EVENTS_KEY_HOST = 'https://static.adobeioevents.com';
export const EVENTS_PUBLIC_KEY_PEM_INPUT = 'EVENTS_PUBLIC_KEY_PEM';
export const EVENTS_PUBLIC_KEY_BASE_URL_INPUT = 'EVENTS_PUBLIC_KEY_BASE_URL';

export interface PublicKeyResolverOptions {
  /** A fixed PEM to use for every key path (local development with the Commerce emulator). */
  pem?: string;
  /** Trusted origin to fetch key paths from. Default https://static.adobeioevents.com. */
  baseUrl?: string;
  fetch?: typeof fetch;
  clock?: Clock;
  /** Cache lifetime per key path. Default 24 h. */
  ttlMs?: number;
  /** Fetch timeout. Default 5 s. */
  timeoutMs?: number;
}

const PEM_PUBLIC_KEY = /-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/;

export function createPublicKeyResolver(options: PublicKeyResolverOptions = {}): PublicKeyResolver {
  if (options.pem) {
    const pem = normalisePem(options.pem);
    if (!PEM_PUBLIC_KEY.test(pem)) throw new Error(`${EVENTS_PUBLIC_KEY_PEM_INPUT} is not a PEM public key`);
    return async () => pem;
  }
  const base = new URL(options.baseUrl ?? ADOBE_IO_EVENTS_KEY_HOST);
  const fetchFn = options.fetch ?? fetch;
  const clock = options.clock ?? systemClock;
  const ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  const cache = new Map<string, { pem: Promise<string>; expiresAt: number }>();

  return (keyPath) => {
    // Only a plain absolute path may be appended: `@evil.com/x` or `//evil.com/x` would change the host.
    if (!/^\/[A-Za-z0-9._~\-/]+$/.test(keyPath) || keyPath.startsWith('//') || keyPath.includes('..')) {
      return Promise.reject(new Error('public key path has an unexpected shape'));
    }
    const url = new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}${keyPath}`);
    if (url.origin !== base.origin) return Promise.reject(new Error('public key path leaves the trusted host'));
    const cached = cache.get(keyPath);
    if (cached && cached.expiresAt > clock.now()) return cached.pem;
    const pem = (async () => {
      const response = await fetchFn(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
      const text = await response.text();
      if (!response.ok || !PEM_PUBLIC_KEY.test(text))
        throw new Error(`no public key at ${url.href} (HTTP ${response.status})`);
      return text;
    })();
    cache.set(keyPath, { pem, expiresAt: clock.now() + ttlMs });
    // A failed fetch must not be cached, or one network blip would reject every event for a day.
    pem.catch(() => cache.delete(keyPath));
    return pem;
  };
}

/** Builds the resolver from action inputs: EVENTS_PUBLIC_KEY_PEM, else EVENTS_PUBLIC_KEY_BASE_URL, else Adobe's host. */
export function publicKeyResolverFromParams(
  params: Record<string, unknown>,
  extra: Omit<PublicKeyResolverOptions, 'pem' | 'baseUrl'> = {},
): PublicKeyResolver {
  const pem = configured(params[EVENTS_PUBLIC_KEY_PEM_INPUT]);
  const baseUrl = configured(params[EVENTS_PUBLIC_KEY_BASE_URL_INPUT]);
  return createPublicKeyResolver({ ...extra, pem, baseUrl });
}

/** Unset inputs arrive as '' (deployed) or the literal `$NAME` placeholder (dev). */
function configured(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' || /^\$[A-Z0-9_]+$/.test(trimmed) ? undefined : trimmed;
}

/** Env files often carry PEMs with literal `\n`. */
function normalisePem(pem: string): string {
  return pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
}
