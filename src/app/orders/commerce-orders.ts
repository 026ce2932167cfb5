/**
 * The Commerce side of the import: which Commerce product each Amazon SKU is, whether a Commerce order already
 * exists for an Amazon order (the protocol's lookup), and executing a creation plan on the cart or direct path.
 * Failures are classified for the ledger: a clear refusal means nothing was created; anything else is uncertain.
 */
import { listingsRepository } from '../../adapters/state/listings/repository';
import type { Storage } from '../../adapters/state';
import {
  CommerceApiError,
  type CommerceGateway,
  CommerceNetworkError,
  criteria,
  type Order,
  type Product,
  WriteBlockedError,
} from '../../adapters/commerce';
import type {
  AmazonOrder,
  CreationPlan,
  DirectoryRegion,
  LookupKeys,
  MatchedProduct,
  ProductMatches,
} from '../../core/orders';
import { orderMarker } from '../../core/orders';

/** Website and stock of a store's Commerce website, resolved once per run. */
export interface CommerceScope {
  websiteId?: number;
  stockId?: number;
  storeViewId?: number;
  /** Product reads of this run, by Commerce SKU. */
  products?: Map<string, Promise<Product | undefined>>;
  /** Directory regions of this run, by country id. */
  countries?: Map<string, Promise<DirectoryRegion[]>>;
}

/**
 * The country's regions from Commerce's directory (GET V1/directory/countries/{id}), read once per run. A failed
 * read gives none (the address keeps its text and region_id 0) and is tried again by the next order.
 */
export const directoryRegions = async (
  commerce: CommerceGateway,
  scope: CommerceScope,
  countryId: string,
): Promise<DirectoryRegion[]> => {
  scope.countries ??= new Map();
  const countries = scope.countries;
  let cached = countries.get(countryId);
  if (!cached) {
    cached = commerce.getCountry(countryId).then(
      (c) => (c.available_regions ?? []).map((r) => ({ id: r.id, code: r.code, name: r.name })),
      () => {
        countries.delete(countryId);
        return [];
      },
    );
    countries.set(countryId, cached);
  }
  return cached;
};

export const resolveScope = async (
  commerce: CommerceGateway,
  websiteCode: string,
  storeViewCode: string | null,
): Promise<CommerceScope> => {
  const [websites, groups, views] = await Promise.all([
    commerce.listWebsites(),
    commerce.listStoreGroups(),
    commerce.listStoreViews(),
  ]);
  const website = websites.find((w) => w.code === websiteCode);
  const group = website ? groups.find((g) => g.id === website.default_group_id) : undefined;
  const view = storeViewCode
    ? views.find((v) => v.code === storeViewCode)
    : group
      ? views.find((v) => v.id === group.default_store_id)
      : undefined;
  let stockId: number | undefined;
  try {
    stockId = Number((await commerce.resolveStock('website', websiteCode)).stock_id);
  } catch {
    stockId = undefined; // no MSI: stock falls back to the legacy stock item
  }
  return {
    ...(website ? { websiteId: Number(website.id) } : {}),
    ...(stockId !== undefined && Number.isFinite(stockId) ? { stockId } : {}),
    ...(view ? { storeViewId: Number(view.id) } : {}),
  };
};

/**
 * Amazon seller SKU → Commerce product: the listing's Commerce SKU when the Listings area knows it, else the
 * same SKU in Commerce. Stock is MSI salable quantity for the website's stock (decision #8).
 */
export const matchProducts = async (
  storage: Storage,
  storeId: string,
  commerce: CommerceGateway,
  scope: CommerceScope,
  order: AmazonOrder,
): Promise<ProductMatches> => {
  const skus = [...new Set(order.items.map((i) => i.sku).filter(Boolean))];
  const listings = await listingsRepository(storage, storeId, 'automatic')
    .getMany(skus)
    .catch(() => new Map());
  const matches: ProductMatches = {};
  for (const sku of skus) {
    const commerceSku = (listings.get(sku)?.productSku as string | undefined) ?? sku;
    // Products are read once per run (scope); the salable quantity below is always read fresh.
    scope.products ??= new Map();
    let cached = scope.products.get(commerceSku);
    if (!cached) {
      const products = scope.products;
      cached = commerce.findProduct(commerceSku).catch((error: unknown) => {
        products.delete(commerceSku); // a failed read is retried by the next order, never cached
        throw error;
      });
      products.set(commerceSku, cached);
    }
    const product = await cached;
    if (!product) {
      matches[sku] = undefined;
      continue;
    }
    const stockItem = product.extension_attributes?.stock_item;
    const manageStock = stockItem?.manage_stock === undefined ? true : Boolean(stockItem.manage_stock);
    let salableQty = 0;
    if (manageStock) {
      salableQty =
        scope.stockId !== undefined
          ? await commerce.getSalableQuantity(product.sku, scope.stockId).catch(() => 0)
          : Number(stockItem?.qty ?? 0);
    }
    const websiteIds = (product.extension_attributes?.website_ids ?? []).map(Number);
    const match: MatchedProduct = {
      sku: product.sku,
      ...(product.id !== undefined ? { productId: Number(product.id) } : {}),
      ...(product.name ? { name: product.name } : {}),
      ...(product.type_id ? { typeId: product.type_id } : {}),
      enabled: product.status === undefined || Number(product.status) === 1,
      inWebsite: scope.websiteId === undefined || websiteIds.length === 0 || websiteIds.includes(scope.websiteId),
      manageStock,
      salableQty,
    };
    matches[sku] = match;
  }
  return matches;
};

export interface FoundOrder {
  commerceOrderId: number;
  incrementId?: string;
}

const found = (o: Order | undefined): FoundOrder | undefined =>
  o ? { commerceOrderId: Number(o.entity_id), ...(o.increment_id ? { incrementId: o.increment_id } : {}) } : undefined;

/** The protocol's lookup: ext_order_id, increment_id, then every cart made for the order (quote_id). */
export const findExistingOrder = async (
  commerce: CommerceGateway,
  keys: LookupKeys,
): Promise<FoundOrder | undefined> => {
  // One search: the filters of one group are ORed (ext_order_id, increment_id, every cart's quote_id).
  const page = await commerce.searchOrders(
    criteria()
      .anyOf([
        { field: 'ext_order_id', condition: 'eq', value: keys.extOrderId },
        { field: 'increment_id', condition: 'eq', value: keys.incrementId },
        ...(keys.quoteIds.length ? [{ field: 'quote_id', condition: 'in' as const, value: keys.quoteIds }] : []),
      ])
      .sortBy('entity_id', 'ASC')
      .pageSize(5),
  );
  return found(page.items[0]);
};

/** The Amazon order id a Commerce order belongs to: ext_order_id, the cart custom attribute, or the comment marker. */
export const amazonOrderIdOf = (order: Order): string | undefined => {
  if (order.ext_order_id) return order.ext_order_id;
  const attrs = (
    order.extension_attributes as { custom_attributes?: Array<{ attribute_code: string; value: unknown }> }
  )?.custom_attributes;
  const attr = attrs?.find((a) => a.attribute_code === 'amazon_order_id')?.value;
  if (typeof attr === 'string' && attr) return attr;
  for (const h of order.status_histories ?? []) {
    const m = /\[amazon-order:([^\]]+)\]/.exec(h.comment ?? '');
    if (m) return m[1];
  }
  return undefined;
};

export type CreateOutcome =
  | { kind: 'created'; commerceOrderId: number; incrementId?: string }
  | { kind: 'failed'; outcome: 'not_created' | 'unknown'; error: string };

/** A clear refusal (4xx, never-sent request, read-only hold) created nothing; anything else may have. */
export const classifyCreateError = (error: unknown): CreateOutcome => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof WriteBlockedError) return { kind: 'failed', outcome: 'not_created', error: message };
  if (error instanceof CommerceApiError && error.status < 500)
    return {
      kind: 'failed',
      outcome: 'not_created',
      error: error.status === 429 ? 'Commerce is busy (429); will retry.' : error.commerceMessage,
    };
  if (error instanceof CommerceNetworkError && error.requestNotSent)
    return { kind: 'failed', outcome: 'not_created', error: message };
  return { kind: 'failed', outcome: 'unknown', error: message };
};

/**
 * Executes a plan. The cart path calls `onCartCreated` (which must durably record the cart id in the ledger)
 * BEFORE placing, so a crash after placing is still found by the quote_id lookup.
 */
export const executePlan = async (
  commerce: CommerceGateway,
  plan: CreationPlan,
  onCartCreated: (cartId: number) => Promise<void>,
): Promise<CreateOutcome> => {
  try {
    if (plan.path === 'direct') {
      const created = await commerce.createOrder(plan.entity);
      return {
        kind: 'created',
        commerceOrderId: Number(created.entity_id),
        ...(created.increment_id ? { incrementId: created.increment_id } : {}),
      };
    }
    const cartId = await commerce.createCart();
    await onCartCreated(cartId);
    for (const item of plan.items) await commerce.addCartItem(cartId, item);
    await commerce.setCartCustomAttributes(cartId, plan.customAttributes);
    const address = {
      firstname: plan.shippingAddress.firstname,
      lastname: plan.shippingAddress.lastname,
      street: plan.shippingAddress.street,
      city: plan.shippingAddress.city,
      postcode: plan.shippingAddress.postcode,
      country_id: plan.shippingAddress.country_id,
      telephone: plan.shippingAddress.telephone,
      email: plan.customer.email,
      // The quote address schema requires all three. region_id comes from Commerce's directory (the plan's
      // address, withDirectoryRegion); 0 = "no directory region" for text Commerce's directory does not know.
      region: plan.shippingAddress.region ?? plan.shippingAddress.region_code ?? '',
      region_code: plan.shippingAddress.region_code ?? '',
      region_id: plan.shippingAddress.region_id ?? 0,
    };
    await commerce.setShippingInformation(cartId, {
      shippingAddress: address,
      carrierCode: plan.carrierCode,
      methodCode: plan.methodCode,
    });
    const orderId = await commerce.placeCartOrder(cartId, plan.paymentMethod);
    return { kind: 'created', commerceOrderId: orderId };
  } catch (error) {
    return classifyCreateError(error);
  }
};

/** Follow-ups after a cart order (comment with the marker, custom status). Best effort: retried by replay. */
export const runFollowUps = async (commerce: CommerceGateway, commerceOrderId: number, plan: CreationPlan) => {
  for (const step of plan.followUps) {
    if (step.kind === 'comment')
      await commerce.addOrderComment(commerceOrderId, {
        comment: step.comment,
        ...(step.status ? { status: step.status } : {}),
      });
  }
};

export const markerOf = orderMarker;
