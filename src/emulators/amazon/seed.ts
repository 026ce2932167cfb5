/**
 * AmazonSeed (the shape from the team plan) — validated with zod and loaded into an AmazonState.
 * Money is a decimal string ("19.99"). Seeding replaces sellers/catalog/listings/offers/streams it names
 * and keeps everything else (orders, feeds…) unless the control API's reset is used first.
 */
import { z } from 'zod';
import { marketplaceById } from '../../core/marketplaces';
import type { AmazonState, ListingRecord } from './state';

const decimal = z.string().regex(/^\d+(\.\d{1,4})?$/, 'must be a decimal string like "19.99"');
const marketplaceId = z.string().refine((id) => marketplaceById(id) !== undefined, 'unknown marketplaceId');

export const amazonSeedSchema = z.object({
  sellers: z
    .array(
      z.object({
        sellerId: z.string().min(1),
        refreshToken: z.string().min(1),
        storeName: z.string().min(1),
        marketplaceIds: z.array(marketplaceId).min(1),
        vacationMarketplaceIds: z.array(marketplaceId).optional(),
      }),
    )
    .default([]),
  catalog: z
    .array(
      z.object({
        asin: z.string().regex(/^[A-Z0-9]{10}$/, 'ASIN must be 10 upper-case letters/digits'),
        marketplaceId,
        title: z.string().min(1),
        brand: z.string().optional(),
        productType: z.string().min(1),
        identifiers: z.array(
          z.object({ type: z.enum(['EAN', 'UPC', 'ISBN', 'GTIN', 'JAN']), value: z.string().min(1) }),
        ),
        classification: z.enum(['BASE_PRODUCT', 'VARIATION_PARENT', 'VARIATION_CHILD']).optional(),
        parentAsin: z.string().optional(),
      }),
    )
    .default([]),
  listings: z
    .array(
      z.object({
        sellerId: z.string().min(1),
        marketplaceId,
        sku: z.string().min(1).max(40),
        asin: z.string().min(1),
        productType: z.string().min(1),
        title: z.string().optional(),
        price: decimal,
        currency: z.string().length(3),
        quantity: z.number().int().min(0),
        fulfillmentChannel: z.enum(['DEFAULT', 'AMAZON_NA', 'AMAZON_EU', 'AMAZON_FE']),
        condition: z.string().min(1),
        status: z.array(z.enum(['BUYABLE', 'DISCOVERABLE'])),
      }),
    )
    .default([]),
  competitorOffers: z
    .array(
      z.object({
        asin: z.string().min(1),
        marketplaceId,
        sellerId: z.string().min(1),
        condition: z.enum(['New', 'Used', 'Collectible', 'Refurbished']),
        subCondition: z.string().optional(),
        price: decimal,
        shipping: decimal,
        currency: z.string().length(3),
        fulfilledByAmazon: z.boolean(),
        feedbackPercent: z.number().min(0).max(100),
        feedbackCount: z.number().int().min(0),
        isPrime: z.boolean().optional(),
      }),
    )
    .default([]),
  orderStreams: z
    .array(
      z.object({
        sellerId: z.string().min(1),
        marketplaceId,
        ordersPerHour: z.number().min(0).max(10_000),
        skus: z.array(z.string().min(1)).min(1),
      }),
    )
    .optional(),
});

export type AmazonSeed = z.input<typeof amazonSeedSchema>;
export type CompetitorOfferSeed = z.infer<typeof amazonSeedSchema>['competitorOffers'][number];

/** Parses a seed, throwing an Error whose message names the first bad field. */
export function parseSeed(input: unknown): z.infer<typeof amazonSeedSchema> {
  const r = amazonSeedSchema.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`seed.${i.path.join('.')}: ${i.message}`);
  }
  return r.data;
}

export function listingAttributes(l: {
  marketplaceId: string;
  asin: string;
  title?: string;
  price: string;
  currency: string;
  quantity: number;
  fulfillmentChannel: string;
  condition: string;
}): Record<string, unknown[]> {
  const mp = l.marketplaceId;
  const attributes: Record<string, unknown[]> = {
    condition_type: [{ value: l.condition, marketplace_id: mp }],
    merchant_suggested_asin: [{ value: l.asin, marketplace_id: mp }],
    purchasable_offer: [
      {
        marketplace_id: mp,
        currency: l.currency,
        audience: 'ALL',
        our_price: [{ schedule: [{ value_with_tax: Number(l.price) }] }],
      },
    ],
    fulfillment_availability: [
      l.fulfillmentChannel === 'DEFAULT'
        ? { fulfillment_channel_code: 'DEFAULT', quantity: l.quantity, lead_time_to_ship_max_days: 2 }
        : { fulfillment_channel_code: l.fulfillmentChannel, quantity: l.quantity },
    ],
  };
  if (l.title) attributes.item_name = [{ value: l.title, language_tag: 'en_US', marketplace_id: mp }];
  return attributes;
}

export function applySeed(state: AmazonState, input: unknown, now: number): void {
  const seed = parseSeed(input);
  const iso = new Date(now).toISOString();
  for (const s of seed.sellers) {
    state.sellers.set(s.sellerId, {
      sellerId: s.sellerId,
      refreshToken: s.refreshToken,
      storeName: s.storeName,
      marketplaceIds: s.marketplaceIds,
      vacationMarketplaceIds: s.vacationMarketplaceIds ?? [],
      feedbackPercent: 98,
      feedbackCount: 1200,
    });
    state.refreshTokens.set(s.refreshToken, { sellerId: s.sellerId });
  }
  for (const c of seed.catalog) {
    state.catalog.set(`${c.asin}|${c.marketplaceId}`, {
      ...c,
      classification: c.classification ?? 'BASE_PRODUCT',
    });
  }
  for (const l of seed.listings) {
    if (!state.sellers.has(l.sellerId)) throw new Error(`seed.listings: unknown sellerId ${l.sellerId}`);
    const record: ListingRecord = {
      sellerId: l.sellerId,
      marketplaceId: l.marketplaceId,
      sku: l.sku,
      productType: l.productType,
      asin: l.asin,
      attributes: listingAttributes(l),
      createdDate: iso,
      lastUpdatedDate: iso,
      closed: !l.status.includes('BUYABLE') && l.quantity > 0 ? true : undefined,
    };
    state.listings.set(state.listingKey(l.sellerId, l.marketplaceId, l.sku), record);
  }
  for (const o of seed.competitorOffers) {
    const offerId = `${o.sellerId}|${o.asin}|${o.marketplaceId}|${o.condition}`;
    state.competitorOffers.set(offerId, {
      ...o,
      offerId,
      subCondition: o.subCondition ?? (o.condition === 'New' ? 'New' : 'Good'),
      isPrime: o.isPrime ?? o.fulfilledByAmazon,
    });
  }
  for (const st of seed.orderStreams ?? []) {
    state.streams = state.streams.filter((x) => !(x.sellerId === st.sellerId && x.marketplaceId === st.marketplaceId));
    state.streams.push({ ...st, generatedUntil: now, carry: 0 });
  }
}

/** The demo identities from the team plan, with a small catalogue; used when no seed is given. */
export const DEMO_AMAZON_SEED: AmazonSeed = {
  sellers: [
    {
      sellerId: 'A1DEMOSELLER0001',
      refreshToken: 'Atzr|demo-refresh-token-1',
      storeName: 'Demo Store',
      marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1F83G8C2ARO7P', 'A1PA6795UKMFR9'],
    },
  ],
  catalog: [],
  listings: [],
  competitorOffers: [],
};
