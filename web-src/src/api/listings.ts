import { z } from 'zod';
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

export interface ListingsClient {
  grid(storeId: string, tab: TabId, page: number, pageSize: number, filter?: string): Promise<GridPage>;
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
    method: 'GET' | 'POST',
    request: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> => transport.call(action, method, request, schema);
  const anything = z.record(z.string(), z.unknown());
  return {
    grid: (storeId, tab, page, pageSize, filter) =>
      send('asc/listings-grid', 'GET', { storeId, tab, page, pageSize, filter }, gridSchema),
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

/** The visible grid page as CSV (merchant export). */
export const gridCsv = (rows: GridRow[]): string => {
  const header = ['Seller SKU', 'ASIN', 'Name', 'Condition', 'Price', 'Currency', 'Quantity', 'Fulfilment', 'Status'];
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = rows.map((r) =>
    [r.sellerSku, r.asin, r.name, r.condition, r.price, r.currency, r.quantity, r.fulfillment, r.statusLabel]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
};
