import { z } from 'zod';
import { GRID_COLUMN_IDS, GRID_SORT_COLUMNS } from '../../../src/adapters/state/listings/saved-views';
import { loadListingsContext } from '../../../src/app/listings/context';
import {
  EXPORT_COLUMNS,
  type ExportColumn,
  exportTabPart,
  MAX_EXPORT_PART_ROWS,
  MAX_EXPORT_ROWS,
} from '../../../src/app/listings/grid-export';
import { createServices } from '../../../src/app/services';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { LISTING_TABS } from '../../../src/core/listings';
import { webAction } from '../../../src/platform/web-action';

/** `columns` as the grid sends it: a comma-separated list of column ids (the Action column is skipped). */
const columnsSchema = z
  .string()
  .trim()
  .min(1, 'Choose at least one column to export.')
  .transform((text) => text.split(',').map((c) => c.trim()))
  .pipe(
    z
      .array(z.enum(GRID_COLUMN_IDS, { message: 'Unknown column.' }))
      .transform((ids) => ids.filter((c): c is ExportColumn => c !== 'action'))
      .refine((ids) => ids.length > 0, 'Choose at least one column other than Action.'),
  );

/**
 * GET ?storeId&tab[&filter&sort&direction&columns&from&partRows] → one part of the CSV export of a whole
 * Product Listings tab (see src/app/listings/grid-export.ts): `{ csv, from, rows, next, total, truncated }`.
 * The UI calls again with `from=next` until `next` is null and concatenates the `csv` parts.
 */
export const main = webAction({
  name: 'listings-export',
  get: {
    input: z.object({
      storeId: storeIdSchema,
      tab: z.enum(LISTING_TABS),
      filter: z.string().trim().max(100).optional(),
      sort: z.enum(GRID_SORT_COLUMNS).optional(),
      direction: z.enum(['ascending', 'descending']).default('ascending'),
      columns: columnsSchema.default(() => [...EXPORT_COLUMNS]),
      from: z.coerce.number().int().min(0).max(MAX_EXPORT_ROWS).default(0),
      partRows: z.coerce.number().int().min(1).max(MAX_EXPORT_PART_ROWS).default(MAX_EXPORT_PART_ROWS),
    }),
    handler: async (query, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const lc = await loadListingsContext(services, query.storeId);
      return exportTabPart(lc, {
        tab: query.tab,
        filter: query.filter || undefined,
        sort: query.sort ? { column: query.sort, direction: query.direction } : undefined,
        columns: query.columns,
        from: query.from,
        partRows: query.partRows,
      });
    },
  },
});
