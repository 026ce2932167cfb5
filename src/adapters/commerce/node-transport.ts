/**
 * A `fetch` for the Commerce gateway on node:http(s) with keep-alive agents. The gateway sends many small JSON
 * calls per order (about ten on the cart path); the global fetch (undici behind WHATWG streams) spends several
 * times the CPU of a plain http.request on each, which is what limits how fast a backlog imports
 * (docs/orders.md "Benchmark P3"). Only what CommerceHttp reads is implemented: status, ok, statusText,
 * headers.get and text(). Abort signals and socket error codes behave as with fetch (error.code, e.g. ECONNRESET);
 * nothing is ever sent twice by the transport itself.
 *
 *   createCommerceGateway({ ..., fetch: nodeFetch });
 */
import http from 'node:http';
import https from 'node:https';

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64, scheduling: 'lifo', timeout: 4_000 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64, scheduling: 'lifo', timeout: 4_000 });

class NodeResponse {
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  constructor(
    readonly status: number,
    readonly statusText: string,
    raw: http.IncomingHttpHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get: (name) => {
        const value = raw[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    };
  }
  async text(): Promise<string> {
    return this.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

const send = (url: URL, init: RequestInit): Promise<NodeResponse> =>
  new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const headers = { ...(init.headers as Record<string, string> | undefined) };
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    const request = (secure ? https : http).request(
      url,
      {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? httpsAgent : httpAgent,
        ...(init.signal ? { signal: init.signal } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve(
            new NodeResponse(
              response.statusCode ?? 0,
              response.statusMessage ?? '',
              response.headers,
              Buffer.concat(chunks).toString('utf8'),
            ),
          ),
        );
      },
    );
    // No resend here, not even on a kept-alive socket the server had closed: whether a call may be repeated is
    // CommerceHttp's decision (a PUT like placing a cart order may have been acted on; resending it here duplicated
    // orders under the chaos test's faults).
    request.on('error', reject);
    request.end(body);
  });

export const nodeFetch = ((input: string | URL, init: RequestInit = {}) =>
  send(new URL(String(input)), init)) as unknown as typeof fetch;
