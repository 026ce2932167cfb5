import { z } from 'zod';
import {
  GRID_COLUMN_IDS,
  GRID_SORT_COLUMNS,
  type GridColumnId,
  type GridSortColumn,
} from '../../../src/core/listings/grid-columns';
import type { Session } from '../host/session';
import type { FetchLike } from './config';
import type { ConditionGroup, ConditionTypeDescription } from './pricing';
import { createTransport } from './transport';

/** Client and response schemas of the listings actions (asc/listings-grid, listing-actions, listing-rules, …). */

const overridesSchema = z.looseObject({
  price: z.string().optional(),
  handlingTimeDays: z.number().optional(),
  condition: z.string().optional(),
  sellerNotes: z.string().optional(),
});

export const gridRowSchema = z.object({
  sellerSku: z.string(),
  productSku: z.string().nullable(),
  asin: z.string().nullable(),
  name: z.string().nullable(),
  condition: z.string().nullable(),
  price: z.string().nullable(),
  currency: z.string(),
  quantity: z.number().nullable(),
  fulfillment: z.enum(['FBM', 'FBA']),
  status: z.string(),
  statusLabel: z.string(),
  reason: z.string().nullable(),
  origin: z.enum(['catalog', 'third_party']),
  overrides: overridesSchema,
  candidates: z.array(z.looseObject({ asin: z.string(), title: z.string().optional() })),
  updatedAt: z.string(),
  /** Only when the grid asked for the Buy Box Won column. */
  buyBoxWon: z.enum(['Yes', 'No', 'NA']).optional(),
});
export type GridRow = z.infer<typeof gridRowSchema>;

export const TAB_IDS = [
  'incomplete',
  'new_third_party',
  'ready_to_list',
  'inactive',
  'active',
  'overrides',
  'ineligible',
  'ended',
] as const;
export type TabId = (typeof TAB_IDS)[number];

export const gridSchema = z.object({
  tab: z.enum(TAB_IDS),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  rows: z.array(gridRowSchema),
  counts: z.record(z.string(), z.number()),
  tabs: z.array(z.object({ id: z.enum(TAB_IDS), label: z.string() })),
  rowActions: z.array(z.string()),
  massActions: z.array(z.string()),
});
export type GridPage = z.infer<typeof gridSchema>;

const activitySchema = z.looseObject({
  sellerSku: z.string(),
  action: z.string(),
  comments: z.string().optional(),
  at: z.string(),
});
export type ActivityEntry = z.infer<typeof activitySchema>;

export const detailsSchema = z.object({
  listing: z.looseObject({ sellerSku: z.string(), status: z.string(), overrides: overridesSchema }),
  statusLabel: z.string(),
  activity: z.array(activitySchema),
});
export type ListingDetails = z.infer<typeof detailsSchema>;

export const actionResultSchema = z.object({
  updated: z.array(z.object({ sellerSku: z.string(), status: z.string() })),
  errors: z.array(z.object({ sellerSku: z.string(), message: z.string() })),
  published: z.looseObject({ planned: z.number(), accepted: z.number(), failed: z.number() }).optional(),
});
export type ActionResult = z.infer<typeof actionResultSchema>;

const previewRow = z.object({
  productSku: z.string(),
  name: z.string(),
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
});
const previewBucket = z.object({ count: z.number(), rows: z.array(previewRow) });
export const rulesPreviewSchema = z.object({
  saved: z.boolean(),
  preview: z.object({ ineligible: previewBucket, eligible: previewBucket, new: previewBucket }),
});
export type RulesPreview = z.infer<typeof rulesPreviewSchema>['preview'];

export interface ListingActionRequest {
  action:
    | 'publish'
    | 'end'
    | 'switch_fulfillment'
    | 'alias_sku'
    | 'assign_asin'
    | 'set_condition'
    | 'set_override'
    | 'remove_override'
    | 'assign_catalog_product';
  skus: string[];
  asin?: string;
  condition?: string;
  overrides?: { price?: string; handlingTimeDays?: number; condition?: string; sellerNotes?: string };
  removeOverrides?: string[];
  aliasSku?: string;
  removeExisting?: boolean;
  productSku?: string;
}

/** Grid columns a view can show and sort by: the server's own lists. */
export { GRID_COLUMN_IDS, GRID_SORT_COLUMNS, type GridColumnId, type GridSortColumn };
export interface GridSort {
  column: GridSortColumn;
  direction: 'ascending' | 'descending';
}

export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  tab: z.enum(TAB_IDS),
  filter: z.string(),
  columns: z.array(z.enum(GRID_COLUMN_IDS)),
  sort: z.object({ column: z.enum(GRID_SORT_COLUMNS), direction: z.enum(['ascending', 'descending']) }).nullable(),
  savedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;
export type SavedViewDraft = Omit<SavedView, 'id' | 'savedAt'>;
const viewsSchema = z.object({ views: z.array(savedViewSchema) });

const offerRowSchema = z.object({
  asin: z.string(),
  isSeller: z.enum(['Yes', 'No']),
  condition: z.string(),
  fulfillmentChannel: z.enum(['Amazon', 'Merchant']),
  listingPrice: z.string(),
  shippingPrice: z.string(),
  landedPrice: z.string(),
  feedbackRating: z.number().nullable(),
  feedbackCount: z.number().nullable(),
});
export const competitionSchema = z.object({
  sku: z.string(),
  asin: z.string().nullable(),
  currency: z.string().nullable(),
  buyBox: z
    .object({
      asin: z.string(),
      isSeller: z.enum(['Yes', 'No']),
      condition: z.string(),
      listingPrice: z.string(),
      shippingPrice: z.string(),
      landedPrice: z.string(),
    })
    .nullable(),
  buyBoxWon: z.enum(['Yes', 'No', 'NA']),
  offers: z.array(offerRowSchema),
  lastUpdated: z.string().nullable(),
  source: z.enum(['notification', 'poll']).nullable(),
  freshness: z.object({ state: z.enum(['none', 'fresh', 'stale']), ageMs: z.number().nullable() }),
});
export type ListingCompetition = z.infer<typeof competitionSchema>;

export const catalogProductSchema = z.object({
  sku: z.string(),
  name: z.string().nullable(),
  price: z.string().nullable(),
});
export type CatalogProductChoice = z.infer<typeof catalogProductSchema>;

export interface GridOptions {
  sort?: GridSort | null;
  /** Ask for the Buy Box Won column (one extra read per ASIN on the page). */
  buyBox?: boolean;
}

export const exportPartSchema = z.object({
  total: z.number(),
  from: z.number(),
  rows: z.number(),
  next: z.number().nullable(),
  truncated: z.boolean(),
  csv: z.string(),
});

/** What the merchant sees in the grid when pressing Export CSV: the whole tab with these settings. */
export interface ExportRequest {
  tab: TabId;
  filter?: string;
  sort?: GridSort | null;
  columns: GridColumnId[];
}
export interface ExportResult {
  csv: string;
  rows: number;
  total: number;
  truncated: boolean;
}

export interface ListingsClient {
  /**
   * The whole tab as CSV, fetched part by part from asc/listings-export (a web action's result is capped at
   * 1 MB) and concatenated; `onProgress(rowsSoFar, total)` after each part.
   */
  exportCsv(
    storeId: string,
    request: ExportRequest,
    onProgress?: (rows: number, total: number) => void,
  ): Promise<ExportResult>;
  grid(
    storeId: string,
    tab: TabId,
    page: number,
    pageSize: number,
    filter?: string,
    options?: GridOptions,
  ): Promise<GridPage>;
  views(storeId: string): Promise<SavedView[]>;
  saveView(storeId: string, view: SavedViewDraft): Promise<{ view: SavedView; views: SavedView[] }>;
  deleteView(storeId: string, id: string): Promise<SavedView[]>;
  competition(storeId: string, sku: string, refresh?: boolean): Promise<ListingCompetition>;
  /** Commerce products of the store's website whose SKU or name contains `search` (Assign Catalog Product). */
  catalogProducts(storeId: string, search: string): Promise<CatalogProductChoice[]>;
  details(storeId: string, sku: string): Promise<ListingDetails>;
  act(storeId: string, request: ListingActionRequest): Promise<ActionResult>;
  rules(storeId: string): Promise<{ rules: ConditionGroup; conditionTypes: ConditionTypeDescription[] }>;
  previewRules(storeId: string, rules: ConditionGroup, save: boolean): Promise<RulesPreview>;
  importListings(storeId: string): Promise<Record<string, unknown>>;
  publishNow(storeId: string): Promise<Record<string, unknown>>;
}

export const createListingsClient = (
  session: Pick<Session, 'config' | 'credentials'>,
  fetchFn?: FetchLike,
): ListingsClient => {
  const transport = createTransport(session, fetchFn);
  const send = <T>(
    action: string,
    method: 'GET' | 'POST' | 'DELETE',
    request: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> => transport.call(action, method, request, schema);
  const anything = z.record(z.string(), z.unknown());
  return {
    exportCsv: async (storeId, request, onProgress) => {
      const parts: string[] = [];
      let from: number | null = 0;
      let rows = 0;
      let total = 0;
      let truncated = false;
      while (from !== null) {
        const part: z.infer<typeof exportPartSchema> = await send(
          'asc/listings-export',
          'GET',
          {
            storeId,
            tab: request.tab,
            filter: request.filter || undefined,
            sort: request.sort?.column,
            direction: request.sort?.direction,
            columns: request.columns.join(','),
            from,
          },
          exportPartSchema,
        );
        parts.push(part.csv);
        rows += part.rows;
        total = part.total;
        truncated = part.truncated;
        onProgress?.(rows, total);
        from = part.next;
      }
      return { csv: parts.join(''), rows, total, truncated };
    },
    grid: (storeId, tab, page, pageSize, filter, options = {}) =>
      send(
        'asc/listings-grid',
        'GET',
        {
          storeId,
          tab,
          page,
          pageSize,
          filter,
          sort: options.sort?.column,
          direction: options.sort?.direction,
          buyBox: options.buyBox ? 'true' : undefined,
        },
        gridSchema,
      ),
    views: async (storeId) => (await send('asc/listing-views', 'GET', { storeId }, viewsSchema)).views,
    saveView: (storeId, view) =>
      send(
        'asc/listing-views',
        'POST',
        { storeId, view },
        z.object({ view: savedViewSchema, views: z.array(savedViewSchema) }),
      ),
    deleteView: async (storeId, id) => (await send('asc/listing-views', 'DELETE', { storeId, id }, viewsSchema)).views,
    catalogProducts: async (storeId, search) =>
      (
        await send(
          'asc/catalog-products',
          'GET',
          { storeId, search },
          z.object({ products: z.array(catalogProductSchema) }),
        )
      ).products,
    competition: (storeId, sku, refresh = false) =>
      send('asc/listing-competition', refresh ? 'POST' : 'GET', { storeId, sku }, competitionSchema),
    details: (storeId, sku) => send('asc/listing-details', 'GET', { storeId, sku }, detailsSchema),
    act: (storeId, request) => send('asc/listing-actions', 'POST', { storeId, ...request }, actionResultSchema),
    rules: async (storeId) =>
      (await send('asc/listing-rules', 'GET', { storeId }, anything)) as unknown as {
        rules: ConditionGroup;
        conditionTypes: ConditionTypeDescription[];
      },
    previewRules: async (storeId, rules, save) =>
      (await send('asc/listing-rules', 'POST', { storeId, rules, save }, rulesPreviewSchema)).preview,
    importListings: (storeId) => send('asc/listings-import', 'POST', { storeId }, anything),
    publishNow: (storeId) => send('asc/listings-publish', 'POST', { storeId }, anything),
  };
};
