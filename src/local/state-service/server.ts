import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../core/clock';
import { ContainerStore, DEFAULT_TTL_SECONDS, LIST_PAGE_SIZE, MAX_TTL_SECONDS } from './container-store';

/**
 * A local stand-in for Adobe I/O State, speaking the HTTP protocol of @adobe/aio-lib-state 5.x
 * (lib/AdobeState.js), so the real client works against it with AIO_STATE_ENDPOINT=<url>:
 *   GET|PUT|DELETE /containers/{ns}/data/{key}   (PUT ?ttl=s; GET answers header x-key-expires-ms)
 *   GET  /containers/{ns}/data?match=&cursor=    → {keys, cursor} (cursor 0 = done, 1000 keys per page)
 *   HEAD /containers/{ns}                        → 200 when any key exists, else 404   (any)
 *   GET  /containers/{ns}                        → {keys, bytesKeys, bytesValues}, 404 when empty (stats)
 *   DELETE /containers/{ns}?matchData=glob       → {keys: deleted}   (deleteAll)
 * Auth is `Authorization: Basic base64(apikey)`: missing → 401, wrong key for a namespace in `apiKeys` → 403.
 * Values over `maxValueBytes` (1 MB) → 413. Out of band: POST /__control/reset, GET /__control/stats.
 */
export interface StateServiceOptions {
  /** Default: env ASC_STATE_PORT or 7073. 0 picks a free port. */
  port?: number;
  host?: string;
  clock?: Clock;
  maxValueBytes?: number;
  /** When set, only these namespaces with these keys are accepted. */
  apiKeys?: Record<string, string>;
  /** Persist to a JSON file so local data survives a restart. */
  filePath?: string;
  /** Added to every data request, to make races observable in tests. */
  latencyMs?: number;
}

export interface StateServiceCounts {
  get: number;
  put: number;
  delete: number;
  list: number;
  other: number;
}

export interface StateServiceHandle {
  url: string;
  port: number;
  store: ContainerStore;
  counts: StateServiceCounts;
  resetCounts(): void;
  close(): Promise<void>;
}

const KEY = /^[a-zA-Z0-9\-_.]{1,1024}$/;
const MATCH = /^[a-zA-Z0-9\-_.*]{1,1024}$/;

const send = (res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void => {
  const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'application/octet-stream' : 'application/json';
  res.writeHead(status, { 'content-type': type, 'x-request-id': `local-${Date.now()}`, ...headers });
  res.end(payload);
};

const readBody = (req: http.IncomingMessage, limit: number): Promise<{ text: string; tooLarge: boolean }> =>
  new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size <= limit) parts.push(part); // keep draining past the limit so the client can read our 413
    });
    req.on('end', () => resolve({ text: Buffer.concat(parts).toString('utf8'), tooLarge: size > limit }));
    req.on('error', reject);
  });

export const startStateService = async (options: StateServiceOptions = {}): Promise<StateServiceHandle> => {
  const clock = options.clock ?? systemClock;
  const store = new ContainerStore(clock, options.filePath);
  const maxValueBytes = options.maxValueBytes ?? 1024 * 1024;
  const counts: StateServiceCounts = { get: 0, put: 0, delete: 0, list: 0, other: 0 };

  const authorize = (req: http.IncomingMessage, namespace: string): number | undefined => {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ') || header.length <= 'Basic '.length) return 401;
    const apiKey = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
    if (options.apiKeys && options.apiKeys[namespace] !== apiKey) return 403;
    return undefined;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://state.local');
    const method = req.method ?? 'GET';
    if (url.pathname === '/__control/reset' && method === 'POST') {
      store.clear();
      return send(res, 200, { reset: true });
    }
    if (url.pathname === '/__control/stats' && method === 'GET') return send(res, 200, { counts });

    const match = /^\/containers\/([^/]+)(\/data(?:\/([^/]*))?)?$/.exec(url.pathname);
    if (!match) return send(res, 404, { error: 'not found' });
    const namespace = decodeURIComponent(match[1]);
    const denied = authorize(req, namespace);
    if (denied) return send(res, denied, { error: denied === 401 ? 'unauthorized' : 'forbidden' });
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));

    if (match[3] !== undefined) {
      const key = decodeURIComponent(match[3]);
      if (!KEY.test(key)) return send(res, 400, { error: `invalid key, must match ${KEY.source}` });
      if (method === 'GET') {
        counts.get++;
        const entry = store.get(namespace, key);
        if (!entry) return send(res, 404, { error: 'key not found' });
        return send(res, 200, entry.value, { 'x-key-expires-ms': String(entry.expiresAtMs) });
      }
      if (method === 'PUT') {
        counts.put++;
        const body = await readBody(req, maxValueBytes);
        if (body.tooLarge) return send(res, 413, { error: `value exceeds ${maxValueBytes} bytes` });
        const ttlParam = url.searchParams.get('ttl');
        const ttl = ttlParam === null || ttlParam === '' ? 0 : Number(ttlParam);
        if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL_SECONDS) return send(res, 400, { error: 'invalid ttl' });
        store.put(namespace, key, body.text, ttl === 0 ? DEFAULT_TTL_SECONDS : ttl);
        return send(res, 200, { key });
      }
      if (method === 'DELETE') {
        counts.delete++;
        return store.delete(namespace, key) ? send(res, 200, { key }) : send(res, 404, { error: 'key not found' });
      }
      return send(res, 405, { error: 'method not allowed' });
    }

    if (match[2] !== undefined) {
      if (method !== 'GET') return send(res, 405, { error: 'method not allowed' });
      counts.list++;
      const glob = url.searchParams.get('match') ?? '*';
      if (!MATCH.test(glob)) return send(res, 400, { error: `invalid match, must match ${MATCH.source}` });
      const cursor = Number(url.searchParams.get('cursor') ?? '0');
      if (!Number.isInteger(cursor) || cursor < 0) return send(res, 400, { error: 'invalid cursor' });
      const keys = store.keys(namespace, glob);
      const page = keys.slice(cursor, cursor + LIST_PAGE_SIZE);
      const next = cursor + LIST_PAGE_SIZE < keys.length ? cursor + LIST_PAGE_SIZE : 0;
      return send(res, 200, { keys: page, cursor: next });
    }

    counts.other++;
    if (method === 'HEAD') return send(res, store.keys(namespace).length > 0 ? 200 : 404);
    if (method === 'GET') {
      const stats = store.stats(namespace);
      return stats.keys === 0 ? send(res, 404, { error: 'container is empty' }) : send(res, 200, stats);
    }
    if (method === 'DELETE') {
      // Like the service, never delete a whole container without an explicit pattern.
      const glob = url.searchParams.get('matchData');
      if (!glob || !MATCH.test(glob)) return send(res, 400, { error: 'matchData is required' });
      return send(res, 200, { keys: store.deleteMatching(namespace, glob) });
    }
    return send(res, 405, { error: 'method not allowed' });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, { error: error.message }));
  });
  const port = options.port ?? Number(process.env.ASC_STATE_PORT ?? 7073);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    store,
    counts,
    resetCounts: () => Object.assign(counts, { get: 0, put: 0, delete: 0, list: 0, other: 0 }),
    close: () =>
      new Promise<void>((resolve) => {
        store.flush();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
