/**
 * The SQS adapter's signer wiring (SigV4 over the JSON 1.0 protocol), its configuration from action inputs, and
 * that the secret access key appears nowhere but in the HMAC.
 */
import { createHash, createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import {
  notificationQueueFromInputs,
  parseQueueUrl,
  queueUrlFromArn,
  SqsClient,
  SqsNotificationQueue,
  UnconfiguredQueue,
} from '../../../src/adapters/sqs';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET };
const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/asc-any-offer-changed';
const names = { url: 'ASC_OFFERS_QUEUE_URL', arn: 'ASC_OFFERS_QUEUE_ARN', emulatorQueueName: 'asc-any-offer-changed' };

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

describe('SQS request signing', () => {
  const date = new Date('2026-11-27T08:30:15.123Z');
  const signed = new SqsClient({ queueUrl, credentials }).signedRequest(
    'ReceiveMessage',
    { MaxNumberOfMessages: 10, WaitTimeSeconds: 20 },
    date,
  );

  it('posts the JSON 1.0 protocol to the regional endpoint with the action in X-Amz-Target', () => {
    expect(signed).toMatchObject({ host: 'sqs.eu-west-1.amazonaws.com', path: '/', method: 'POST' });
    expect(signed.headers['Content-Type']).toBe('application/x-amz-json-1.0');
    expect(signed.headers['X-Amz-Target']).toBe('AmazonSQS.ReceiveMessage');
    expect(signed.headers['X-Amz-Date']).toBe('20261127T083015Z');
    expect(JSON.parse(signed.body)).toEqual({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 });
  });

  it('carries a SigV4 signature that an independent computation reproduces', () => {
    const match =
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261127\/eu-west-1\/sqs\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        signed.headers.Authorization,
      );
    expect(match).not.toBeNull();
    const signedHeaders = match![1].split(';');
    expect(signedHeaders).toEqual(expect.arrayContaining(['content-type', 'host', 'x-amz-date', 'x-amz-target']));
    const lower = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const canonical = [
      'POST',
      '/',
      '',
      ...signedHeaders.map((h) => `${h}:${lower[h]}`),
      '',
      match![1],
      sha256(signed.body),
    ].join('\n');
    const toSign = [
      'AWS4-HMAC-SHA256',
      '20261127T083015Z',
      '20261127/eu-west-1/sqs/aws4_request',
      sha256(canonical),
    ].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, '20261127'), 'eu-west-1'), 'sqs'), 'aws4_request');
    expect(match![2]).toBe(hmac(key, toSign).toString('hex'));
    // A different body gives a different signature: the signature covers the payload.
    const other = new SqsClient({ queueUrl, credentials }).signedRequest(
      'ReceiveMessage',
      { MaxNumberOfMessages: 1 },
      date,
    );
    expect(other.headers.Authorization).not.toBe(signed.headers.Authorization);
  });

  it('sends temporary credentials as X-Amz-Security-Token', () => {
    const withToken = new SqsClient({ queueUrl, credentials: { ...credentials, sessionToken: 'session-token-1' } });
    const request = withToken.signedRequest('DeleteMessageBatch', { Entries: [] }, date);
    expect(request.headers['X-Amz-Security-Token']).toBe('session-token-1');
    expect(request.headers.Authorization).toMatch(/SignedHeaders=[a-z0-9;-]*x-amz-security-token/);
  });

  it('never shows the secret: not in headers, body, inspect or JSON of the client', () => {
    const client = new SqsClient({ queueUrl, credentials });
    const request = client.signedRequest('ReceiveMessage', {}, date);
    const visible = [JSON.stringify(request), inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client)];
    for (const text of visible) expect(text).not.toContain(SECRET);
    const queue = new SqsNotificationQueue(client);
    expect(inspect(queue, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(queue)).not.toContain(SECRET);
  });

  it('refuses missing credentials', () => {
    expect(() => new SqsClient({ queueUrl, credentials: { accessKeyId: 'AKID', secretAccessKey: '' } })).toThrow(
      /secret access key/,
    );
  });
});

describe('queue addresses', () => {
  it('turns a queue URL into its ARN and back', () => {
    const address = parseQueueUrl(queueUrl);
    expect(address).toMatchObject({
      region: 'eu-west-1',
      accountId: '123456789012',
      name: 'asc-any-offer-changed',
      arn: 'arn:aws:sqs:eu-west-1:123456789012:asc-any-offer-changed',
      host: 'sqs.eu-west-1.amazonaws.com',
    });
    expect(queueUrlFromArn(address.arn)).toBe(queueUrl);
    expect(parseQueueUrl('https://eu-west-1.queue.amazonaws.com/123456789012/q1').url).toBe(
      'https://sqs.eu-west-1.amazonaws.com/123456789012/q1',
    );
  });

  it('rejects what is not a queue URL or ARN, saying what is expected', () => {
    expect(() => parseQueueUrl('http://sqs.us-east-1.amazonaws.com/123456789012/q')).toThrow(/https:\/\/sqs/);
    expect(() => parseQueueUrl('https://sqs.us-east-1.amazonaws.com/12345/q')).toThrow(/12-digit account/);
    expect(() => parseQueueUrl('https://example.com/123456789012/q')).toThrow(/not of the form/);
    expect(() => queueUrlFromArn('arn:aws:sns:us-east-1:123456789012:topic')).toThrow(/not an SQS queue ARN/);
  });
});

describe('queue configuration from action inputs', () => {
  it('uses the queue URL and keys when set', () => {
    const queue = notificationQueueFromInputs(
      { ASC_OFFERS_QUEUE_URL: queueUrl, ASC_SQS_ACCESS_KEY_ID: 'AKID1', ASC_SQS_SECRET_ACCESS_KEY: SECRET },
      names,
    );
    expect(queue).toBeInstanceOf(SqsNotificationQueue);
    expect(queue.queueArn).toBe('arn:aws:sqs:eu-west-1:123456789012:asc-any-offer-changed');
  });

  it('accepts the older ARN setting', () => {
    const queue = notificationQueueFromInputs(
      {
        ASC_OFFERS_QUEUE_ARN: 'arn:aws:sqs:us-west-2:123456789012:offers',
        ASC_SQS_ACCESS_KEY_ID: 'AKID1',
        ASC_SQS_SECRET_ACCESS_KEY: SECRET,
      },
      names,
    );
    expect(queue.queueArn).toBe('arn:aws:sqs:us-west-2:123456789012:offers');
  });

  it('defaults to the emulator queue and demo key for local runs', () => {
    const queue = notificationQueueFromInputs({ AMAZON_EMULATOR_URL: 'http://127.0.0.1:7071' }, names);
    expect(queue).toBeInstanceOf(SqsNotificationQueue);
    expect(queue.queueArn).toBe('arn:aws:sqs:us-east-1:000000000000:asc-any-offer-changed');
  });

  it('without a queue or keys in production, every call says which input to set (unresolved $VARs count as unset)', async () => {
    const noQueue = notificationQueueFromInputs(
      { ASC_OFFERS_QUEUE_URL: '$ASC_OFFERS_QUEUE_URL', AMAZON_EMULATOR_URL: '$AMAZON_EMULATOR_URL' },
      names,
    );
    expect(noQueue).toBeInstanceOf(UnconfiguredQueue);
    await expect(noQueue.receive(10)).rejects.toThrow('ASC_OFFERS_QUEUE_URL is not set');
    const noKeys = notificationQueueFromInputs({ ASC_OFFERS_QUEUE_URL: queueUrl }, names);
    await expect(noKeys.receive(10)).rejects.toThrow(/ASC_SQS_ACCESS_KEY_ID and ASC_SQS_SECRET_ACCESS_KEY/);
    const badUrl = notificationQueueFromInputs({ ASC_OFFERS_QUEUE_URL: 'https://example.com/x' }, names);
    await expect(badUrl.deleteMany(['h'])).rejects.toThrow(/not of the form/);
  });
});
