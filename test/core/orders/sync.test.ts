import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AMAZON_MIN_LAG_MS,
  afterPage,
  dedupeOrders,
  needsProcessing,
  newLedgerRecord,
  parseAmazonOrder,
  parseOrderChange,
  planImportWindow,
  toRefreshWorkItems,
} from '../../../src/core/orders';
import { rawOrder } from './fixtures';

const H = 3_600_000;
const connected = '2026-03-01T00:00:00.000Z';
const t = (iso: string) => Date.parse(iso);

describe('import windows', () => {
  it('starts at the connection time and stops 2 minutes (plus margin) before now', () => {
    const now = t(connected) + 3 * H;
    expect(planImportWindow(undefined, { nowMs: now, storeConnectedAt: connected })).toEqual({
      lastUpdatedAfter: connected,
      lastUpdatedBefore: new Date(now - AMAZON_MIN_LAG_MS).toISOString(),
    });
  });

  it('overlaps the previous window, caps the window length, and skips when nothing is new', () => {
    const cp = { readUpTo: '2026-03-01T05:00:00.000Z' };
    const w = planImportWindow(cp, {
      nowMs: t(connected) + 60 * H,
      storeConnectedAt: connected,
      overlapMs: 10 * 60_000,
      maxWindowMs: 24 * H,
    });
    expect(w).toEqual({ lastUpdatedAfter: '2026-03-01T04:50:00.000Z', lastUpdatedBefore: '2026-03-02T04:50:00.000Z' });
    expect(planImportWindow(cp, { nowMs: t('2026-03-01T05:01:00Z'), storeConnectedAt: connected })).toBeUndefined();
  });

  it('resumes an interrupted window at its page token, and restarts the window when the token is too old', () => {
    const w = { lastUpdatedAfter: connected, lastUpdatedBefore: '2026-03-01T01:00:00.000Z' };
    const cp = afterPage(undefined, w, { nextToken: 'p2' }, t('2026-03-01T01:05:00Z'));
    expect(planImportWindow(cp, { nowMs: t('2026-03-01T01:10:00Z'), storeConnectedAt: connected })).toEqual({
      ...w,
      paginationToken: 'p2',
    });
    expect(planImportWindow(cp, { nowMs: t('2026-03-02T02:00:00Z'), storeConnectedAt: connected })).toEqual(w);
    const done = afterPage(cp, { ...w, paginationToken: 'p2' }, {}, t('2026-03-01T01:11:00Z'));
    expect(done).toEqual({ readUpTo: '2026-03-01T01:00:00.000Z' });
  });

  it('dedupes by order id keeping the latest copy, and skips unchanged settled orders', () => {
    const a1 = parseAmazonOrder(rawOrder({ orderId: 'A', updated: '2026-03-01T01:00:00Z' }));
    const a2 = parseAmazonOrder(rawOrder({ orderId: 'A', updated: '2026-03-01T02:00:00Z', status: 'SHIPPED' }));
    const b = parseAmazonOrder(rawOrder({ orderId: 'B' }));
    const out = dedupeOrders([a1, b, a2, a1]);
    expect(out.map((o) => [o.orderId, o.status])).toEqual([
      ['A', 'SHIPPED'],
      ['B', 'UNSHIPPED'],
    ]);
    const rec = {
      ...newLedgerRecord('A', 's', connected),
      status: 'created' as const,
      lastAmazonUpdate: '2026-03-01T02:00:00Z',
    };
    expect(needsProcessing(a2, rec)).toBe(false);
    expect(needsProcessing(a2, { ...rec, commerceCancel: 'pending' })).toBe(true);
    expect(needsProcessing(a2, { ...rec, lastAmazonUpdate: '2026-03-01T01:00:00Z' })).toBe(true);
    expect(needsProcessing(a2, undefined)).toBe(true);
  });
});

describe('ORDER_CHANGE notifications', () => {
  const schema = JSON.parse(
    readFileSync(join(__dirname, '../../../models/sp-api/schemas/notifications/OrderChangeNotification.json'), 'utf8'),
  );
  const example = schema.examples[0];

  it('parses the schema example into a refresh hint with the buyer cancel request', () => {
    expect(parseOrderChange(example)).toEqual({
      notificationId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746',
      sellerId: 'A3TH9S8BH6GOGM',
      marketplaceId: 'ATVPDKIKX0DER',
      amazonOrderId: '903-8868176-2219830',
      changeType: 'BuyerRequestedChange',
      reason: 'Buyer Requested Cancel',
      eventTime: '2022-11-29T19:42:04.284Z',
      status: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      buyerRequestedCancel: true,
    });
    expect(parseOrderChange(JSON.stringify(example)).amazonOrderId).toBe('903-8868176-2219830');
  });

  it('makes one work item per matching store, with a dedupe key', () => {
    const items = toRefreshWorkItems(parseOrderChange(example), [
      { id: 'us', sellerId: 'A3TH9S8BH6GOGM', marketplaceId: 'ATVPDKIKX0DER' },
      { id: 'ca', sellerId: 'A3TH9S8BH6GOGM', marketplaceId: 'A2EUQ1WTGCTBG2' },
      { id: 'other', sellerId: 'X', marketplaceId: 'ATVPDKIKX0DER' },
    ]);
    expect(items).toEqual([
      {
        storeId: 'us',
        amazonOrderId: '903-8868176-2219830',
        reason: 'BuyerRequestedChange: Buyer Requested Cancel',
        dedupeKey: 'us:903-8868176-2219830:d0e9e693-c3ad-4373-979f-ed4ec98dd746',
        buyerRequestedCancel: true,
      },
    ]);
  });

  it('rejects other notification types naming the field', () => {
    expect(() => parseOrderChange({ ...example, NotificationType: 'ANY_OFFER_CHANGED' })).toThrow(/NotificationType/);
  });
});
