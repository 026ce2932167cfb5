import {
  CommerceApiError,
  CommerceNetworkError,
  CommerceResponseShapeError,
  CommerceTimeoutError,
  type CommerceGateway,
  createCommerceGateway,
  criteria,
  type WriteOperation,
  WriteBlockedError,
} from '../../../src/adapters/commerce';
import { type Reply, type ScriptedServer, startScriptedServer } from './helpers/scripted-server';

const token = 'bearer-token-that-must-never-be-logged';
const fastRetry = { retries: 3, initialDelayMs: 5, maxDelayMs: 200, timeoutMs: 300, random: () => 0.5 };
const order = {
  entity_id: 7,
  increment_id: '000000007',
  items: [{ sku: 'A', qty_ordered: 1, price: 19.99 }],
  grand_total: 21.5,
};

let server: ScriptedServer;
let script: (index: number) => Reply;
const errors: Array<{ message: string; willRetry: boolean }> = [];

function gateway(extra: Partial<Parameters<typeof createCommerceGateway>[0]> = {}): CommerceGateway {
  return createCommerceGateway({
    baseUrl: server.baseUrl,
    auth: { strategy: 'bearer', getToken: () => token },
    retry: fastRetry,
    onError: (error, ctx) =>
      errors.push({ message: `${error.message} ${JSON.stringify(error)}`, willRetry: ctx.willRetry }),
    ...extra,
  });
}

beforeEach(async () => {
  errors.length = 0;
  script = () => ({ status: 200, json: {} });
  server = await startScriptedServer((_req, index) => script(index));
});
afterEach(() => server.close());

describe('retries', () => {
  it('retries a GET through 503 and 500 and returns the eventual answer', async () => {
    const replies: Reply[] = [
      { status: 503, json: { message: 'Maintenance' } },
      { status: 500, json: {} },
      { status: 200, json: order },
    ];
    script = (i) => replies[i];
    const result = await gateway().getOrder(7);
    expect(result.grand_total).toBe('21.5');
    expect(server.requests).toHaveLength(3);
    expect(errors.map((e) => e.willRetry)).toEqual([true, true]);
  });

  it('gives up after the bounded number of attempts with the last typed error', async () => {
    script = () => ({ status: 502, text: '<html>bad gateway</html>' });
    await expect(gateway().getOrder(7)).rejects.toMatchObject({ status: 502 });
    expect(server.requests).toHaveLength(4);
    expect(errors.at(-1)?.willRetry).toBe(false);
  });

  it('never retries a 4xx other than 429', async () => {
    script = () => ({ status: 400, json: { message: 'bad' } });
    await expect(gateway().getOrder(7)).rejects.toBeInstanceOf(CommerceApiError);
    expect(server.requests).toHaveLength(1);
  });

  it('waits at least the Retry-After of a 429 before retrying', async () => {
    const replies: Reply[] = [
      { status: 429, json: { message: 'Too many' }, headers: { 'Retry-After': '0.15' } },
      { status: 200, json: order },
    ];
    script = (i) => replies[i];
    const started = Date.now();
    await gateway().getOrder(7);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a GET that times out and reports a timeout when every attempt hangs', async () => {
    script = () => ({ hang: true });
    const error = await gateway({ retry: { ...fastRetry, retries: 1, timeoutMs: 100 } })
      .getOrder(7)
      .catch((e) => e);
    expect(error).toBeInstanceOf(CommerceTimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it('does not repeat a non-idempotent POST after a timeout or a 500 (it may have been applied)', async () => {
    script = () => ({ hang: true });
    await expect(gateway().createInvoice(7)).rejects.toBeInstanceOf(CommerceTimeoutError);
    expect(server.requests).toHaveLength(1);
    await server.close();
    server = await startScriptedServer(() => ({ status: 500, json: { message: 'Deadlock found' } }));
    await expect(gateway().addOrderComment(7, { comment: 'x' })).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it('repeats a POST the caller marked retry-safe, and any POST Commerce refused with 429/503', async () => {
    const replies: Reply[] = [{ hang: true }, { status: 200, json: 31 }];
    script = (i) => replies[i];
    expect(await gateway().createInvoice(7, {}, { retrySafe: true })).toBe(31);
    await server.close();
    const refused: Reply[] = [
      { status: 503, json: {} },
      { status: 429, json: {} },
      { status: 200, json: 32 },
    ];
    server = await startScriptedServer((_r, i) => refused[i]);
    expect(await gateway().createShipment(7)).toBe(32);
    expect(server.requests).toHaveLength(3);
  });

  it('retries a POST when the connection is refused, because nothing reached Commerce', async () => {
    const deadUrl = server.baseUrl;
    await server.close();
    const error = await gateway({ baseUrl: deadUrl })
      .createInvoice(7)
      .catch((e) => e);
    expect(error).toBeInstanceOf(CommerceNetworkError);
    expect(error.code).toBe('ECONNREFUSED');
    expect(errors).toHaveLength(4);
    server = await startScriptedServer(() => ({ status: 200, json: {} }));
  });
});

describe('errors', () => {
  it('substitutes positional and named Commerce placeholders into the message', async () => {
    const replies: Reply[] = [
      {
        status: 400,
        json: { message: 'The "%1" value\'s type is invalid. The "%2" type was expected.', parameters: ['abc', 'int'] },
      },
      {
        status: 404,
        json: {
          message: 'No such entity with %fieldName = %fieldValue',
          parameters: { fieldName: 'sku', fieldValue: 'A/B' },
        },
      },
    ];
    script = (i) => replies[Math.min(i, 1)];
    const first = await gateway()
      .getOrder(7)
      .catch((e) => e);
    expect(first.commerceMessage).toBe('The "abc" value\'s type is invalid. The "int" type was expected.');
    expect(first.status).toBe(400);
    const second = await gateway()
      .getProduct('A/B')
      .catch((e) => e);
    expect(second.message).toContain('No such entity with sku = A/B');
    expect(second.isNotFound).toBe(true);
    expect(await gateway().findProduct('gone')).toBeUndefined();
  });

  it('rejects a 2xx body without the fields the app relies on', async () => {
    script = () => ({ status: 200, json: { items: 'nope' } });
    await expect(gateway().searchOrders()).rejects.toBeInstanceOf(CommerceResponseShapeError);
    expect(server.requests).toHaveLength(1);
  });

  it('never puts the Authorization header or token into errors', async () => {
    script = () => ({ status: 500, json: { message: 'boom' } });
    await gateway()
      .getOrder(1)
      .catch(() => undefined);
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${token}`);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.message).not.toContain(token);
      expect(e.message.toLowerCase()).not.toContain('authorization');
    }
  });
});

describe('read-only mode', () => {
  it('refuses every state-changing call before any network I/O, and still allows reads', async () => {
    const seen: WriteOperation[] = [];
    const writeGuard = {
      check: (op: WriteOperation) => {
        seen.push(op);
        return { blocked: true as const, reason: 'Read-Only Mode is enabled' };
      },
    };
    const g = gateway({ writeGuard });
    script = () => ({ status: 200, json: order });
    const calls: Array<() => Promise<unknown>> = [
      () => g.createInvoice(7),
      () => g.createShipment(7, { tracks: [{ track_number: '1Z', title: 'UPS', carrier_code: 'ups' }] }),
      () => g.cancelOrder(7),
      () => g.createCreditMemo(7),
      () => g.addOrderComment(7, { comment: 'hi' }),
      () => g.createCustomer({ email: 'a@b.c', firstname: 'A', lastname: 'B' }),
      () => g.createOrder({ customer_email: 'a@b.c', grand_total: '1', base_grand_total: '1', items: [] }),
      () => g.updateProductCustomAttributes('SKU', { amazon_asin: 'B000' }),
      () => g.saveSourceItems([{ sku: 'S', source_code: 'default', quantity: 1, status: 1 }]),
      () => g.addShipmentTrack({ order_id: 7, parent_id: 3, track_number: '1', title: 't', carrier_code: 'c' }),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(WriteBlockedError);
    expect(server.requests).toHaveLength(0);
    expect(seen.map((op) => op.name)).toContain('cancelOrder');
    expect(seen.find((op) => op.name === 'createShipment')?.body).toMatchObject({ tracks: [{ track_number: '1Z' }] });
    await expect(g.getOrder(7)).resolves.toMatchObject({ entity_id: 7 });
    expect(server.requests).toHaveLength(1);
  });

  it('replays a blocked write once the guard allows it', async () => {
    let blocked = true;
    const g = gateway({
      writeGuard: { check: () => (blocked ? { blocked: true, reason: 'ro' } : { blocked: false }) },
    });
    const error: WriteBlockedError = await g.addOrderComment(7, { comment: 'queued' }).catch((e) => e);
    blocked = false;
    script = () => ({ status: 200, json: true });
    await g.replayWrite(error.operation);
    expect(server.requests[0].method).toBe('POST');
    expect(server.requests[0].url).toBe('/rest/default/V1/orders/7/comments');
    expect(JSON.parse(server.requests[0].body).statusHistory.comment).toBe('queued');
  });
});

describe('requests', () => {
  it('walks every page of a search and stops at total_count', async () => {
    const all = Array.from({ length: 7 }, (_, i) => ({ sku: `SKU-${i}`, price: 10 + i }));
    script = (i) => ({ status: 200, json: { items: all.slice(i * 3, i * 3 + 3), total_count: 7 } });
    const skus: string[] = [];
    for await (const p of gateway().iterateProducts(criteria().where('status', 'eq', 1).sortBy('entity_id'), 3))
      skus.push(p.sku);
    expect(skus).toEqual(all.map((p) => p.sku));
    expect(server.requests).toHaveLength(3);
    const q = new URL(server.requests[2].url, 'http://x').searchParams;
    expect(q.get('searchCriteria[currentPage]')).toBe('3');
    expect(q.get('searchCriteria[pageSize]')).toBe('3');
    expect(q.get('searchCriteria[filter_groups][0][filters][0][field]')).toBe('status');
    expect(q.get('searchCriteria[sortOrders][0][field]')).toBe('entity_id');
  });

  it('encodes SKUs as one path segment and turns prices into exact decimal strings', async () => {
    script = () => ({
      status: 200,
      json: { sku: 'A/B #1?', price: 0.1, custom_attributes: [{ attribute_code: 'cost', value: '4.20' }] },
    });
    const p = await gateway().getProduct('A/B #1?');
    expect(server.requests[0].url).toBe('/rest/default/V1/products/A%2FB%20%231%3F');
    expect(p.price).toBe('0.1');
  });

  it('sends order money as JSON numbers from decimal strings', async () => {
    script = () => ({ status: 200, json: order });
    await gateway().createOrder({
      customer_email: 'buyer@marketplace.amazon.com',
      grand_total: '21.50',
      base_grand_total: '21.50',
      ext_order_id: '111-0000000-0000001',
      items: [{ sku: 'A', qty_ordered: 1, price: '19.99' }],
    });
    const body = JSON.parse(server.requests[0].body);
    expect(server.requests[0].method).toBe('PUT');
    expect(body.entity.grand_total).toBe(21.5);
    expect(body.entity.items[0].price).toBe(19.99);
    expect(body.entity.ext_order_id).toBe('111-0000000-0000001');
  });
});
