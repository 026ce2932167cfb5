/**
 * What the admin UI reads: All Orders with the SPEC 6.5 filters (server-side, then paged), one order's details
 * (Amazon's data, our ledger, the Commerce order's shipments and tracks), and the global blocked-orders notice.
 */
import { criteria } from '../../adapters/commerce';
import { type OrderGridRow, ordersRepository } from '../../adapters/state/orders/ledger-repository';
import { type AmazonOrderStatus, canCancelOnAmazon, STATUS_LABEL } from '../../core/orders';
import { big } from '../../core/orders/money';
import { NotFoundError } from '../../platform/errors';
import type { Services } from '../services';

export interface OrdersFilter {
  purchaseDateFrom?: string;
  purchaseDateTo?: string;
  orderNumber?: string;
  buyerName?: string;
  totalMin?: number;
  totalMax?: number;
  statuses?: string[];
}

export const matchesFilter = (row: OrderGridRow, f: OrdersFilter): boolean => {
  const day = row.purchaseDate.slice(0, 10);
  if (f.purchaseDateFrom && day < f.purchaseDateFrom) return false;
  if (f.purchaseDateTo && day > f.purchaseDateTo) return false;
  if (f.orderNumber && !row.orderId.includes(f.orderNumber.trim())) return false;
  if (f.buyerName && !row.buyerName.toLowerCase().includes(f.buyerName.trim().toLowerCase())) return false;
  if (f.totalMin !== undefined && (!row.grandTotal || big(row.grandTotal).lt(f.totalMin))) return false;
  if (f.totalMax !== undefined && (!row.grandTotal || big(row.grandTotal).gt(f.totalMax))) return false;
  if (f.statuses?.length && !f.statuses.includes(row.statusLabel)) return false;
  return true;
};

export const listOrders = async (
  services: Services,
  storeId: string,
  filter: OrdersFilter,
  page: number,
  pageSize: number,
): Promise<{ items: OrderGridRow[]; total: number; page: number; pageSize: number }> => {
  const grid = ordersRepository(services.storage, storeId).grid;
  const filtered = Object.values(filter).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (!filtered) return grid.page(page, pageSize);
  const rows: OrderGridRow[] = [];
  for await (const row of grid.scan()) if (matchesFilter(row, filter)) rows.push(row);
  return { items: rows.slice(page * pageSize, (page + 1) * pageSize), total: rows.length, page, pageSize };
};

/** SPEC 6.4 global notice: stores with orders that cannot be imported. Undefined when there are none. */
export const blockedOrdersNotice = async (services: Services): Promise<string | undefined> => {
  const names: string[] = [];
  for (const store of await services.storage.stores.list()) {
    for await (const row of ordersRepository(services.storage, store.id).grid.scan())
      if (row.ledgerStatus === 'blocked' || row.ledgerStatus === 'failed') {
        names.push(store.name);
        break;
      }
  }
  return names.length
    ? `Your Amazon store(s) has orders that cannot be imported into Commerce. See Recent Orders in the store dashboard(s): ${names.join(', ')}`
    : undefined;
};

export const orderDetails = async (services: Services, storeId: string, amazonOrderId: string) => {
  const entry = await ordersRepository(services.storage, storeId).get(amazonOrderId);
  if (!entry?.order) throw new NotFoundError(`Amazon order ${amazonOrderId} is not known in store ${storeId}`);
  const o = entry.order;
  const r = entry.record;
  let tracking: Array<{
    commerceOrderNumber?: string;
    title: string;
    quantity: number;
    carrierCode: string;
    shippingMethod: string;
    trackingNumber: string;
  }> = [];
  if (r.commerceOrderId !== undefined) {
    try {
      const shipments = await services
        .commerce()
        .searchShipments(criteria().where('order_id', 'eq', r.commerceOrderId));
      tracking = shipments.items.flatMap((s) =>
        s.tracks.map((t) => ({
          id: `${s.entity_id}-${t.track_number}`,
          ...(r.commerceIncrementId ? { commerceOrderNumber: r.commerceIncrementId } : {}),
          title: String(t.title ?? ''),
          quantity: s.items.reduce((n, i) => n + Number(i.qty), 0),
          carrierCode: String(t.carrier_code ?? ''),
          shippingMethod: o.serviceLevel ?? '',
          trackingNumber: String(t.track_number ?? ''),
        })),
      );
    } catch {
      tracking = []; // Commerce unreachable: the rest of the page still shows Amazon's data
    }
  }
  const cancel = canCancelOnAmazon(o);
  const status = o.status as AmazonOrderStatus | undefined;
  return {
    storeId,
    orderId: o.orderId,
    status: status ? STATUS_LABEL[status] : 'Pending',
    notes: r.note ?? null,
    ledgerStatus: r.status,
    commerceOrderId: r.commerceOrderId ?? null,
    commerceOrderNumber: r.commerceIncrementId ?? null,
    buyerEmail: o.buyer.email ?? null,
    buyerName: o.buyer.name ?? null,
    currency: o.currency ?? null,
    orderTotal: o.orderTotal ?? null,
    inventoryReserved: r.reserved ?? false,
    premium: o.serviceLevel === 'Premium' || o.serviceLevel === 'NextDay',
    prime: o.isPrime,
    business: o.isBusiness,
    purchaseDate: o.createdTime,
    latestShipDate: o.latestShipDate ?? null,
    shippingServiceLevel: o.serviceLevel ?? null,
    shippedByAmazon: o.fulfilledBy === 'AMAZON',
    fulfillmentChannel: o.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN',
    itemsShipped: o.items.reduce((n, i) => n + i.quantityShipped, 0),
    itemsUnshipped: o.items.reduce((n, i) => n + i.quantityUnshipped, 0),
    shippingPhone: o.deliveryAddress?.phone ?? null,
    address: {
      lines: entry.addressOverride?.lines ?? o.deliveryAddress?.lines ?? [],
      city: entry.addressOverride?.city ?? o.deliveryAddress?.city ?? '',
      region: entry.addressOverride?.stateOrRegion ?? o.deliveryAddress?.stateOrRegion ?? '',
      postalCode: entry.addressOverride?.postalCode ?? o.deliveryAddress?.postalCode ?? '',
      country: entry.addressOverride?.countryCode ?? o.deliveryAddress?.countryCode ?? '',
    },
    addressEditable: r.commerceOrderId === undefined,
    canCancel: cancel.ok,
    cancelBlockedReason: cancel.ok ? null : cancel.reason,
    totalsCheck: r.totalsCheck ?? null,
    items: o.items.map((i) => ({
      orderItemId: i.orderItemId,
      commerceOrderNumber: r.commerceIncrementId ?? null,
      qtyShipped: i.quantityShipped,
      qtyOrdered: i.quantityOrdered,
      title: i.title ?? '',
      asin: i.asin ?? '',
      sellerSku: i.sku,
      condition: i.conditionType ?? '',
      rowPrice: i.charges?.principal ?? null,
      rowTax: i.charges ? big(i.charges.itemTax).plus(i.charges.shippingTax).toFixed(2) : null,
      shippingPrice: i.charges?.shipping ?? null,
    })),
    tracking,
  };
};

export type OrderDetails = Awaited<ReturnType<typeof orderDetails>>;
