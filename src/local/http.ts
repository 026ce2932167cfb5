/** Small HTTP helpers shared by the local runtime's endpoints (node:http, no framework). */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The same 1 MB cap `aio app dev` applies ("the same limits in the cloud"). */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`request body exceeds ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, statusCode: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** Header names lower-cased, multi-valued headers joined, as OpenWhisk hands them to web actions. */
export function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Console logger with a `[local-runtime]` prefix; tests pass a silent or capturing one. */
export const consoleLogger: Logger = {
  info: (message) => console.log(`[local-runtime] ${message}`),
  warn: (message) => console.warn(`[local-runtime] ${message}`),
  error: (message) => console.error(`[local-runtime] ${message}`),
};
