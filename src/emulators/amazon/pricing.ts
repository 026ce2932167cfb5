/**
 * Product Pricing v0 getItemOffers / getItemOffersBatch and 2022-05-01 getCompetitiveSummary,
 * answered from the simulated market (market.ts), plus the ANY_OFFER_CHANGED payload builder.
 */
import Big from 'big.js';
import {
  type ApiContext,
  type ApiHandler,
  type ApiError,
  invalidInput,
  ok,
  requireMarketplace,
  requireSeller,
} from './api';
import { type MarketOffer, landed, marketOffers, money } from './market';
import type { AmazonState } from './state';

const channel = (o: MarketOffer) => (o.fba ? 'Amazon' : 'Merchant');

export function offersSummary(
  state: AmazonState,
  asin: string,
  marketplaceId: string,
  condition: string,
  viewer?: string,
) {
  const currency = state.marketplace(marketplaceId)?.currency ?? 'USD';
  const all = marketOffers(state, asin, marketplaceId);
  const offers = all.filter((o) => o.condition === condition);
  const groups = new Map<string, MarketOffer[]>();
  for (const o of all) {
    const k = `${o.condition.toLowerCase()}|${channel(o)}`;
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  const NumberOfOffers = [...groups.entries()].map(([k, g]) => ({
    condition: k.split('|')[0],
    fulfillmentChannel: k.split('|')[1],
    OfferCount: g.length,
  }));
  const LowestPrices = [...groups.entries()].map(([k, g]) => ({
    condition: k.split('|')[0],
    fulfillmentChannel: k.split('|')[1],
    LandedPrice: money(landed(g[0]).toFixed(2), currency),
    ListingPrice: money(g[0].price, currency),
    Shipping: money(g[0].shipping, currency),
  }));
  const winner = all.find((o) => o.buyBoxWinner);
  const BuyBoxPrices = winner
    ? [
        {
          condition: 'New',
          LandedPrice: money(landed(winner).toFixed(2), currency),
          ListingPrice: money(winner.price, currency),
          Shipping: money(winner.shipping, currency),
          sellerId: winner.sellerId,
        },
      ]
    : [];
  const eligible = new Map<string, number>();
  for (const o of all.filter((x) => x.buyBoxEligible))
    eligible.set(
      `${o.condition.toLowerCase()}|${channel(o)}`,
      (eligible.get(`${o.condition.toLowerCase()}|${channel(o)}`) ?? 0) + 1,
    );
  const BuyBoxEligibleOffers = [...eligible.entries()].map(([k, n]) => ({
    condition: k.split('|')[0],
    fulfillmentChannel: k.split('|')[1],
    OfferCount: n,
  }));
  const highest = all.reduce((m, o) => (landed(o).gt(m) ? landed(o) : m), new Big(0));
  const Offers = offers.slice(0, 20).map((o) => ({
    MyOffer: viewer !== undefined && o.sellerId === viewer,
    SubCondition: o.subCondition.toLowerCase(),
    SellerId: o.sellerId,
    SellerFeedbackRating: { SellerPositiveFeedbackRating: o.feedbackPercent, FeedbackCount: o.feedbackCount },
    ShippingTime: { minimumHours: o.fba ? 0 : 24, maximumHours: o.fba ? 0 : 48, availabilityType: 'NOW' },
    ListingPrice: money(o.price, currency),
    Shipping: money(o.shipping, currency),
    IsFulfilledByAmazon: o.fba,
    PrimeInformation: { IsPrime: o.prime, IsNationalPrime: o.prime },
    IsBuyBoxWinner: o.buyBoxWinner,
    IsFeaturedMerchant: o.buyBoxEligible,
  }));
  return {
    all,
    offers,
    currency,
    NumberOfOffers,
    LowestPrices,
    BuyBoxPrices,
    BuyBoxEligibleOffers,
    Offers,
    highest,
    winner,
  };
}

function itemOffers(ctx: ApiContext, asin: string, marketplaceId: string, condition: string) {
  requireMarketplace(ctx, marketplaceId, 'MarketplaceId');
  const s = offersSummary(ctx.state, asin, marketplaceId, condition, ctx.sellerId);
  return {
    ASIN: asin,
    status: 'Success',
    ItemCondition: condition,
    marketplaceId,
    Identifier: { MarketplaceId: marketplaceId, ASIN: asin, ItemCondition: condition },
    Summary: {
      TotalOfferCount: s.all.length,
      NumberOfOffers: s.NumberOfOffers,
      LowestPrices: s.LowestPrices,
      BuyBoxPrices: s.BuyBoxPrices,
      BuyBoxEligibleOffers: s.BuyBoxEligibleOffers,
      ...(s.all.length ? { ListPrice: money(s.highest.toFixed(2), s.currency) } : {}),
    },
    Offers: s.Offers,
  };
}

export function anyOfferChangedPayload(
  state: AmazonState,
  sellerId: string,
  asin: string,
  marketplaceId: string,
  at: string,
) {
  const s = offersSummary(state, asin, marketplaceId, 'New', sellerId);
  const lowest = s.all[0] ? landed(s.all[0]) : new Big(0);
  const m = (v: Big) => money(v.toFixed(2), s.currency);
  return {
    AnyOfferChangedNotification: {
      SellerId: sellerId,
      OfferChangeTrigger: {
        MarketplaceId: marketplaceId,
        ASIN: asin,
        ItemCondition: 'new',
        TimeOfOfferChange: at,
        OfferChangeType: 'External',
      },
      Summary: {
        NumberOfOffers: s.NumberOfOffers.map((n) => ({
          Condition: n.condition,
          FulfillmentChannel: n.fulfillmentChannel,
          OfferCount: n.OfferCount,
        })),
        LowestPrices: s.LowestPrices.map((p) => ({
          Condition: p.condition,
          FulfillmentChannel: p.fulfillmentChannel,
          LandedPrice: p.LandedPrice,
          ListingPrice: p.ListingPrice,
          Shipping: p.Shipping,
        })),
        BuyBoxPrices: s.BuyBoxPrices.map((p) => ({
          Condition: p.condition,
          LandedPrice: p.LandedPrice,
          ListingPrice: p.ListingPrice,
          Shipping: p.Shipping,
        })),
        ListPrice: m(s.highest),
        MinimumAdvertisedPrice: m(lowest),
        SuggestedLowerPricePlusShipping: m(lowest),
        TotalBuyBoxEligibleOffers: s.all.filter((o) => o.buyBoxEligible).length,
        SalesRankings: [],
        NumberOfBuyBoxEligibleOffers: s.BuyBoxEligibleOffers.map((n) => ({
          Condition: n.condition,
          FulfillmentChannel: n.fulfillmentChannel,
          OfferCount: n.OfferCount,
        })),
        CompetitivePriceThreshold: m(lowest),
      },
      Offers: s.Offers.map((o) => ({
        SellerId: o.SellerId,
        SubCondition: o.SubCondition,
        SellerFeedbackRating: {
          SellerPositiveFeedbackRating: Math.round(o.SellerFeedbackRating.SellerPositiveFeedbackRating),
          FeedbackCount: o.SellerFeedbackRating.FeedbackCount,
        },
        ShippingTime: {
          MinimumHours: o.ShippingTime.minimumHours,
          MaximumHours: o.ShippingTime.maximumHours,
          AvailabilityType: o.ShippingTime.availabilityType,
          AvailableDate: at,
        },
        ListingPrice: o.ListingPrice,
        Points: { PointsNumber: 0 },
        Shipping: o.Shipping,
        ShipsFrom: { Country: state.marketplace(marketplaceId)?.country ?? 'US', State: '' },
        IsFulfilledByAmazon: o.IsFulfilledByAmazon,
        PrimeInformation: {
          IsOfferPrime: o.PrimeInformation.IsPrime,
          IsOfferNationalPrime: o.PrimeInformation.IsNationalPrime,
        },
        IsExpeditedShippingAvailable: o.IsFulfilledByAmazon,
        IsBuyBoxWinner: o.IsBuyBoxWinner,
        IsFeaturedMerchant: o.IsFeaturedMerchant,
        ShipsDomestically: true,
        ShipsInternationally: false,
      })),
    },
  };
}

export const pricingHandlers: Record<string, ApiHandler> = {
  getItemOffers: (ctx) => {
    requireSeller(ctx);
    return ok({
      payload: itemOffers(ctx, ctx.params.Asin, String(ctx.query.MarketplaceId), String(ctx.query.ItemCondition)),
    });
  },
  getItemOffersBatch: (ctx) => {
    requireSeller(ctx);
    const requests =
      (
        ctx.body as {
          requests?: Array<{
            uri: string;
            method: string;
            MarketplaceId: string;
            ItemCondition: string;
            CustomerType?: string;
          }>;
        }
      ).requests ?? [];
    if (!requests.length) throw invalidInput('requests: at least 1 request is required.');
    const responses = requests.map((r) => {
      const asin = /^\/products\/pricing\/v0\/items\/([^/]+)\/offers$/.exec(r.uri)?.[1];
      const request = {
        uri: r.uri,
        method: r.method,
        MarketplaceId: r.MarketplaceId,
        ItemCondition: r.ItemCondition,
        ...(r.CustomerType ? { CustomerType: r.CustomerType } : {}),
      };
      try {
        if (!asin) throw invalidInput(`uri ${r.uri} is not /products/pricing/v0/items/{Asin}/offers.`);
        return {
          status: { statusCode: 200, reasonPhrase: 'OK' },
          headers: { 'x-amzn-RequestId': ctx.requestId },
          body: { payload: itemOffers(ctx, decodeURIComponent(asin), r.MarketplaceId, r.ItemCondition) },
          request,
        };
      } catch (e) {
        const err = e as ApiError;
        return {
          status: { statusCode: err.status ?? 400, reasonPhrase: 'Bad Request' },
          headers: { 'x-amzn-RequestId': ctx.requestId },
          body: { errors: [{ code: err.code ?? 'InvalidInput', message: err.message, details: '' }] },
          request,
        };
      }
    });
    return ok({ responses });
  },
  getCompetitiveSummary: (ctx) => {
    requireSeller(ctx);
    const requests = (
      ctx.body as {
        requests: Array<{
          asin: string;
          marketplaceId: string;
          includedData: string[];
          lowestPricedOffersInputs?: Array<{ itemCondition: string; offerType: string }>;
        }>;
      }
    ).requests;
    const responses = requests.map((r) => {
      try {
        requireMarketplace(ctx, r.marketplaceId, 'marketplaceId');
      } catch (e) {
        return {
          status: { statusCode: 400, reasonPhrase: 'Bad Request' },
          body: {
            asin: r.asin,
            marketplaceId: r.marketplaceId,
            errors: [{ code: 'InvalidInput', message: (e as ApiError).message, details: '' }],
          },
        };
      }
      const all = marketOffers(ctx.state, r.asin, r.marketplaceId);
      const currency = ctx.state.marketplace(r.marketplaceId)?.currency ?? 'USD';
      const mt = (v: string) => ({ currencyCode: currency, amount: Number(v) });
      const offer = (o: MarketOffer) => ({
        sellerId: o.sellerId,
        condition: o.condition,
        subCondition: o.condition === 'New' ? 'New' : 'Good',
        fulfillmentType: o.fba ? 'AFN' : 'MFN',
        listingPrice: mt(o.price),
        shippingOptions: [{ shippingOptionType: 'DEFAULT', price: mt(o.shipping) }],
        primeDetails: { eligibility: o.prime ? 'NATIONAL' : 'NONE' },
      });
      const body: Record<string, unknown> = { asin: r.asin, marketplaceId: r.marketplaceId };
      const winner = all.find((o) => o.buyBoxWinner);
      if (r.includedData.includes('featuredBuyingOptions'))
        body.featuredBuyingOptions = [
          {
            buyingOptionType: 'New',
            segmentedFeaturedOffers: winner
              ? [
                  {
                    sellerId: winner.sellerId,
                    condition: 'New',
                    subCondition: 'New',
                    fulfillmentType: winner.fba ? 'AFN' : 'MFN',
                    listingPrice: mt(winner.price),
                    shippingOptions: [{ shippingOptionType: 'DEFAULT', price: mt(winner.shipping) }],
                    primeDetails: { eligibility: winner.prime ? 'NATIONAL' : 'NONE' },
                    featuredOfferSegments: [
                      { customerMembership: 'NON_PRIME', segmentDetails: { glanceViewWeightPercentage: 100 } },
                    ],
                  },
                ]
              : [],
          },
        ];
      if (r.includedData.includes('lowestPricedOffers')) {
        const inputs = r.lowestPricedOffersInputs?.length
          ? r.lowestPricedOffersInputs
          : [{ itemCondition: 'New', offerType: 'Consumer' }];
        body.lowestPricedOffers = inputs.map((input) => ({
          lowestPricedOffersInput: input,
          offers: all
            .filter((o) => o.condition === input.itemCondition)
            .slice(0, 20)
            .map(offer),
        }));
      }
      if (r.includedData.includes('referencePrices'))
        body.referencePrices = winner ? [{ name: 'CompetitivePrice', price: mt(landed(winner).toFixed(2)) }] : [];
      return { status: { statusCode: 200, reasonPhrase: 'OK' }, body };
    });
    return ok({ responses });
  },
};
