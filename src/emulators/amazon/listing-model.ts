/**
 * What a listing's attributes mean: price, quantity, channel, condition, status and issues.
 * Listings keep attributes in the Listings Items API shape; everything the other APIs show is derived here.
 */
import Big from 'big.js';
import type { AmazonState, ListingRecord } from './state';

export interface ListingIssue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames: string[];
  categories: string[];
}

type Attr = Record<string, unknown>;

const first = (l: ListingRecord, name: string): Attr | undefined => {
  const values = (l.attributes[name] ?? []) as Attr[];
  return values.find((v) => v?.marketplace_id === l.marketplaceId) ?? values.find((v) => !v?.marketplace_id);
};

/** Decimal string of our_price (value_with_tax), or undefined when the listing has no price. */
export function listingPrice(l: ListingRecord): string | undefined {
  const offer = first(l, 'purchasable_offer');
  const ourPrice = (offer?.our_price as Attr[] | undefined)?.[0];
  const schedule = (ourPrice?.schedule as Attr[] | undefined)?.[0];
  const v = schedule?.value_with_tax ?? schedule?.value;
  if (v === undefined || v === null || v === '') return undefined;
  try {
    return new Big(v as string | number).toString();
  } catch {
    return undefined;
  }
}

export function listingCurrency(l: ListingRecord, state: AmazonState): string {
  const offer = first(l, 'purchasable_offer');
  return (offer?.currency as string | undefined) ?? state.marketplace(l.marketplaceId)?.currency ?? 'USD';
}

export function fulfillment(l: ListingRecord): { channel: string; quantity: number; leadTimeDays?: number } {
  const fa = first(l, 'fulfillment_availability');
  return {
    channel: (fa?.fulfillment_channel_code as string | undefined) ?? 'DEFAULT',
    quantity: Number(fa?.quantity ?? 0),
    leadTimeDays: fa?.lead_time_to_ship_max_days === undefined ? undefined : Number(fa.lead_time_to_ship_max_days),
  };
}

export const isFba = (l: ListingRecord): boolean => fulfillment(l).channel.startsWith('AMAZON_');

export function conditionType(l: ListingRecord): string | undefined {
  return first(l, 'condition_type')?.value as string | undefined;
}

export function itemName(l: ListingRecord, state: AmazonState): string | undefined {
  const own = first(l, 'item_name')?.value as string | undefined;
  return own ?? (l.asin ? state.catalog.get(`${l.asin}|${l.marketplaceId}`)?.title : undefined);
}

/** Problems with values that make a submission INVALID (nothing is stored). */
export function submissionIssues(attributes: Record<string, unknown[]>): ListingIssue[] {
  const issues: ListingIssue[] = [];
  const invalid = (attr: string, message: string): void => {
    issues.push({
      code: '4000001',
      message,
      severity: 'ERROR',
      attributeNames: [attr],
      categories: ['INVALID_ATTRIBUTE'],
    });
  };
  for (const [name, values] of Object.entries(attributes)) {
    if (!Array.isArray(values)) invalid(name, `'${name}' must be an array of values.`);
  }
  for (const offer of (attributes.purchasable_offer ?? []) as Attr[]) {
    for (const p of (offer?.our_price ?? []) as Attr[]) {
      for (const s of (p?.schedule ?? []) as Attr[]) {
        const v = Number(s?.value_with_tax ?? s?.value);
        if (!Number.isFinite(v) || v <= 0)
          invalid('purchasable_offer', `'purchasable_offer' price must be a number greater than 0.`);
      }
    }
  }
  for (const fa of (attributes.fulfillment_availability ?? []) as Attr[]) {
    if (fa?.quantity !== undefined && !(Number.isInteger(fa.quantity) && (fa.quantity as number) >= 0))
      invalid('fulfillment_availability', `'fulfillment_availability' quantity must be a whole number >= 0.`);
    const lt = fa?.lead_time_to_ship_max_days;
    if (lt !== undefined && !(Number.isInteger(lt) && (lt as number) >= 0 && (lt as number) <= 30))
      invalid('fulfillment_availability', `'lead_time_to_ship_max_days' must be a whole number between 0 and 30.`);
    const code = fa?.fulfillment_channel_code;
    if (code !== undefined && !['DEFAULT', 'AMAZON_NA', 'AMAZON_EU', 'AMAZON_FE'].includes(String(code)))
      invalid('fulfillment_availability', `'fulfillment_channel_code' '${String(code)}' is not a valid channel.`);
  }
  const cond = ((attributes.condition_type ?? []) as Attr[])[0]?.value;
  const conditions = ['new_new', 'new_open_box', 'new_oem', 'refurbished_refurbished', 'used_like_new'];
  const more = ['used_very_good', 'used_good', 'used_acceptable', 'collectible_like_new', 'collectible_very_good'];
  if (
    cond !== undefined &&
    ![...conditions, ...more, 'collectible_good', 'collectible_acceptable'].includes(String(cond))
  )
    invalid('condition_type', `'condition_type' value '${String(cond)}' is not valid.`);
  return issues;
}

/** Issues of a stored listing (what getListingsItem shows). */
export function listingIssues(l: ListingRecord, state: AmazonState): ListingIssue[] {
  const issues: ListingIssue[] = [];
  const missing = (attr: string, severity: ListingIssue['severity'] = 'ERROR'): void => {
    issues.push({
      code: '90220',
      message: `'${attr}' is required but not supplied.`,
      severity,
      attributeNames: [attr],
      categories: ['MISSING_ATTRIBUTE'],
    });
  };
  if (!l.asin) {
    issues.push({
      code: '8541',
      message: 'No catalog item matches the supplied product identifiers; the listing cannot be shown.',
      severity: 'ERROR',
      attributeNames: ['merchant_suggested_asin'],
      categories: ['INVALID_ATTRIBUTE'],
    });
  }
  if (!conditionType(l)) missing('condition_type');
  if (listingPrice(l) === undefined) missing('purchasable_offer');
  if (!first(l, 'fulfillment_availability')) missing('fulfillment_availability', 'WARNING');
  const currency = first(l, 'purchasable_offer')?.currency;
  const expected = state.marketplace(l.marketplaceId)?.currency;
  if (currency && expected && currency !== expected)
    issues.push({
      code: '4000003',
      message: `Currency '${String(currency)}' does not match the marketplace currency '${expected}'.`,
      severity: 'ERROR',
      attributeNames: ['purchasable_offer'],
      categories: ['INVALID_ATTRIBUTE'],
    });
  return issues;
}

/**
 * DISCOVERABLE: has an ASIN and is not closed. BUYABLE: discoverable, priced, no ERROR issue,
 * and in stock (FBM quantity > 0, or FBA quantity > 0), and the seller is not on vacation there.
 */
export function listingStatus(l: ListingRecord, state: AmazonState): Array<'BUYABLE' | 'DISCOVERABLE'> {
  if (!l.asin || l.closed) return [];
  const errors = listingIssues(l, state).some((i) => i.severity === 'ERROR');
  const onVacation = state.sellers.get(l.sellerId)?.vacationMarketplaceIds.includes(l.marketplaceId) ?? false;
  const buyable = !errors && fulfillment(l).quantity > 0 && !onVacation;
  return buyable ? ['BUYABLE', 'DISCOVERABLE'] : ['DISCOVERABLE'];
}

/** Applies a Listings Items patch list; returns issues for patches that cannot be applied. */
export function applyPatches(
  attributes: Record<string, unknown[]>,
  patches: Array<{ op: string; path: string; value?: unknown[] }>,
): ListingIssue[] {
  const issues: ListingIssue[] = [];
  for (const p of patches) {
    const m = /^\/attributes\/([A-Za-z0-9_]+)$/.exec(p.path);
    if (!m) {
      issues.push({
        code: '4000002',
        message: `Invalid patch path '${p.path}': only top-level attributes (/attributes/<name>) can be patched.`,
        severity: 'ERROR',
        attributeNames: [],
        categories: ['INVALID_ATTRIBUTE'],
      });
      continue;
    }
    const name = m[1];
    const value = p.value ?? [];
    if (p.op === 'delete') {
      const mps = new Set((value as Attr[]).map((v) => v?.marketplace_id).filter(Boolean));
      if (mps.size === 0) delete attributes[name];
      else attributes[name] = (attributes[name] ?? []).filter((v) => !mps.has((v as Attr)?.marketplace_id));
    } else if (p.op === 'merge') {
      const current = [...((attributes[name] ?? []) as Attr[])];
      for (const v of value as Attr[]) {
        const i = current.findIndex((c) => c?.marketplace_id === v?.marketplace_id);
        if (i >= 0) current[i] = { ...current[i], ...v };
        else current.push(v);
      }
      attributes[name] = current;
    } else {
      attributes[name] = value;
    }
  }
  return issues;
}
