import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  commerceEventName,
  createPublicKeyResolver,
  publicKeyResolverFromParams,
  verifyEventSignature,
} from '../../../src/platform/events';

const keyPair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const adobe = keyPair();
const other = keyPair();

const event = {
  specversion: '1.0',
  id: 'evt-1',
  source: 'urn:uuid:commerce',
  type: 'com.adobe.commerce.observer.catalog_product_save_commit_after',
  datacontenttype: 'application/json',
  time: '2026-01-01T00:00:00.000Z',
  event_id: 'delivery-1',
  recipient_client_id: 'asc-app',
  data: { key: 'k', value: { sku: 'MB-01', price: 19.99 }, _metadata: { websiteId: 1, storeId: '1' } },
};
const rawBody = JSON.stringify(event);
const signWith = (privateKey: string, body: string) =>
  sign('RSA-SHA256', Buffer.from(body), privateKey).toString('base64');
const keyPath1 = '/prod/keys/pub-key-1.pem';
const keyPath2 = '/prod/keys/pub-key-2.pem';

/** Params as the runtime gives them to a non-web consumer: event fields on top, inputs, headers and raw body. */
const params = (headers: Record<string, string>, body: string | undefined = rawBody) => ({
  ...JSON.parse(body ?? rawBody),
  LOG_LEVEL: 'info',
  EVENTS_PUBLIC_KEY_PEM: '$EVENTS_PUBLIC_KEY_PEM',
  __ow_headers: headers,
  ...(body === undefined ? {} : { __ow_body: body }),
});

const keys: Record<string, string> = { [keyPath1]: adobe.publicKey, [keyPath2]: other.publicKey };
const resolver = async (path: string) => {
  const pem = keys[path];
  if (!pem) throw new Error('no such key');
  return pem;
};

describe('verifyEventSignature', () => {
  it('accepts a correctly signed event and returns the parsed Commerce event', async () => {
    const result = await verifyEventSignature(
      params({
        'x-adobe-digital-signature-1': signWith(adobe.privateKey, rawBody),
        'x-adobe-public-key1-path': keyPath1,
      }),
      { publicKeyResolver: resolver, expectedRecipientClientId: 'asc-app' },
    );
    expect(result).toMatchObject({ ok: true, signature: 1 });
    if (!result.ok) throw new Error(result.message);
    expect(result.event.data.value).toEqual({ sku: 'MB-01', price: 19.99 });
    expect(result.event.data._metadata?.websiteId).toBe('1');
    expect(commerceEventName(result.event.type)).toBe('catalog_product_save_commit_after');
  });

  it('re-serialises the top-level event fields when there is no raw body, ignoring inputs and __ow_*', async () => {
    const result = await verifyEventSignature(
      params(
        { 'x-adobe-digital-signature-1': signWith(adobe.privateKey, rawBody), 'x-adobe-public-key1-path': keyPath1 },
        undefined,
      ),
      { publicKeyResolver: resolver },
    );
    expect(result.ok).toBe(true);
  });

  it('rejects an unsigned event', async () => {
    const result = await verifyEventSignature(params({ 'content-type': 'application/json' }), {
      publicKeyResolver: resolver,
    });
    expect(result).toMatchObject({ ok: false, reason: 'unsigned' });
  });

  it('rejects a body changed after signing', async () => {
    const signature = signWith(adobe.privateKey, rawBody);
    const tampered = rawBody.replace('19.99', '0.01');
    const result = await verifyEventSignature(
      params({ 'x-adobe-digital-signature-1': signature, 'x-adobe-public-key1-path': keyPath1 }, tampered),
      { publicKeyResolver: resolver },
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid-signature' });
  });

  it('rejects a signature made with a different key', async () => {
    const result = await verifyEventSignature(
      params({
        'x-adobe-digital-signature-1': signWith(other.privateKey, rawBody),
        'x-adobe-public-key1-path': keyPath1,
      }),
      { publicKeyResolver: resolver },
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid-signature' });
  });

  it('accepts when only the second signature verifies (key rotation)', async () => {
    const result = await verifyEventSignature(
      params({
        'x-adobe-digital-signature-1': signWith(other.privateKey, rawBody),
        'x-adobe-public-key1-path': keyPath1,
        'x-adobe-digital-signature-2': signWith(other.privateKey, rawBody),
        'x-adobe-public-key2-path': keyPath2,
      }),
      { publicKeyResolver: resolver },
    );
    expect(result).toMatchObject({ ok: true, signature: 2 });
  });

  it('accepts signature 2 alone', async () => {
    const result = await verifyEventSignature(
      params({
        'x-adobe-digital-signature-2': signWith(adobe.privateKey, rawBody),
        'x-adobe-public-key2-path': keyPath1,
      }),
      { publicKeyResolver: resolver },
    );
    expect(result).toMatchObject({ ok: true, signature: 2 });
  });

  it('says the key was unavailable (retryable) rather than the signature invalid when no key can be fetched', async () => {
    const result = await verifyEventSignature(
      params({
        'x-adobe-digital-signature-1': signWith(adobe.privateKey, rawBody),
        'x-adobe-public-key1-path': '/prod/keys/missing.pem',
      }),
      { publicKeyResolver: resolver },
    );
    expect(result).toMatchObject({ ok: false, reason: 'key-unavailable' });
  });

  it('rejects events signed for another recipient, and signed payloads that are not Commerce events', async () => {
    const headers = {
      'x-adobe-digital-signature-1': signWith(adobe.privateKey, rawBody),
      'x-adobe-public-key1-path': keyPath1,
    };
    expect(
      await verifyEventSignature(params(headers), {
        publicKeyResolver: resolver,
        expectedRecipientClientId: 'someone-else',
      }),
    ).toMatchObject({
      ok: false,
      reason: 'wrong-recipient',
    });
    const notCommerce = JSON.stringify({ id: 'x', source: 's', type: 'com.example.other', data: { value: {} } });
    const signed = {
      'x-adobe-digital-signature-1': signWith(adobe.privateKey, notCommerce),
      'x-adobe-public-key1-path': keyPath1,
    };
    expect(await verifyEventSignature(params(signed, notCommerce), { publicKeyResolver: resolver })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});

describe('public key resolvers', () => {
  it('uses a configured PEM (with escaped newlines) for every path, ignoring $VAR placeholders for other inputs', async () => {
    const escaped = adobe.publicKey.replace(/\n/g, '\\n');
    const resolve = publicKeyResolverFromParams({ EVENTS_PUBLIC_KEY_PEM: escaped, EVENTS_PUBLIC_KEY_BASE_URL: '$X' });
    expect(await resolve('/anything.pem')).toBe(adobe.publicKey);
  });

  it('fetches keys by path from the trusted host only, caches them, and does not cache failures', async () => {
    const hits: string[] = [];
    let failNext = true;
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === keyPath2 && failNext) {
        failNext = false;
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(adobe.publicKey);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const resolve = createPublicKeyResolver({ baseUrl });
      expect(await resolve(keyPath1)).toBe(adobe.publicKey);
      expect(await resolve(keyPath1)).toBe(adobe.publicKey);
      expect(hits).toEqual([keyPath1]);
      await expect(resolve(keyPath2)).rejects.toThrow(/HTTP 503/);
      expect(await resolve(keyPath2)).toBe(adobe.publicKey);
      await expect(resolve('@evil.example/key.pem')).rejects.toThrow();
      await expect(resolve('//evil.example/key.pem')).rejects.toThrow();
      await expect(resolve('/../x.pem')).rejects.toThrow();
      expect(hits).toEqual([keyPath1, keyPath2, keyPath2]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
