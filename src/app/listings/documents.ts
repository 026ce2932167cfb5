import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { emulatorAgentFrom } from '../../adapters/amazon/emulator-agent';
import { UpstreamError } from '../../platform/errors';
import type { Params } from '../../platform/web-action';
import { decodeTextStream } from './document-decoding';

/**
 * Feed and report documents live on presigned S3 URLs, outside SP-API. They are fetched with plain HTTPS
 * through the same agent the SP-API client uses (locally: the emulator agent), streamed, never buffered whole.
 */
const requestThrough = (
  inputs: Params,
  url: string,
  method: 'GET' | 'PUT',
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<http.IncomingMessage> =>
  new Promise((resolve, reject) => {
    const agent = emulatorAgentFrom(inputs.AMAZON_EMULATOR_URL);
    const target = new URL(url);
    const client = target.protocol === 'http:' && !agent ? http : https;
    const request = client.request(
      target,
      { method, agent, headers: body ? { ...headers, 'content-length': String(body.length) } : headers },
      (response) => {
        if ((response.statusCode ?? 0) >= 300) {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (c: string) => {
            if (text.length < 2000) text += c;
          });
          response.on('end', () =>
            reject(
              new UpstreamError(
                'amazon',
                `document ${method}`,
                response.statusCode ?? 0,
                'DOCUMENT_ERROR',
                `Amazon's document store answered ${response.statusCode}: ${text.slice(0, 200)}`,
                (response.statusCode ?? 0) >= 500,
              ),
            ),
          );
          return;
        }
        resolve(response);
      },
    );
    request.on('error', reject);
    request.end(body);
  });

/** The document as a stream of decoded text (gunzipped; cp1252 decoded when the content type says so). */
export const downloadDocumentText = async (
  inputs: Params,
  document: { url: string; compressionAlgorithm?: string },
): Promise<Readable> => {
  const response = await requestThrough(inputs, document.url, 'GET');
  return decodeDocumentStream(response, document.compressionAlgorithm, String(response.headers['content-type'] ?? ''));
};

/** gunzip when compressed, then decode: cp1252 when the content type says so (EU reports), else UTF-8. */
export const decodeDocumentStream = (
  body: Readable,
  compressionAlgorithm: string | undefined,
  contentType: string,
): Readable => {
  const charset = /charset=([^;]+)/i.exec(contentType)?.[1]?.trim().toLowerCase() ?? 'utf-8';
  let stream: Readable = body;
  if (compressionAlgorithm === 'GZIP') stream = stream.pipe(createGunzip());
  const encoding = charset === 'cp1252' || charset === 'windows-1252' ? 'cp1252' : 'utf8';
  return stream.pipe(decodeTextStream(encoding));
};

export const downloadDocumentJson = async (
  inputs: Params,
  document: { url: string; compressionAlgorithm?: string },
): Promise<unknown> => {
  let text = '';
  for await (const chunk of await downloadDocumentText(inputs, document)) text += chunk;
  return JSON.parse(text);
};

export const uploadDocument = async (inputs: Params, url: string, body: Buffer, contentType: string): Promise<void> => {
  const response = await requestThrough(inputs, url, 'PUT', body, { 'content-type': contentType });
  response.resume();
};
