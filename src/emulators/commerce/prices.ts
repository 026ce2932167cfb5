import Big from 'big.js';
import { type HandlerTable, type RestContext, badRequest } from './context';
import type { SeedSpecialPrice } from './seed';
import { type CommerceState, type ProductRecord, commerceDate, parseCommerceDate } from './state';

/**
 * Price scope is "website": the global value (website 0) applies unless a website has its own.
 * Store-scoped price APIs take a store_id and apply the value to that store's website.
 */
export const basePriceFor = (product: ProductRecord, websiteId: number): string =>
  product.websitePrices?.find((p) => p.websiteId === websiteId)?.price ?? product.price;

export const specialPriceFor = (product: ProductRecord, websiteId: number): SeedSpecialPrice | undefined =>
  product.specialPrices?.find((p) => p.websiteId === websiteId) ??
  product.specialPrices?.find((p) => p.websiteId === 0);

/** The price a shopper pays now in a website: the special price when its window is open and it is lower. */
export const finalPriceFor = (product: ProductRecord, websiteId: number, nowMs: number): string => {
  const base = new Big(basePriceFor(product, websiteId));
  const special = specialPriceFor(product, websiteId);
  if (!special) return base.toString();
  const from = special.from ? parseCommerceDate(special.from) : Number.NEGATIVE_INFINITY;
  // Commerce treats special_to_date as inclusive of that whole day.
  const to = special.to ? parseCommerceDate(special.to) + 86_399_999 : Number.POSITIVE_INFINITY;
  if (nowMs < from || nowMs > to) return base.toString();
  return new Big(special.price).lt(base) ? special.price : base.toString();
};

const asNumber = (money: string): number => Number(money);

const storeToWebsite = (state: CommerceState, storeId: number): number | undefined => {
  if (storeId === 0) return 0;
  return state.storeView(storeId)?.websiteId;
};

type PriceRow = { sku: string; store_id: number };

interface UpdateFailure {
  message: string;
  parameters: string[];
}

/** Runs per-item price updates; Commerce reports failed items instead of failing the request. */
const updateEach = <T extends { sku: string; store_id: number }>(
  ctx: RestContext,
  items: T[],
  apply: (product: ProductRecord, websiteId: number, item: T) => string | undefined,
): UpdateFailure[] => {
  const failures: UpdateFailure[] = [];
  const touched = new Set<ProductRecord>();
  for (const item of items) {
    const product = ctx.state.product(item.sku);
    const websiteId = storeToWebsite(ctx.state, item.store_id);
    if (!product) {
      failures.push({
        message: 'The SKU "%SKU" is incorrect. Verify the SKU and try again.',
        parameters: [item.sku],
      });
      continue;
    }
    if (websiteId === undefined) {
      failures.push({
        message: 'Requested store is not found. Row ID: SKU = %SKU, Store ID: %storeId.',
        parameters: [item.sku, String(item.store_id)],
      });
      continue;
    }
    const problem = apply(product, websiteId, item);
    if (problem) {
      failures.push({ message: problem, parameters: [item.sku] });
      continue;
    }
    touched.add(product);
  }
  for (const product of touched) {
    product.updatedAt = ctx.state.now();
    ctx.emit('catalog_product_save_commit_after', productEventValue(ctx.state, product));
  }
  return failures;
};

const setWebsitePrice = (product: ProductRecord, websiteId: number, price: string): void => {
  if (websiteId === 0) {
    product.price = price;
    return;
  }
  const others = (product.websitePrices ?? []).filter((p) => p.websiteId !== websiteId);
  product.websitePrices = [...others, { websiteId, price }];
};

const validMoney = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

const toMoney = (value: number): string => new Big(value).toString();

/** One base-price row per scope that has a value: store 0 for global, each website's default store otherwise. */
const basePriceRows = (state: CommerceState, product: ProductRecord) => [
  { price: asNumber(product.price), store_id: 0, sku: product.sku },
  ...(product.websitePrices ?? []).map((p) => ({
    price: asNumber(p.price),
    store_id: state.defaultStoreOfWebsite(p.websiteId),
    sku: product.sku,
  })),
];

const requireSkus = (ctx: RestContext): ProductRecord[] => {
  const skus = ctx.body.skus as string[];
  const missing = skus.filter((sku) => !ctx.state.product(sku));
  if (missing.length > 0) {
    throw badRequest('The following SKUs are missing: %SKUs', { SKUs: missing.join(', ') });
  }
  return skus.map((sku) => ctx.state.product(sku) as ProductRecord);
};

export const productEventValue = (_state: CommerceState, product: ProductRecord): Record<string, unknown> => {
  const special = specialPriceFor(product, 0);
  return {
    entity_id: String(product.id),
    sku: product.sku,
    name: product.name,
    type_id: product.typeId,
    status: String(product.status),
    visibility: String(product.visibility),
    price: product.price,
    special_price: special?.price ?? null,
    special_from_date: special?.from ?? null,
    special_to_date: special?.to ?? null,
    cost: product.cost ?? null,
    msrp: product.msrp ?? null,
    map_price: product.map ?? null,
    website_ids: product.websiteIds.map(String),
    created_at: product.createdAt,
    updated_at: product.updatedAt,
    ...(product.customAttributes ?? {}),
  };
};

export const priceHandlers: HandlerTable = {
  PostV1ProductsBasepricesinformation: (ctx) => requireSkus(ctx).flatMap((p) => basePriceRows(ctx.state, p)),
  PostV1ProductsBaseprices: (ctx) =>
    updateEach(ctx, ctx.body.prices, (product, websiteId, item: PriceRow & { price: number }) => {
      if (!validMoney(item.price)) return 'Invalid attribute Price = %price. Row ID: SKU = %SKU, Store ID: %storeId.';
      setWebsitePrice(product, websiteId, toMoney(item.price));
      return undefined;
    }),
  PostV1ProductsSpecialpriceinformation: (ctx) =>
    requireSkus(ctx).flatMap((product) =>
      (product.specialPrices ?? []).map((s) => ({
        price: asNumber(s.price),
        store_id: s.websiteId === 0 ? 0 : ctx.state.defaultStoreOfWebsite(s.websiteId),
        sku: product.sku,
        price_from: s.from ?? '',
        price_to: s.to ?? '',
      })),
    ),
  PostV1ProductsSpecialprice: (ctx) =>
    updateEach(
      ctx,
      ctx.body.prices,
      (product, websiteId, item: PriceRow & { price: number; price_from: string; price_to: string }) => {
        if (!validMoney(item.price)) return 'Invalid attribute Price = %price. Row ID: SKU = %SKU, Store ID: %storeId.';
        const from = item.price_from ? parseCommerceDate(item.price_from) : undefined;
        const to = item.price_to ? parseCommerceDate(item.price_to) : undefined;
        if (Number.isNaN(from) || Number.isNaN(to)) return 'Invalid attribute Price From/To. Row ID: SKU = %SKU.';
        if (from !== undefined && to !== undefined && from > to)
          return 'Special price "from" date is after "to" date. SKU = %SKU.';
        const others = (product.specialPrices ?? []).filter((s) => s.websiteId !== websiteId);
        product.specialPrices = [
          ...others,
          {
            websiteId,
            price: toMoney(item.price),
            from: from === undefined ? undefined : commerceDate(from),
            to: to === undefined ? undefined : commerceDate(to),
          },
        ];
        return undefined;
      },
    ),
  PostV1ProductsSpecialpricedelete: (ctx) =>
    updateEach(ctx, ctx.body.prices, (product, websiteId) => {
      product.specialPrices = (product.specialPrices ?? []).filter((s) => s.websiteId !== websiteId);
      return undefined;
    }),
  PostV1ProductsCostinformation: (ctx) =>
    requireSkus(ctx)
      .filter((p) => p.cost !== undefined)
      .map((p) => ({ cost: asNumber(p.cost as string), store_id: 0, sku: p.sku })),
  PostV1ProductsCost: (ctx) =>
    updateEach(ctx, ctx.body.prices, (product, _websiteId, item: PriceRow & { cost: number }) => {
      if (!validMoney(item.cost)) return 'Invalid attribute Cost = %cost. Row ID: SKU = %SKU, Store ID: %storeId.';
      product.cost = toMoney(item.cost);
      return undefined;
    }),
  PostV1ProductsCostdelete: (ctx) => {
    for (const product of requireSkus(ctx)) product.cost = undefined;
    return true;
  },
};
