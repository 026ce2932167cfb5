/** Sellers v1 getMarketplaceParticipations and Listings Items 2021-08-01 (get/put/patch/delete/search). */
import Big from 'big.js';
import {
  type ApiContext,
  type ApiHandler,
  asArray,
  invalidInput,
  notFound,
  ok,
  requireMarketplace,
  requirePathSeller,
  requireSeller,
} from './api';
import {
  type ListingIssue,
  applyPatches,
  conditionType,
  fulfillment,
  isFba,
  itemName,
  listingCurrency,
  listingIssues,
  listingPrice,
  listingStatus,
  submissionIssues,
} from './listing-model';
import type { AmazonState, ListingRecord } from './state';

export interface ListingEvents {
  /** Called after a listing's offer (price/quantity/existence) changed, for ANY_OFFER_CHANGED. */
  offerChanged(asin: string, marketplaceId: string): void;
}

const getMarketplaceParticipations: ApiHandler = (ctx) => {
  const seller = ctx.state.sellers.get(requireSeller(ctx));
  const payload = (seller?.marketplaceIds ?? [])
    .map((id) => ctx.state.marketplace(id))
    .filter((mp) => mp && mp.region === ctx.region)
    .map((mp) => ({
      marketplace: {
        id: mp!.id,
        name: `Amazon.${mp!.domain.replace(/^amazon\./, '')}`,
        countryCode: mp!.country,
        defaultCurrencyCode: mp!.currency,
        defaultLanguageCode: mp!.region === 'eu' && mp!.country === 'DE' ? 'de_DE' : 'en_US',
        domainName: `www.${mp!.domain}`,
      },
      participation: {
        // Vacation (holiday settings) is shown as not participating: listings there are not buyable.
        isParticipating: !seller!.vacationMarketplaceIds.includes(mp!.id),
        hasSuspendedListings: [...ctx.state.listings.values()].some(
          (l) => l.sellerId === seller!.sellerId && l.marketplaceId === mp!.id && l.closed,
        ),
      },
      storeName: seller!.storeName,
    }));
  return ok({ payload });
};

const oneMarketplace = (ctx: ApiContext): string => {
  const ids = asArray(ctx.query.marketplaceIds);
  if (ids.length !== 1) throw invalidInput('Invalid marketplaceIds: exactly one marketplace id is supported.');
  requireMarketplace(ctx, ids[0]);
  return ids[0];
};

export function renderItem(state: AmazonState, l: ListingRecord, includedData: string[]): Record<string, unknown> {
  const item: Record<string, unknown> = { sku: l.sku };
  const inc = new Set(includedData.length ? includedData : ['summaries']);
  if (inc.has('summaries')) {
    const summary: Record<string, unknown> = {
      marketplaceId: l.marketplaceId,
      productType: l.productType,
      status: listingStatus(l, state),
      createdDate: l.createdDate,
      lastUpdatedDate: l.lastUpdatedDate,
    };
    if (l.asin) summary.asin = l.asin;
    const cond = conditionType(l);
    if (cond) summary.conditionType = cond;
    const name = itemName(l, state);
    if (name) summary.itemName = name;
    if (isFba(l))
      summary.fnSku = `X00${l.sku
        .replace(/[^A-Z0-9]/gi, '')
        .toUpperCase()
        .slice(0, 7)
        .padEnd(7, '0')}`;
    item.summaries = [summary];
  }
  if (inc.has('attributes')) item.attributes = l.attributes;
  if (inc.has('issues'))
    item.issues = listingIssues(l, state).map((i) => ({ ...i, marketplaceIds: [l.marketplaceId] }));
  if (inc.has('offers')) {
    const price = listingPrice(l);
    item.offers = price
      ? [
          {
            marketplaceId: l.marketplaceId,
            offerType: 'B2C',
            price: { currencyCode: listingCurrency(l, state), amount: price },
            audience: { value: 'ALL', displayName: 'Sell on Amazon' },
          },
        ]
      : [];
  }
  if (inc.has('fulfillmentAvailability')) {
    const f = fulfillment(l);
    item.fulfillmentAvailability = [{ fulfillmentChannelCode: f.channel, quantity: f.quantity }];
  }
  if (inc.has('productTypes')) item.productTypes = [{ marketplaceId: l.marketplaceId, productType: l.productType }];
  if (inc.has('relationships')) item.relationships = [{ marketplaceId: l.marketplaceId, relationships: [] }];
  if (inc.has('procurement')) item.procurement = [];
  return item;
}

/** Resolves the ASIN a submission points at: merchant_suggested_asin, or a catalogue identifier match. */
function resolveAsin(
  state: AmazonState,
  marketplaceId: string,
  attributes: Record<string, unknown[]>,
): string | undefined {
  const suggested = (attributes.merchant_suggested_asin?.[0] as { value?: string } | undefined)?.value;
  if (suggested) return state.catalog.has(`${suggested}|${marketplaceId}`) ? suggested : undefined;
  for (const id of (attributes.externally_assigned_product_identifier ?? []) as Array<{
    type?: string;
    value?: string;
  }>) {
    for (const c of state.catalog.values()) {
      if (
        c.marketplaceId === marketplaceId &&
        c.identifiers.some((i) => i.type.toLowerCase() === String(id.type).toLowerCase() && i.value === id.value)
      )
        return c.asin;
    }
  }
  return undefined;
}

function submission(ctx: ApiContext, sku: string, issues: ListingIssue[], asin?: string, marketplaceId?: string) {
  const preview = ctx.query.mode === 'VALIDATION_PREVIEW';
  const errors = issues.some((i) => i.severity === 'ERROR');
  const inc = asArray(ctx.query.includedData);
  const body: Record<string, unknown> = {
    sku,
    status: errors ? 'INVALID' : preview ? 'VALID' : 'ACCEPTED',
    submissionId: ctx.state.randomToken(16),
    issues: inc.length && !inc.includes('issues') ? undefined : issues,
  };
  if ((inc.includes('identifiers') || !inc.length) && asin && marketplaceId)
    body.identifiers = [{ marketplaceId, asin }];
  return ok(body);
}

export function listingsHandlers(events: ListingEvents): Record<string, ApiHandler> {
  const getListingsItem: ApiHandler = (ctx) => {
    const seller = requirePathSeller(ctx, ctx.params.sellerId);
    const mp = oneMarketplace(ctx);
    const l = ctx.state.listings.get(ctx.state.listingKey(seller, mp, ctx.params.sku));
    if (!l) throw notFound(`SKU '${ctx.params.sku}' not found in marketplace ${mp}`);
    return ok(renderItem(ctx.state, l, asArray(ctx.query.includedData)));
  };

  const putListingsItem: ApiHandler = (ctx) => {
    const seller = requirePathSeller(ctx, ctx.params.sellerId);
    const mp = oneMarketplace(ctx);
    const body = ctx.body as { productType: string; requirements?: string; attributes: Record<string, unknown[]> };
    const issues = submissionIssues(body.attributes);
    let asin = resolveAsin(ctx.state, mp, body.attributes);
    const offerOnly = body.requirements === 'LISTING_OFFER_ONLY';
    if (!asin && (offerOnly || body.attributes.merchant_suggested_asin)) {
      issues.push({
        code: '8541',
        message: 'The ASIN in merchant_suggested_asin does not exist in this marketplace.',
        severity: 'ERROR',
        attributeNames: ['merchant_suggested_asin'],
        categories: ['INVALID_ATTRIBUTE'],
      });
    }
    if (!body.attributes.condition_type)
      issues.push({
        code: '90220',
        message: "'condition_type' is required but not supplied.",
        severity: 'ERROR',
        attributeNames: ['condition_type'],
        categories: ['MISSING_ATTRIBUTE'],
      });
    const valid = !issues.some((i) => i.severity === 'ERROR');
    if (valid && !asin && !offerOnly) {
      // A new product: Amazon creates a catalogue item (emulated with a generated ASIN).
      asin = `B0EMU${ctx.state.numericId().slice(-5)}`;
      const title = (body.attributes.item_name?.[0] as { value?: string } | undefined)?.value ?? ctx.params.sku;
      ctx.state.catalog.set(`${asin}|${mp}`, {
        asin,
        marketplaceId: mp,
        title,
        productType: body.productType,
        identifiers: (
          (body.attributes.externally_assigned_product_identifier ?? []) as Array<{ type: string; value: string }>
        ).map((i) => ({ type: String(i.type).toUpperCase(), value: String(i.value) })),
        classification: 'BASE_PRODUCT',
      });
    }
    if (valid && ctx.query.mode !== 'VALIDATION_PREVIEW') {
      const key = ctx.state.listingKey(seller, mp, ctx.params.sku);
      const now = ctx.clock.iso();
      const existing = ctx.state.listings.get(key);
      ctx.state.listings.set(key, {
        sellerId: seller,
        marketplaceId: mp,
        sku: ctx.params.sku,
        productType: body.productType,
        asin,
        attributes: body.attributes,
        createdDate: existing?.createdDate ?? now,
        lastUpdatedDate: now,
      });
      if (asin) events.offerChanged(asin, mp);
    }
    return submission(ctx, ctx.params.sku, issues, asin, mp);
  };

  const patchListingsItem: ApiHandler = (ctx) => {
    const seller = requirePathSeller(ctx, ctx.params.sellerId);
    const mp = oneMarketplace(ctx);
    const l = ctx.state.listings.get(ctx.state.listingKey(seller, mp, ctx.params.sku));
    if (!l) throw notFound(`SKU '${ctx.params.sku}' not found in marketplace ${mp}`);
    const body = ctx.body as { productType: string; patches: Array<{ op: string; path: string; value?: unknown[] }> };
    const attributes = structuredClone(l.attributes);
    const issues = applyPatches(attributes, body.patches);
    issues.push(...submissionIssues(attributes));
    const valid = !issues.some((i) => i.severity === 'ERROR');
    if (valid && ctx.query.mode !== 'VALIDATION_PREVIEW') {
      const before = `${listingPrice(l)}|${fulfillment(l).quantity}`;
      l.attributes = attributes;
      l.productType = body.productType;
      l.lastUpdatedDate = ctx.clock.iso();
      l.closed = undefined;
      if (l.asin && before !== `${listingPrice(l)}|${fulfillment(l).quantity}`) events.offerChanged(l.asin, mp);
    }
    return submission(ctx, ctx.params.sku, issues, l.asin, mp);
  };

  const deleteListingsItem: ApiHandler = (ctx) => {
    const seller = requirePathSeller(ctx, ctx.params.sellerId);
    const mp = oneMarketplace(ctx);
    const key = ctx.state.listingKey(seller, mp, ctx.params.sku);
    const l = ctx.state.listings.get(key);
    if (!l) throw notFound(`SKU '${ctx.params.sku}' not found in marketplace ${mp}`);
    ctx.state.listings.delete(key);
    if (l.asin) events.offerChanged(l.asin, mp);
    return ok({ sku: ctx.params.sku, status: 'ACCEPTED', submissionId: ctx.state.randomToken(16), issues: [] });
  };

  const searchListingsItems: ApiHandler = (ctx) => {
    const seller = requirePathSeller(ctx, ctx.params.sellerId);
    const mp = oneMarketplace(ctx);
    const q = ctx.query;
    const identifiers = asArray(q.identifiers);
    if (identifiers.length && !q.identifiersType) throw invalidInput('identifiersType is required with identifiers.');
    if (identifiers.length > 20) throw invalidInput('identifiers: at most 20 values.');
    let items = [...ctx.state.listings.values()].filter((l) => l.sellerId === seller && l.marketplaceId === mp);
    if (identifiers.length) {
      const type = String(q.identifiersType);
      items = items.filter((l) => {
        if (type === 'SKU') return identifiers.includes(l.sku);
        if (type === 'ASIN') return !!l.asin && identifiers.includes(l.asin);
        const c = l.asin ? ctx.state.catalog.get(`${l.asin}|${mp}`) : undefined;
        return !!c?.identifiers.some((i) => i.type === type && identifiers.includes(i.value));
      });
    }
    const after = (v: unknown, d: string) => v === undefined || Date.parse(d) >= Date.parse(String(v));
    const before = (v: unknown, d: string) => v === undefined || Date.parse(d) < Date.parse(String(v));
    items = items.filter(
      (l) =>
        after(q.lastUpdatedAfter, l.lastUpdatedDate) &&
        before(q.lastUpdatedBefore, l.lastUpdatedDate) &&
        after(q.createdAfter, l.createdDate) &&
        before(q.createdBefore, l.createdDate),
    );
    const withStatus = asArray(q.withStatus);
    const withoutStatus = asArray(q.withoutStatus);
    items = items.filter((l) => {
      const st = listingStatus(l, ctx.state) as string[];
      return withStatus.every((s) => st.includes(s)) && !withoutStatus.some((s) => st.includes(s));
    });
    const severities = asArray(q.withIssueSeverity);
    if (severities.length)
      items = items.filter((l) => listingIssues(l, ctx.state).some((i) => severities.includes(i.severity)));
    const sortBy = String(q.sortBy ?? 'lastUpdatedDate');
    const key = (l: ListingRecord) =>
      sortBy === 'sku' ? l.sku : sortBy === 'createdDate' ? l.createdDate : l.lastUpdatedDate;
    items.sort((a, b) => key(a).localeCompare(key(b)) || a.sku.localeCompare(b.sku));
    if (q.sortOrder !== 'ASC') items.reverse();
    const total = Math.min(items.length, 1000);
    const pageSize = Number(q.pageSize ?? 10);
    const offset = q.pageToken ? Number(Buffer.from(String(q.pageToken), 'base64url').toString()) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidInput('Invalid pageToken.');
    const page = items.slice(offset, Math.min(offset + pageSize, total));
    const next = offset + pageSize < total ? Buffer.from(String(offset + pageSize)).toString('base64url') : undefined;
    const prev = offset > 0 ? Buffer.from(String(Math.max(0, offset - pageSize))).toString('base64url') : undefined;
    const pagination =
      next || prev ? { ...(next ? { nextToken: next } : {}), ...(prev ? { previousToken: prev } : {}) } : undefined;
    return ok({
      numberOfResults: items.length,
      ...(pagination ? { pagination } : {}),
      items: page.map((l) => renderItem(ctx.state, l, asArray(q.includedData))),
    });
  };

  return {
    getMarketplaceParticipations,
    getListingsItem,
    putListingsItem,
    patchListingsItem,
    deleteListingsItem,
    searchListingsItems,
  };
}

/** Sum helper for money strings (exact). */
export const addMoney = (...values: string[]): string => values.reduce((a, v) => a.plus(v), new Big(0)).toFixed(2);
