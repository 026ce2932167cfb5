import { z } from 'zod';
import type { AmazonGateway } from '../../adapters/amazon/sp-api-gateway';
import { type NotificationQueue, notificationQueueFromInputs } from '../../adapters/sqs';
import type { CompetitorSnapshot } from '../../adapters/state/pricing';
import { Big, roundToMinorUnit } from '../../core/money';
import { type ItemCondition, itemConditionFromAmazon } from '../../core/pricing';

/**
 * Competitor data from Amazon: ANY_OFFER_CHANGED notifications read from a queue, and Product Pricing polls for
 * listings whose data went stale. Both become one CompetitorSnapshot per ASIN.
 */

export type { NotificationQueue, QueueMessage } from '../../adapters/sqs';

export const DEFAULT_OFFERS_QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:asc-any-offer-changed';

/**
 * The ANY_OFFER_CHANGED queue, read over Amazon SQS (src/adapters/sqs): ASC_OFFERS_QUEUE_URL (or
 * ASC_OFFERS_QUEUE_ARN) and the ASC_SQS_* credentials; locally the emulator's SQS endpoint and demo key.
 */
export const notificationQueueFrom = (inputs: Record<string, unknown>): NotificationQueue =>
  notificationQueueFromInputs(inputs, {
    url: 'ASC_OFFERS_QUEUE_URL',
    arn: 'ASC_OFFERS_QUEUE_ARN',
    emulatorQueueName: 'asc-any-offer-changed',
  });

const moneySchema = z.object({ Amount: z.number(), CurrencyCode: z.string() });
const offerSchema = z.looseObject({
  SellerId: z.string().optional(),
  SubCondition: z.string().optional(),
  SellerFeedbackRating: z
    .object({ SellerPositiveFeedbackRating: z.number().optional(), FeedbackCount: z.number().optional() })
    .optional(),
  ListingPrice: moneySchema,
  Shipping: moneySchema.optional(),
  IsFulfilledByAmazon: z.boolean().optional(),
  IsBuyBoxWinner: z.boolean().optional(),
  MyOffer: z.boolean().optional(),
});
type AmazonOffer = z.infer<typeof offerSchema>;

const anyOfferChangedSchema = z.looseObject({
  NotificationType: z.literal('ANY_OFFER_CHANGED'),
  EventTime: z.string().optional(),
  Payload: z.object({
    AnyOfferChangedNotification: z.looseObject({
      SellerId: z.string(),
      OfferChangeTrigger: z.looseObject({
        MarketplaceId: z.string(),
        ASIN: z.string(),
        ItemCondition: z.string(),
        TimeOfOfferChange: z.string(),
      }),
      Offers: z.array(offerSchema).default([]),
    }),
  }),
});

const amount = (money: { Amount: number; CurrencyCode: string }): string =>
  roundToMinorUnit(new Big(money.Amount), money.CurrencyCode);

/** Offers of one condition (Product Pricing and notifications give the sub-condition only) → engine offers. */
const toSnapshotOffers = (
  offers: readonly AmazonOffer[],
  itemCondition: string,
): Pick<CompetitorSnapshot, 'buyBox' | 'competitors' | 'currency'> => {
  let buyBox: CompetitorSnapshot['buyBox'] = null;
  const competitors: CompetitorSnapshot['competitors'] = [];
  let currency = offers[0]?.ListingPrice.CurrencyCode ?? 'USD';
  for (const offer of offers) {
    const condition: ItemCondition | undefined =
      itemConditionFromAmazon(itemCondition, offer.SubCondition) ?? itemConditionFromAmazon(itemCondition);
    if (!condition || !offer.SellerId) continue;
    currency = offer.ListingPrice.CurrencyCode;
    const price = amount(offer.ListingPrice);
    const shipping = offer.Shipping ? amount(offer.Shipping) : undefined;
    competitors.push({
      sellerId: offer.SellerId,
      condition,
      price,
      ...(shipping ? { shipping } : {}),
      feedbackPercent: offer.SellerFeedbackRating?.SellerPositiveFeedbackRating ?? null,
      feedbackCount: offer.SellerFeedbackRating?.FeedbackCount ?? null,
      fulfilledByAmazon: offer.IsFulfilledByAmazon ?? false,
    });
    if (offer.IsBuyBoxWinner)
      buyBox = { sellerId: offer.SellerId, condition, price, ...(shipping ? { shipping } : {}) };
  }
  return { buyBox, competitors, currency };
};

export interface OfferChange {
  sellerId: string;
  marketplaceId: string;
  asin: string;
  snapshot: CompetitorSnapshot;
}

/** Parses an ANY_OFFER_CHANGED message body; undefined for anything else (other types, malformed). */
export const parseAnyOfferChanged = (body: string, receivedAtMs: number): OfferChange | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = anyOfferChangedSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const n = parsed.data.Payload.AnyOfferChangedNotification;
  const trigger = n.OfferChangeTrigger;
  return {
    sellerId: n.SellerId,
    marketplaceId: trigger.MarketplaceId,
    asin: trigger.ASIN,
    snapshot: {
      asin: trigger.ASIN,
      marketplaceId: trigger.MarketplaceId,
      observedAt: trigger.TimeOfOfferChange,
      receivedAtMs,
      source: 'notification',
      itemCondition: trigger.ItemCondition,
      ...toSnapshotOffers(n.Offers, trigger.ItemCondition),
    },
  };
};

const batchResponseSchema = z.object({
  responses: z.array(
    z.looseObject({
      status: z.object({ statusCode: z.number() }),
      body: z.looseObject({
        payload: z
          .looseObject({
            ASIN: z.string(),
            ItemCondition: z.string().optional(),
            Offers: z.array(offerSchema).default([]),
          })
          .optional(),
      }),
    }),
  ),
});

/** Amazon's batch limit for getItemOffersBatch. */
export const OFFERS_BATCH_SIZE = 20;

/**
 * Polls Product Pricing for up to 20 ASINs in one getItemOffersBatch call (the gateway's limiter paces it
 * within the usage plan). ASINs Amazon could not answer are left out.
 */
export const pollItemOffers = async (
  gateway: AmazonGateway,
  marketplaceId: string,
  asins: readonly string[],
  nowMs: number,
): Promise<CompetitorSnapshot[]> => {
  if (asins.length === 0) return [];
  if (asins.length > OFFERS_BATCH_SIZE) throw new Error(`at most ${OFFERS_BATCH_SIZE} ASINs per batch`);
  const answer = batchResponseSchema.parse(
    await gateway.call('getItemOffersBatch', {
      body: {
        requests: asins.map((asin) => ({
          uri: `/products/pricing/v0/items/${encodeURIComponent(asin)}/offers`,
          method: 'GET',
          MarketplaceId: marketplaceId,
          ItemCondition: 'New',
          CustomerType: 'Consumer',
        })),
      },
    }),
  );
  const observedAt = new Date(nowMs).toISOString();
  return answer.responses.flatMap((response) => {
    const payload = response.body.payload;
    if (response.status.statusCode !== 200 || !payload) return [];
    return [
      {
        asin: payload.ASIN,
        marketplaceId,
        observedAt,
        receivedAtMs: nowMs,
        source: 'poll' as const,
        itemCondition: payload.ItemCondition ?? 'New',
        ...toSnapshotOffers(payload.Offers, payload.ItemCondition ?? 'New'),
      },
    ];
  });
};

interface Destination {
  destinationId: string;
  resource?: { sqs?: { arn?: string } };
}

/**
 * Makes sure Amazon delivers ANY_OFFER_CHANGED for the store's seller to our queue: one destination per queue
 * (grantless) and one subscription per seller. Amazon answers 409 for an existing one, which is fine.
 */
export const ensureOfferSubscription = async (gateway: AmazonGateway, queueArn: string): Promise<string> => {
  const destinations = (await gateway.call<Destination[]>('getDestinations')) ?? [];
  let destinationId = destinations.find((d) => d.resource?.sqs?.arn === queueArn)?.destinationId;
  if (!destinationId) {
    const created = await gateway.call<Destination>('createDestination', {
      body: { name: 'asc-any-offer-changed', resourceSpecification: { sqs: { arn: queueArn } } },
    });
    destinationId = created.destinationId;
  }
  try {
    const subscription = await gateway.call<{ subscriptionId: string }>('createSubscription', {
      path: { notificationType: 'ANY_OFFER_CHANGED' },
      body: { payloadVersion: '1.0', destinationId },
    });
    return subscription.subscriptionId;
  } catch (error) {
    if ((error as { httpStatus?: number }).httpStatus === 409) return 'existing';
    throw error;
  }
};
