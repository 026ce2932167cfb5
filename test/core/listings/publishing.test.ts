import Ajv from 'ajv';
import feedSchema from '../../../models/sp-api/schemas/feeds/listings-feed-schema-v2.json';
import reportSchema from '../../../models/sp-api/schemas/feeds/listings-feed-processing-report-schema-v2.json';
import { changeLogEntries, issueEntries, statusChangeEntry } from '../../../src/core/listings/changes-log';
import { applyProcessingReport, buildListingsFeeds } from '../../../src/core/listings/feed';
import { computeOffer, type DesiredOffer } from '../../../src/core/listings/offer';
import {
  listingsItemRequestBody,
  needsStatusCheck,
  planListingChange,
  planListingEnd,
  routePlannedChanges,
  withoutRequestBody,
} from '../../../src/core/listings/patches';
import { AT, listing, product, settings, store } from './fixtures';

const ajv = new Ajv({ strict: false, allErrors: true });
const validateFeed = ajv.compile(feedSchema);
const validateReport = ajv.compile(reportSchema);

const desired = (changes: Partial<DesiredOffer> = {}): DesiredOffer => ({
  ...computeOffer({
    listing: listing(),
    product: product(),
    store: store(),
    settings: settings(),
    price: { price: '19.99' },
  }).offer,
  ...changes,
});
const accepted = {
  asin: 'B000000001',
  price: '19.99',
  currency: 'USD',
  quantity: 7,
  fulfillmentChannel: 'DEFAULT' as const,
  handlingTimeDays: 2,
  condition: 'new_new' as const,
};

describe('planListingChange', () => {
  it('a first listing is a LISTING_OFFER_ONLY put on the ASIN', () => {
    const change = planListingChange(desired(), undefined);
    expect(change.kind).toBe('create');
    expect(listingsItemRequestBody(change)).toEqual({
      productType: 'PRODUCT',
      requirements: 'LISTING_OFFER_ONLY',
      attributes: {
        merchant_suggested_asin: [{ value: 'B000000001', marketplace_id: 'ATVPDKIKX0DER' }],
        condition_type: [{ value: 'new_new', marketplace_id: 'ATVPDKIKX0DER' }],
        purchasable_offer: [
          {
            marketplace_id: 'ATVPDKIKX0DER',
            currency: 'USD',
            audience: 'ALL',
            our_price: [{ schedule: [{ value_with_tax: 19.99 }] }],
          },
        ],
        fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7, lead_time_to_ship_max_days: 2 }],
      },
    });
  });

  it('sends nothing when Amazon already holds the desired values (idempotent)', () => {
    expect(planListingChange(desired(), accepted)).toMatchObject({ kind: 'none', changedFields: [] });
  });

  it('sends only the changed attributes in SP-API patch shapes', () => {
    const priceOnly = planListingChange(desired({ price: '17.50' }), accepted);
    expect(priceOnly).toMatchObject({ kind: 'patch', changedFields: ['price'], urgent: false });
    expect(priceOnly.patches).toEqual([
      {
        op: 'replace',
        path: '/attributes/purchasable_offer',
        value: [
          {
            marketplace_id: 'ATVPDKIKX0DER',
            currency: 'USD',
            audience: 'ALL',
            our_price: [{ schedule: [{ value_with_tax: 17.5 }] }],
          },
        ],
      },
    ]);
    const quantityDrop = planListingChange(desired({ quantity: 3, handlingTimeDays: 4 }), accepted);
    expect(quantityDrop).toMatchObject({
      kind: 'patch',
      urgent: true,
      changedFields: ['quantity', 'handlingTimeDays'],
    });
    expect(quantityDrop.patches).toEqual([
      {
        op: 'replace',
        path: '/attributes/fulfillment_availability',
        value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3, lead_time_to_ship_max_days: 4 }],
      },
    ]);
    const notes = planListingChange(desired({ condition: 'used_good', sellerNotes: 'Scuffed' }), accepted);
    expect(notes.patches?.map((p) => [p.op, p.path])).toEqual([
      ['replace', '/attributes/condition_type'],
      ['replace', '/attributes/condition_note'],
    ]);
    const removed = planListingChange(desired(), { ...accepted, sellerNotes: 'Old', listPrice: '30.00' });
    expect(removed.patches).toEqual([
      { op: 'delete', path: '/attributes/condition_note', value: [{ marketplace_id: 'ATVPDKIKX0DER' }] },
      { op: 'delete', path: '/attributes/list_price', value: [{ marketplace_id: 'ATVPDKIKX0DER' }] },
    ]);
  });

  it('switching to FBA sends the channel without quantity; business tiers go in a B2B offer', () => {
    const fba = planListingChange(
      desired({ fulfillmentChannel: 'AMAZON_NA', quantity: undefined, handlingTimeDays: undefined }),
      accepted,
    );
    expect(fba.patches).toEqual([
      {
        op: 'replace',
        path: '/attributes/fulfillment_availability',
        value: [{ fulfillment_channel_code: 'AMAZON_NA' }],
      },
    ]);
    const b2b = planListingChange(
      desired({ businessPrice: '18.00', quantityDiscounts: [{ minQuantity: 5, discountPercent: '5' }] }),
      accepted,
    );
    expect(b2b.patches?.[0].value[1]).toEqual({
      marketplace_id: 'ATVPDKIKX0DER',
      currency: 'USD',
      audience: 'B2B',
      our_price: [{ schedule: [{ value_with_tax: 18 }] }],
      quantity_discount_plan: [{ schedule: [{ discount_type: 'percent', levels: [{ lower_bound: 5, value: 5 }] }] }],
    });
  });

  it('a new ASIN replaces the offer; merchant actions are urgent', () => {
    expect(planListingChange(desired({ asin: 'B000000002' }), accepted)).toMatchObject({
      kind: 'replace_asin',
      urgent: true,
      changedFields: ['asin'],
    });
    expect(planListingChange(desired({ price: '1.00' }), accepted, { merchantAction: true }).urgent).toBe(true);
  });
});

describe('routePlannedChanges', () => {
  const patch = (sku: string, urgent = false) => ({
    ...planListingChange(desired({ sku, price: '1.00' }), accepted),
    urgent,
  });

  it('small batches go through the API, big ones through the feed except urgent changes', () => {
    expect(routePlannedChanges([patch('A'), patch('B')], 10)).toMatchObject({
      api: [{ sku: 'A' }, { sku: 'B' }],
      feed: [],
    });
    const many = [patch('A', true), patch('B'), patch('C'), patch('D', true), patch('E', true)];
    const routed = routePlannedChanges(many, 2);
    expect(routed.api.map((c) => c.sku)).toEqual(['A', 'D']);
    expect(routed.feed.map((c) => c.sku)).toEqual(['B', 'C', 'E']);
    const replace = planListingChange(desired({ sku: 'R', asin: 'B000000002' }), accepted);
    // ASIN replacements always use the API and count towards the limit.
    const withReplace = routePlannedChanges([...many, replace], 2);
    expect(withReplace.api.map((c) => c.sku)).toEqual(['R', 'A']);
    expect(withReplace.feed.map((c) => c.sku)).toEqual(['B', 'C', 'D', 'E']);
  });
});

describe("reading Amazon's status back after an accepted change", () => {
  it('is skipped for a price change on a listed offer, kept when the status can move', () => {
    const price = planListingChange(desired({ sku: 'P', price: '18.00' }), accepted);
    expect(needsStatusCheck('active', price)).toBe(false);
    expect(needsStatusCheck('inactive', price)).toBe(false);
    // A listing still being listed or relisted learns its status from Amazon.
    expect(needsStatusCheck('list_in_progress', price)).toBe(true);
    expect(needsStatusCheck('relist_in_progress', price)).toBe(true);
    // Stock or fulfilment channel can make the offer (un)buyable; a new offer or ASIN is always read back.
    expect(needsStatusCheck('active', planListingChange(desired({ sku: 'Q', quantity: 0 }), accepted))).toBe(true);
    expect(
      needsStatusCheck('active', planListingChange(desired({ sku: 'F', fulfillmentChannel: 'AMAZON_NA' }), accepted)),
    ).toBe(true);
    expect(needsStatusCheck('active', planListingChange(desired({ sku: 'N' }), undefined))).toBe(true);
    expect(needsStatusCheck('active', planListingChange(desired({ sku: 'A', asin: 'B000000002' }), accepted))).toBe(
      true,
    );
  });

  it('a change kept for the processing report drops its request body but not what the log and status need', () => {
    const change = planListingChange(desired({ sku: 'P', price: '18.00' }), accepted);
    const kept = withoutRequestBody(change);
    expect(kept.patches).toBeUndefined();
    expect(kept.attributes).toBeUndefined();
    expect(kept).toMatchObject({ sku: 'P', kind: 'patch', changedFields: ['price'], before: accepted });
    expect(kept.sent.price).toBe('18.00');
    expect(changeLogEntries(kept, { storeId: 's', reason: 'r', jobId: 'j', at: AT })).toEqual(
      changeLogEntries(change, { storeId: 's', reason: 'r', jobId: 'j', at: AT }),
    );
  });
});

describe('JSON_LISTINGS_FEED', () => {
  const changes = [
    planListingChange(desired({ sku: 'NEW' }), undefined),
    planListingChange(desired({ sku: 'PRICE', price: '18.00' }), accepted),
    planListingEnd({ sellerSku: 'GONE' }, 'ATVPDKIKX0DER', accepted),
    planListingChange(desired({ sku: 'SAME' }), accepted),
  ];

  it("builds documents that validate against Amazon's schema, with unique message ids", () => {
    const [feed, ...rest] = buildListingsFeeds('A1DEMOSELLER0001', changes);
    expect(rest).toEqual([]);
    expect(validateFeed(feed.document)).toBe(true);
    expect(feed.document.messages.map((m) => [m.messageId, m.sku, m.operationType])).toEqual([
      [1, 'NEW', 'UPDATE'],
      [2, 'PRICE', 'PATCH'],
      [3, 'GONE', 'DELETE'],
    ]);
    expect(feed.bytes).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(feed.document)));
  });

  it('chunks by message count, byte budget and repeated SKUs', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      planListingChange(desired({ sku: `S${i}`, price: '2.00' }), accepted),
    );
    expect(buildListingsFeeds('S', many, { maxMessages: 2 }).map((f) => f.document.messages.length)).toEqual([2, 2, 1]);
    const oneSize = Buffer.byteLength(JSON.stringify(buildListingsFeeds('S', many.slice(0, 1))[0].document));
    const bySize = buildListingsFeeds('S', many, { maxBytes: oneSize + 300 });
    expect(bySize.length).toBeGreaterThan(1);
    for (const f of bySize) {
      expect(Buffer.byteLength(JSON.stringify(f.document))).toBeLessThanOrEqual(oneSize + 300);
      expect(validateFeed(f.document)).toBe(true);
      expect(f.document.messages.map((m) => m.messageId)).toEqual(f.document.messages.map((_, i) => i + 1));
    }
    const twice = buildListingsFeeds('S', [many[0], { ...many[1], sku: 'S0' }]);
    expect(twice).toHaveLength(2);
    expect(() => buildListingsFeeds('S', many, { maxBytes: 50 })).toThrow(/exceeds the feed byte budget/);
    expect(() => buildListingsFeeds('S', [planListingChange(desired({ asin: 'B000000002' }), accepted)])).toThrow(
      /cannot go into a feed/,
    );
  });

  it('applies a processing report: accepted messages record values, errors attach issues and move status', () => {
    const [feed] = buildListingsFeeds('A1DEMOSELLER0001', changes);
    const report = {
      header: { sellerId: 'A1DEMOSELLER0001', version: '2.0', feedId: 'F1' },
      issues: [
        {
          messageId: 1,
          sku: 'NEW',
          code: '90220',
          severity: 'ERROR',
          message: "'condition_type' is required but not supplied.",
        },
        { messageId: 2, sku: 'PRICE', code: '18027', severity: 'WARNING', message: 'Price is much lower than usual.' },
      ],
      summary: { errors: 1, warnings: 1, messagesProcessed: 3, messagesAccepted: 2, messagesInvalid: 1 },
    };
    expect(validateReport(report)).toBe(true);
    const listings = new Map([
      ['NEW', listing({ sellerSku: 'NEW', status: 'list_in_progress' })],
      ['PRICE', listing({ sellerSku: 'PRICE', lastAccepted: accepted })],
      ['GONE', listing({ sellerSku: 'GONE', status: 'end_in_progress', previousStatus: 'active' })],
    ]);
    const applied = applyProcessingReport(feed, report, listings, { automaticListAction: 'automatic', at: AT });
    expect(applied.outcomes.map((o) => [o.sku, o.outcome])).toEqual([
      ['NEW', 'failed'],
      ['PRICE', 'accepted'],
      ['GONE', 'accepted'],
    ]);
    const bySku = Object.fromEntries(applied.listings.map((l) => [l.sellerSku, l]));
    expect(bySku.NEW).toMatchObject({ status: 'inactive', issues: [expect.objectContaining({ code: '90220' })] });
    expect(bySku.PRICE).toMatchObject({
      status: 'active',
      lastAccepted: { price: '18.00' },
      issues: [expect.objectContaining({ severity: 'WARNING' })],
    });
    expect(bySku.GONE.status).toBe('manually_ended');
  });

  it('a feed-level error with nothing accepted fails every message; malformed reports are refused', () => {
    const [feed] = buildListingsFeeds('S', changes.slice(1, 2));
    const report = {
      header: { sellerId: 'S', version: '2.0', feedId: 'F2' },
      issues: [{ code: '50001', severity: 'ERROR', message: 'The feed is not valid JSON.' }],
      summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
    };
    const applied = applyProcessingReport(feed, report, new Map([['PRICE', listing({ sellerSku: 'PRICE' })]]), {
      automaticListAction: 'automatic',
      at: AT,
    });
    expect(applied.outcomes[0]).toMatchObject({
      outcome: 'failed',
      issues: [expect.objectContaining({ code: '50001' })],
    });
    expect(applied.feedIssues).toHaveLength(1);
    expect(() =>
      applyProcessingReport(feed, { header: {} }, new Map(), { automaticListAction: 'automatic', at: AT }),
    ).toThrow();
  });
});

describe('Listing Changes log', () => {
  const ctx = { storeId: 'store-us', reason: 'pricing rule Summer', jobId: 'job-7', at: AT };

  it('one entry per changed field with from → to, why, when and which job', () => {
    const change = planListingChange(desired({ price: '17.50', quantity: 3, condition: 'used_good' }), accepted);
    expect(changeLogEntries(change, ctx)).toEqual([
      expect.objectContaining({
        action: 'Price Update',
        comments: 'price 19.99 → 17.50 (pricing rule Summer)',
        from: '19.99',
        to: '17.50',
        jobId: 'job-7',
        at: AT,
        sellerSku: 'SKU-1',
      }),
      expect.objectContaining({ action: 'Quantity Update', from: '7', to: '3' }),
      expect.objectContaining({
        action: 'Condition Update',
        comments: 'condition New → Used; Good (pricing rule Summer)',
      }),
    ]);
    expect(changeLogEntries(planListingChange(desired(), undefined), ctx)[0]).toMatchObject({ action: 'New Listing' });
    expect(changeLogEntries(planListingEnd({ sellerSku: 'X' }, 'ATVPDKIKX0DER', accepted), ctx)[0]).toMatchObject({
      action: 'End Listing',
      asin: 'B000000001',
    });
  });

  it('status changes and Amazon issues', () => {
    expect(
      statusChangeEntry(listing(), listing({ status: 'inactive', inactiveReason: 'Refurbished' }), {
        ...ctx,
        reason: undefined,
      }),
    ).toMatchObject({
      action: 'Status Change',
      comments: 'status Active → Inactive: Refurbished',
    });
    expect(statusChangeEntry(listing(), listing(), ctx)).toBeUndefined();
    expect(
      issueEntries(
        listing(),
        [
          { code: 'R1', message: 'Refurbished', severity: 'ERROR', attributeNames: ['condition_type'] },
          { code: 'I', message: 'fyi', severity: 'INFO' },
        ],
        ctx,
      ),
    ).toEqual([expect.objectContaining({ action: 'Listing Error', comments: 'R1: Refurbished [condition_type]' })]);
  });
});
