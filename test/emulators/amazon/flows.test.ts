import { gunzipSync } from 'node:zlib';
import { validateJsonSchema } from '../../../src/emulators/shared/schema-validator';
import { DE, type Harness, SELLER, US, startHarness } from './harness';

const reportSchema = require('../../../models/sp-api/schemas/feeds/listings-feed-processing-report-schema-v2.json');
const orderChangeSchema = require('../../../models/sp-api/schemas/notifications/OrderChangeNotification.json');
const offerChangedSchema = require('../../../models/sp-api/schemas/notifications/AnyOfferChangedNotification.json');

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.emu.control.violations()).toEqual([]);
  await h.emu.close();
});

const v = (version: string) => ({ version });

it('JSON_LISTINGS_FEED end to end: upload, async processing, listings changed, report per message', async () => {
  const sp = h.sp();
  const doc = await sp.callAPI({
    operation: 'createFeedDocument',
    endpoint: 'feeds',
    body: { contentType: 'application/json; charset=UTF-8' },
  });
  expect(doc.url).toMatch(/^https:\/\/tortuga-prod-na\.s3-external-1\.amazonaws\.com\/NinetyDays\//);
  const feed = {
    header: {
      sellerId: SELLER,
      version: '2.0',
      report: { includedData: ['summaries', 'offers'], apiVersion: '2021-08-01' },
    },
    messages: [
      {
        messageId: 1,
        sku: 'MUG-1',
        operationType: 'PATCH',
        productType: 'DRINKING_CUP',
        patches: [
          {
            op: 'replace',
            path: '/attributes/purchasable_offer',
            value: [
              {
                marketplace_id: US,
                currency: 'USD',
                audience: 'ALL',
                our_price: [{ schedule: [{ value_with_tax: 10.49 }] }],
              },
            ],
          },
        ],
      },
      { messageId: 2, sku: 'MUG-1', operationType: 'SHOUT' },
      {
        messageId: 3,
        sku: 'MUG-FBA',
        operationType: 'PATCH',
        productType: 'DRINKING_CUP',
        patches: [
          {
            op: 'replace',
            path: '/attributes/fulfillment_availability',
            value: [{ fulfillment_channel_code: 'DEFAULT', quantity: -4 }],
          },
        ],
      },
    ],
  };
  await sp.upload(doc, { content: JSON.stringify(feed), contentType: 'application/json; charset=UTF-8' });
  const { feedId } = await sp.callAPI({
    operation: 'createFeed',
    endpoint: 'feeds',
    body: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [US], inputFeedDocumentId: doc.feedDocumentId },
  });
  expect((await sp.callAPI({ operation: 'getFeed', endpoint: 'feeds', path: { feedId } })).processingStatus).toBe(
    'IN_QUEUE',
  );
  h.emu.control.advance(30_000);
  expect((await sp.callAPI({ operation: 'getFeed', endpoint: 'feeds', path: { feedId } })).processingStatus).toBe(
    'IN_PROGRESS',
  );
  h.emu.control.advance(90_000);
  const done = await sp.callAPI({ operation: 'getFeed', endpoint: 'feeds', path: { feedId } });
  expect(done.processingStatus).toBe('DONE');
  const resultDoc = await sp.callAPI({
    operation: 'getFeedDocument',
    endpoint: 'feeds',
    path: { feedDocumentId: done.resultFeedDocumentId },
  });
  const report = JSON.parse(await sp.download(resultDoc));
  expect(validateJsonSchema(reportSchema, report).issues).toEqual([]);
  expect(report.summary).toMatchObject({ messagesProcessed: 3, messagesAccepted: 1, messagesInvalid: 2 });
  expect(report.issues.map((i: { messageId: number }) => i.messageId)).toEqual(expect.arrayContaining([2, 3]));
  expect(report.items[0].offers[0].price.amount).toBe('10.49');
  const item = await sp.callAPI({
    operation: 'getListingsItem',
    endpoint: 'listingsItems',
    path: { sellerId: SELLER, sku: 'MUG-1' },
    query: { marketplaceIds: [US], includedData: ['offers'] },
    options: v('2021-08-01'),
  });
  expect(item.offers[0].price).toEqual({ currencyCode: 'USD', amount: '10.49' });
});

it('listings: VALIDATION_PREVIEW changes nothing; missing price gives an issue and drops BUYABLE', async () => {
  const sp = h.sp();
  const patch = (mode?: string, value = 0) =>
    sp.callAPI({
      operation: 'patchListingsItem',
      endpoint: 'listingsItems',
      path: { sellerId: SELLER, sku: 'MUG-1' },
      query: { marketplaceIds: [US], ...(mode ? { mode } : {}) },
      body: {
        productType: 'DRINKING_CUP',
        patches: [
          {
            op: 'replace',
            path: '/attributes/purchasable_offer',
            value: [{ marketplace_id: US, currency: 'USD', our_price: [{ schedule: [{ value_with_tax: value }] }] }],
          },
        ],
      },
      options: v('2021-08-01'),
    });
  expect((await patch('VALIDATION_PREVIEW', 0)).status).toBe('INVALID');
  expect((await patch('VALIDATION_PREVIEW', 14.5)).status).toBe('VALID');
  const get = () =>
    sp.callAPI({
      operation: 'getListingsItem',
      endpoint: 'listingsItems',
      path: { sellerId: SELLER, sku: 'MUG-1' },
      query: { marketplaceIds: [US], includedData: ['summaries', 'offers', 'issues'] },
      options: v('2021-08-01'),
    });
  expect((await get()).offers[0].price.amount).toBe('12.99');
  await sp.callAPI({
    operation: 'patchListingsItem',
    endpoint: 'listingsItems',
    path: { sellerId: SELLER, sku: 'MUG-1' },
    query: { marketplaceIds: [US] },
    body: { productType: 'DRINKING_CUP', patches: [{ op: 'delete', path: '/attributes/purchasable_offer' }] },
    options: v('2021-08-01'),
  });
  const after = await get();
  expect(after.summaries[0].status).toEqual(['DISCOVERABLE']);
  expect(after.issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ attributeNames: ['purchasable_offer'], severity: 'ERROR' })]),
  );
});

it('catalog: identifier search can return several ASINs; SKU search needs sellerId', async () => {
  const sp = h.sp();
  const r = await sp.callAPI({
    operation: 'searchCatalogItems',
    endpoint: 'catalogItems',
    query: {
      marketplaceIds: [US],
      identifiersType: 'EAN',
      identifiers: ['4006381333931'],
      includedData: ['summaries', 'identifiers'],
    },
    options: v('2022-04-01'),
  });
  expect(r.items.map((i: { asin: string }) => i.asin)).toEqual(['B000000001', 'B000000002']);
  h.emu.control.advance(1000);
  const bySku = await sp.callAPI({
    operation: 'searchCatalogItems',
    endpoint: 'catalogItems',
    query: { marketplaceIds: [US], identifiersType: 'SKU', identifiers: ['MUG-FBA'], sellerId: SELLER },
    options: v('2022-04-01'),
  });
  expect(bySku.items[0].asin).toBe('B000000002');
  h.emu.control.advance(1000);
  const kw = await sp.callAPI({
    operation: 'searchCatalogItems',
    endpoint: 'catalogItems',
    query: { marketplaceIds: [US], keywords: ['mug', '2-pack'] },
    options: v('2022-04-01'),
  });
  expect(kw.numberOfResults).toBe(1);
});

it('reports: GET_MERCHANT_LISTINGS_ALL_DATA is gzip TSV, Cp1252 in EU with the charset in the content type', async () => {
  const sp = h.sp('eu');
  const { reportId } = await sp.callAPI({
    operation: 'createReport',
    endpoint: 'reports',
    body: { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [DE] },
  });
  h.emu.control.advance(60_000);
  const rep = await sp.callAPI({ operation: 'getReport', endpoint: 'reports', path: { reportId } });
  expect(rep.processingStatus).toBe('DONE');
  const doc = await sp.callAPI({
    operation: 'getReportDocument',
    endpoint: 'reports',
    path: { reportDocumentId: rep.reportDocumentId },
  });
  expect(doc.compressionAlgorithm).toBe('GZIP');
  const rows = await sp.download(doc, { json: true });
  expect(rows[0]).toMatchObject({
    'item-name': 'Kaffeebecher Größe M – Café',
    'seller-sku': 'BECHER-M',
    price: '9.90',
    quantity: '3',
    asin1: 'B000000003',
    'fulfillment-channel': 'DEFAULT',
    status: 'Active',
  });
  const stored = h.emu.state.documents.get(rep.reportDocumentId)!;
  expect(stored.contentType).toBe('text/plain;charset=Cp1252');
  const bytes = gunzipSync(Buffer.from(stored.content!, 'base64'));
  expect(bytes.includes(Buffer.from([0xdf]))).toBe(true); // ß in Cp1252
  const na = h.sp('na');
  const { reportId: usId } = await na.callAPI({
    operation: 'createReport',
    endpoint: 'reports',
    body: { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [US] },
  });
  h.emu.control.advance(60_000);
  const usRep = await na.callAPI({ operation: 'getReport', endpoint: 'reports', path: { reportId: usId } });
  expect(h.emu.state.documents.get(usRep.reportDocumentId)!.contentType).toBe('text/plain;charset=UTF-8');
});

it('pricing: buy box by landed price with FBA/feedback bonus, and our own offer can win', async () => {
  const sp = h.sp();
  const offers = () =>
    sp.callAPI({
      operation: 'getItemOffers',
      endpoint: 'productPricing',
      path: { Asin: 'B000000001' },
      query: { MarketplaceId: US, ItemCondition: 'New' },
      options: v('v0'),
    });
  const before = await offers();
  const winner = before.Offers.find((o: { IsBuyBoxWinner: boolean }) => o.IsBuyBoxWinner);
  expect(winner.SellerId).toBe('ACOMPETITOR01'); // 12.49 FBA ×0.97 beats our 12.99 FBM ×0.99; ACOMPETITOR02 has 85% feedback
  expect(before.Offers.find((o: { MyOffer: boolean }) => o.MyOffer).ListingPrice.Amount).toBe(12.99);
  await sp.callAPI({
    operation: 'patchListingsItem',
    endpoint: 'listingsItems',
    path: { sellerId: SELLER, sku: 'MUG-1' },
    query: { marketplaceIds: [US] },
    body: {
      productType: 'DRINKING_CUP',
      patches: [
        {
          op: 'replace',
          path: '/attributes/purchasable_offer',
          value: [{ marketplace_id: US, currency: 'USD', our_price: [{ schedule: [{ value_with_tax: 11.99 }] }] }],
        },
      ],
    },
    options: v('2021-08-01'),
  });
  h.emu.control.advance(2000);
  const after = await offers();
  expect(after.Offers.find((o: { IsBuyBoxWinner: boolean }) => o.IsBuyBoxWinner)).toMatchObject({
    MyOffer: true,
    SellerId: SELLER,
  });
  h.emu.control.advance(30_000);
  const summary = await sp.callAPI({
    operation: 'getCompetitiveSummary',
    endpoint: 'productPricing',
    body: {
      requests: [
        {
          asin: 'B000000001',
          marketplaceId: US,
          includedData: ['featuredBuyingOptions', 'lowestPricedOffers', 'referencePrices'],
          method: 'GET',
          uri: '/products/pricing/2022-05-01/items/competitiveSummary',
        },
      ],
    },
    options: v('2022-05-01'),
  });
  expect(summary.responses[0].body.featuredBuyingOptions[0].segmentedFeaturedOffers[0].sellerId).toBe(SELLER);
  h.emu.control.advance(10_000);
  const batch = await sp.callAPI({
    operation: 'getItemOffersBatch',
    endpoint: 'productPricing',
    body: {
      requests: [
        {
          uri: '/products/pricing/v0/items/B000000001/offers',
          method: 'GET',
          MarketplaceId: US,
          ItemCondition: 'Used',
        },
      ],
    },
    options: v('v0'),
  });
  expect(batch.responses[0].body.payload.Offers[0].SellerId).toBe('ACOMPETITOR03');
});

it('orders: FBM Pending → Unshipped → Shipped via confirmShipment; FBA ships itself; search and includedData follow the model', async () => {
  const sp = h.sp();
  const created = await h.control('POST', '/orders', {
    sellerId: SELLER,
    marketplaceId: US,
    items: [{ sku: 'MUG-1', quantity: 2, promotionDiscount: '1.00', promotionId: 'PROMO-1' }],
  });
  expect(created.status).toBe(201);
  const orderId = created.body.internal.orderId;
  const fba = (
    await h.control('POST', '/orders', {
      sellerId: SELLER,
      marketplaceId: US,
      items: [{ sku: 'MUG-FBA', quantity: 1 }],
    })
  ).body.internal.orderId;
  const get = (id: string) =>
    sp.callAPI({
      operation: 'getOrder',
      endpoint: 'orders',
      path: { orderId: id },
      query: {
        includedData: ['BUYER', 'RECIPIENT', 'PROCEEDS', 'FULFILLMENT', 'PROMOTION', 'PACKAGES', 'TAX', 'CANCELLATION'],
      },
      options: v('2026-01-01'),
    });
  expect((await get(orderId)).order.fulfillment.fulfillmentStatus).toBe('PENDING');
  h.emu.control.advance(10 * 60_000);
  const unshipped = (await get(orderId)).order;
  expect(unshipped.fulfillment).toMatchObject({ fulfillmentStatus: 'UNSHIPPED', fulfilledBy: 'MERCHANT' });
  expect(unshipped.orderItems[0].promotion.breakdowns[0].promotionId).toBe('PROMO-1');
  expect(unshipped.proceeds.grandTotal.currencyCode).toBe('USD');
  expect(unshipped.buyer.buyerEmail).toMatch(/@marketplace\.amazon\.com$/);
  await sp.callAPI({
    operation: 'confirmShipment',
    endpoint: 'orders',
    path: { orderId },
    body: {
      marketplaceId: US,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'UPS',
        trackingNumber: '1Z999',
        shipDate: new Date(h.clock.now()).toISOString(),
        orderItems: [{ orderItemId: unshipped.orderItems[0].orderItemId, quantity: 2 }],
      },
    },
    options: v('v0'),
  });
  const shipped = (await get(orderId)).order;
  expect(shipped.fulfillment.fulfillmentStatus).toBe('SHIPPED');
  expect(shipped.packages[0]).toMatchObject({ carrier: 'UPS', trackingNumber: '1Z999' });
  h.emu.control.advance(4 * 3_600_000);
  expect((await get(fba)).order.fulfillment).toMatchObject({ fulfillmentStatus: 'SHIPPED', fulfilledBy: 'AMAZON' });
  h.emu.control.advance(5 * 60_000);
  const search = await sp.callAPI({
    operation: 'searchOrders',
    endpoint: 'orders',
    query: { createdAfter: '2026-03-01T00:00:00Z', maxResultsPerPage: 1, fulfillmentStatuses: ['SHIPPED'] },
    options: v('2026-01-01'),
  });
  expect(search.orders).toHaveLength(1);
  const page2 = await sp.callAPI({
    operation: 'searchOrders',
    endpoint: 'orders',
    query: { paginationToken: search.pagination.nextToken },
    options: v('2026-01-01'),
  });
  expect(page2.orders).toHaveLength(1);
  expect(new Set([search.orders[0].orderId, page2.orders[0].orderId])).toEqual(new Set([orderId, fba]));
  const both = await h.raw(
    'GET',
    'sellingpartnerapi-na.amazon.com',
    '/orders/2026-01-01/orders?createdAfter=2026-03-01T00:00:00Z&lastUpdatedAfter=2026-03-01T00:00:00Z',
    { token: await h.token() },
  );
  expect(both.status).toBe(400);
});

it('order feeds: cancellation (CancelReason) and payment adjustment are applied to orders', async () => {
  const sp = h.sp();
  const orderId = (
    await h.control('POST', '/orders', { sellerId: SELLER, marketplaceId: US, items: [{ sku: 'MUG-1', quantity: 1 }] })
  ).body.internal.orderId;
  h.emu.control.advance(10 * 60_000);
  const submit = async (feedType: string, xml: string) => {
    const doc = await sp.callAPI({
      operation: 'createFeedDocument',
      endpoint: 'feeds',
      body: { contentType: 'text/xml; charset=UTF-8' },
    });
    await sp.upload(doc, { content: xml, contentType: 'text/xml; charset=UTF-8' });
    const { feedId } = await sp.callAPI({
      operation: 'createFeed',
      endpoint: 'feeds',
      body: { feedType, marketplaceIds: [US], inputFeedDocumentId: doc.feedDocumentId },
    });
    h.emu.control.advance(3 * 60_000);
    const f = await sp.callAPI({ operation: 'getFeed', endpoint: 'feeds', path: { feedId } });
    return sp.download(
      await sp.callAPI({
        operation: 'getFeedDocument',
        endpoint: 'feeds',
        path: { feedDocumentId: f.resultFeedDocumentId },
      }),
      { json: true },
    );
  };
  const env = (type: string, msg: string) =>
    `<?xml version="1.0"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${SELLER}</MerchantIdentifier></Header><MessageType>${type}</MessageType>${msg}</AmazonEnvelope>`;
  const itemId = h.emu.state.orders.get(orderId)!.items[0].orderItemId;
  const adj = await submit(
    'POST_PAYMENT_ADJUSTMENT_DATA',
    env(
      'OrderAdjustment',
      `<Message><MessageID>1</MessageID><OrderAdjustment><AmazonOrderID>${orderId}</AmazonOrderID><AdjustedItem><AmazonOrderItemCode>${itemId}</AmazonOrderItemCode><AdjustmentReason>CustomerReturn</AdjustmentReason><ItemPriceAdjustments><Component><Type>Principal</Type><Amount currency="USD">2.00</Amount></Component></ItemPriceAdjustments></AdjustedItem></OrderAdjustment></Message>`,
    ),
  );
  expect(adj.AmazonEnvelope.Message.ProcessingReport.ProcessingSummary.MessagesSuccessful).toBe(1);
  expect(h.emu.state.orders.get(orderId)!.adjustments[0].components).toEqual([{ type: 'Principal', amount: '2.00' }]);
  const cancel = await submit(
    'POST_ORDER_ACKNOWLEDGEMENT_DATA',
    env(
      'OrderAcknowledgement',
      `<Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>${orderId}</AmazonOrderID><StatusCode>Failure</StatusCode><Item><AmazonOrderItemCode>${itemId}</AmazonOrderItemCode><CancelReason>NoInventory</CancelReason></Item></OrderAcknowledgement></Message><Message><MessageID>2</MessageID><OrderAcknowledgement><AmazonOrderID>999-0000000-0000000</AmazonOrderID><StatusCode>Failure</StatusCode></OrderAcknowledgement></Message>`,
    ),
  );
  expect(cancel.AmazonEnvelope.Message.ProcessingReport.ProcessingSummary).toMatchObject({
    MessagesProcessed: 2,
    MessagesSuccessful: 1,
    MessagesWithError: 1,
  });
  const order = await sp.callAPI({
    operation: 'getOrder',
    endpoint: 'orders',
    path: { orderId },
    query: { includedData: ['CANCELLATION', 'FULFILLMENT'] },
    options: v('2026-01-01'),
  });
  expect(order.order.fulfillment.fulfillmentStatus).toBe('CANCELLED');
  expect(order.order.orderItems[0].cancellation.cancellationExecution).toEqual({
    cancelledBy: 'MERCHANT',
    cancelReason: 'NoInventory',
  });
});

it('notifications: subscribe, then ORDER_CHANGE and ANY_OFFER_CHANGED arrive in the local queue per the official schemas', async () => {
  const sp = h.sp();
  const arn = 'arn:aws:sqs:us-east-1:123456789012:asc-notifications';
  const dest = await sp.callAPI({
    operation: 'createDestination',
    endpoint: 'notifications',
    body: { name: 'asc', resourceSpecification: { sqs: { arn } } },
  });
  for (const t of ['ORDER_CHANGE', 'ANY_OFFER_CHANGED'])
    await sp.callAPI({
      operation: 'createSubscription',
      endpoint: 'notifications',
      path: { notificationType: t },
      body: { payloadVersion: '1.0', destinationId: dest.destinationId },
    });
  const sub = await sp.callAPI({
    operation: 'getSubscription',
    endpoint: 'notifications',
    path: { notificationType: 'ORDER_CHANGE' },
  });
  expect(sub.destinationId).toBe(dest.destinationId);
  await h.control('POST', '/orders', { sellerId: SELLER, marketplaceId: US, items: [{ sku: 'MUG-1', quantity: 1 }] });
  await h.control('POST', '/competitor-offers', {
    asin: 'B000000001',
    marketplaceId: US,
    sellerId: 'ANEWCOMER',
    condition: 'New',
    price: '9.99',
    shipping: '0.00',
    currency: 'USD',
    fulfilledByAmazon: true,
    feedbackPercent: 99,
    feedbackCount: 10000,
  });
  const received = await h.raw('POST', '127.0.0.1', '/__sqs/receive', {
    body: { queueArn: arn, max: 10, visibilityTimeoutSeconds: 30 },
  });
  const bodies = received.json.messages.map((m: { body: string }) => JSON.parse(m.body));
  const orderChange = bodies.find((b: { NotificationType: string }) => b.NotificationType === 'ORDER_CHANGE');
  const offerChange = bodies.find((b: { NotificationType: string }) => b.NotificationType === 'ANY_OFFER_CHANGED');
  expect(validateJsonSchema(orderChangeSchema, orderChange).issues).toEqual([]);
  expect(validateJsonSchema(offerChangedSchema, offerChange).issues).toEqual([]);
  expect(orderChange.Payload.OrderChangeNotification.Summary.OrderStatus).toBe('Pending');
  expect(offerChange.Payload.AnyOfferChangedNotification.Summary.BuyBoxPrices[0].LandedPrice.Amount).toBe(9.99);
  // invisible until the visibility timeout passes; deleted messages never return
  expect((await h.raw('POST', '127.0.0.1', '/__sqs/receive', { body: { queueArn: arn } })).json.messages).toEqual([]);
  for (const m of received.json.messages)
    await h.raw('POST', '127.0.0.1', '/__sqs/delete', { body: { receiptHandle: m.receiptHandle } });
  h.emu.control.advance(31_000);
  expect((await h.raw('POST', '127.0.0.1', '/__sqs/receive', { body: { queueArn: arn } })).json.messages).toEqual([]);
});

it('fault injection: 5xx, 429, reset, malformed body and slow answers per operation', async () => {
  const sp = h.sp();
  const call = () =>
    sp.callAPI({
      operation: 'getCatalogItem',
      endpoint: 'catalogItems',
      path: { asin: 'B000000001' },
      query: { marketplaceIds: [US] },
      options: v('2022-04-01'),
    });
  await call();
  await h.control('POST', '/faults', [{ operation: 'getCatalogItem', kind: 'server-error', status: 503, nextN: 1 }]);
  await expect(call()).rejects.toMatchObject({ code: 'ServiceUnavailable' });
  h.emu.control.advance(1000);
  await h.control('POST', '/faults', { operation: 'getCatalogItem', kind: 'throttle', nextN: 1 });
  await expect(call()).rejects.toMatchObject({ code: 'QuotaExceeded' });
  h.emu.control.advance(1000);
  await h.control('POST', '/faults', { operation: 'getCatalogItem', kind: 'malformed', nextN: 1 });
  await expect(call()).rejects.toMatchObject({ code: 'JSON_PARSE_ERROR' });
  h.emu.control.advance(1000);
  await h.control('POST', '/faults', { operation: 'getCatalogItem', kind: 'reset', nextN: 1 });
  await expect(call()).rejects.toThrow();
  h.emu.control.advance(1000);
  await h.control('POST', '/faults', { operation: 'getCatalogItem', kind: 'slow', delayMs: 250, nextN: 1 });
  const t0 = Date.now();
  await call();
  expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
  const log = (await h.control('GET', '/requests?operation=getCatalogItem')).body.requests.map(
    (r: { fault?: string }) => r.fault ?? null,
  );
  expect(log).toEqual([null, 'server-error', 'throttle', 'malformed', 'reset', 'slow']);
});

it('a response that breaks the official model is recorded and answered 500 in strict mode', async () => {
  h.emu.state.listings.get(`${SELLER}|${US}|MUG-1`)!.createdDate = 'yesterday';
  const r = await h.raw(
    'GET',
    'sellingpartnerapi-na.amazon.com',
    `/listings/2021-08-01/items/${SELLER}/MUG-1?marketplaceIds=${US}`,
    { token: await h.token() },
  );
  expect(r.status).toBe(500);
  expect(r.json.errors[0].details).toContain('createdDate');
  const violations = (await h.control('GET', '/violations')).body.violations;
  expect(violations[0]).toMatchObject({ operation: 'getListingsItem', status: 200 });
  await h.control('DELETE', '/violations');
});
