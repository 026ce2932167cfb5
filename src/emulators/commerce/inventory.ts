import Big from 'big.js';
import { type EmitEvent, type HandlerTable, type RestContext, badRequest, intParam, notFound } from './context';
import { applySearchCriteria, echoCriteria, parseSearchCriteria } from './search-criteria';
import type { SeedSourceItem } from './seed';
import { type CommerceState, type ProductRecord, sourceItemKey } from './state';

/** The legacy (pre-MSI) stock item mirrors the default source only and ignores reservations, like Commerce. */
export const DEFAULT_SOURCE = 'default';

const defaultSourceCode = (state: CommerceState): string =>
  state.data.sources.some((s) => s.code === DEFAULT_SOURCE)
    ? DEFAULT_SOURCE
    : (state.data.sources[0]?.code ?? DEFAULT_SOURCE);

export const legacyStockItem = (state: CommerceState, product: ProductRecord): Record<string, unknown> => {
  const item = state.data.sourceItems[sourceItemKey(product.sku, defaultSourceCode(state))];
  return {
    item_id: product.id,
    product_id: product.id,
    stock_id: 1,
    qty: item?.quantity ?? 0,
    is_in_stock: item ? item.status === 1 && item.quantity > 0 : false,
    is_qty_decimal: false,
    show_default_notification_message: false,
    use_config_min_qty: true,
    min_qty: 0,
    use_config_min_sale_qty: 1,
    min_sale_qty: 1,
    use_config_max_sale_qty: true,
    max_sale_qty: 10000,
    use_config_backorders: true,
    backorders: 0,
    use_config_notify_stock_qty: true,
    notify_stock_qty: 1,
    use_config_qty_increments: true,
    qty_increments: 0,
    use_config_enable_qty_inc: true,
    enable_qty_increments: false,
    use_config_manage_stock: true,
    manage_stock: true,
    low_stock_date: '',
    is_decimal_divided: false,
    stock_status_changed_auto: 0,
  };
};

/** Salable quantity = Σ in-stock quantities of the stock's enabled sources + Σ reservations (negative) − threshold 0. */
export const salableQuantity = (state: CommerceState, sku: string, stockId: number): number => {
  const stock = state.stock(stockId);
  if (!stock) return 0;
  const enabled = new Set(
    state.data.sources.filter((s) => s.enabled && stock.sourceCodes.includes(s.code)).map((s) => s.code),
  );
  let total = new Big(0);
  for (const item of state.sourceItemsOf(sku)) {
    if (enabled.has(item.sourceCode) && item.status === 1) total = total.plus(item.quantity);
  }
  total = total.plus(reservedSum(state.data.reservations, stockId, sku));
  return Math.max(0, total.toNumber());
};

/**
 * Σ reservations per stock and SKU. Reservations are only ever appended, so the sums are kept per reservations
 * array and brought up to date from where they were left; any other change (a new array, a shorter one) starts over.
 * Keeps a backlog import from summing every earlier order's reservation on each salable-quantity read.
 */
const reservationSums = new WeakMap<object, { counted: number; sums: Map<string, Big> }>();
const reservedSum = (reservations: CommerceState['data']['reservations'], stockId: number, sku: string): Big => {
  let memo = reservationSums.get(reservations);
  if (!memo || memo.counted > reservations.length) {
    memo = { counted: 0, sums: new Map() };
    reservationSums.set(reservations, memo);
  }
  for (; memo.counted < reservations.length; memo.counted++) {
    const r = reservations[memo.counted];
    const key = `${r.stockId}\u0000${r.sku}`;
    memo.sums.set(key, (memo.sums.get(key) ?? new Big(0)).plus(r.quantity));
  }
  return memo.sums.get(`${stockId}\u0000${sku}`) ?? new Big(0);
};

export const addReservation = (
  state: CommerceState,
  stockId: number,
  sku: string,
  quantity: number,
  metadata: object,
): void => {
  state.data.reservations.push({
    id: state.next('reservation'),
    stockId,
    sku,
    quantity,
    metadata: JSON.stringify(metadata),
  });
};

/** Stock-item event for a change of the default source (the only one Commerce's legacy observer sees). */
const emitStockItemSaved = (state: CommerceState, emit: EmitEvent, sku: string): void => {
  const product = state.product(sku);
  if (!product) return;
  const item = legacyStockItem(state, product);
  emit('cataloginventory_stock_item_save_commit_after', {
    item_id: String(item.item_id),
    product_id: String(product.id),
    stock_id: '1',
    qty: String(item.qty),
    is_in_stock: item.is_in_stock ? '1' : '0',
    manage_stock: '1',
    website_id: '0',
  });
};

/** Sets a source item's quantity (and status); emits the legacy stock event when the default source changed. */
export const setSourceItem = (state: CommerceState, emit: EmitEvent, item: SeedSourceItem): void => {
  state.data.sourceItems[sourceItemKey(item.sku, item.sourceCode)] = { ...item };
  if (item.sourceCode === defaultSourceCode(state)) emitStockItemSaved(state, emit, item.sku);
};

/** Deducts shipped quantity from a source (MSI source deduction on shipment). */
export const deductSource = (
  state: CommerceState,
  emit: EmitEvent,
  sku: string,
  sourceCode: string,
  qty: number,
): void => {
  const current = state.data.sourceItems[sourceItemKey(sku, sourceCode)];
  if (!current) throw badRequest('Source item not found by source code: %1 and sku: %2.', { 1: sourceCode, 2: sku });
  const quantity = new Big(current.quantity).minus(qty).toNumber();
  setSourceItem(state, emit, { ...current, quantity, status: quantity > 0 ? current.status : 0 });
};

const requireStock = (ctx: RestContext) => {
  const stockId = intParam(ctx, 'stockId');
  const stock = ctx.state.stock(stockId);
  if (!stock) throw notFound('Stock with id "%value" does not exist.', { value: String(stockId) });
  return stock;
};

const requireSimple = (state: CommerceState, sku: string): ProductRecord => {
  const product = state.product(sku);
  if (!product) throw notFound("The product that was requested doesn't exist. Verify the product and try again.");
  if (product.typeId !== 'simple') {
    throw badRequest("Can't check requested quantity for products without Source Items support.");
  }
  return product;
};

const stockToRest = (stock: CommerceState['data']['stocks'][number]) => ({
  stock_id: stock.id,
  name: stock.name,
  extension_attributes: { sales_channels: stock.websiteCodes.map((code) => ({ type: 'website', code })) },
});

const sourceToRest = (source: CommerceState['data']['sources'][number]) => ({
  source_code: source.code,
  name: source.name,
  enabled: source.enabled,
  country_id: source.countryId,
  postcode: source.postcode,
  use_default_carrier_config: true,
  carrier_links: [],
});

export const inventoryHandlers: HandlerTable = {
  GetV1StockItemsProductSku: (ctx) => legacyStockItem(ctx.state, requireSimple(ctx.state, ctx.params.productSku)),
  PutV1ProductsProductSkuStockItemsItemId: (ctx) => {
    const product = requireSimple(ctx.state, ctx.params.productSku);
    const payload = ctx.body.stockItem as { qty?: number; is_in_stock?: boolean };
    const key = sourceItemKey(product.sku, defaultSourceCode(ctx.state));
    const current = ctx.state.data.sourceItems[key] ?? {
      sku: product.sku,
      sourceCode: defaultSourceCode(ctx.state),
      quantity: 0,
      status: 1,
    };
    const quantity = payload.qty ?? current.quantity;
    const status = payload.is_in_stock === undefined ? current.status : payload.is_in_stock ? 1 : 0;
    setSourceItem(ctx.state, ctx.emit, { ...current, quantity, status: status as 0 | 1 });
    return product.id;
  },
  GetV1InventorySourceitems: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const page = applySearchCriteria(Object.values(ctx.state.data.sourceItems), criteria, (item, field) =>
      field === 'sku'
        ? item.sku
        : field === 'source_code'
          ? item.sourceCode
          : field === 'quantity'
            ? item.quantity
            : field === 'status'
              ? item.status
              : undefined,
    );
    return {
      items: page.items.map((i) => ({ sku: i.sku, source_code: i.sourceCode, quantity: i.quantity, status: i.status })),
      search_criteria: echoCriteria(criteria),
      total_count: page.totalCount,
    };
  },
  PostV1InventorySourceitems: (ctx) => {
    const items = ctx.body.sourceItems as Array<{
      sku?: string;
      source_code?: string;
      quantity?: number;
      status?: number;
    }>;
    for (const [index, item] of items.entries()) {
      if (!item.sku || !ctx.state.product(item.sku))
        throw badRequest('Validation Failed: sourceItems.%index.sku: the product does not exist.', {
          index: String(index),
        });
      if (!item.source_code || !ctx.state.data.sources.some((s) => s.code === item.source_code)) {
        throw badRequest('Validation Failed: sourceItems.%index.source_code: the source does not exist.', {
          index: String(index),
        });
      }
      if (typeof item.quantity !== 'number' || item.quantity < 0)
        throw badRequest('Validation Failed: sourceItems.%index.quantity must be a number >= 0.', {
          index: String(index),
        });
    }
    for (const item of items) {
      setSourceItem(ctx.state, ctx.emit, {
        sku: item.sku as string,
        sourceCode: item.source_code as string,
        quantity: item.quantity as number,
        status: item.status === 0 ? 0 : 1,
      });
    }
    return undefined;
  },
  GetV1InventorySources: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const page = applySearchCriteria(ctx.state.data.sources, criteria, (s, field) =>
      field === 'source_code'
        ? s.code
        : field === 'enabled'
          ? s.enabled
            ? 1
            : 0
          : field === 'name'
            ? s.name
            : undefined,
    );
    return {
      items: page.items.map(sourceToRest),
      search_criteria: echoCriteria(criteria),
      total_count: page.totalCount,
    };
  },
  GetV1InventorySourcesSourceCode: (ctx) => {
    const source = ctx.state.data.sources.find((s) => s.code === ctx.params.sourceCode);
    if (!source) throw notFound('Source with code "%value" does not exist.', { value: ctx.params.sourceCode });
    return sourceToRest(source);
  },
  GetV1InventoryStocks: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const page = applySearchCriteria(ctx.state.data.stocks, criteria, (s, field) =>
      field === 'stock_id' ? s.id : field === 'name' ? s.name : undefined,
    );
    return {
      items: page.items.map(stockToRest),
      search_criteria: echoCriteria(criteria),
      total_count: page.totalCount,
    };
  },
  GetV1InventoryStocksStockId: (ctx) => stockToRest(requireStock(ctx)),
  GetV1InventoryStocksourcelinks: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const links = ctx.state.data.stocks.flatMap((stock) =>
      stock.sourceCodes.map((code, index) => ({ stock_id: stock.id, source_code: code, priority: index + 1 })),
    );
    const page = applySearchCriteria(links, criteria, (link, field) =>
      field === 'stock_id' ? link.stock_id : field === 'source_code' ? link.source_code : undefined,
    );
    return { items: page.items, search_criteria: echoCriteria(criteria), total_count: page.totalCount };
  },
  GetV1InventoryStockresolverTypeCode: (ctx) => {
    if (ctx.params.type !== 'website') throw badRequest('Only "website" sales channels are supported.');
    const stock = ctx.state.data.stocks.find((s) => s.websiteCodes.includes(ctx.params.code));
    if (!stock) throw notFound('No linked stock found');
    return stockToRest(stock);
  },
  GetV1InventoryGetproductsalablequantitySkuStockId: (ctx) => {
    const stock = requireStock(ctx);
    requireSimple(ctx.state, ctx.params.sku);
    return salableQuantity(ctx.state, ctx.params.sku, stock.id);
  },
  GetV1InventoryIsproductsalableforrequestedqtySkuStockIdRequestedQty: (ctx) => {
    const stock = requireStock(ctx);
    requireSimple(ctx.state, ctx.params.sku);
    const requested = Number(ctx.params.requestedQty);
    const salable = salableQuantity(ctx.state, ctx.params.sku, stock.id) >= requested;
    return {
      salable,
      errors: salable ? [] : [{ code: 'is_correct_qty-not_enough', message: 'The requested qty is not available' }],
    };
  },
};
