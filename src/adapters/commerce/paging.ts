/** Walks every page of a Commerce search, trusting total_count (Commerce repeats the last page past the end). */
import type { SearchPage } from './schemas/common';
import { SearchCriteria } from './search-criteria';

export const DEFAULT_PAGE_SIZE = 100;

export async function* iteratePages<T>(
  fetchPage: (criteria: SearchCriteria) => Promise<SearchPage<T>>,
  criteria: SearchCriteria = SearchCriteria.create(),
  pageSize: number = criteria.size ?? DEFAULT_PAGE_SIZE,
): AsyncGenerator<T, void, undefined> {
  const sized = criteria.pageSize(pageSize);
  const totalPagesCap = 100_000; // a hard stop in case a server reports an absurd total
  for (let page = criteria.page ?? 1; page <= totalPagesCap; page++) {
    const result = await fetchPage(sized.currentPage(page));
    for (const item of result.items) yield item;
    const lastPage = Math.ceil(result.total_count / pageSize);
    if (result.items.length === 0 || page >= lastPage) return;
  }
}
