import type { GridColumnId, GridSortColumn, TabId } from '../../api/listings';
import { GRID_SORT_COLUMNS } from '../../api/listings';

/** Every column the Product Listings grid can show, in display order, with its header. */
export const GRID_COLUMNS: ReadonlyArray<{ key: GridColumnId; name: string }> = [
  { key: 'sellerSku', name: 'Amazon Seller SKU' },
  { key: 'productSku', name: 'Catalog SKU' },
  { key: 'asin', name: 'ASIN' },
  { key: 'name', name: 'Product Listing Name' },
  { key: 'condition', name: 'Condition' },
  { key: 'price', name: 'Listing Price' },
  { key: 'quantity', name: 'Amazon Quantity' },
  { key: 'fulfillment', name: 'Fulfilled By' },
  { key: 'status', name: 'Status' },
  { key: 'reason', name: 'Inactive Reason' },
  { key: 'buyBoxWon', name: 'Buy Box Won' },
  { key: 'updatedAt', name: 'Last Updated' },
  { key: 'action', name: 'Action' },
];

const BASE: GridColumnId[] = ['sellerSku', 'asin', 'name', 'condition', 'price', 'quantity'];

/**
 * Columns each tab shows until the merchant chooses others (SPEC 4.2): Inactive adds the reason Amazon gave,
 * Active the Buy Box Won column, Ineligible has no Status column.
 */
export const DEFAULT_COLUMNS: Readonly<Record<TabId, GridColumnId[]>> = {
  incomplete: [...BASE, 'status', 'action'],
  new_third_party: [...BASE, 'status', 'action'],
  ready_to_list: [...BASE, 'status', 'action'],
  inactive: [...BASE, 'status', 'reason', 'action'],
  active: [...BASE, 'status', 'buyBoxWon', 'action'],
  overrides: [...BASE, 'status', 'action'],
  ineligible: [...BASE, 'action'],
  ended: [...BASE, 'status', 'action'],
};

export const isSortable = (key: GridColumnId): key is GridSortColumn =>
  (GRID_SORT_COLUMNS as readonly string[]).includes(key);

/** Keeps the grid's column order whatever order the merchant ticked them in; never empty. */
export const orderColumns = (chosen: Iterable<string>): GridColumnId[] => {
  const set = new Set(chosen);
  const ordered = GRID_COLUMNS.map((c) => c.key).filter((key) => set.has(key));
  return ordered.length > 0 ? ordered : ['sellerSku'];
};
