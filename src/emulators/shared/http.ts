/**
 * node:http plumbing shared by the emulators: start/stop a server, read bodies, send JSON.
 *
 * Usage:
 *   const srv = await startHttpServer(async (req, res) => { … }, { port: 0 }); // port 0 = random (tests)
 *   srv.url; // 'http://127.0.0.1:PORT'
 *   const body = await readBody(req);          // Buffer (limit 10 MB → HttpError 413)
 *   const json = parseJsonBody(body);          // undefined for empty; HttpError 400 on bad JSON
 *   sendJson(res, 200, { ok: true }, { 'x-amzn-RequestId': id });
 *   await srv.close();                         // also destroys open keep-alive / held sockets
 * A handler that throws answers 500 (or the HttpError's status) instead of crashing the server.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export interface RunningServer {
  server: http.Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(
  handler: RequestHandler,
  opts: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        if (res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        const status = err instanceof HttpError ? err.status : 500;
        const body =
          err instanceof HttpError && err.body !== undefined
            ? err.body
            : { error: status === 500 ? 'internal emulator error' : (err as Error).message };
        if (status === 500) console.error('[emulator] handler failed:', err);
        sendJson(res, status, body);
      });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function readBody(req: http.IncomingMessage, limitBytes = 10 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limitBytes) {
        reject(new HttpError(413, `request body larger than ${limitBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function parseJsonBody(buf: Buffer): unknown {
  const text = buf.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `request body is not valid JSON: ${(e as Error).message}`);
  }
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json' } : {}),
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendBuffer(
  res: http.ServerResponse,
  status: number,
  body: Buffer | string,
  headers: Record<string, string | number> = {},
): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'content-length': buf.length, ...headers });
  res.end(buf);
}

/** Host header without port, lower-cased. */
export const hostOf = (req: http.IncomingMessage): string =>
  (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
