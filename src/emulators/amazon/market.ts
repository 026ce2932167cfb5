/**
 * The simulated market per ASIN + marketplace: competitor offers (seeded / control API) plus every
 * emulated seller's own listing on that ASIN.
 *
 * Buy Box rule (documented in docs/emulators.md): among New, in-stock offers from sellers with
 * feedback >= 90%, the lowest *score* wins, where score = landed price (price + shipping)
 * × 0.97 if fulfilled by Amazon × 0.99 if feedback >= 98%. Ties: FBA first, then more feedback, then sellerId.
 */
import Big from 'big.js';
import { fulfillment, isFba, listingCurrency, listingPrice, listingStatus } from './listing-model';
import type { AmazonState } from './state';

export interface MarketOffer {
  sellerId: string;
  sku?: string;
  condition: 'New' | 'Used' | 'Collectible' | 'Refurbished';
  subCondition: string;
  price: string;
  shipping: string;
  currency: string;
  fba: boolean;
  prime: boolean;
  feedbackPercent: number;
  feedbackCount: number;
  /** Emulated seller listings are "own" offers for their seller. */
  emulatedSeller: boolean;
  buyBoxWinner: boolean;
  buyBoxEligible: boolean;
}

const conditionOf = (c: string | undefined): MarketOffer['condition'] => {
  const head = (c ?? 'new_new').split('_')[0];
  return head === 'used'
    ? 'Used'
    : head === 'collectible'
      ? 'Collectible'
      : head === 'refurbished'
        ? 'Refurbished'
        : 'New';
};

export const landed = (o: MarketOffer): Big => new Big(o.price).plus(o.shipping);

export function buyBoxScore(o: MarketOffer): Big {
  let s = landed(o);
  if (o.fba) s = s.times('0.97');
  if (o.feedbackPercent >= 98) s = s.times('0.99');
  return s;
}

export function marketOffers(state: AmazonState, asin: string, marketplaceId: string): MarketOffer[] {
  const offers: MarketOffer[] = [];
  for (const o of state.competitorOffers.values()) {
    if (o.asin !== asin || o.marketplaceId !== marketplaceId) continue;
    offers.push({
      sellerId: o.sellerId,
      condition: o.condition,
      subCondition: o.subCondition,
      price: o.price,
      shipping: o.shipping,
      currency: o.currency,
      fba: o.fulfilledByAmazon,
      prime: o.isPrime,
      feedbackPercent: o.feedbackPercent,
      feedbackCount: o.feedbackCount,
      emulatedSeller: false,
      buyBoxWinner: false,
      buyBoxEligible: false,
    });
  }
  for (const l of state.listings.values()) {
    if (l.asin !== asin || l.marketplaceId !== marketplaceId) continue;
    const price = listingPrice(l);
    if (!price || !listingStatus(l, state).includes('BUYABLE')) continue;
    const seller = state.sellers.get(l.sellerId);
    const cond = conditionOf(((l.attributes.condition_type?.[0] ?? {}) as { value?: string }).value);
    offers.push({
      sellerId: l.sellerId,
      sku: l.sku,
      condition: cond,
      subCondition: cond === 'New' ? 'New' : 'Good',
      price,
      shipping: isFba(l) ? '0.00' : '0.00',
      currency: listingCurrency(l, state),
      fba: isFba(l),
      prime: isFba(l),
      feedbackPercent: seller?.feedbackPercent ?? 98,
      feedbackCount: seller?.feedbackCount ?? 0,
      emulatedSeller: true,
      buyBoxWinner: false,
      buyBoxEligible: false,
    });
    void fulfillment;
  }
  const eligible = offers.filter((o) => o.condition === 'New' && o.feedbackPercent >= 90);
  for (const o of eligible) o.buyBoxEligible = true;
  eligible.sort(
    (a, b) =>
      buyBoxScore(a).cmp(buyBoxScore(b)) ||
      Number(b.fba) - Number(a.fba) ||
      b.feedbackCount - a.feedbackCount ||
      a.sellerId.localeCompare(b.sellerId),
  );
  if (eligible[0]) eligible[0].buyBoxWinner = true;
  offers.sort((a, b) => landed(a).cmp(landed(b)) || a.sellerId.localeCompare(b.sellerId));
  return offers;
}

export const money = (amount: string, currency: string) => ({ CurrencyCode: currency, Amount: Number(amount) });
