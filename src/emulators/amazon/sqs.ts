/**
 * Amazon SQS, as far as an SP-API notification reader uses it: the AWS JSON 1.0 protocol on the host
 * `sqs.<region>.amazonaws.com` (reached like the SP-API hosts, through an agent that keeps the Host header).
 *
 *   POST /  Content-Type: application/x-amz-json-1.0  X-Amz-Target: AmazonSQS.ReceiveMessage | AmazonSQS.DeleteMessageBatch
 *   Authorization: AWS4-HMAC-SHA256 Credential=<key>/<yyyymmdd>/<region>/sqs/aws4_request, SignedHeaders=…, Signature=…
 *
 * Every request is checked the way SQS checks it: a SigV4 Authorization header that names a known access key and
 * whose signature is recomputed here (an implementation independent of the app's signer), X-Amz-Date within 15
 * minutes, the credential scope's region = the host's, `host` and `x-amz-date` signed; then the body's shape
 * (QueueUrl on this host, MaxNumberOfMessages 1–10, WaitTimeSeconds 0–20, batch entries 1–10 with distinct ids).
 * Errors answer JSON `{__type, message}` with SQS's codes and HTTP statuses.
 *
 * Queues are the emulator's notification queues, keyed by the ARN the SP-API destination named
 * (arn:aws:sqs:<region>:<account>:<name> ⇔ https://sqs.<region>.amazonaws.com/<account>/<name>). ReceiveMessage
 * long-polls: it answers as soon as a message is published (Notifier → `wake`) or when WaitTimeSeconds, in
 * emulated time, has passed.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { EmulatorClock } from '../shared/clock';
import { readBody, sendJson } from '../shared/http';
import type { RequestLog } from '../shared/request-log';
import type { AmazonState, QueueMessage } from './state';

export interface SqsCredential {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The demo IAM key the emulator accepts (the app's local defaults use the same pair). */
export const DEMO_SQS_CREDENTIALS: SqsCredential = {
  accessKeyId: 'AKIAASCDEMO000000001',
  secretAccessKey: 'demo-sqs-secret-access-key',
};

export const SQS_HOST = /^sqs\.([a-z0-9-]+)\.amazonaws\.com$/;

class SqsFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly queryError = `AWS.SimpleQueueService.${code}`,
  ) {
    super(message);
  }
}

const invalidParameter = (message: string) =>
  new SqsFault(400, 'InvalidParameterValue', message, 'InvalidParameterValue');

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** SigV4 check of a request whose path is `/` and query empty (the JSON protocol's shape). */
const verifySignature = (
  req: http.IncomingMessage,
  body: Buffer,
  region: string,
  credentials: readonly SqsCredential[],
): string => {
  const authorization = String(req.headers.authorization ?? '');
  if (!authorization)
    throw new SqsFault(
      403,
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
      'MissingAuthenticationToken',
    );
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/sqs\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match)
    throw new SqsFault(
      400,
      'IncompleteSignature',
      'Authorization header is not a SigV4 header for sqs',
      'IncompleteSignature',
    );
  const [, accessKeyId, day, scopeRegion, signedHeaderList, signature] = match;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== day)
    throw new SqsFault(
      400,
      'IncompleteSignature',
      'X-Amz-Date is missing or does not match the credential scope',
      'IncompleteSignature',
    );
  const signedAt = Date.parse(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  // Signed with the machine's clock, so compared with real time (the emulator clock may be sped up).
  if (Math.abs(Date.now() - signedAt) > 15 * 60_000)
    throw new SqsFault(400, 'RequestExpired', `Request has expired (X-Amz-Date ${amzDate})`, 'RequestExpired');
  if (scopeRegion !== region)
    throw new SqsFault(
      400,
      'SignatureDoesNotMatch',
      `Credential should be scoped to a valid region, not '${scopeRegion}'`,
      'SignatureDoesNotMatch',
    );
  const signedHeaders = signedHeaderList.split(';');
  for (const required of ['host', 'x-amz-date', 'x-amz-target', 'content-type'])
    if (!signedHeaders.includes(required))
      throw new SqsFault(400, 'IncompleteSignature', `SignedHeaders must include ${required}`, 'IncompleteSignature');
  const credential = credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!credential)
    throw new SqsFault(
      403,
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
      'InvalidClientTokenId',
    );
  const headerValue = (name: string): string => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value.join(',') : String(value ?? '')).trim().replace(/\s+/g, ' ');
  };
  const canonicalRequest = [
    req.method ?? 'POST',
    '/',
    '',
    ...signedHeaders.map((name) => `${name}:${headerValue(name)}`),
    '',
    signedHeaderList,
    sha256(body),
  ].join('\n');
  const scope = `${day}/${region}/sqs/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credential.secretAccessKey}`, day), region), 'sqs'), 'aws4_request');
  const expected = hmac(key, stringToSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    throw new SqsFault(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
      'SignatureDoesNotMatch',
    );
  return accessKeyId;
};

const integer = (body: Record<string, unknown>, name: string, min: number, max: number, fallback: number): number => {
  const value = body[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw invalidParameter(
      `Value ${JSON.stringify(value)} for parameter ${name} is invalid. Reason: must be between ${min} and ${max}.`,
    );
  return value;
};

/** Receipt handles are opaque to readers; this one names the queue, the message and the delivery. */
const receiptHandleOf = (arn: string, message: QueueMessage) =>
  Buffer.from(`${arn}#${message.messageId}#${message.receiveCount}`).toString('base64url');

export interface SqsServiceDeps {
  state: () => AmazonState;
  clock: EmulatorClock;
  requestLog: RequestLog;
  credentials?: readonly SqsCredential[];
  tick: () => void;
}

export class SqsService {
  private readonly waiters = new Set<() => void>();
  private readonly credentials: readonly SqsCredential[];

  constructor(private readonly deps: SqsServiceDeps) {
    this.credentials = deps.credentials ?? [DEMO_SQS_CREDENTIALS];
  }

  /** A message was published: long-polling receivers look again. */
  wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Ends every long poll (emulator shutdown). */
  close(): void {
    this.closed = true;
    this.wake();
  }
  private closed = false;

  async handle(req: http.IncomingMessage, res: http.ServerResponse, region: string): Promise<void> {
    const started = Date.now();
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = target.startsWith('AmazonSQS.') ? target.slice('AmazonSQS.'.length) : target;
    let status = 200;
    let principal: string | undefined;
    try {
      const body = await readBody(req, 256 * 1024);
      if ((req.method ?? '').toUpperCase() !== 'POST' || (req.url ?? '/').split('?')[0] !== '/')
        throw new SqsFault(400, 'InvalidAction', 'The JSON protocol takes POST / only', 'InvalidAction');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.0'))
        throw new SqsFault(400, 'InvalidAction', 'Content-Type must be application/x-amz-json-1.0', 'InvalidAction');
      principal = verifySignature(req, body, region, this.credentials);
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        throw new SqsFault(400, 'SerializationException', 'The request body is not JSON', 'SerializationException');
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        throw new SqsFault(
          400,
          'SerializationException',
          'The request body is not a JSON object',
          'SerializationException',
        );
      const arn = this.queueArn(json.QueueUrl, region);
      this.deps.tick();
      let answer: unknown;
      if (action === 'ReceiveMessage') answer = await this.receive(arn, json, res);
      else if (action === 'DeleteMessageBatch') answer = this.deleteBatch(arn, json);
      else
        throw new SqsFault(
          400,
          'UnknownOperationException',
          `X-Amz-Target '${target}' is not emulated`,
          'UnknownOperationException',
        );
      sendJson(res, 200, answer, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() });
    } catch (error) {
      const fault =
        error instanceof SqsFault
          ? error
          : new SqsFault(500, 'InternalError', (error as Error).message, 'InternalError');
      status = fault.status;
      sendJson(
        res,
        fault.status,
        { __type: `com.amazonaws.sqs#${fault.code}`, message: fault.message },
        {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-query-error': `${fault.queryError};${fault.status < 500 ? 'Sender' : 'Receiver'}`,
        },
      );
    } finally {
      this.deps.requestLog.add({
        method: req.method ?? 'POST',
        host: `sqs.${region}.amazonaws.com`,
        path: '/',
        query: '',
        operation: `sqs:${action || '?'}`,
        status,
        durationMs: Date.now() - started,
        principal,
      });
    }
  }

  private queueArn(queueUrl: unknown, region: string): string {
    if (typeof queueUrl !== 'string' || queueUrl === '')
      throw new SqsFault(
        400,
        'MissingParameter',
        'The request must contain the parameter QueueUrl.',
        'MissingParameter',
      );
    const match = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\/(\d{12})\/([\w-]{1,80})$/.exec(queueUrl);
    if (!match || match[1] !== region)
      throw new SqsFault(
        400,
        'QueueDoesNotExist',
        `The specified queue ${queueUrl} does not exist on this endpoint.`,
        'AWS.SimpleQueueService.NonExistentQueue',
      );
    return `arn:aws:sqs:${match[1]}:${match[2]}:${match[3]}`;
  }

  private take(arn: string, max: number, visibilitySeconds: number): Array<Record<string, unknown>> {
    const now = this.deps.clock.now();
    const out: Array<Record<string, unknown>> = [];
    for (const m of this.deps.state().queues.get(arn) ?? []) {
      if (out.length >= max) break;
      if (m.visibleAt > now) continue;
      m.receiveCount++;
      m.visibleAt = now + visibilitySeconds * 1000;
      m.receiptHandle = receiptHandleOf(arn, m);
      out.push({
        MessageId: m.messageId,
        ReceiptHandle: m.receiptHandle,
        MD5OfBody: createHash('md5').update(m.body, 'utf8').digest('hex'),
        Body: m.body,
        Attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(m.sentAt) },
      });
    }
    return out;
  }

  private async receive(
    arn: string,
    body: Record<string, unknown>,
    res: http.ServerResponse,
  ): Promise<Record<string, unknown>> {
    const max = integer(body, 'MaxNumberOfMessages', 1, 10, 1);
    const wait = integer(body, 'WaitTimeSeconds', 0, 20, 0);
    const visibility = integer(body, 'VisibilityTimeout', 0, 43_200, 30);
    const wanted = [
      ...(Array.isArray(body.MessageSystemAttributeNames) ? body.MessageSystemAttributeNames : []),
      ...(Array.isArray(body.AttributeNames) ? body.AttributeNames : []),
    ].map(String);
    const shape = (messages: Array<Record<string, unknown>>) => {
      const all = wanted.includes('All');
      for (const m of messages) {
        const attributes = m.Attributes as Record<string, string>;
        const kept = Object.fromEntries(Object.entries(attributes).filter(([k]) => all || wanted.includes(k)));
        if (Object.keys(kept).length > 0) m.Attributes = kept;
        else delete m.Attributes;
      }
      return messages.length > 0 ? { Messages: messages } : {};
    };
    let messages = this.take(arn, max, visibility);
    if (messages.length > 0 || wait === 0) return shape(messages);
    // Long poll: until a message is published or becomes visible again, or the wait is over (in emulated time
    // when the clock runs, in real time when it is frozen).
    const speedUp = this.deps.clock.getSpeedUp();
    const emulatedDeadline = this.deps.clock.now() + wait * 1000;
    const realDeadline = Date.now() + (speedUp > 0 ? (wait * 1000) / speedUp : wait * 1000);
    // A reader that hung up (aborted its long poll) must not take messages it will never see.
    let gone = false;
    const hungUp = () => {
      gone = true;
      this.wake();
    };
    res.once('close', hungUp);
    while (!this.closed && !gone) {
      const left = realDeadline - Date.now();
      if (left <= 0 || (speedUp > 0 && this.deps.clock.now() >= emulatedDeadline)) break;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        // Re-checked every 100 ms as well: a message whose visibility timeout ran out becomes receivable.
        const timer = setTimeout(done, Math.max(1, Math.min(100, left)));
        this.waiters.add(done);
      });
      if (gone) break;
      messages = this.take(arn, max, visibility);
      if (messages.length > 0) break;
    }
    res.off('close', hungUp);
    return shape(messages);
  }

  private deleteBatch(arn: string, body: Record<string, unknown>) {
    const entries = body.Entries;
    if (!Array.isArray(entries) || entries.length === 0)
      throw new SqsFault(
        400,
        'EmptyBatchRequest',
        'There should be at least one DeleteMessageBatchRequestEntry in the request.',
      );
    if (entries.length > 10)
      throw new SqsFault(
        400,
        'TooManyEntriesInBatchRequest',
        `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
      );
    const ids = new Set<string>();
    for (const entry of entries as Array<Record<string, unknown>>) {
      const id = String(entry?.Id ?? '');
      if (!/^[\w-]{1,80}$/.test(id))
        throw new SqsFault(
          400,
          'InvalidBatchEntryId',
          `A batch entry id '${id}' can only contain alphanumeric characters, hyphens and underscores (1–80).`,
        );
      if (ids.has(id)) throw new SqsFault(400, 'BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
      ids.add(id);
    }
    const queue = this.deps.state().queues.get(arn) ?? [];
    const successful: Array<{ Id: string }> = [];
    const failed: Array<{ Id: string; SenderFault: boolean; Code: string; Message: string }> = [];
    for (const entry of entries as Array<{ Id: string; ReceiptHandle?: unknown }>) {
      const handle = typeof entry.ReceiptHandle === 'string' ? entry.ReceiptHandle : '';
      const index = handle ? queue.findIndex((m) => m.receiptHandle === handle) : -1;
      if (index < 0) {
        failed.push({
          Id: entry.Id,
          SenderFault: true,
          Code: 'ReceiptHandleIsInvalid',
          Message:
            'The receipt handle is not valid for this queue (expired, superseded by a later receive, or already deleted).',
        });
        continue;
      }
      queue.splice(index, 1);
      successful.push({ Id: entry.Id });
    }
    return { Successful: successful, Failed: failed };
  }
}
