/**
 * The presigned-URL document host (stands in for S3 "tortuga" buckets). URLs name a real-looking S3 host;
 * the client's https.Agent brings the request back to the emulator, which routes on the path
 * /NinetyDays/{documentId}. URLs expire after 5 emulated minutes and carry an HMAC signature.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { EmulatorClock } from '../shared/clock';
import { readBody, sendBuffer } from '../shared/http';
import type { AmazonState } from './state';

export const PRESIGNED_TTL_MS = 5 * 60_000;
const secret = randomBytes(16);
const PATH = /^\/NinetyDays\/([A-Za-z0-9.\-_]+)$/;

const sign = (method: string, documentId: string, expiresAt: number): string =>
  createHmac('sha256', secret).update(`${method}|${documentId}|${expiresAt}`).digest('hex');

export function presignedUrl(clock: EmulatorClock, region: string, method: 'GET' | 'PUT', documentId: string): string {
  const expiresAt = clock.now() + PRESIGNED_TTL_MS;
  const q = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Date': new Date(clock.now()).toISOString().replace(/[-:]|\.\d{3}/g, ''),
    'X-Amz-Expires': '300',
    'X-Amz-SignedHeaders': 'content-type;host',
    'X-Emu-Expires-At': String(expiresAt),
    'X-Amz-Signature': sign(method, documentId, expiresAt),
  });
  const bucketHost =
    {
      na: 'tortuga-prod-na.s3-external-1.amazonaws.com',
      eu: 'tortuga-prod-eu.s3-eu-west-1.amazonaws.com',
      fe: 'tortuga-prod-fe.s3-us-west-2.amazonaws.com',
    }[region] ?? 'tortuga-prod-na.s3-external-1.amazonaws.com';
  return `https://${bucketHost}/NinetyDays/${documentId}?${q.toString()}`;
}

export const newDocumentId = (state: AmazonState, kind: string): string =>
  `amzn1.tortuga.4.${kind}.${state.randomToken(12).replace(/[^A-Za-z0-9]/g, 'x')}`;

const s3Error = (res: http.ServerResponse, status: number, code: string, message: string): void =>
  sendBuffer(
    res,
    status,
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    {
      'content-type': 'application/xml',
    },
  );

export const isDocumentPath = (path: string): boolean => PATH.test(path);

export async function handleDocumentRequest(
  state: AmazonState,
  clock: EmulatorClock,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://s3');
  const documentId = PATH.exec(url.pathname)?.[1] ?? '';
  const method = (req.method ?? 'GET').toUpperCase();
  const expiresAt = Number(url.searchParams.get('X-Emu-Expires-At'));
  if (url.searchParams.get('X-Amz-Signature') !== sign(method, documentId, expiresAt))
    return s3Error(
      res,
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  if (clock.now() > expiresAt) return s3Error(res, 403, 'AccessDenied', 'Request has expired');
  const doc = state.documents.get(documentId);
  if (!doc) return s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
  if (method === 'PUT') {
    const body = await readBody(req, 100 * 1024 * 1024);
    doc.content = body.toString('base64');
    sendBuffer(res, 200, '', { etag: `"${createHmac('md5', secret).update(body).digest('hex')}"` });
    return;
  }
  if (!doc.content) return s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
  sendBuffer(res, 200, Buffer.from(doc.content, 'base64'), { 'content-type': doc.contentType });
}
