/**
 * The Amazon emulator's SQS endpoint (sqs.<region>.amazonaws.com, AWS JSON 1.0 protocol, SigV4) read by the app's
 * SQS client over HTTP through the emulator agent, exactly as the repricing and orders jobs read it.
 */
import { EmulatorAgent } from '../../../src/adapters/amazon/emulator-agent';
import { SqsClient, type SqsError } from '../../../src/adapters/sqs';
import { DEMO_SQS_CREDENTIALS } from '../../../src/emulators/amazon/sqs';
import { validateJsonSchema } from '../../../src/emulators/shared/schema-validator';
import { type Harness, SELLER, US, startHarness } from './harness';

const offerChangedSchema = require('../../../models/sp-api/schemas/notifications/AnyOfferChangedNotification.json');
const orderChangeSchema = require('../../../models/sp-api/schemas/notifications/OrderChangeNotification.json');

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/asc-notifications';
const ARN = 'arn:aws:sqs:us-east-1:123456789012:asc-notifications';

let h: Harness;
const client = (credentials = DEMO_SQS_CREDENTIALS, queueUrl = QUEUE_URL) =>
  new SqsClient({ queueUrl, credentials, agent: new EmulatorAgent(h.emu.port) });

const subscribe = async (types: string[]) => {
  const sp = h.sp();
  const dest = await sp.callAPI({
    operation: 'createDestination',
    endpoint: 'notifications',
    body: { name: 'asc', resourceSpecification: { sqs: { arn: ARN } } },
  });
  for (const notificationType of types)
    await sp.callAPI({
      operation: 'createSubscription',
      endpoint: 'notifications',
      path: { notificationType },
      body: { payloadVersion: '1.0', destinationId: dest.destinationId },
    });
};

const undercut = (price: string) =>
  h.control('POST', '/competitor-offers', {
    asin: 'B000000001',
    marketplaceId: US,
    sellerId: 'ANEWCOMER',
    condition: 'New',
    price,
    shipping: '0.00',
    currency: 'USD',
    fulfilledByAmazon: true,
    feedbackPercent: 99,
    feedbackCount: 10000,
  });

const sqsRequests = async () =>
  (await h.control('GET', '/requests?limit=100')).body.requests.filter((r: { operation?: string }) =>
    r.operation?.startsWith('sqs:'),
  ) as Array<{ operation: string; status: number; host: string; principal?: string }>;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.emu.control.violations()).toEqual([]);
  await h.emu.close();
});

it('delivers ANY_OFFER_CHANGED and ORDER_CHANGE per the official schemas, hides received messages, deletes in batches', async () => {
  await subscribe(['ANY_OFFER_CHANGED', 'ORDER_CHANGE']);
  await undercut('9.99');
  await h.control('POST', '/orders', { sellerId: SELLER, marketplaceId: US, items: [{ sku: 'MUG-1', quantity: 1 }] });

  const sqs = client();
  const messages = await sqs.receiveMessage({ maxMessages: 10, visibilityTimeout: 30 });
  const bodies = messages.map((m) => JSON.parse(m.body));
  const offerChange = bodies.find((b) => b.NotificationType === 'ANY_OFFER_CHANGED');
  const orderChange = bodies.find((b) => b.NotificationType === 'ORDER_CHANGE');
  expect(validateJsonSchema(offerChangedSchema, offerChange).issues).toEqual([]);
  expect(validateJsonSchema(orderChangeSchema, orderChange).issues).toEqual([]);
  expect(offerChange.Payload.AnyOfferChangedNotification.OfferChangeTrigger.ASIN).toBe('B000000001');
  expect(offerChange.Payload.AnyOfferChangedNotification.Summary.BuyBoxPrices[0].LandedPrice.Amount).toBe(9.99);
  expect(messages[0].attributes.ApproximateReceiveCount).toBe('1');

  // Hidden for the visibility timeout, then delivered again with a new receipt handle.
  expect(await sqs.receiveMessage({ maxMessages: 10 })).toEqual([]);
  h.emu.control.advance(31_000);
  const again = await sqs.receiveMessage({ maxMessages: 10, visibilityTimeout: 30 });
  expect(again.map((m) => m.messageId).sort()).toEqual(messages.map((m) => m.messageId).sort());
  expect(again[0].attributes.ApproximateReceiveCount).toBe('2');

  // A superseded receipt handle is refused per entry; current ones delete.
  const failures = await sqs.deleteMessages([messages[0].receiptHandle, ...again.map((m) => m.receiptHandle)]);
  expect(failures).toEqual([
    expect.objectContaining({ receiptHandle: messages[0].receiptHandle, code: 'ReceiptHandleIsInvalid' }),
  ]);
  h.emu.control.advance(31_000);
  expect(await sqs.receiveMessage({ maxMessages: 10 })).toEqual([]);

  const log = await sqsRequests();
  expect(log.map((r) => r.operation)).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessageBatch']));
  expect(
    log.every((r) => r.host === 'sqs.us-east-1.amazonaws.com' && r.principal === DEMO_SQS_CREDENTIALS.accessKeyId),
  ).toBe(true);
});

it('long polling answers as soon as a notification is published, and after WaitTimeSeconds when none is', async () => {
  await subscribe(['ANY_OFFER_CHANGED']);
  const sqs = client();
  const idleStart = Date.now();
  expect(await sqs.receiveMessage({ waitTimeSeconds: 1 })).toEqual([]);
  expect(Date.now() - idleStart).toBeGreaterThanOrEqual(900);

  const started = Date.now();
  const waiting = sqs.receiveMessage({ waitTimeSeconds: 10 });
  setTimeout(() => void undercut('8.88'), 300);
  const [message] = await waiting;
  expect(Date.now() - started).toBeLessThan(3000);
  expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  expect(JSON.parse(message.body).NotificationType).toBe('ANY_OFFER_CHANGED');
});

it('a long poll the reader abandoned takes no message: the next reader gets it', async () => {
  await subscribe(['ANY_OFFER_CHANGED']);
  const sqs = client();
  const stop = new AbortController();
  const abandoned = sqs.receiveMessage({ waitTimeSeconds: 10, signal: stop.signal }).catch((e: Error) => e);
  await new Promise((r) => setTimeout(r, 200));
  stop.abort();
  expect(await abandoned).toMatchObject({ name: 'AbortError' });
  await new Promise((r) => setTimeout(r, 100));
  await undercut('7.77');
  const [message] = await sqs.receiveMessage({ waitTimeSeconds: 2 });
  expect(message?.attributes.ApproximateReceiveCount).toBe('1');
});

it('refuses requests that are not signed by a known key or not shaped like SQS requests', async () => {
  await subscribe(['ANY_OFFER_CHANGED']);
  const wrongSecret = client({ accessKeyId: DEMO_SQS_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' });
  await expect(wrongSecret.receiveMessage()).rejects.toMatchObject({ httpStatus: 403, code: 'SignatureDoesNotMatch' });
  const unknownKey = client({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' });
  await expect(unknownKey.receiveMessage()).rejects.toMatchObject({ httpStatus: 403, code: 'InvalidClientTokenId' });
  const otherRegion = client(
    DEMO_SQS_CREDENTIALS,
    'https://sqs.eu-west-1.amazonaws.com/123456789012/asc-notifications',
  );
  // Signed for eu-west-1 and sent to eu-west-1's host: valid, but that queue is not on this endpoint... it is empty.
  expect(await otherRegion.receiveMessage()).toEqual([]);

  const unsigned = await h.raw('POST', 'sqs.us-east-1.amazonaws.com', '/', {
    body: { QueueUrl: QUEUE_URL },
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.ReceiveMessage' },
  });
  expect(unsigned.status).toBe(403);
  expect(unsigned.json.__type).toBe('com.amazonaws.sqs#MissingAuthenticationToken');

  // Correctly signed but out of range: MaxNumberOfMessages 11, WaitTimeSeconds 21, an unknown action.
  const send = async (action: string, payload: Record<string, unknown>) => {
    const signed = client().signedRequest(action, payload);
    return h.raw('POST', signed.host, '/', { body: signed.body, headers: signed.headers });
  };
  const tooMany = await send('ReceiveMessage', { MaxNumberOfMessages: 11 });
  expect(tooMany.status).toBe(400);
  expect(tooMany.json).toMatchObject({ __type: 'com.amazonaws.sqs#InvalidParameterValue' });
  expect(tooMany.json.message).toMatch(/MaxNumberOfMessages/);
  expect((await send('ReceiveMessage', { WaitTimeSeconds: 21 })).json.message).toMatch(/WaitTimeSeconds/);
  expect((await send('SendMessage', { MessageBody: 'x' })).json.__type).toBe(
    'com.amazonaws.sqs#UnknownOperationException',
  );
  const emptyBatch = await send('DeleteMessageBatch', { Entries: [] });
  expect(emptyBatch.json.__type).toBe('com.amazonaws.sqs#EmptyBatchRequest');
  const repeated = await send('DeleteMessageBatch', {
    Entries: [
      { Id: 'a', ReceiptHandle: 'x' },
      { Id: 'a', ReceiptHandle: 'y' },
    ],
  });
  expect(repeated.json.__type).toBe('com.amazonaws.sqs#BatchEntryIdsNotDistinct');
  const badQueue = await send('ReceiveMessage', { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/1/q' });
  expect(badQueue.json.__type).toBe('com.amazonaws.sqs#QueueDoesNotExist');

  // A body changed after signing no longer matches the signature.
  const signed = client().signedRequest('ReceiveMessage', { MaxNumberOfMessages: 1 });
  const tampered = await h.raw('POST', signed.host, '/', {
    body: signed.body.replace('"MaxNumberOfMessages":1', '"MaxNumberOfMessages":2'),
    headers: signed.headers,
  });
  expect(tampered.status).toBe(403);
  expect(tampered.json.__type).toBe('com.amazonaws.sqs#SignatureDoesNotMatch');
  // Error messages never carry the secret.
  const error = await wrongSecret.receiveMessage().catch((e: SqsError) => e);
  expect(String((error as SqsError).message)).not.toContain('not-the-secret');
});
