/**
 * A small Amazon SQS client for the two calls the app needs (ReceiveMessage, DeleteMessageBatch), speaking SQS's
 * AWS JSON 1.0 protocol: `POST /` to `sqs.<region>.amazonaws.com` with `X-Amz-Target: AmazonSQS.<Action>` and a
 * JSON body, signed with Signature Version 4 by `aws4` (tiny, no dependencies). @aws-sdk/client-sqs would do the
 * same but adds ~1 MB to every action bundle that reads a queue.
 *
 * The secret access key never leaves this module: it is held in a private field (not enumerable, not in
 * `util.inspect` / JSON output), only passed to the signer, and no error message carries request headers.
 */
import { createHash } from 'node:crypto';
import https from 'node:https';
import aws4 from 'aws4';

export interface SqsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (STS) only. */
  sessionToken?: string;
}

export interface SqsQueueAddress {
  /** https://sqs.<region>.amazonaws.com/<account>/<name> */
  url: string;
  region: string;
  accountId: string;
  name: string;
  /** arn:aws:sqs:<region>:<account>:<name> (what an SP-API destination names). */
  arn: string;
  /** The endpoint host the JSON protocol posts to. */
  host: string;
}

const QUEUE_NAME = /^[\w-]{1,80}(\.fifo)?$/;

/** Parses a queue URL (`https://sqs.<region>.amazonaws.com/<account>/<name>`; legacy `<region>.queue.amazonaws.com`). */
export const parseQueueUrl = (queueUrl: string): SqsQueueAddress => {
  let url: URL;
  try {
    url = new URL(queueUrl);
  } catch {
    throw new Error(`SQS queue URL '${queueUrl}' is not a URL`);
  }
  const region =
    /^sqs\.([a-z0-9-]+)\.amazonaws\.com$/.exec(url.hostname)?.[1] ??
    /^([a-z0-9-]+)\.queue\.amazonaws\.com$/.exec(url.hostname)?.[1];
  const [accountId, name, ...rest] = url.pathname.split('/').filter(Boolean);
  if (url.protocol !== 'https:' || !region || !/^\d{12}$/.test(accountId ?? '') || !QUEUE_NAME.test(name ?? ''))
    throw new Error(
      `SQS queue URL '${queueUrl}' is not of the form https://sqs.<region>.amazonaws.com/<12-digit account>/<queue name>`,
    );
  if (rest.length > 0) throw new Error(`SQS queue URL '${queueUrl}' has extra path segments`);
  return {
    url: `https://sqs.${region}.amazonaws.com/${accountId}/${name}`,
    region,
    accountId,
    name,
    arn: `arn:aws:sqs:${region}:${accountId}:${name}`,
    host: `sqs.${region}.amazonaws.com`,
  };
};

/** arn:aws:sqs:<region>:<account>:<name> → the queue's URL. */
export const queueUrlFromArn = (arn: string): string => {
  const match = /^arn:aws:sqs:([a-z0-9-]+):(\d{12}):([\w.-]{1,80})$/.exec(arn);
  if (!match) throw new Error(`'${arn}' is not an SQS queue ARN (arn:aws:sqs:<region>:<account>:<name>)`);
  return `https://sqs.${match[1]}.amazonaws.com/${match[2]}/${match[3]}`;
};

export interface SqsMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** Requested system attributes (ApproximateReceiveCount, SentTimestamp). */
  attributes: Record<string, string>;
}

export interface ReceiveOptions {
  /** 1–10 (SQS's limit). */
  maxMessages?: number;
  /** Long polling: 0–20 s; the call returns as soon as a message is available. */
  waitTimeSeconds?: number;
  /** Seconds a received message stays hidden from other readers before it is delivered again. */
  visibilityTimeout?: number;
  signal?: AbortSignal;
}

export interface DeleteFailure {
  receiptHandle: string;
  code: string;
  message: string;
}

/** An SQS error answer: `code` is the `__type` after `#` (QueueDoesNotExist, InvalidClientTokenId, …). */
export class SqsError extends Error {
  constructor(
    readonly action: string,
    readonly httpStatus: number,
    readonly code: string,
    message: string,
  ) {
    super(`SQS ${action} failed: HTTP ${httpStatus} ${code}: ${message}`);
    this.name = 'SqsError';
  }
}

export interface SqsClientOptions {
  queueUrl: string;
  credentials: SqsCredentials;
  /** Local runs: the emulator agent (plain TCP to the Amazon emulator, Host header kept). */
  agent?: https.Agent;
  /** Added to WaitTimeSeconds for the HTTP timeout (default 10 s). */
  timeoutMarginMs?: number;
}

interface SignedRequest {
  host: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export class SqsClient {
  readonly queue: SqsQueueAddress;
  readonly #credentials: SqsCredentials;
  readonly #agent?: https.Agent;
  readonly #timeoutMarginMs: number;

  constructor(options: SqsClientOptions) {
    this.queue = parseQueueUrl(options.queueUrl);
    if (!options.credentials.accessKeyId || !options.credentials.secretAccessKey)
      throw new Error('SQS credentials need an access key id and a secret access key');
    this.#credentials = { ...options.credentials };
    this.#agent = options.agent;
    this.#timeoutMarginMs = options.timeoutMarginMs ?? 10_000;
  }

  /** The SigV4-signed request for one action (exposed for the signer's tests; the Authorization has no secret). */
  signedRequest(action: string, payload: Record<string, unknown>, date = new Date()): SignedRequest {
    const body = JSON.stringify({ QueueUrl: this.queue.url, ...payload });
    const request = {
      host: this.queue.host,
      path: '/',
      method: 'POST',
      service: 'sqs',
      region: this.queue.region,
      body,
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `AmazonSQS.${action}`,
        // aws4 reads the signing time from X-Amz-Date when present, which makes the signature testable.
        'X-Amz-Date': date.toISOString().replace(/[:-]|\.\d{3}/g, ''),
      },
    };
    aws4.sign(request, { ...this.#credentials });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = String(value);
    return { host: request.host, path: request.path, method: request.method, headers, body };
  }

  async receiveMessage(options: ReceiveOptions = {}): Promise<SqsMessage[]> {
    const wait = Math.min(20, Math.max(0, Math.floor(options.waitTimeSeconds ?? 0)));
    const answer = (await this.call(
      'ReceiveMessage',
      {
        MaxNumberOfMessages: Math.min(10, Math.max(1, Math.floor(options.maxMessages ?? 10))),
        WaitTimeSeconds: wait,
        ...(options.visibilityTimeout === undefined ? {} : { VisibilityTimeout: options.visibilityTimeout }),
        MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
      },
      wait * 1000,
      options.signal,
    )) as {
      Messages?: Array<{
        MessageId: string;
        ReceiptHandle: string;
        MD5OfBody: string;
        Body: string;
        Attributes?: Record<string, string>;
      }>;
    };
    return (answer.Messages ?? []).map((m) => {
      // SQS sends the body's MD5 so a reader can tell a damaged message from a good one (the SDKs check it too).
      if (createHash('md5').update(m.Body, 'utf8').digest('hex') !== m.MD5OfBody)
        throw new SqsError(
          'ReceiveMessage',
          200,
          'MD5Mismatch',
          `body of message ${m.MessageId} does not match MD5OfBody`,
        );
      return { messageId: m.MessageId, receiptHandle: m.ReceiptHandle, body: m.Body, attributes: m.Attributes ?? {} };
    });
  }

  /** Deletes received messages, 10 per DeleteMessageBatch call; answers the entries SQS refused. */
  async deleteMessages(receiptHandles: readonly string[]): Promise<DeleteFailure[]> {
    const failures: DeleteFailure[] = [];
    const unique = [...new Set(receiptHandles)];
    for (let i = 0; i < unique.length; i += 10) {
      const chunk = unique.slice(i, i + 10);
      const answer = (await this.call('DeleteMessageBatch', {
        Entries: chunk.map((receiptHandle, n) => ({ Id: `m${n}`, ReceiptHandle: receiptHandle })),
      })) as { Failed?: Array<{ Id: string; Code: string; Message?: string }> };
      for (const failed of answer.Failed ?? [])
        failures.push({
          receiptHandle: chunk[Number(failed.Id.slice(1))] ?? failed.Id,
          code: failed.Code,
          message: failed.Message ?? '',
        });
    }
    return failures;
  }

  private call(action: string, payload: Record<string, unknown>, waitMs = 0, signal?: AbortSignal): Promise<unknown> {
    const signed = this.signedRequest(action, payload);
    return new Promise((resolve, reject) => {
      const request = https.request(
        {
          host: signed.host,
          path: signed.path,
          method: signed.method,
          headers: signed.headers,
          agent: this.#agent,
          timeout: waitMs + this.#timeoutMarginMs,
          signal,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: Record<string, unknown> = {};
            try {
              json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              return reject(new SqsError(action, response.statusCode ?? 0, 'InvalidResponse', text.slice(0, 200)));
            }
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve(json);
            const type = String(json.__type ?? response.headers['x-amzn-query-error'] ?? 'UnknownError');
            const code = type.split('#').pop()?.split(';')[0] ?? type;
            reject(new SqsError(action, status, code, String(json.message ?? json.Message ?? text.slice(0, 200))));
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`SQS ${action} timed out`)));
      request.on('error', reject);
      request.end(signed.body);
    });
  }
}
