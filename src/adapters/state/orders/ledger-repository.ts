/**
 * Orders storage: one ledger entry per Amazon order (`orders.<storeId>.<amazonOrderId>`), changed only by
 * read-modify-write under a lease lock per order; one import checkpoint per store (`ordercheckpoint.<storeId>`);
 * and the All Orders grid collection (`orders@<storeId>`, newest first). Every key carries the store id as its
 * second segment (or the `@<storeId>` collection name) so store deletion finds it (docs/storage.md).
 *
 *   const repo = ordersRepository(storage, storeId);
 *   await repo.update(orderId, (entry) => ({ ...entry, record: next(entry.record, event) }));
 */
import { z } from 'zod';
import type { ChunkedCollection } from '../../../core/ports/collection';
import {
  type AmazonAddress,
  type AmazonOrder,
  type AmazonOrderStatus,
  type ConfirmShipmentBody,
  type CreationPlan,
  FULFILLMENT_STATUSES,
  type ImportCheckpoint,
  LEDGER_STATUSES,
  type LedgerRecord,
  newLedgerRecord,
  STATUS_LABEL,
} from '../../../core/orders';
import type { Storage } from '../index';
import { buildKey } from '../key-codec';

/** Merchant corrections of the delivery address (SPEC 6.5 editable fields), applied before creation. */
export type AddressOverride = Partial<Pick<AmazonAddress, 'city' | 'stateOrRegion' | 'postalCode' | 'countryCode'>> & {
  lines?: string[];
};

export interface FeedRef {
  kind: 'cancellation' | 'adjustment';
  feedId: string;
  at: string;
  detail?: string;
}

export interface OrderEntry {
  record: LedgerRecord;
  /** The order as last read from Amazon (the grid and details show Amazon's data, SPEC 6.5). */
  order?: AmazonOrder;
  addressOverride?: AddressOverride;
  /** What Commerce must show (the plan's expected figures), kept for re-checks. */
  expected?: CreationPlan['expected'];
  /** Amazon seller SKU → Commerce SKU used at creation. */
  skuMap?: Record<string, string>;
  /** Commerce shipment ids already confirmed on Amazon. */
  confirmedShipments?: number[];
  /** What Amazon was sent per confirmed shipment id (the package), so a tracking change can correct it. */
  confirmedPackages?: Record<string, ConfirmShipmentBody>;
  /** Commerce credit memo ids already sent to Amazon, and the amounts refunded per Amazon item. */
  sentCreditMemos?: number[];
  refunded?: Record<string, string>;
  feeds?: FeedRef[];
  /** Merchant's cancel request sent to Amazon (SPEC 6.7): reason and feed. */
  cancelRequested?: { reason: string; at: string; feedId?: string };
}

const recordSchema = z.looseObject({
  amazonOrderId: z.string().min(1),
  storeId: z.string().min(1),
  status: z.enum(LEDGER_STATUSES),
  cartIds: z.array(z.number()),
  attempts: z.number().int().nonnegative(),
  updatedAt: z.string(),
});

const entrySchema = z.looseObject({
  record: recordSchema,
  order: z.looseObject({ orderId: z.string(), items: z.array(z.unknown()) }).optional(),
});

const checkpointSchema = z.object({
  readUpTo: z.string(),
  inProgress: z
    .object({
      lastUpdatedAfter: z.string(),
      lastUpdatedBefore: z.string(),
      nextToken: z.string().optional(),
      startedAt: z.string(),
    })
    .optional(),
});

/** One row of All Orders / Recent Orders (SPEC 6.5): Amazon's data plus our Order Notes. */
export interface OrderGridRow {
  key: string;
  storeId: string;
  orderId: string;
  purchaseDate: string;
  status?: AmazonOrderStatus;
  statusLabel: string;
  buyerName: string;
  grandTotal?: string;
  currency?: string;
  notes?: string;
  ledgerStatus: LedgerRecord['status'];
  fulfillment?: 'FBM' | 'FBA';
  commerceOrderId?: number;
  commerceIncrementId?: string;
  reserved?: boolean;
}

const gridRowSchema = z.looseObject({
  key: z.string(),
  storeId: z.string(),
  orderId: z.string(),
  purchaseDate: z.string(),
  status: z.enum(FULFILLMENT_STATUSES).optional(),
  statusLabel: z.string(),
  buyerName: z.string(),
  grandTotal: z.string().optional(),
  currency: z.string().optional(),
  notes: z.string().optional(),
  ledgerStatus: z.enum(LEDGER_STATUSES),
}) as unknown as z.ZodType<OrderGridRow>;

const FAR_FUTURE_MS = 9_999_999_999_999;
/** Newest purchase first in key order: the collection's natural order is the grid's default sort. */
export const gridKeyOf = (purchaseDate: string, orderId: string): string =>
  `${String(FAR_FUTURE_MS - Date.parse(purchaseDate)).padStart(13, '0')}#${orderId}`;

export const toGridRow = (entry: OrderEntry): OrderGridRow | undefined => {
  const o = entry.order;
  if (!o) return undefined;
  const r = entry.record;
  return {
    key: gridKeyOf(o.createdTime, o.orderId),
    storeId: r.storeId,
    orderId: o.orderId,
    purchaseDate: o.createdTime,
    ...(o.status ? { status: o.status } : {}),
    statusLabel: o.status ? STATUS_LABEL[o.status] : 'Pending',
    buyerName: o.buyer.name ?? o.deliveryAddress?.name ?? '',
    ...(o.orderTotal ? { grandTotal: o.orderTotal } : {}),
    ...(o.currency ? { currency: o.currency } : {}),
    ...(r.note ? { notes: r.note } : {}),
    ledgerStatus: r.status,
    ...(o.fulfilledBy ? { fulfillment: o.fulfilledBy === 'AMAZON' ? 'FBA' : 'FBM' } : {}),
    ...(r.commerceOrderId !== undefined ? { commerceOrderId: r.commerceOrderId } : {}),
    ...(r.commerceIncrementId ? { commerceIncrementId: r.commerceIncrementId } : {}),
    ...(r.reserved !== undefined ? { reserved: r.reserved } : {}),
  };
};

export interface OrdersRepository {
  readonly storeId: string;
  get(amazonOrderId: string): Promise<OrderEntry | undefined>;
  /**
   * Read-modify-write under the order's lease lock. `change` gets the stored entry (a fresh `seen` record when
   * none exists) and returns the new one, or undefined to leave it as it is. Errors from `change` propagate.
   */
  update(
    amazonOrderId: string,
    change: (entry: OrderEntry) => OrderEntry | undefined | Promise<OrderEntry | undefined>,
    at: string,
  ): Promise<OrderEntry>;
  /** Every stored entry of the store (replay, dashboards). */
  scan(): AsyncIterable<OrderEntry>;
  checkpoint(): Promise<ImportCheckpoint | undefined>;
  saveCheckpoint(checkpoint: ImportCheckpoint): Promise<void>;
  grid: ChunkedCollection<OrderGridRow>;
  /** Writes the grid rows of these entries (one collection write for a batch). */
  refreshGrid(entries: OrderEntry[]): Promise<void>;
}

export const ORDERS_GRID_MAX_PAGE = 200;
export const ordersGridName = (storeId: string): string => `orders@${storeId}`;
const entryKey = (storeId: string, orderId: string) => buildKey('orders', storeId, orderId);
const checkpointKey = (storeId: string) => buildKey('ordercheckpoint', storeId);

const parseEntry = (key: string, raw: string): OrderEntry => {
  const parsed = entrySchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`stored order ${key} is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data as unknown as OrderEntry;
};

export const ordersRepository = (storage: Storage, storeId: string): OrdersRepository => {
  const grid = storage.collection<OrderGridRow>(ordersGridName(storeId), {
    schema: gridRowSchema,
    keyOf: (row) => row.key,
    maxPageSize: ORDERS_GRID_MAX_PAGE,
  });
  const get = async (orderId: string) => {
    const key = entryKey(storeId, orderId);
    const raw = await storage.kv.get(key);
    return raw === undefined ? undefined : parseEntry(key, raw);
  };
  return {
    storeId,
    get,
    async update(orderId, change, at) {
      return storage.locks.withLock(
        entryKey(storeId, orderId),
        async () => {
          const current = (await get(orderId)) ?? { record: newLedgerRecord(orderId, storeId, at) };
          const changed = await change(current);
          if (!changed) return current;
          await storage.kv.put(entryKey(storeId, orderId), JSON.stringify(changed));
          return changed;
        },
        { ttlSeconds: 30, waitMs: 30_000 },
      );
    },
    async *scan() {
      for await (const key of storage.kv.keys(`${buildKey('orders', storeId)}.*`)) {
        const raw = await storage.kv.get(key);
        if (raw !== undefined) yield parseEntry(key, raw);
      }
    },
    async checkpoint() {
      const raw = await storage.kv.get(checkpointKey(storeId));
      return raw === undefined ? undefined : checkpointSchema.parse(JSON.parse(raw));
    },
    async saveCheckpoint(checkpoint) {
      await storage.kv.put(checkpointKey(storeId), JSON.stringify(checkpointSchema.parse(checkpoint)));
    },
    grid,
    async refreshGrid(entries) {
      const rows = entries.map(toGridRow).filter((r): r is OrderGridRow => r !== undefined);
      if (rows.length) await grid.upsert([...new Map(rows.map((r) => [r.key, r])).values()]);
    },
  };
};
