import Big from 'big.js';
import { type HandlerTable, type RestContext, badRequest, intParam, notFound } from './context';
import { checkAddressRegion } from './directory';
import { salableQuantity } from './inventory';
import { money, placeOrder } from './orders';
import { finalPriceFor } from './prices';
import type { CartRecord } from './state';

/**
 * The quote (cart) path to an order, the route peers-and-commerce-api.md §B3 recommends:
 * cart → items with `extension_attributes.custom_price` (SaaS cart custom price: the Amazon unit price) →
 * cart custom attributes (amazon_order_id …) → shipping information → place order. Placing reserves stock (MSI).
 *
 * Carriers: `flatrate/flatrate` (5.00 per item, the stock Commerce rate) and the out-of-process carrier
 * `amazon/mfn|afn`. Real OOPE carriers get their rate from the `shipping_rate_repository.get_rates` webhook;
 * the emulator's stand-in reads it from the cart custom attribute `amazon_shipping_amount` (default 0).
 * Payment methods: checkmo, free, purchaseorder and the OOPE method `amazon`.
 */
const PAYMENT_METHODS = ['checkmo', 'free', 'purchaseorder', 'amazon'];
const FLAT_RATE_PER_ITEM = '5';

const requireCart = (ctx: RestContext, param: string): CartRecord => {
  const id = intParam(ctx, param);
  const cart = ctx.state.data.carts[String(id)];
  if (!cart)
    throw notFound('No such entity with %fieldName = %fieldValue', { fieldName: 'cartId', fieldValue: String(id) });
  if (!cart.isActive) throw notFound("The cart isn't active.");
  return cart;
};

const newCart = (ctx: RestContext, customerId?: number): number => {
  const now = ctx.state.now();
  const id = ctx.state.next('cart');
  const customer = customerId === undefined ? undefined : ctx.state.data.customers.find((c) => c.id === customerId);
  ctx.state.data.carts[String(id)] = {
    id,
    storeId: ctx.storeId || (customer ? ctx.state.defaultStoreOfWebsite(customer.websiteId) : 1),
    customerId,
    customerEmail: customer?.email,
    isActive: true,
    items: [],
    customAttributes: {},
    createdAt: now,
    updatedAt: now,
  };
  return id;
};

const unitPrice = (item: CartRecord['items'][number]): string => item.customPrice ?? item.catalogPrice;

const shippingAmountOf = (cart: CartRecord): string => {
  if (cart.shippingCarrierCode === 'amazon') return cart.customAttributes.amazon_shipping_amount ?? '0';
  const qty = cart.items.reduce((sum, i) => sum + i.qty, 0);
  return new Big(FLAT_RATE_PER_ITEM).times(qty).toString();
};

const cartTotals = (cart: CartRecord, currency: string) => {
  const subtotal = cart.items.reduce((sum, i) => sum.plus(new Big(unitPrice(i)).times(i.qty)), new Big(0));
  const shipping = cart.shippingCarrierCode ? shippingAmountOf(cart) : '0';
  const grand = subtotal.plus(shipping);
  return {
    grand_total: money(grand),
    base_grand_total: money(grand),
    subtotal: money(subtotal),
    base_subtotal: money(subtotal),
    subtotal_incl_tax: money(subtotal),
    shipping_amount: money(shipping),
    base_shipping_amount: money(shipping),
    tax_amount: 0,
    base_tax_amount: 0,
    discount_amount: 0,
    base_discount_amount: 0,
    weee_tax_applied_amount: 0,
    items_qty: cart.items.reduce((sum, i) => sum + i.qty, 0),
    base_currency_code: currency,
    quote_currency_code: currency,
    items: cart.items.map((i) => ({
      item_id: i.itemId,
      price: money(unitPrice(i)),
      base_price: money(unitPrice(i)),
      qty: i.qty,
      row_total: money(new Big(unitPrice(i)).times(i.qty)),
      base_row_total: money(new Big(unitPrice(i)).times(i.qty)),
      name: i.name,
      options: '[]',
      weee_tax_applied_amount: 0,
      weee_tax_applied: '',
    })),
    total_segments: [],
  };
};

const cartItemToRest = (cart: CartRecord, item: CartRecord['items'][number]) => ({
  item_id: item.itemId,
  sku: item.sku,
  qty: item.qty,
  name: item.name,
  price: money(unitPrice(item)),
  product_type: item.productType,
  quote_id: String(cart.id),
});

const currencyOf = (ctx: RestContext, cart: CartRecord): string =>
  ctx.state.website(ctx.state.websiteIdOfStore(cart.storeId))?.baseCurrency ?? ctx.state.data.currency.base;

export const cartHandlers: HandlerTable = {
  PostV1Carts: (ctx) => newCart(ctx),
  PostV1CustomersCustomerIdCarts: (ctx) => {
    const customerId = intParam(ctx, 'customerId');
    if (!ctx.state.data.customers.some((c) => c.id === customerId)) {
      throw notFound('No such entity with %fieldName = %fieldValue', {
        fieldName: 'customerId',
        fieldValue: String(customerId),
      });
    }
    const existing = Object.values(ctx.state.data.carts).find((c) => c.customerId === customerId && c.isActive);
    return existing?.id ?? newCart(ctx, customerId);
  },
  GetV1CartsCartId: (ctx) => {
    const cart = requireCart(ctx, 'cartId');
    const customer = ctx.state.data.customers.find((c) => c.id === cart.customerId);
    return {
      id: cart.id,
      created_at: cart.createdAt,
      updated_at: cart.updatedAt,
      is_active: cart.isActive,
      is_virtual: false,
      items: cart.items.map((i) => cartItemToRest(cart, i)),
      items_count: cart.items.length,
      items_qty: cart.items.reduce((sum, i) => sum + i.qty, 0),
      customer: customer
        ? { id: customer.id, email: customer.email, firstname: customer.firstname, lastname: customer.lastname }
        : { email: cart.customerEmail ?? '', firstname: '', lastname: '' },
      customer_is_guest: cart.customerId === undefined,
      store_id: cart.storeId,
      currency: { base_currency_code: currencyOf(ctx, cart), quote_currency_code: currencyOf(ctx, cart) },
      extension_attributes: {},
    };
  },
  GetV1CartsCartIdItems: (ctx) => {
    const cart = requireCart(ctx, 'cartId');
    return cart.items.map((i) => cartItemToRest(cart, i));
  },
  PostV1CartsQuoteIdItems: (ctx) => {
    const cart = requireCart(ctx, 'quoteId');
    const input = ctx.body.cartItem as {
      sku?: string;
      qty: number;
      extension_attributes?: { custom_price?: number | string };
    };
    if (!input.sku) throw badRequest('"%fieldName" is required. Enter and try again.', { fieldName: 'sku' });
    const product = ctx.state.product(input.sku);
    const websiteId = ctx.state.websiteIdOfStore(cart.storeId);
    if (!product?.websiteIds.includes(websiteId)) {
      throw notFound("The product that was requested doesn't exist. Verify the product and try again.");
    }
    if (product.status !== 1) throw badRequest('Product that you are trying to add is not available.');
    if (product.typeId === 'configurable') throw badRequest('You need to choose options for your item.');
    if (!(input.qty > 0)) throw badRequest('The quantity must be greater than 0.');
    const stock = ctx.state.stockForWebsite(websiteId);
    const inCart = cart.items.filter((i) => i.sku === product.sku).reduce((sum, i) => sum + i.qty, 0);
    if (!stock || salableQuantity(ctx.state, product.sku, stock.id) < inCart + input.qty) {
      throw badRequest('The requested qty is not available');
    }
    const custom = input.extension_attributes?.custom_price;
    if (custom !== undefined && !(Number(custom) >= 0))
      throw badRequest('Invalid custom price "%1".', { 1: String(custom) });
    const item = {
      itemId: ctx.state.next('cartItem'),
      sku: product.sku,
      qty: input.qty,
      name: product.name,
      productType: product.typeId,
      catalogPrice: finalPriceFor(product, websiteId, ctx.state.clock.now()),
      customPrice: custom === undefined ? undefined : new Big(custom).toString(),
    };
    cart.items.push(item);
    cart.updatedAt = ctx.state.now();
    return cartItemToRest(cart, item);
  },
  // SaaS endpoint (not in the 2.4.9 PaaS schema): attributes copied onto the order when the quote converts.
  PostV1CartsCartIdCustomAttributes: (ctx) => {
    const cart = requireCart(ctx, 'cartId');
    const attrs = (ctx.body?.custom_attributes ?? ctx.body?.customAttributes) as
      | Array<{ attribute_code?: string; value?: unknown }>
      | undefined;
    if (!Array.isArray(attrs))
      throw badRequest('"%fieldName" is required. Enter and try again.', { fieldName: 'custom_attributes' });
    for (const attr of attrs) {
      if (!attr.attribute_code)
        throw badRequest('"%fieldName" is required. Enter and try again.', { fieldName: 'attribute_code' });
      cart.customAttributes[attr.attribute_code] = String(attr.value ?? '');
    }
    return true;
  },
  PostV1CartsCartIdShippinginformation: (ctx) => {
    const cart = requireCart(ctx, 'cartId');
    const info = ctx.body.addressInformation as Record<string, unknown> & {
      shipping_carrier_code: string;
      shipping_method_code: string;
    };
    const carrier = info.shipping_carrier_code;
    const method = info.shipping_method_code;
    const valid =
      (carrier === 'flatrate' && method === 'flatrate') || (carrier === 'amazon' && ['mfn', 'afn'].includes(method));
    if (!valid)
      throw badRequest('Carrier with such method not found: %carrierCode, %methodCode', {
        carrierCode: carrier,
        methodCode: method,
      });
    if (cart.items.length === 0)
      throw badRequest("The shipping method can't be set for an empty cart. Add an item to cart and try again.");
    checkAddressRegion(info.shipping_address as Record<string, unknown> | undefined);
    checkAddressRegion(info.billing_address as Record<string, unknown> | undefined);
    cart.shippingAddress = info.shipping_address as Record<string, unknown>;
    cart.billingAddress = (info.billing_address as Record<string, unknown> | undefined) ?? cart.shippingAddress;
    cart.shippingCarrierCode = carrier;
    cart.shippingMethodCode = method;
    cart.customerEmail = cart.customerEmail ?? String(cart.shippingAddress.email ?? '');
    cart.updatedAt = ctx.state.now();
    return {
      payment_methods: PAYMENT_METHODS.map((code) => ({
        code,
        title: code === 'amazon' ? 'Amazon Pay (marketplace)' : code,
      })),
      totals: cartTotals(cart, currencyOf(ctx, cart)),
    };
  },
  PutV1CartsCartIdOrder: (ctx) => {
    const cart = requireCart(ctx, 'cartId');
    const method = (ctx.body?.paymentMethod as { method?: string } | undefined)?.method;
    if (!method || !PAYMENT_METHODS.includes(method))
      throw badRequest('The requested Payment Method is not available.');
    if (cart.items.length === 0)
      throw badRequest('A server error stopped your order from being placed. Please try to place your order again.');
    if (!cart.shippingCarrierCode || !cart.shippingAddress) {
      throw badRequest('The shipping method is missing. Select the shipping method and try again.');
    }
    const websiteId = ctx.state.websiteIdOfStore(cart.storeId);
    const stock = ctx.state.stockForWebsite(websiteId);
    for (const item of cart.items) {
      if (!stock || salableQuantity(ctx.state, item.sku, stock.id) < item.qty) {
        throw badRequest('Not all of your products are available in the requested quantity.');
      }
    }
    const customer = ctx.state.data.customers.find((c) => c.id === cart.customerId);
    const address = cart.shippingAddress;
    const order = placeOrder(ctx.state, {
      storeId: cart.storeId,
      customer: customer
        ? { id: customer.id, email: customer.email, firstname: customer.firstname, lastname: customer.lastname }
        : {
            email: cart.customerEmail ?? '',
            firstname: String(address.firstname ?? ''),
            lastname: String(address.lastname ?? ''),
          },
      items: cart.items.map((i) => ({ sku: i.sku, qty: i.qty, price: unitPrice(i), name: i.name })),
      shippingAmount: shippingAmountOf(cart),
      shippingMethod: `${cart.shippingCarrierCode}_${cart.shippingMethodCode}`,
      shippingDescription:
        cart.shippingCarrierCode === 'amazon'
          ? `Amazon - ${String(cart.shippingMethodCode).toUpperCase()}`
          : 'Flat Rate - Fixed',
      paymentMethod: method,
      billingAddress: cart.billingAddress,
      shippingAddress: cart.shippingAddress,
      quoteId: cart.id,
      reserve: true,
    });
    if (Object.keys(cart.customAttributes).length > 0) {
      const ext = order.extension_attributes as Record<string, unknown>;
      ext.custom_attributes = Object.entries(cart.customAttributes).map(([attribute_code, value]) => ({
        attribute_code,
        value,
      }));
    }
    cart.isActive = false;
    return order.entity_id;
  },
};
