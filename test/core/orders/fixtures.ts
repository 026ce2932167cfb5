/** Builders for raw Orders v2026-01-01 payloads (as Amazon and the emulator send them) and Commerce matches. */
import Big from 'big.js';
import type { MatchedProduct } from '../../../src/core/orders';

export interface RawItemInput {
  id?: string;
  sku: string;
  qty: number;
  unit: string;
  shipping?: string;
  itemTax?: string;
  shippingTax?: string;
  discount?: string;
  shipped?: number;
  canceled?: boolean;
  currency?: string;
}

const m = (amount: Big.BigSource, currencyCode: string) => ({ amount: new Big(amount).toFixed(2), currencyCode });

export function rawItem(i: RawItemInput, k = 0): Record<string, unknown> {
  const c = i.currency ?? 'USD';
  const line = new Big(i.unit).times(i.qty);
  const tax = new Big(i.itemTax ?? 0).plus(i.shippingTax ?? 0);
  return {
    orderItemId: i.id ?? `OI${k + 1}`,
    quantityOrdered: i.qty,
    product: {
      asin: `B0000000${k}`,
      title: `Title ${i.sku}`,
      sellerSku: i.sku,
      condition: { conditionType: 'NEW' },
      price: { unitPrice: m(i.unit, c) },
    },
    proceeds: {
      proceedsTotal: m(
        line
          .plus(i.shipping ?? 0)
          .plus(tax)
          .minus(i.discount ?? 0),
        c,
      ),
      breakdowns: [
        { type: 'ITEM', subtotal: m(line, c) },
        { type: 'SHIPPING', subtotal: m(i.shipping ?? 0, c) },
        {
          type: 'TAX',
          subtotal: m(tax, c),
          detailedBreakdowns: [
            { subtype: 'ITEM', value: m(i.itemTax ?? 0, c) },
            { subtype: 'SHIPPING', value: m(i.shippingTax ?? 0, c) },
          ],
        },
        { type: 'DISCOUNT', subtotal: m(new Big(i.discount ?? 0).times(-1), c) },
      ],
    },
    ...(i.canceled
      ? { cancellation: { cancellationExecution: { cancelledBy: 'BUYER', cancelReason: 'BuyerCanceled' } } }
      : {}),
    fulfillment: {
      quantityFulfilled: i.shipped ?? 0,
      quantityUnfulfilled: i.canceled ? 0 : i.qty - (i.shipped ?? 0),
    },
  };
}

export interface RawOrderInput {
  orderId?: string;
  status?: string;
  fulfilledBy?: 'AMAZON' | 'MERCHANT';
  created?: string;
  updated?: string;
  items?: RawItemInput[];
  marketplaceId?: string;
  buyer?: Record<string, unknown> | null;
  address?: Record<string, unknown> | null;
  pending?: boolean;
}

export function rawOrder(o: RawOrderInput = {}): Record<string, unknown> {
  const items = o.items ?? [
    { sku: 'SKU-1', qty: 2, unit: '12.50', shipping: '4.99', itemTax: '2.00', shippingTax: '0.40' },
  ];
  const raw = items.map((i, k) => rawItem(i, k));
  if (o.pending)
    for (const r of raw) {
      delete (r as { proceeds?: unknown }).proceeds;
      delete (r.product as { price?: unknown }).price;
    }
  return {
    orderId: o.orderId ?? '113-0000001-0000001',
    createdTime: o.created ?? '2026-03-01T10:00:00Z',
    lastUpdatedTime: o.updated ?? o.created ?? '2026-03-01T10:05:00Z',
    programs: [],
    salesChannel: {
      channelName: 'AMAZON',
      marketplaceId: o.marketplaceId ?? 'ATVPDKIKX0DER',
      marketplaceName: 'Amazon.com',
    },
    ...(o.buyer === null
      ? {}
      : { buyer: o.buyer ?? { buyerName: 'Alex Smith', buyerEmail: 'abc123@marketplace.amazon.com' } }),
    ...(o.address === null
      ? {}
      : {
          recipient: {
            deliveryAddress: o.address ?? {
              name: 'Alex Smith',
              addressLine1: '1 Main St',
              addressLine2: 'Apt 2',
              city: 'Seattle',
              stateOrRegion: 'WA',
              postalCode: '98109-1234',
              countryCode: 'US',
              phone: '+1 (206) 555-0100',
            },
          },
        }),
    fulfillment: {
      fulfillmentStatus: o.status ?? 'UNSHIPPED',
      fulfilledBy: o.fulfilledBy ?? 'MERCHANT',
      fulfillmentServiceLevel: 'STANDARD',
    },
    orderItems: raw,
  };
}

export const product = (sku: string, over: Partial<MatchedProduct> = {}): MatchedProduct => ({
  sku,
  productId: 10,
  name: `Product ${sku}`,
  typeId: 'simple',
  enabled: true,
  inWebsite: true,
  manageStock: true,
  salableQty: 100,
  ...over,
});
