/**
 * The SP-API notification queues (ANY_OFFER_CHANGED for Pricing, ORDER_CHANGE for Orders) read over Amazon SQS,
 * and how an action finds its queue and credentials in its inputs.
 *
 * Inputs (docs/pricing.md "Notification transport"; .env.example):
 * - `<area>_QUEUE_URL` (e.g. ASC_OFFERS_QUEUE_URL) — or the older `<area>_QUEUE_ARN`, turned into its URL;
 * - `ASC_SQS_ACCESS_KEY_ID`, `ASC_SQS_SECRET_ACCESS_KEY` (`ASC_SQS_SESSION_TOKEN` for temporary credentials):
 *   an IAM user allowed sqs:ReceiveMessage and sqs:DeleteMessage on those queues only.
 * Local runs (AMAZON_EMULATOR_URL set): the same protocol against the Amazon emulator's SQS endpoint, reached
 * through the emulator agent like SP-API; queue and credentials default to the emulator's demo ones.
 */
import type https from 'node:https';
import { emulatorAgentFrom } from '../amazon/emulator-agent';
import { parseQueueUrl, queueUrlFromArn, SqsClient, type SqsCredentials } from './client';

/** One received message; `receiptHandle` deletes it once processed (at-least-once delivery). */
export interface QueueMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
}

export interface ReceiveRequest {
  /** Long polling: wait up to this many seconds (≤ 20) for a first message. */
  waitSeconds?: number;
  signal?: AbortSignal;
}

export interface NotificationQueue {
  readonly queueArn: string;
  receive(max: number, request?: ReceiveRequest): Promise<QueueMessage[]>;
  delete(receiptHandle: string): Promise<void>;
  /** Deletes several messages at once (DeleteMessageBatch); handles SQS refused are answered. */
  deleteMany(receiptHandles: readonly string[]): Promise<string[]>;
}

/** Visibility timeout of received messages: a message not deleted within it is delivered again. */
export const RECEIVE_VISIBILITY_SECONDS = 60;

export class SqsNotificationQueue implements NotificationQueue {
  readonly queueArn: string;
  constructor(private readonly client: SqsClient) {
    this.queueArn = client.queue.arn;
  }

  async receive(max: number, request: ReceiveRequest = {}): Promise<QueueMessage[]> {
    const messages = await this.client.receiveMessage({
      maxMessages: max,
      waitTimeSeconds: request.waitSeconds ?? 0,
      visibilityTimeout: RECEIVE_VISIBILITY_SECONDS,
      signal: request.signal,
    });
    return messages.map(({ messageId, receiptHandle, body }) => ({ messageId, receiptHandle, body }));
  }

  async delete(receiptHandle: string): Promise<void> {
    const [failed] = await this.client.deleteMessages([receiptHandle]);
    if (failed) throw new Error(`SQS refused to delete a message: ${failed.code} ${failed.message}`);
  }

  async deleteMany(receiptHandles: readonly string[]): Promise<string[]> {
    return (await this.client.deleteMessages(receiptHandles)).map((f) => f.receiptHandle);
  }
}

/** A queue that is not configured: every call fails with what to set (the job reports it and goes on polling). */
export class UnconfiguredQueue implements NotificationQueue {
  constructor(
    readonly queueArn: string,
    private readonly reason: string,
  ) {}
  receive(): Promise<QueueMessage[]> {
    return Promise.reject(new Error(this.reason));
  }
  delete(): Promise<void> {
    return Promise.reject(new Error(this.reason));
  }
  deleteMany(): Promise<string[]> {
    return Promise.reject(new Error(this.reason));
  }
}

/** The account the emulator's demo queues live in, and the demo IAM key it accepts (docs/emulators.md). */
export const EMULATOR_QUEUE_ACCOUNT = '000000000000';
export const EMULATOR_SQS_CREDENTIALS: SqsCredentials = {
  accessKeyId: 'AKIAASCDEMO000000001',
  secretAccessKey: 'demo-sqs-secret-access-key',
};

export interface QueueInputNames {
  /** e.g. ASC_OFFERS_QUEUE_URL */
  url: string;
  /** e.g. ASC_OFFERS_QUEUE_ARN (older setting; the URL wins) */
  arn: string;
  /** Queue name used against the emulator when neither is set. */
  emulatorQueueName: string;
}

const setting = (inputs: Record<string, unknown>, name: string): string | undefined => {
  const value = inputs[name] ?? process.env[name];
  // `$VAR` is an unresolved app.config.yaml placeholder (the variable was not set at deploy time).
  return typeof value === 'string' && value.trim() !== '' && !value.startsWith('$') ? value.trim() : undefined;
};

/** Builds the queue an action reads from its inputs, or an UnconfiguredQueue that says what is missing. */
export const notificationQueueFromInputs = (
  inputs: Record<string, unknown>,
  names: QueueInputNames,
  options: { agent?: https.Agent } = {},
): NotificationQueue => {
  const emulatorUrl = setting(inputs, 'AMAZON_EMULATOR_URL');
  const emulated = emulatorUrl?.startsWith('http') === true;
  const fallbackUrl = `https://sqs.us-east-1.amazonaws.com/${EMULATOR_QUEUE_ACCOUNT}/${names.emulatorQueueName}`;
  let queueUrl: string;
  try {
    const url = setting(inputs, names.url);
    const arn = setting(inputs, names.arn);
    queueUrl = url ?? (arn ? queueUrlFromArn(arn) : emulated ? fallbackUrl : '');
    if (!queueUrl) return new UnconfiguredQueue(parseQueueUrl(fallbackUrl).arn, `${names.url} is not set`);
    parseQueueUrl(queueUrl);
  } catch (error) {
    return new UnconfiguredQueue(parseQueueUrl(fallbackUrl).arn, (error as Error).message);
  }
  const accessKeyId = setting(inputs, 'ASC_SQS_ACCESS_KEY_ID');
  const secretAccessKey = setting(inputs, 'ASC_SQS_SECRET_ACCESS_KEY');
  const sessionToken = setting(inputs, 'ASC_SQS_SESSION_TOKEN');
  const credentials: SqsCredentials | undefined =
    accessKeyId && secretAccessKey
      ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }
      : emulated
        ? EMULATOR_SQS_CREDENTIALS
        : undefined;
  if (!credentials)
    return new UnconfiguredQueue(
      parseQueueUrl(queueUrl).arn,
      'ASC_SQS_ACCESS_KEY_ID and ASC_SQS_SECRET_ACCESS_KEY must be set to read the notification queue',
    );
  const agent = options.agent ?? (emulated ? emulatorAgentFrom(emulatorUrl) : undefined);
  return new SqsNotificationQueue(new SqsClient({ queueUrl, credentials, agent }));
};
