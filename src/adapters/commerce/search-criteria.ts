/**
 * A small immutable builder for Commerce `searchCriteria` query strings.
 * Filters inside one group are ORed, groups are ANDed (Magento's FilterGroup semantics).
 */

export type ConditionType =
  | 'eq'
  | 'neq'
  | 'like'
  | 'nlike'
  | 'in'
  | 'nin'
  | 'gt'
  | 'gteq'
  | 'lt'
  | 'lteq'
  | 'moreq'
  | 'from'
  | 'to'
  | 'null'
  | 'notnull'
  | 'finset'
  | 'nfinset';

export type FilterValue = string | number | boolean | ReadonlyArray<string | number>;

export interface Filter {
  field: string;
  condition: ConditionType;
  /** For `in`/`nin` pass an array; it is sent comma-separated. For `null`/`notnull` the value is ignored. */
  value?: FilterValue;
}

export type SortDirection = 'ASC' | 'DESC';

export class SearchCriteria {
  private constructor(
    readonly groups: ReadonlyArray<ReadonlyArray<Filter>>,
    readonly sorts: ReadonlyArray<{ field: string; direction: SortDirection }>,
    readonly size: number | undefined,
    readonly page: number | undefined,
  ) {}

  static create(): SearchCriteria {
    return new SearchCriteria([], [], undefined, undefined);
  }

  /** Adds an AND condition. */
  where(field: string, condition: ConditionType, value?: FilterValue): SearchCriteria {
    return this.anyOf([{ field, condition, value }]);
  }

  /** Adds a group whose filters are ORed; the group itself is ANDed with the others. */
  anyOf(filters: ReadonlyArray<Filter>): SearchCriteria {
    if (filters.length === 0) throw new Error('searchCriteria: a filter group needs at least one filter');
    for (const f of filters) assertFilter(f);
    return new SearchCriteria([...this.groups, [...filters]], this.sorts, this.size, this.page);
  }

  sortBy(field: string, direction: SortDirection = 'ASC'): SearchCriteria {
    return new SearchCriteria(this.groups, [...this.sorts, { field, direction }], this.size, this.page);
  }

  pageSize(size: number): SearchCriteria {
    if (!Number.isInteger(size) || size < 1) throw new Error(`searchCriteria: pageSize must be a positive integer`);
    return new SearchCriteria(this.groups, this.sorts, size, this.page);
  }

  currentPage(page: number): SearchCriteria {
    if (!Number.isInteger(page) || page < 1) throw new Error(`searchCriteria: currentPage must be a positive integer`);
    return new SearchCriteria(this.groups, this.sorts, this.size, page);
  }

  /** Query entries in Magento's bracket syntax, unencoded (URLSearchParams encodes them). */
  toQuery(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    this.groups.forEach((group, g) => {
      group.forEach((filter, f) => {
        const prefix = `searchCriteria[filter_groups][${g}][filters][${f}]`;
        out.push([`${prefix}[field]`, filter.field]);
        out.push([`${prefix}[value]`, renderValue(filter)]);
        out.push([`${prefix}[condition_type]`, filter.condition]);
      });
    });
    this.sorts.forEach((sort, i) => {
      out.push([`searchCriteria[sortOrders][${i}][field]`, sort.field]);
      out.push([`searchCriteria[sortOrders][${i}][direction]`, sort.direction]);
    });
    if (this.size !== undefined) out.push(['searchCriteria[pageSize]', String(this.size)]);
    if (this.page !== undefined) out.push(['searchCriteria[currentPage]', String(this.page)]);
    // Commerce rejects a request without any searchCriteria key on search endpoints; an empty one means "all".
    if (out.length === 0) out.push(['searchCriteria', '']);
    return out;
  }
}

/** Shorthand: `criteria().where('sku', 'eq', 'ABC')`. */
export const criteria = (): SearchCriteria => SearchCriteria.create();

function assertFilter(filter: Filter): void {
  if (!filter.field) throw new Error('searchCriteria: filter field is required');
  const needsValue = filter.condition !== 'null' && filter.condition !== 'notnull';
  if (needsValue && filter.value === undefined) {
    throw new Error(`searchCriteria: filter on ${filter.field} (${filter.condition}) needs a value`);
  }
  const isList = Array.isArray(filter.value);
  if (isList && filter.condition !== 'in' && filter.condition !== 'nin') {
    throw new Error(`searchCriteria: only in/nin take a list (field ${filter.field})`);
  }
}

function renderValue(filter: Filter): string {
  if (filter.condition === 'null' || filter.condition === 'notnull') return '1';
  const value = filter.value as FilterValue;
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}
