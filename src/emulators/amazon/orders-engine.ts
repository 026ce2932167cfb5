/**
 * Order generation and lifecycle on the emulator clock, plus the mutations other APIs apply
 * (shipment confirmation, seller cancellation, refunds). Every status change emits ORDER_CHANGE.
 *
 * Lifecycle: PENDING → (10 min) UNSHIPPED; AFN then → (4 h) SHIPPED by itself; MFN waits for
 * confirmShipment / POST_ORDER_FULFILLMENT_DATA, or ends CANCELLED (cancellation feed, or plannedOutcome).
 */
import Big from 'big.js';
import { fulfillment, isFba, itemName, listingPrice } from './listing-model';
import type { AmazonState, OrderItemRecord, OrderRecord, OrderStatus } from './state';

export const PENDING_MS = 10 * 60_000;
export const AFN_SHIP_MS = 4 * 3_600_000;

const V0_STATUS: Record<OrderStatus, string> = {
  PENDING_AVAILABILITY: 'PendingAvailability',
  PENDING: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'PartiallyShipped',
  SHIPPED: 'Shipped',
  CANCELLED: 'Canceled',
  UNFULFILLABLE: 'Unfulfillable',
};

export type OrderChangeListener = (order: OrderRecord, changeType: string, reason: string) => void;

const FIRST = ['Alex', 'Maria', 'Jonas', 'Chloé', 'Sam', 'Ingrid', 'Kenji', 'Priya'];
const LAST = ['Smith', 'Müller', 'García', 'Dubois', 'Jensen', 'Okafor', 'Rossi', 'Novak'];
const CITIES: Record<string, [string, string, string]> = {
  US: ['Seattle', 'WA', '98109'],
  CA: ['Toronto', 'ON', 'M5V 2T6'],
  GB: ['Manchester', 'England', 'M1 2AB'],
  DE: ['Köln', 'NRW', '50667'],
};
const TAX_RATE: Record<string, string> = { US: '0.08', CA: '0.13', GB: '0.2', DE: '0.19' };

export interface CreateOrderInput {
  sellerId: string;
  marketplaceId: string;
  items: Array<{ sku: string; quantity: number; unitPrice?: string; promotionDiscount?: string; promotionId?: string }>;
  fulfilledBy?: 'AMAZON' | 'MERCHANT';
  status?: OrderStatus;
  createdTime?: string;
  outcome?: 'SHIPPED' | 'CANCELLED';
  buyerRequestedCancel?: boolean;
}

export class OrdersEngine {
  constructor(
    private readonly state: AmazonState,
    private readonly onChange: OrderChangeListener,
  ) {}

  static v0Status(s: OrderStatus): string {
    return V0_STATUS[s];
  }

  private orderId(mpCountry: string): string {
    const n = () => String(Math.floor(this.state.random() * 10_000_000)).padStart(7, '0');
    const prefix = mpCountry === 'US' || mpCountry === 'CA' ? '113' : '302';
    return `${prefix}-${n()}-${n()}`;
  }

  create(input: CreateOrderInput, now: number): OrderRecord {
    const { state } = this;
    const mp = state.marketplace(input.marketplaceId);
    const seller = state.sellers.get(input.sellerId);
    if (!mp || !seller) throw new Error('order needs a known sellerId and marketplaceId');
    if (!input.items.length) throw new Error('order needs at least one item');
    const rnd = state.random;
    const created = input.createdTime ? Date.parse(input.createdTime) : now;
    const country = mp.country;
    const taxRate = TAX_RATE[country] ?? '0.1';
    let anyFba = false;
    const items: OrderItemRecord[] = input.items.map((it, idx) => {
      const l = state.listings.get(state.listingKey(input.sellerId, input.marketplaceId, it.sku));
      if (!l?.asin) throw new Error(`order item sku ${it.sku} has no listing with an ASIN in ${input.marketplaceId}`);
      if (!Number.isInteger(it.quantity) || it.quantity < 1) throw new Error('order item quantity must be >= 1');
      anyFba ||= isFba(l);
      const unit = it.unitPrice ?? listingPrice(l) ?? '10.00';
      const line = new Big(unit).times(it.quantity);
      const discount = new Big(it.promotionDiscount ?? '0');
      const shipping = isFba(l) ? new Big(0) : new Big('4.99');
      return {
        orderItemId: `${String(created).slice(-8)}${idx}${Math.floor(rnd() * 1000)}`,
        sku: it.sku,
        asin: l.asin,
        title: itemName(l, state) ?? it.sku,
        quantity: it.quantity,
        quantityShipped: 0,
        unitPrice: new Big(unit).toFixed(2),
        shippingPrice: shipping.toFixed(2),
        itemTax: line.minus(discount).times(taxRate).toFixed(2),
        shippingTax: shipping.times(taxRate).toFixed(2),
        promotionDiscount: discount.toFixed(2),
        promotionIds: it.promotionId ? [it.promotionId] : [],
        conditionType: ((l.attributes.condition_type?.[0] as { value?: string } | undefined)?.value ?? 'new_new')
          .split('_')[0]
          .toUpperCase(),
        ...(input.buyerRequestedCancel ? { buyerCancelRequest: { reason: 'Order placed by mistake' } } : {}),
      };
    });
    const fulfilledBy = input.fulfilledBy ?? (anyFba ? 'AMAZON' : 'MERCHANT');
    const name = `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`;
    const [city, region, postal] = CITIES[country] ?? ['Capital', '', '10000'];
    const status = input.status ?? 'PENDING';
    const iso = (ms: number) => new Date(ms).toISOString();
    const order: OrderRecord = {
      orderId: this.orderId(country),
      sellerId: input.sellerId,
      marketplaceId: input.marketplaceId,
      currency: mp.currency,
      createdTime: iso(created),
      lastUpdatedTime: iso(created),
      status,
      fulfilledBy,
      serviceLevel: fulfilledBy === 'AMAZON' ? 'NEXT_DAY' : 'STANDARD',
      isPrime: fulfilledBy === 'AMAZON',
      isBusiness: false,
      buyer: { name, email: `${state.randomToken(8).toLowerCase()}@marketplace.${mp.domain}` },
      address: {
        name,
        addressLine1: `${1 + Math.floor(rnd() * 200)} Main Street`,
        city,
        stateOrRegion: region,
        postalCode: postal,
        countryCode: country,
        phone: '+1 555 0100',
      },
      items,
      packages: [],
      adjustments: [],
      nextTransitionAt:
        status === 'PENDING'
          ? created + PENDING_MS
          : status === 'UNSHIPPED' && fulfilledBy === 'AMAZON'
            ? created + AFN_SHIP_MS
            : undefined,
      plannedOutcome: input.outcome,
      shipBy: { earliest: iso(created), latest: iso(created + 2 * 86_400_000) },
      deliverBy: { earliest: iso(created + 3 * 86_400_000), latest: iso(created + 7 * 86_400_000) },
    };
    state.orders.set(order.orderId, order);
    for (const it of items) this.reserve(order, it.sku, it.quantity);
    this.onChange(
      order,
      input.buyerRequestedCancel ? 'BuyerRequestedChange' : 'OrderStatusChange',
      input.buyerRequestedCancel ? 'BuyerRequestedCancel' : 'NewOrder',
    );
    return order;
  }

  /** FBM stock goes down when an order is placed (as in Seller Central). */
  private reserve(order: OrderRecord, sku: string, qty: number): void {
    const l = this.state.listings.get(this.state.listingKey(order.sellerId, order.marketplaceId, sku));
    const fa = l?.attributes.fulfillment_availability?.[0] as { quantity?: number } | undefined;
    if (l && fa && typeof fa.quantity === 'number') fa.quantity = Math.max(0, fa.quantity - qty);
    void fulfillment;
  }

  setStatus(order: OrderRecord, status: OrderStatus, at: number, reason: string): void {
    if (order.status === status) return;
    order.status = status;
    order.lastUpdatedTime = new Date(at).toISOString();
    order.nextTransitionAt = undefined;
    if (status === 'UNSHIPPED' && order.fulfilledBy === 'AMAZON') order.nextTransitionAt = at + AFN_SHIP_MS;
    if (status === 'UNSHIPPED' && order.plannedOutcome === 'CANCELLED') order.nextTransitionAt = at + 60 * 60_000;
    if (status === 'SHIPPED') for (const it of order.items) it.quantityShipped = it.quantity;
    this.onChange(order, 'OrderStatusChange', reason);
  }

  /** Advances lifecycles and generates stream orders up to `now`. */
  tick(now: number): void {
    for (const stream of this.state.streams) {
      if (stream.ordersPerHour <= 0 || now <= stream.generatedUntil) continue;
      const span = now - stream.generatedUntil;
      const expected = (span / 3_600_000) * stream.ordersPerHour + stream.carry;
      const count = Math.min(Math.floor(expected), 500);
      stream.carry = expected - Math.floor(expected);
      for (let i = 1; i <= count; i++) {
        const at = stream.generatedUntil + Math.floor((span * i) / (count + 1));
        const nItems = 1 + Math.floor(this.state.random() * Math.min(3, stream.skus.length));
        const skus = [...stream.skus].sort(() => this.state.random() - 0.5).slice(0, nItems);
        const usable = skus.filter(
          (sku) => this.state.listings.get(this.state.listingKey(stream.sellerId, stream.marketplaceId, sku))?.asin,
        );
        if (!usable.length) continue;
        const promo = this.state.random() < 0.2;
        this.create(
          {
            sellerId: stream.sellerId,
            marketplaceId: stream.marketplaceId,
            createdTime: new Date(at).toISOString(),
            items: usable.map((sku, idx) => ({
              sku,
              quantity: 1 + Math.floor(this.state.random() * 2),
              ...(promo && idx === 0 ? { promotionDiscount: '1.00', promotionId: 'EMU-PROMO-10' } : {}),
            })),
            outcome: this.state.random() < 0.05 ? 'CANCELLED' : undefined,
          },
          at,
        );
      }
      stream.generatedUntil = now;
    }
    for (const order of this.state.orders.values()) {
      while (order.nextTransitionAt !== undefined && order.nextTransitionAt <= now) {
        const at = order.nextTransitionAt;
        if (order.status === 'PENDING') this.setStatus(order, 'UNSHIPPED', at, 'PaymentAuthorized');
        else if (order.status === 'UNSHIPPED' && order.plannedOutcome === 'CANCELLED')
          this.cancelAll(order, 'AMAZON', 'NoInventory', at);
        else if (order.status === 'UNSHIPPED' && order.fulfilledBy === 'AMAZON')
          this.setStatus(order, 'SHIPPED', at, 'ShippedByAmazon');
        else order.nextTransitionAt = undefined;
      }
    }
  }

  cancelAll(order: OrderRecord, by: 'BUYER' | 'MERCHANT' | 'AMAZON', reason: string, at: number): void {
    for (const it of order.items)
      if (it.quantityShipped < it.quantity) it.cancellation = { cancelledBy: by, cancelReason: reason };
    this.setStatus(
      order,
      order.items.some((i) => i.quantityShipped > 0) ? 'PARTIALLY_SHIPPED' : 'CANCELLED',
      at,
      'SellerCancellation',
    );
  }

  /** The buyer asks to cancel (IsBuyerRequestedCancel); the seller decides via the acknowledgement feed. */
  buyerRequestCancel(order: OrderRecord, reason: string, at: number): void {
    for (const it of order.items) if (!it.cancellation) it.buyerCancelRequest = { reason };
    order.lastUpdatedTime = new Date(at).toISOString();
    this.onChange(order, 'BuyerRequestedChange', 'BuyerRequestedCancel');
  }

  /** Seller cancellation of some items (POST_ORDER_ACKNOWLEDGEMENT_DATA with Failure / CancelReason). */
  cancelItems(order: OrderRecord, itemIds: string[] | undefined, reason: string, at: number): void {
    const targets = itemIds?.length ? order.items.filter((i) => itemIds.includes(i.orderItemId)) : order.items;
    for (const it of targets) it.cancellation = { cancelledBy: 'MERCHANT', cancelReason: reason };
    const allCancelled = order.items.every((i) => i.cancellation);
    if (allCancelled) this.setStatus(order, 'CANCELLED', at, 'SellerCancellation');
    else {
      order.lastUpdatedTime = new Date(at).toISOString();
      this.onChange(order, 'OrderStatusChange', 'SellerPartialCancellation');
    }
  }

  /** confirmShipment / fulfilment feed: records a package and moves to (PARTIALLY_)SHIPPED. */
  ship(
    order: OrderRecord,
    pkg: {
      packageReferenceId: string;
      carrier: string;
      shippingService?: string;
      trackingNumber: string;
      shipTime: string;
      items: Array<{ orderItemId: string; quantity: number }>;
    },
    at: number,
  ): void {
    const existing = order.packages.findIndex((p) => p.packageReferenceId === pkg.packageReferenceId);
    for (const p of pkg.items) {
      const it = order.items.find((i) => i.orderItemId === p.orderItemId);
      if (!it) throw new Error(`orderItemId ${p.orderItemId} is not in order ${order.orderId}`);
      // The same packageReferenceId again corrects that package (tracking): its quantities are already shipped.
      if (existing < 0 && it.quantityShipped + p.quantity > it.quantity)
        throw new Error(`quantity for ${p.orderItemId} exceeds the ordered quantity`);
    }
    if (existing >= 0) order.packages.splice(existing, 1);
    order.packages.push({ ...pkg, createdTime: new Date(at).toISOString() });
    for (const p of pkg.items)
      order.items.find((i) => i.orderItemId === p.orderItemId)!.quantityShipped += existing >= 0 ? 0 : p.quantity;
    const active = order.items.filter((i) => !i.cancellation);
    const done = active.every((i) => i.quantityShipped >= i.quantity);
    if (done) this.setStatus(order, 'SHIPPED', at, 'ShipmentConfirmed');
    else this.setStatus(order, 'PARTIALLY_SHIPPED', at, 'ShipmentConfirmed');
    order.lastUpdatedTime = new Date(at).toISOString();
  }
}
