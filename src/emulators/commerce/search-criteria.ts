/**
 * Commerce searchCriteria as sent in query strings:
 * searchCriteria[filter_groups][g][filters][f][field|value|condition_type], [sortOrders][i][field|direction],
 * [pageSize], [currentPage]. Commerce accepts both snake_case and camelCase keys. Filters within one group
 * are OR-ed, groups are AND-ed.
 */
export interface SearchFilter {
  field: string;
  value: string;
  conditionType: string;
}

export interface SearchCriteria {
  filterGroups: SearchFilter[][];
  sortOrders: Array<{ field: string; direction: 'ASC' | 'DESC' }>;
  pageSize?: number;
  currentPage?: number;
}

export class SearchCriteriaError extends Error {}

const CONDITIONS = new Set([
  'eq',
  'neq',
  'like',
  'nlike',
  'in',
  'nin',
  'gt',
  'gteq',
  'lt',
  'lteq',
  'moreq',
  'from',
  'to',
  'null',
  'notnull',
  'finset',
  'nfinset',
]);

const camelToSnake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const parseSearchCriteria = (query: URLSearchParams): SearchCriteria => {
  const groups = new Map<number, Map<number, Partial<SearchFilter>>>();
  const sorts = new Map<number, { field?: string; direction?: string }>();
  let pageSize: number | undefined;
  let currentPage: number | undefined;
  for (const [rawKey, value] of query) {
    if (!rawKey.startsWith('searchCriteria')) continue;
    const parts = [...rawKey.slice('searchCriteria'.length).matchAll(/\[([^\]]*)\]/g)].map((m) => camelToSnake(m[1]));
    if (parts[0] === 'filter_groups' && parts[2] === 'filters') {
      const group = Number(parts[1]);
      const index = Number(parts[3]);
      const slot = parts[4];
      if (!Number.isInteger(group) || !Number.isInteger(index)) throw new SearchCriteriaError(`Invalid key ${rawKey}`);
      const filters = groups.get(group) ?? new Map<number, Partial<SearchFilter>>();
      groups.set(group, filters);
      const filter = filters.get(index) ?? {};
      filters.set(index, filter);
      if (slot === 'field') filter.field = value;
      else if (slot === 'value') filter.value = value;
      else if (slot === 'condition_type') filter.conditionType = value;
    } else if (parts[0] === 'sort_orders') {
      const sort = sorts.get(Number(parts[1])) ?? {};
      sorts.set(Number(parts[1]), sort);
      if (parts[2] === 'field') sort.field = value;
      if (parts[2] === 'direction') sort.direction = value.toUpperCase();
    } else if (parts[0] === 'page_size') {
      pageSize = Number(value);
      if (!Number.isInteger(pageSize) || pageSize < 0) throw new SearchCriteriaError(`Invalid pageSize "${value}"`);
    } else if (parts[0] === 'current_page') {
      currentPage = Number(value);
      if (!Number.isInteger(currentPage) || currentPage < 0) {
        throw new SearchCriteriaError(`Invalid currentPage "${value}"`);
      }
    }
  }
  const filterGroups = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, filters]) =>
      [...filters.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, f]) => {
          if (!f.field) throw new SearchCriteriaError('"field" is required. Enter and try again.');
          const conditionType = (f.conditionType ?? 'eq').toLowerCase();
          if (!CONDITIONS.has(conditionType)) throw new SearchCriteriaError(`Invalid condition type: ${conditionType}`);
          return { field: f.field, value: f.value ?? '', conditionType };
        }),
    );
  const sortOrders = [...sorts.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, s]) => s.field)
    .map(([, s]) => ({
      field: s.field as string,
      direction: s.direction === 'DESC' ? ('DESC' as const) : ('ASC' as const),
    }));
  return { filterGroups, sortOrders, pageSize, currentPage };
};

type Scalar = string | number | boolean | null | undefined;

const isNumeric = (v: Scalar): boolean => v !== null && v !== undefined && v !== '' && !Number.isNaN(Number(v));

const compare = (a: Scalar, b: Scalar): number => {
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  return String(a ?? '').localeCompare(String(b ?? ''));
};

const likeToRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    'is',
  );

export const matchesFilter = (actual: Scalar, filter: SearchFilter): boolean => {
  const { value } = filter;
  const list = () => value.split(',').map((v) => v.trim());
  const present = actual !== null && actual !== undefined && actual !== '';
  switch (filter.conditionType) {
    case 'eq':
      return present && compare(actual, value) === 0;
    case 'neq':
      return !present || compare(actual, value) !== 0;
    case 'like':
      return present && likeToRegExp(value).test(String(actual));
    case 'nlike':
      return !present || !likeToRegExp(value).test(String(actual));
    case 'in':
      return present && list().some((v) => compare(actual, v) === 0);
    case 'nin':
      return !present || !list().some((v) => compare(actual, v) === 0);
    case 'gt':
      return present && compare(actual, value) > 0;
    case 'gteq':
    case 'moreq':
    case 'from':
      return present && compare(actual, value) >= 0;
    case 'lt':
      return present && compare(actual, value) < 0;
    case 'lteq':
    case 'to':
      return present && compare(actual, value) <= 0;
    case 'null':
      return !present;
    case 'notnull':
      return present;
    case 'finset':
      return present && String(actual).split(',').includes(value);
    case 'nfinset':
      return !present || !String(actual).split(',').includes(value);
    default:
      return false;
  }
};

export interface SearchPage<T> {
  items: T[];
  totalCount: number;
}

/**
 * Filters, sorts and pages rows. `fieldOf` reads a (possibly custom) attribute of a row.
 * Like Commerce collections, a currentPage past the last page returns the last page again,
 * so clients must stop on total_count, not on an empty page.
 */
export const applySearchCriteria = <T>(
  rows: T[],
  criteria: SearchCriteria,
  fieldOf: (row: T, field: string) => Scalar,
  clampPastLastPage = true,
): SearchPage<T> => {
  const filtered = rows.filter((row) =>
    criteria.filterGroups.every((group) => group.some((f) => matchesFilter(fieldOf(row, f.field), f))),
  );
  if (criteria.sortOrders.length > 0) {
    filtered.sort((a, b) => {
      for (const order of criteria.sortOrders) {
        const c = compare(fieldOf(a, order.field), fieldOf(b, order.field));
        if (c !== 0) return order.direction === 'DESC' ? -c : c;
      }
      return 0;
    });
  }
  const totalCount = filtered.length;
  if (!criteria.pageSize) return { items: filtered, totalCount };
  const lastPage = Math.max(1, Math.ceil(totalCount / criteria.pageSize));
  const requested = Math.max(1, criteria.currentPage ?? 1);
  const page = clampPastLastPage ? Math.min(requested, lastPage) : requested;
  const start = (page - 1) * criteria.pageSize;
  return { items: filtered.slice(start, start + criteria.pageSize), totalCount };
};

/** The search_criteria object echoed back in search results (snake_case, like Commerce). */
export const echoCriteria = (criteria: SearchCriteria): Record<string, unknown> => ({
  filter_groups: criteria.filterGroups.map((filters) => ({
    filters: filters.map((f) => ({ field: f.field, value: f.value, condition_type: f.conditionType })),
  })),
  ...(criteria.sortOrders.length > 0
    ? { sort_orders: criteria.sortOrders.map((s) => ({ field: s.field, direction: s.direction })) }
    : {}),
  ...(criteria.pageSize !== undefined ? { page_size: criteria.pageSize } : {}),
  ...(criteria.currentPage !== undefined ? { current_page: criteria.currentPage } : {}),
});
