import { z } from 'zod';
import type { ProductFacts } from '../conditions/types';
import { ITEM_CONDITIONS, type ItemCondition } from './item-condition';

/** Shared zod pieces for pricing inputs. Money and percentages are decimal strings, never floats. */
export const decimalString = (what: string, maxDecimals: number) =>
  z
    .string()
    .regex(
      new RegExp(`^\\d{1,12}(\\.\\d{1,${maxDecimals}})?$`),
      `${what} must be a decimal with at most ${maxDecimals} decimals`,
    );

export const percentString = (what: string, max = '100') =>
  decimalString(what, 4).refine((v) => Number(v) <= Number(max), `${what} must be at most ${max}`);

export const moneyString = (what: string) => decimalString(what, 6);

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const itemConditionSchema = z.enum(ITEM_CONDITIONS);

/** SPEC 3.4: up to five quantity tiers, "at least qty" + "% off list price". */
export const businessTierSchema = z
  .object({ minQty: z.number().int().min(2).max(1_000_000), percentOff: percentString('percent off', '99.99') })
  .strict();

/** SPEC 3.3 Listing Price + 3.4 Business Price for one store. */
export const listingPriceSettingsSchema = z
  .object({
    priceSource: z.string().min(1).default('price'),
    mapAttribute: z.string().min(1).nullable().default(null),
    msrpAttribute: z.string().min(1).nullable().default(null),
    vatEnabled: z.boolean().default(false),
    vatPercent: percentString('VAT percentage').default('0'),
    /** Commerce default currency → marketplace currency rate; null means conversion disabled. */
    currencyRate: decimalString('currency rate', 12)
      .refine((v) => Number(v) > 0, 'currency rate must be positive')
      .nullable()
      .default(null),
    sourceCurrency: z.string().regex(/^[A-Z]{3}$/),
    marketplaceCurrency: z.string().regex(/^[A-Z]{3}$/),
    /** The store's website (decision #16) and every website with its sort order (1 = highest priority). */
    websiteCode: z.string().min(1),
    websites: z.array(z.object({ code: z.string().min(1), sortOrder: z.number().int() }).strict()).default([]),
    business: z
      .object({
        enabled: z.boolean().default(false),
        tieredEnabled: z.boolean().default(false),
        tiers: z.array(businessTierSchema).max(5).default([]),
      })
      .strict()
      .superRefine((b, ctx) => {
        for (let i = 1; i < b.tiers.length; i++) {
          if (b.tiers[i].minQty <= b.tiers[i - 1].minQty)
            ctx.addIssue({ code: 'custom', path: ['tiers', i, 'minQty'], message: 'quantities must increase' });
          if (Number(b.tiers[i].percentOff) < Number(b.tiers[i - 1].percentOff))
            ctx.addIssue({ code: 'custom', path: ['tiers', i, 'percentOff'], message: 'discounts must not decrease' });
        }
      })
      .default({ enabled: false, tieredEnabled: false, tiers: [] }),
  })
  .strict();

export type ListingPriceSettings = z.infer<typeof listingPriceSettingsSchema>;
export type ListingPriceSettingsInput = z.input<typeof listingPriceSettingsSchema>;

/** A Commerce price attribute value: one default value, optionally with website-level values. */
export interface ScopedPrice {
  default?: string | null;
  websites?: Readonly<Record<string, string | null | undefined>>;
}
export type PriceValue = string | null | ScopedPrice;

export interface CompetitorOffer {
  sellerId: string;
  condition: ItemCondition;
  price: string;
  shipping?: string;
  /** 0–100; missing means unknown, which fails any minimum. */
  feedbackPercent?: number | null;
  feedbackCount?: number | null;
  fulfilledByAmazon?: boolean;
}

export interface BuyBoxOffer {
  sellerId: string;
  condition: ItemCondition;
  price: string;
  shipping?: string;
}

/** Everything the engine needs to price one listing. Prices of `prices` are in the Commerce default currency. */
export interface PricingOffer {
  /** Amazon seller SKU. */
  sku: string;
  product: ProductFacts;
  /** Condition of our listing. */
  condition: ItemCondition;
  /** Commerce price-type attributes by code (price, cost, msrp, special_price, …). */
  prices: Readonly<Record<string, PriceValue | undefined>>;
  /** SPEC 3.11 price override, in the marketplace currency. */
  overridePrice?: string | null;
  /** The price live on Amazon now, in the marketplace currency. */
  currentPrice?: string | null;
  buyBox?: BuyBoxOffer | null;
  /** Offers on the same ASIN (top 20 from Amazon); may include our own, which are excluded. */
  competitors?: readonly CompetitorOffer[];
}

const scopedPriceSchema = z.union([
  moneyString('price').nullable(),
  z
    .object({
      default: moneyString('price').nullable().optional(),
      websites: z.record(z.string(), moneyString('price').nullable().optional()).optional(),
    })
    .strict(),
]);

const attributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

/** Boundary schema for offers built from adapter data (the engine itself trusts its typed input). */
export const pricingOfferSchema = z
  .object({
    sku: z.string().min(1),
    product: z.object({
      sku: z.string(),
      typeId: z.string(),
      attributeSetId: z.number().int(),
      categoryIds: z.array(z.number().int()),
      price: moneyString('price').nullable(),
      attributes: z.record(z.string(), attributeValueSchema.optional()),
    }),
    condition: itemConditionSchema,
    prices: z.record(z.string(), scopedPriceSchema.optional()),
    overridePrice: moneyString('override price').nullable().optional(),
    currentPrice: moneyString('current price').nullable().optional(),
    buyBox: z
      .object({
        sellerId: z.string(),
        condition: itemConditionSchema,
        price: moneyString('buy box price'),
        shipping: moneyString('shipping').optional(),
      })
      .nullable()
      .optional(),
    competitors: z
      .array(
        z.object({
          sellerId: z.string(),
          condition: itemConditionSchema,
          price: moneyString('competitor price'),
          shipping: moneyString('shipping').optional(),
          feedbackPercent: z.number().min(0).max(100).nullable().optional(),
          feedbackCount: z.number().int().min(0).nullable().optional(),
          fulfilledByAmazon: z.boolean().optional(),
        }),
      )
      .max(200)
      .optional(),
  })
  .strict() satisfies z.ZodType<PricingOffer>;
