/** Catalog Items 2022-04-01: searchCatalogItems (identifiers or keywords) and getCatalogItem. */
import { type ApiContext, type ApiHandler, asArray, invalidInput, notFound, ok, requireMarketplace } from './api';
import type { CatalogRecord } from './state';

function renderCatalogItem(c: CatalogRecord, includedData: string[]): Record<string, unknown> {
  const inc = new Set(includedData.length ? includedData : ['summaries']);
  const item: Record<string, unknown> = { asin: c.asin };
  if (inc.has('summaries')) {
    const summary: Record<string, unknown> = {
      marketplaceId: c.marketplaceId,
      itemName: c.title,
      // VARIATION_CHILD is not in the model's itemClassification enum: children are BASE_PRODUCTs with a parent.
      itemClassification: c.classification === 'VARIATION_PARENT' ? 'VARIATION_PARENT' : 'BASE_PRODUCT',
    };
    if (c.brand) summary.brand = c.brand;
    item.summaries = [summary];
  }
  if (inc.has('identifiers'))
    item.identifiers = [
      {
        marketplaceId: c.marketplaceId,
        identifiers: c.identifiers.map((i) => ({ identifierType: i.type, identifier: i.value })),
      },
    ];
  if (inc.has('productTypes')) item.productTypes = [{ marketplaceId: c.marketplaceId, productType: c.productType }];
  if (inc.has('relationships'))
    item.relationships = [
      {
        marketplaceId: c.marketplaceId,
        relationships: c.parentAsin ? [{ type: 'VARIATION', parentAsins: [c.parentAsin] }] : [],
      },
    ];
  if (inc.has('images')) item.images = [{ marketplaceId: c.marketplaceId, images: [] }];
  if (inc.has('salesRanks')) item.salesRanks = [{ marketplaceId: c.marketplaceId }];
  return item;
}

const singleMarketplace = (ctx: ApiContext): string => {
  const ids = asArray(ctx.query.marketplaceIds);
  if (ids.length !== 1) throw invalidInput('Invalid marketplaceIds: exactly one marketplace id is supported.');
  requireMarketplace(ctx, ids[0]);
  return ids[0];
};

const searchCatalogItems: ApiHandler = (ctx) => {
  const q = ctx.query;
  const mp = singleMarketplace(ctx);
  const identifiers = asArray(q.identifiers);
  const keywords = asArray(q.keywords);
  if (identifiers.length && keywords.length) throw invalidInput('identifiers and keywords cannot be used together.');
  if (!identifiers.length && !keywords.length) throw invalidInput('Either identifiers or keywords is required.');
  let results: CatalogRecord[] = [];
  const inMarket = [...ctx.state.catalog.values()].filter((c) => c.marketplaceId === mp);
  if (identifiers.length) {
    if (!q.identifiersType) throw invalidInput('identifiersType is required when identifiers are given.');
    if (identifiers.length > 20) throw invalidInput('identifiers: at most 20 values.');
    const type = String(q.identifiersType);
    if (type === 'SKU') {
      if (!q.sellerId) throw invalidInput('sellerId is required when identifiersType is SKU.');
      const asins = new Set(
        [...ctx.state.listings.values()]
          .filter((l) => l.sellerId === q.sellerId && l.marketplaceId === mp && identifiers.includes(l.sku))
          .map((l) => l.asin),
      );
      results = inMarket.filter((c) => asins.has(c.asin));
    } else if (type === 'ASIN') results = inMarket.filter((c) => identifiers.includes(c.asin));
    else results = inMarket.filter((c) => c.identifiers.some((i) => i.type === type && identifiers.includes(i.value)));
  } else {
    const words = keywords.flatMap((k) => k.toLowerCase().split(/\s+/)).filter(Boolean);
    const brands = asArray(q.brandNames).map((b) => b.toLowerCase());
    results = inMarket.filter((c) => {
      const text = `${c.title} ${c.brand ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w)) && (!brands.length || brands.includes((c.brand ?? '').toLowerCase()));
    });
  }
  results.sort((a, b) => a.asin.localeCompare(b.asin));
  const pageSize = Number(q.pageSize ?? 10);
  const offset = q.pageToken ? Number(Buffer.from(String(q.pageToken), 'base64url').toString()) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw invalidInput('Invalid pageToken.');
  const capped = results.slice(0, 1000);
  const page = capped.slice(offset, offset + pageSize);
  const nextToken =
    offset + pageSize < capped.length ? Buffer.from(String(offset + pageSize)).toString('base64url') : undefined;
  return ok({
    numberOfResults: results.length,
    ...(nextToken ? { pagination: { nextToken } } : {}),
    items: page.map((c) => renderCatalogItem(c, asArray(q.includedData))),
  });
};

const getCatalogItem: ApiHandler = (ctx) => {
  const mps = asArray(ctx.query.marketplaceIds);
  for (const mp of mps) requireMarketplace(ctx, mp);
  const found = mps.map((mp) => ctx.state.catalog.get(`${ctx.params.asin}|${mp}`)).filter((c) => c !== undefined);
  if (!found.length) throw notFound(`Requested item '${ctx.params.asin}' not found in the given marketplaces.`);
  const first = renderCatalogItem(found[0], asArray(ctx.query.includedData));
  // Merge per-marketplace arrays when the item exists in several marketplaces.
  for (const c of found.slice(1)) {
    const more = renderCatalogItem(c, asArray(ctx.query.includedData));
    for (const [k, v] of Object.entries(more)) if (Array.isArray(v)) (first[k] as unknown[]).push(...v);
  }
  return ok(first);
};

export const catalogHandlers: Record<string, ApiHandler> = { searchCatalogItems, getCatalogItem };
