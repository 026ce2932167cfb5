import { z } from 'zod';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { MAX_LISTINGS_PAGE_SIZE } from '../../../src/adapters/state/listings/repository';
import { GRID_SORT_COLUMNS } from '../../../src/adapters/state/listings/saved-views';
import { buyBoxWonByAsin } from '../../../src/app/listings/competition';
import { filteredSortedTab } from '../../../src/app/listings/grid-sort';
import { loadListingsContext } from '../../../src/app/listings/context';
import { toGridRow } from '../../../src/app/listings/grid';
import { createServices } from '../../../src/app/services';
import {
  LISTING_TABS,
  type Listing,
  MASS_ACTIONS,
  ROW_ACTIONS,
  TAB_LABELS,
  visibleTabs,
} from '../../../src/core/listings';
import { webAction } from '../../../src/platform/web-action';

/**
 * GET ?storeId&tab&page&pageSize[&filter] → one page of a Product Listings tab plus the tab counts.
 * Without a filter or sort a page is one collection page (≤ 3 State reads); a SKU/ASIN filter or a sort
 * (`sort` column, `direction`) scans the tab. `buyBox=true` (the Buy Box Won column is visible) adds one
 * competitor-snapshot read per distinct ASIN on the page.
 */
export const main = webAction({
  name: 'listings-grid',
  get: {
    input: z.object({
      storeId: storeIdSchema,
      tab: z.enum(LISTING_TABS).default('active'),
      page: z.coerce.number().int().min(0).default(0),
      pageSize: z.coerce.number().int().min(1).max(MAX_LISTINGS_PAGE_SIZE).default(50),
      filter: z.string().trim().max(100).optional(),
      sort: z.enum(GRID_SORT_COLUMNS).optional(),
      direction: z.enum(['ascending', 'descending']).default('ascending'),
      buyBox: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
    }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const lc = await loadListingsContext(services, query.storeId);
      let rows: Listing[];
      let total: number;
      if (query.filter || query.sort) {
        const sort = query.sort ? { column: query.sort, direction: query.direction } : undefined;
        const matching = await filteredSortedTab(lc, query.tab, query.filter, sort);
        total = matching.length;
        rows = matching.slice(query.page * query.pageSize, (query.page + 1) * query.pageSize);
      } else {
        const page = await lc.repo.page(query.tab, query.page, query.pageSize);
        rows = page.items;
        total = page.total;
      }
      const autoList = lc.settings.productListingActions.automaticListAction;
      const buyBox = query.buyBox
        ? await buyBoxWonByAsin(
            services,
            query.storeId,
            rows.flatMap((l) => (l.asin ? [l.asin] : [])),
          )
        : undefined;
      return {
        tab: query.tab,
        page: query.page,
        pageSize: query.pageSize,
        total,
        rows: rows.map((l) => ({
          ...toGridRow(l, lc.ctx.currency),
          ...(buyBox ? { buyBoxWon: (l.asin && buyBox.get(l.asin)) || 'NA' } : {}),
        })),
        counts: await lc.repo.counts(),
        tabs: visibleTabs(autoList).map((t) => ({ id: t, label: TAB_LABELS[t] })),
        rowActions: ROW_ACTIONS[query.tab],
        massActions: MASS_ACTIONS[query.tab],
      };
    },
  },
});
