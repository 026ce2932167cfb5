import { stringify } from 'csv-stringify/sync';
import type { GridColumnId, GridSortColumn } from '../../adapters/state/listings/saved-views';
import { MAX_LISTINGS_PAGE_SIZE } from '../../adapters/state/listings/repository';
import { CONDITION_LABELS, type Listing, type ListingTab, STATUS_LABELS } from '../../core/listings';
import { buyBoxWonByAsin } from './competition';
import type { ListingsContext } from './context';
import { filteredSortedTab, type SortDirection } from './grid-sort';

/**
 * Export CSV of a whole Product Listings tab with the grid's filter, sort and visible columns.
 *
 * A web action's result is capped at 1 MB on I/O Runtime (and by the local runtime), so one call returns one
 * *part*: rows from `from` until either `partRows` rows or ~`maxBytes` of CSV, whichever comes first, plus the
 * offset of the next part. The UI fetches the parts in turn and concatenates them (the header comes with the
 * first part only). Without a filter or sort a part reads only the collection pages it covers; a filter or sort
 * needs the whole tab, so each part re-scans it (the same cost as one grid page with a filter or sort).
 * An export stops at MAX_EXPORT_ROWS rows (`truncated`).
 */
export const MAX_EXPORT_ROWS = 100_000;
export const MAX_EXPORT_PART_ROWS = 5_000;
/** Leaves room under the 1 MB result cap for the JSON envelope and string escaping. */
export const MAX_EXPORT_PART_BYTES = 700_000;

/** Grid columns an export can carry (the Action column has buttons, not data). */
export type ExportColumn = Exclude<GridColumnId, 'action'>;
export const EXPORT_HEADERS: Readonly<Record<ExportColumn, string>> = {
  sellerSku: 'Amazon Seller SKU',
  productSku: 'Catalog SKU',
  asin: 'ASIN',
  name: 'Product Listing Name',
  condition: 'Condition',
  price: 'Listing Price',
  quantity: 'Amazon Quantity',
  fulfillment: 'Fulfilled By',
  status: 'Status',
  reason: 'Inactive Reason',
  buyBoxWon: 'Buy Box Won',
  updatedAt: 'Last Updated',
};
export const EXPORT_COLUMNS = Object.keys(EXPORT_HEADERS) as ExportColumn[];

export interface ExportRequest {
  tab: ListingTab;
  filter?: string;
  sort?: { column: GridSortColumn; direction: SortDirection };
  columns: ExportColumn[];
  from: number;
  partRows?: number;
  maxBytes?: number;
}

export interface ExportPart {
  tab: ListingTab;
  /** Rows of the tab matching the filter (the export carries at most MAX_EXPORT_ROWS of them). */
  total: number;
  from: number;
  rows: number;
  /** Offset of the next part, or null when this part ends the export. */
  next: number | null;
  truncated: boolean;
  csv: string;
}

const headerOf = (columns: ExportColumn[]): string[] =>
  columns.flatMap((c) => (c === 'price' ? [EXPORT_HEADERS.price, 'Currency'] : [EXPORT_HEADERS[c]]));

const cellsOf = (
  l: Listing,
  columns: ExportColumn[],
  currency: string,
  buyBox: Map<string, string> | undefined,
): string[] =>
  columns.flatMap((c): string[] => {
    switch (c) {
      case 'productSku':
        return [l.productSku ?? ''];
      case 'asin':
        return [l.asin ?? ''];
      case 'name':
        return [l.name ?? ''];
      case 'condition':
        return [l.condition ? CONDITION_LABELS[l.condition] : ''];
      case 'price':
        return l.lastAccepted?.price ? [l.lastAccepted.price, currency] : ['', ''];
      case 'quantity':
        return [l.fulfillment === 'FBA' ? 'FBA' : String(l.lastAccepted?.quantity ?? '')];
      case 'fulfillment':
        return [l.fulfillment];
      case 'status':
        return [STATUS_LABELS[l.status]];
      case 'reason':
        return [l.inactiveReason ?? l.ineligibleReason ?? ''];
      case 'buyBoxWon':
        return [(l.asin && buyBox?.get(l.asin)) || 'NA'];
      case 'updatedAt':
        return [l.updatedAt];
      default:
        return [l.sellerSku];
    }
  });

/** Rows `from`..`from + count` of the tab (unfiltered, unsorted): only the collection pages that hold them. */
const readRange = async (lc: ListingsContext, tab: ListingTab, from: number, count: number) => {
  const size = MAX_LISTINGS_PAGE_SIZE;
  const rows: Listing[] = [];
  let total = 0;
  for (let page = Math.floor(from / size); ; page++) {
    const read = await lc.repo.page(tab, page, size);
    total = read.total;
    const start = page * size;
    for (const [i, l] of read.items.entries()) if (start + i >= from && rows.length < count) rows.push(l);
    if (rows.length >= count || read.items.length < size || start + size >= total) break;
  }
  return { rows, total };
};

const selectRows = async (lc: ListingsContext, request: ExportRequest, count: number) => {
  if (!request.filter && !request.sort) return readRange(lc, request.tab, request.from, count);
  const matching = await filteredSortedTab(lc, request.tab, request.filter, request.sort);
  return { rows: matching.slice(request.from, request.from + count), total: matching.length };
};

/** One part of the export (see the module comment); `from` 0 carries the header line. */
export const exportTabPart = async (lc: ListingsContext, request: ExportRequest): Promise<ExportPart> => {
  const cap = Math.max(0, MAX_EXPORT_ROWS - request.from);
  const count = Math.min(request.partRows ?? MAX_EXPORT_PART_ROWS, MAX_EXPORT_PART_ROWS, cap);
  const maxBytes = request.maxBytes ?? MAX_EXPORT_PART_BYTES;
  const { rows, total } = await selectRows(lc, request, count);
  const buyBox = request.columns.includes('buyBoxWon')
    ? await buyBoxWonByAsin(
        lc.services,
        lc.store.id,
        rows.flatMap((l) => (l.asin ? [l.asin] : [])),
      )
    : undefined;
  let csv = request.from === 0 ? stringify([headerOf(request.columns)]) : '';
  let bytes = Buffer.byteLength(csv);
  let taken = 0;
  for (const l of rows) {
    const line = stringify([cellsOf(l, request.columns, lc.ctx.currency, buyBox)]);
    const size = Buffer.byteLength(line);
    // Always take at least one row so every part makes progress.
    if (taken > 0 && bytes + size > maxBytes) break;
    csv += line;
    bytes += size;
    taken++;
  }
  const end = request.from + taken;
  const last = end >= Math.min(total, MAX_EXPORT_ROWS) || taken === 0;
  return {
    tab: request.tab,
    total,
    from: request.from,
    rows: taken,
    next: last ? null : end,
    truncated: total > MAX_EXPORT_ROWS,
    csv,
  };
};
