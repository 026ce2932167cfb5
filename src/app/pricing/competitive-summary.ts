import { z } from 'zod';
import type { AmazonGateway } from '../../adapters/amazon/sp-api-gateway';
import { type CompetitorSnapshot, PricingRepository } from '../../adapters/state/pricing';
import { type ItemCondition, itemConditionFromAmazon } from '../../core/pricing';
import type { Services } from '../services';
import { requireStore } from './rules-service';

/**
 * Stale-listing poll through Product Pricing 2022-05-01 getCompetitiveSummary, for stores that opt in
 * (flag `competitorPollSource` = `competitiveSummary`): one call gives the featured (Buy Box) offer and the
 * lowest-priced offers of up to 20 ASINs, where getItemOffersBatch needs one sub-request per ASIN with the same
 * 20-item limit. The answer has no seller feedback, so feedback-based rules see none for these snapshots.
 */

/** Amazon's batch limit for getCompetitiveSummary. */
export const COMPETITIVE_SUMMARY_BATCH_SIZE = 20;
export const COMPETITOR_POLL_SOURCE_FLAG = 'competitorPollSource';
export const COMPETITOR_POLL_SOURCES = ['itemOffers', 'competitiveSummary'] as const;
export type CompetitorPollSource = (typeof COMPETITOR_POLL_SOURCES)[number];

const moneySchema = z.object({ currencyCode: z.string(), amount: z.union([z.number(), z.string()]) });
const offerSchema = z.looseObject({
  sellerId: z.string().optional(),
  condition: z.string(),
  subCondition: z.string().optional(),
  fulfillmentType: z.string().optional(),
  listingPrice: moneySchema,
  shippingOptions: z.array(z.looseObject({ price: moneySchema.optional() })).optional(),
});
const summarySchema = z.object({
  responses: z.array(
    z.looseObject({
      status: z.object({ statusCode: z.number() }),
      body: z.looseObject({
        asin: z.string(),
        featuredBuyingOptions: z
          .array(z.looseObject({ segmentedFeaturedOffers: z.array(offerSchema).default([]) }))
          .optional(),
        lowestPricedOffers: z.array(z.looseObject({ offers: z.array(offerSchema).default([]) })).optional(),
      }),
    }),
  ),
});
type SummaryOffer = z.infer<typeof offerSchema>;

// Amounts come as JSON numbers; their shortest decimal form is the exact price Amazon shows.
const decimal = (value: number | string) => (typeof value === 'number' ? String(value) : value);

const toOffer = (offer: SummaryOffer) => {
  const condition: ItemCondition | undefined =
    itemConditionFromAmazon(offer.condition, offer.subCondition) ?? itemConditionFromAmazon(offer.condition);
  if (!condition || !offer.sellerId) return undefined;
  const shipping = offer.shippingOptions?.[0]?.price;
  return {
    sellerId: offer.sellerId,
    condition,
    price: decimal(offer.listingPrice.amount),
    ...(shipping ? { shipping: decimal(shipping.amount) } : {}),
  };
};

/** Competitor snapshots for ≤ 20 ASINs of one marketplace from getCompetitiveSummary (New condition offers). */
export const pollCompetitiveSummary = async (
  gateway: AmazonGateway,
  marketplaceId: string,
  asins: readonly string[],
  nowMs: number,
): Promise<CompetitorSnapshot[]> => {
  if (asins.length === 0) return [];
  if (asins.length > COMPETITIVE_SUMMARY_BATCH_SIZE)
    throw new Error(`at most ${COMPETITIVE_SUMMARY_BATCH_SIZE} ASINs per batch`);
  const answer = summarySchema.parse(
    await gateway.call('getCompetitiveSummary', {
      body: {
        requests: asins.map((asin) => ({
          asin,
          marketplaceId,
          includedData: ['featuredBuyingOptions', 'lowestPricedOffers'],
          lowestPricedOffersInputs: [{ itemCondition: 'New', offerType: 'Consumer' }],
          method: 'GET',
          uri: '/products/pricing/2022-05-01/items/competitiveSummary',
        })),
      },
    }),
  );
  const observedAt = new Date(nowMs).toISOString();
  return answer.responses.flatMap((response): CompetitorSnapshot[] => {
    if (response.status.statusCode !== 200) return [];
    const body = response.body;
    const offers = (body.lowestPricedOffers ?? []).flatMap((group) => group.offers);
    const featured = body.featuredBuyingOptions?.flatMap((option) => option.segmentedFeaturedOffers)[0];
    const competitors = offers.flatMap((offer) => {
      const mapped = toOffer(offer);
      return mapped ? [{ ...mapped, fulfilledByAmazon: offer.fulfillmentType === 'AFN' }] : [];
    });
    const buyBox = featured ? (toOffer(featured) ?? null) : null;
    return [
      {
        asin: body.asin,
        marketplaceId,
        observedAt,
        receivedAtMs: nowMs,
        source: 'poll',
        itemCondition: 'New',
        buyBox,
        competitors,
        currency: offers[0]?.listingPrice.currencyCode ?? featured?.listingPrice.currencyCode ?? 'USD',
      },
    ];
  });
};

/** The store's stale-listing poll source (default getItemOffersBatch). */
export const loadCompetitorPollSource = async (services: Services, storeId: string): Promise<CompetitorPollSource> => {
  await requireStore(services, storeId);
  const flag = await new PricingRepository(services.storage.kv).getFlag(storeId, COMPETITOR_POLL_SOURCE_FLAG);
  return flag === 'competitiveSummary' ? 'competitiveSummary' : 'itemOffers';
};

export const saveCompetitorPollSource = async (
  services: Services,
  storeId: string,
  source: CompetitorPollSource,
): Promise<CompetitorPollSource> => {
  await requireStore(services, storeId);
  await new PricingRepository(services.storage.kv).setFlag(storeId, COMPETITOR_POLL_SOURCE_FLAG, source);
  return source;
};
