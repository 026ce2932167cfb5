/**
 * The quote (cart) route to a Commerce order (peers-and-commerce-api.md B3 options B/C): admin cart → items with
 * `extension_attributes.custom_price` (the Amazon unit price) → cart custom attributes (amazon_order_id…) →
 * shipping information → place order. Unlike direct creation it places the MSI reservation.
 */
import { z } from 'zod';
import { segment } from './catalog';
import type { CommerceHttp } from './http';
import { decimalString, type Decimal, intLike } from './schemas/common';
import type { WriteOptions } from './sales';

export const cartItem = z.looseObject({
  item_id: intLike,
  sku: z.string(),
  qty: z.number(),
  price: decimalString.nullish(),
  quote_id: z.union([z.string(), z.number()]).transform(String),
});
export type CartItem = z.infer<typeof cartItem>;

export const cartTotals = z.looseObject({
  grand_total: decimalString,
  subtotal: decimalString.nullish(),
  shipping_amount: decimalString.nullish(),
  tax_amount: decimalString.nullish(),
  base_currency_code: z.string().optional(),
  quote_currency_code: z.string().optional(),
});
export const paymentDetails = z.looseObject({
  payment_methods: z.array(z.looseObject({ code: z.string(), title: z.string().optional() })),
  totals: cartTotals,
});
export type PaymentDetails = z.infer<typeof paymentDetails>;

export interface CartAddress {
  firstname: string;
  lastname: string;
  street: string[];
  city: string;
  postcode: string;
  country_id: string;
  telephone: string;
  email?: string;
  region?: string;
  region_code?: string;
  region_id?: number;
  company?: string;
}

export interface ShippingInformationInput {
  shippingAddress: CartAddress;
  billingAddress?: CartAddress;
  carrierCode: string;
  methodCode: string;
}

export function cartCalls(http: CommerceHttp) {
  return {
    /** A guest-style admin cart. A duplicate empty cart is harmless, so it may be retried after a timeout. */
    createCart: (): Promise<number> =>
      http.request({ name: 'createCart', method: 'POST', path: 'V1/carts/', retrySafe: true, schema: intLike }),

    /** The customer's active cart (Commerce returns the existing one), so repeating it is safe. */
    createCustomerCart: (customerId: number): Promise<number> =>
      http.request({
        name: 'createCustomerCart',
        method: 'POST',
        path: `V1/customers/${segment(customerId)}/carts`,
        idempotent: true,
        schema: intLike,
      }),

    /** Adds a line; `customPrice` overrides the catalog price (SaaS custom_price). Repeating adds the qty again. */
    addCartItem: (
      cartId: number,
      item: { sku: string; qty: number; customPrice?: Decimal },
      options: WriteOptions = {},
    ): Promise<CartItem> =>
      http.request({
        name: 'addCartItem',
        method: 'POST',
        path: `V1/carts/${segment(cartId)}/items`,
        body: {
          cartItem: {
            sku: item.sku,
            qty: item.qty,
            quote_id: String(cartId),
            extension_attributes:
              item.customPrice !== undefined ? { custom_price: Number(item.customPrice) } : undefined,
          },
        },
        retrySafe: options.retrySafe,
        schema: cartItem,
      }),

    /** Sets cart custom attributes, copied onto the order at placement (SaaS endpoint). Setting is idempotent. */
    setCartCustomAttributes: (cartId: number, attributes: Record<string, string>): Promise<boolean> =>
      http.request({
        name: 'setCartCustomAttributes',
        method: 'POST',
        path: `V1/carts/${segment(cartId)}/customAttributes`,
        body: {
          custom_attributes: Object.entries(attributes).map(([attribute_code, value]) => ({ attribute_code, value })),
        },
        idempotent: true,
        schema: z.boolean(),
      }),

    /** Sets addresses and carrier/method; returns the payment methods and totals. Setting is idempotent. */
    setShippingInformation: (cartId: number, input: ShippingInformationInput): Promise<PaymentDetails> =>
      http.request({
        name: 'setShippingInformation',
        method: 'POST',
        path: `V1/carts/${segment(cartId)}/shipping-information`,
        body: {
          addressInformation: {
            shipping_address: input.shippingAddress,
            billing_address: input.billingAddress ?? input.shippingAddress,
            shipping_carrier_code: input.carrierCode,
            shipping_method_code: input.methodCode,
          },
        },
        idempotent: true,
        schema: paymentDetails,
      }),

    /**
     * Places the order and returns its id. Not retried after an ambiguous failure: a second call would fail on the
     * now-inactive cart at best; callers reconcile through findOrderBy* / their own ledger.
     */
    placeCartOrder: (cartId: number, paymentMethod: string, options: WriteOptions = {}): Promise<number> =>
      http.request({
        name: 'placeCartOrder',
        method: 'PUT',
        path: `V1/carts/${segment(cartId)}/order`,
        body: { paymentMethod: { method: paymentMethod } },
        idempotent: false,
        retrySafe: options.retrySafe,
        schema: intLike,
      }),
  };
}

export type CartCalls = ReturnType<typeof cartCalls>;
