/**
 * Columns of the Product Listings grid (SPEC 4.1): the ones a view can show and the ones the server sorts by. Shared
 * by the saved views, the grid and export actions, and the admin UI (web-src imports this file).
 */

/** Grid columns a view can show. */
export const GRID_COLUMN_IDS = [
  'sellerSku',
  'productSku',
  'asin',
  'name',
  'condition',
  'price',
  'quantity',
  'fulfillment',
  'status',
  'reason',
  'buyBoxWon',
  'updatedAt',
  'action',
] as const;
export type GridColumnId = (typeof GRID_COLUMN_IDS)[number];

/** Columns the grid can sort by (on the server, over the whole tab). */
export const GRID_SORT_COLUMNS = [
  'sellerSku',
  'productSku',
  'asin',
  'name',
  'condition',
  'price',
  'quantity',
  'status',
  'updatedAt',
] as const;
export type GridSortColumn = (typeof GRID_SORT_COLUMNS)[number];
