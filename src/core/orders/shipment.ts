/**
 * Commerce shipment (with tracks) → Orders v0 confirmShipment bodies, one per package, and the "everything shipped
 * → invoice → Complete" decision (SPEC 6.3 step 6). Partial shipments confirm per package (decision #11).
 */
import type { AmazonOrder } from './amazon-order';
import type { ProductMatches } from './blockers';

/** Commerce carrier_code → Amazon carrierCode (Amazon's list); `custom` and unknown codes go by the track title. */
export const CARRIER_MAP: Record<string, string> = {
  ups: 'UPS',
  usps: 'USPS',
  fedex: 'FedEx',
  dhl: 'DHL',
  dhlint: 'DHL',
  royalmail: 'Royal Mail',
  canadapost: 'Canada Post',
  dpd: 'DPD',
  hermes: 'Hermes',
  evri: 'Evri',
  gls: 'GLS',
  deutschepost: 'Deutsche Post',
  japanpost: 'Japan Post',
  yamato: 'Yamato Transport',
  ontrac: 'OnTrac',
  amazon: 'Amazon Shipping',
};

const byName = new Map(Object.values(CARRIER_MAP).map((v) => [v.toLowerCase().replace(/[^a-z]/g, ''), v]));

/** Amazon carrierCode (+ carrierName when the code is Other) for a Commerce track. */
export function mapCarrier(carrierCode: string, title?: string): { carrierCode: string; carrierName?: string } {
  const direct = CARRIER_MAP[carrierCode.toLowerCase()];
  if (direct) return { carrierCode: direct };
  const key = (title ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const named = byName.get(key) ?? CARRIER_MAP[key];
  if (named) return { carrierCode: named };
  return { carrierCode: 'Other', carrierName: (title ?? '').trim() || carrierCode };
}

export interface CommerceShipment {
  /** Shipment entity id: positive and unique within the order, so it is the packageReferenceId Amazon asks for. */
  shipmentId: number;
  createdAt: string;
  items: Array<{ order_item_id: number; qty: number }>;
  tracks: Array<{ track_number: string; carrier_code: string; title?: string }>;
}

export interface CommerceOrderItemRef {
  item_id: number;
  sku: string;
  qty_ordered: number;
  qty_shipped?: number;
  qty_canceled?: number;
  qty_invoiced?: number;
  parent_item_id?: number | null;
}

export interface ConfirmShipmentBody {
  marketplaceId: string;
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    carrierName?: string;
    shippingMethod?: string;
    trackingNumber: string;
    shipDate: string;
    orderItems: Array<{ orderItemId: string; quantity: number }>;
  };
}

export type ShipmentDecision =
  | { kind: 'confirm'; bodies: ConfirmShipmentBody[]; warnings: string[] }
  | { kind: 'skip'; reason: string };

/** Commerce order item id → Amazon orderItemId, pairing by SKU in order (Amazon SKU via the matches). */
export function itemIdMap(
  amazon: AmazonOrder,
  items: CommerceOrderItemRef[],
  matches?: ProductMatches,
): Map<number, string> {
  const pool = amazon.items
    .filter((i) => !i.canceled)
    .map((i) => ({ id: i.orderItemId, sku: matches?.[i.sku]?.sku ?? i.sku }));
  const out = new Map<number, string>();
  for (const ci of items.filter((i) => i.parent_item_id === undefined || i.parent_item_id === null)) {
    const k = pool.findIndex((p) => p.sku === ci.sku);
    if (k >= 0) out.set(ci.item_id, pool.splice(k, 1)[0].id);
  }
  return out;
}

export function confirmShipmentBodies(
  amazon: AmazonOrder,
  shipment: CommerceShipment,
  commerceItems: CommerceOrderItemRef[],
  matches?: ProductMatches,
): ShipmentDecision {
  if (amazon.fulfilledBy === 'AMAZON')
    return { kind: 'skip', reason: 'Fulfilled by Amazon: Amazon confirms its own shipments.' };
  if (!amazon.marketplaceId) return { kind: 'skip', reason: 'The Amazon order has no marketplace id.' };
  if (amazon.status === 'CANCELLED')
    return { kind: 'skip', reason: 'The Amazon order is canceled: nothing to confirm.' };
  const track = shipment.tracks.find((t) => t.track_number.trim());
  if (!track)
    return { kind: 'skip', reason: 'Waiting for a tracking number: Amazon needs one to confirm the shipment.' };
  const ids = itemIdMap(amazon, commerceItems, matches);
  const left = new Map(amazon.items.map((i) => [i.orderItemId, i.canceled ? 0 : i.quantityUnshipped]));
  const warnings: string[] = [];
  const orderItems: Array<{ orderItemId: string; quantity: number }> = [];
  for (const line of shipment.items) {
    const amazonId = ids.get(line.order_item_id);
    if (!amazonId) {
      warnings.push(`Commerce item ${line.order_item_id} is not on the Amazon order: not confirmed.`);
      continue;
    }
    const qty = Math.min(line.qty, left.get(amazonId) ?? 0);
    if (qty < line.qty) warnings.push(`Only ${qty} of ${line.qty} of Amazon item ${amazonId} were still unshipped.`);
    if (qty > 0) {
      orderItems.push({ orderItemId: amazonId, quantity: qty });
      left.set(amazonId, (left.get(amazonId) ?? 0) - qty);
    }
  }
  if (orderItems.length === 0) return { kind: 'skip', reason: 'Nothing left to confirm on Amazon for this shipment.' };
  const extra = shipment.tracks.filter((t) => t !== track && t.track_number.trim());
  if (extra.length)
    warnings.push(
      `Amazon takes one tracking number per package: ${extra.map((t) => t.track_number).join(', ')} not sent (create one shipment per package).`,
    );
  const carrier = mapCarrier(track.carrier_code, track.title);
  return {
    kind: 'confirm',
    warnings,
    bodies: [
      {
        marketplaceId: amazon.marketplaceId,
        packageDetail: {
          packageReferenceId: String(shipment.shipmentId),
          ...carrier,
          ...(track.title && carrier.carrierCode !== 'Other' ? { shippingMethod: track.title } : {}),
          trackingNumber: track.track_number.trim(),
          shipDate: new Date(Date.parse(shipment.createdAt)).toISOString(),
          orderItems,
        },
      },
    ],
  };
}

/**
 * Once every open item has shipped, the order is invoiced (offline: Amazon collected the money) and Commerce
 * moves it to Complete. Returns the invoice lines still needed, or undefined when there is nothing to do.
 */
export function completionInvoice(
  items: CommerceOrderItemRef[],
): Array<{ order_item_id: number; qty: number }> | undefined {
  const top = items.filter((i) => i.parent_item_id === undefined || i.parent_item_id === null);
  const open = (i: CommerceOrderItemRef) => i.qty_ordered - (i.qty_canceled ?? 0);
  if (top.length === 0 || top.every((i) => open(i) <= 0)) return undefined;
  if (!top.every((i) => (i.qty_shipped ?? 0) >= open(i))) return undefined;
  const lines = top
    .map((i) => ({ order_item_id: i.item_id, qty: open(i) - (i.qty_invoiced ?? 0) }))
    .filter((l) => l.qty > 0);
  return lines.length ? lines : undefined;
}

/**
 * A package already confirmed on Amazon whose tracking changed in Commerce since (the merchant replaced the track):
 * the same package (same packageReferenceId, items and ship date) sent again with the new carrier and number, which
 * Amazon takes as a correction of that package. Undefined when the shipment's first tracking number is still the
 * one Amazon has, or when it has none now.
 */
export function trackingCorrection(
  confirmed: ConfirmShipmentBody,
  tracks: CommerceShipment['tracks'],
): ConfirmShipmentBody | undefined {
  const track = tracks.find((t) => t.track_number.trim());
  if (!track || track.track_number.trim() === confirmed.packageDetail.trackingNumber) return undefined;
  const carrier = mapCarrier(track.carrier_code, track.title);
  const { carrierName: _name, shippingMethod: _method, ...kept } = confirmed.packageDetail;
  return {
    ...confirmed,
    packageDetail: {
      ...kept,
      ...carrier,
      ...(track.title && carrier.carrierCode !== 'Other' ? { shippingMethod: track.title } : {}),
      trackingNumber: track.track_number.trim(),
    },
  };
}
