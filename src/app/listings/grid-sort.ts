import type { GridSortColumn } from '../../adapters/state/listings/saved-views';
import { CONDITION_LABELS, type Listing, type ListingTab, STATUS_LABELS } from '../../core/listings';
import { Big } from '../../core/money';
import type { ListingsContext } from './context';
import { matchesGridFilter } from './grid';

/**
 * Server-side sort of a Product Listings tab (grid header click or a saved view). Sorting needs the whole tab,
 * so it scans it like the SKU/ASIN filter does; without a sort a page stays one collection page (≤ 3 reads).
 * Missing values sort last in both directions, ties fall back to the Seller SKU so pages are stable.
 */
export type SortDirection = 'ascending' | 'descending';

const textOf = (l: Listing, column: GridSortColumn): string | undefined => {
  switch (column) {
    case 'sellerSku':
      return l.sellerSku;
    case 'productSku':
      return l.productSku;
    case 'asin':
      return l.asin;
    case 'name':
      return l.name;
    case 'condition':
      return l.condition ? CONDITION_LABELS[l.condition] : undefined;
    case 'status':
      return STATUS_LABELS[l.status];
    case 'updatedAt':
      return l.updatedAt;
    default:
      return undefined;
  }
};

const compareValues = (l: Listing, r: Listing, column: GridSortColumn): number | undefined => {
  if (column === 'price') {
    const a = l.lastAccepted?.price;
    const b = r.lastAccepted?.price;
    if (a === undefined || b === undefined) return a === b ? 0 : undefined;
    return new Big(a).cmp(b);
  }
  if (column === 'quantity') {
    const a = l.lastAccepted?.quantity;
    const b = r.lastAccepted?.quantity;
    if (a === undefined || b === undefined) return a === b ? 0 : undefined;
    return a - b;
  }
  const a = textOf(l, column);
  const b = textOf(r, column);
  if (a === undefined || b === undefined) return a === b ? 0 : undefined;
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
};

const hasValue = (l: Listing, column: GridSortColumn): boolean =>
  column === 'price'
    ? l.lastAccepted?.price !== undefined
    : column === 'quantity'
      ? l.lastAccepted?.quantity !== undefined
      : textOf(l, column) !== undefined && textOf(l, column) !== '';

export const sortListings = (listings: Listing[], column: GridSortColumn, direction: SortDirection): Listing[] => {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...listings].sort((l, r) => {
    const lv = hasValue(l, column);
    const rv = hasValue(r, column);
    if (lv !== rv) return lv ? -1 : 1;
    const order = lv ? (compareValues(l, r, column) ?? 0) * sign : 0;
    return order || l.sellerSku.localeCompare(r.sellerSku);
  });
};

/**
 * The tab's listings that match the grid's SKU/ASIN filter, in the grid's sort order: what a filtered or sorted grid
 * page and a filtered or sorted export slice from. Reads the whole tab.
 */
export const filteredSortedTab = async (
  lc: ListingsContext,
  tab: ListingTab,
  filter: string | undefined,
  sort: { column: GridSortColumn; direction: SortDirection } | undefined,
): Promise<Listing[]> => {
  const matching: Listing[] = [];
  for await (const l of lc.repo.scanTab(tab)) if (matchesGridFilter(l, filter)) matching.push(l);
  return sort ? sortListings(matching, sort.column, sort.direction) : matching;
};
