import { CONDITION_LABELS, type ConditionCode } from './condition';
import type { PlannedChange } from './patches';
import { STATUS_LABELS, type Listing, type ListingIssue, type OfferValues } from './types';

/**
 * Listing Changes Log entries (SPEC 7.1, 4.5): what changed, from → to, why, when and which job. Pure builders;
 * the log repository assigns ids. The shape is ListingChangeEntry (src/core/ports) plus structured fields.
 */
export interface ListingChangeLogEntry {
  storeId: string;
  sellerSku: string;
  asin?: string;
  /** Listing Action column: "Price Update", "Quantity Update", "New Listing", "End Listing", "Listing Error"… */
  action: string;
  /** Comments column: a merchant-readable sentence. */
  comments: string;
  field?: string;
  from?: string;
  to?: string;
  /** Why: "pricing rule Summer -10%", "stock changed", "override saved", "listing rules"… */
  reason?: string;
  jobId?: string;
  at: string;
}

export interface LogContext {
  storeId: string;
  reason?: string;
  jobId?: string;
  at: string;
}

const FIELD_ACTIONS: Partial<Record<keyof OfferValues, { action: string; label: string }>> = {
  asin: { action: 'ASIN Update', label: 'ASIN' },
  price: { action: 'Price Update', label: 'price' },
  businessPrice: { action: 'Business Price Update', label: 'business price' },
  quantityDiscounts: { action: 'Business Price Update', label: 'quantity discounts' },
  quantity: { action: 'Quantity Update', label: 'quantity' },
  fulfillmentChannel: { action: 'Fulfillment Update', label: 'fulfillment channel' },
  handlingTimeDays: { action: 'Handling Time Update', label: 'handling time (days)' },
  condition: { action: 'Condition Update', label: 'condition' },
  sellerNotes: { action: 'Seller Notes Update', label: 'seller notes' },
  listPrice: { action: 'List Price Update', label: 'list price (MSRP)' },
};

const show = (field: keyof OfferValues, value: unknown): string => {
  if (value === undefined || value === null || value === '') return 'none';
  if (field === 'condition') return CONDITION_LABELS[value as ConditionCode] ?? String(value);
  if (field === 'quantityDiscounts')
    return (value as NonNullable<OfferValues['quantityDiscounts']>)
      .map((t) => `${t.minQuantity}+: ${t.discountPercent}%`)
      .join(', ');
  return String(value);
};

const suffix = (ctx: LogContext): string => (ctx.reason ? ` (${ctx.reason})` : '');
const base = (ctx: LogContext, sellerSku: string, asin: string | undefined) => ({
  storeId: ctx.storeId,
  sellerSku,
  asin,
  reason: ctx.reason,
  jobId: ctx.jobId,
  at: ctx.at,
});

/** One entry per changed offer field of a planned change (or one "New Listing" / "End Listing" entry). */
export const changeLogEntries = (change: PlannedChange, ctx: LogContext): ListingChangeLogEntry[] => {
  const asin = change.sent.asin ?? change.before?.asin;
  if (change.kind === 'create')
    return [
      {
        ...base(ctx, change.sku, asin),
        action: 'New Listing',
        comments: `Listing sent to Amazon for ASIN ${asin ?? '?'}${suffix(ctx)}`,
      },
    ];
  if (change.kind === 'delete')
    return [
      { ...base(ctx, change.sku, asin), action: 'End Listing', comments: `Listing removed from Amazon${suffix(ctx)}` },
    ];
  return change.changedFields.map((field) => {
    const meta = FIELD_ACTIONS[field] ?? { action: 'Listing Update', label: field };
    const from = show(field, change.before?.[field]);
    const to = show(field, change.sent[field]);
    return {
      ...base(ctx, change.sku, asin),
      action: meta.action,
      comments: `${meta.label} ${from} → ${to}${suffix(ctx)}`,
      field,
      from,
      to,
    };
  });
};

/** A status change of a listing ("Active → Inactive"). Undefined when the status did not change. */
export const statusChangeEntry = (
  before: Listing,
  after: Listing,
  ctx: LogContext,
): ListingChangeLogEntry | undefined => {
  if (before.status === after.status) return undefined;
  const from = STATUS_LABELS[before.status];
  const to = STATUS_LABELS[after.status];
  const why = after.inactiveReason && after.status === 'inactive' ? `: ${after.inactiveReason}` : '';
  return {
    ...base(ctx, after.sellerSku, after.asin),
    action: 'Status Change',
    comments: `status ${from} → ${to}${why}${suffix(ctx)}`,
    field: 'status',
    from,
    to,
  };
};

/** Amazon's rejections, one entry per issue (e.g. the Renewed program's "Refurbished" error). */
export const issueEntries = (
  listing: Pick<Listing, 'sellerSku' | 'asin'>,
  issues: readonly ListingIssue[],
  ctx: LogContext,
): ListingChangeLogEntry[] =>
  issues
    .filter((i) => i.severity !== 'INFO')
    .map((i) => ({
      ...base(ctx, listing.sellerSku, listing.asin),
      action: i.severity === 'ERROR' ? 'Listing Error' : 'Listing Warning',
      comments: `${i.code}: ${i.message}${i.attributeNames?.length ? ` [${i.attributeNames.join(', ')}]` : ''}`,
    }));
