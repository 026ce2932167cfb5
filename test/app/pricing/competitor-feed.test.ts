import { parseAnyOfferChanged } from '../../../src/app/pricing/competitor-feed';
import { PricingRepository } from '../../../src/adapters/state/pricing';
import { MemoryKeyValueStore } from '../../../src/adapters/state';

const notification = (offers: unknown[]) =>
  JSON.stringify({
    NotificationVersion: '1.0',
    NotificationType: 'ANY_OFFER_CHANGED',
    PayloadVersion: '1.0',
    EventTime: '2026-11-27T06:00:00.000Z',
    Payload: {
      AnyOfferChangedNotification: {
        SellerId: 'A1DEMOSELLER0001',
        OfferChangeTrigger: {
          MarketplaceId: 'ATVPDKIKX0DER',
          ASIN: 'B0TEST0001',
          ItemCondition: 'used',
          TimeOfOfferChange: '2026-11-27T05:59:59.000Z',
          OfferChangeType: 'External',
        },
        Summary: {},
        Offers: offers,
      },
    },
    NotificationMetadata: { ApplicationId: 'x', SubscriptionId: 'y', PublishTime: 'z', NotificationId: 'n' },
  });

const offer = (sellerId: string, amount: number, extra: Record<string, unknown> = {}) => ({
  SellerId: sellerId,
  SubCondition: 'very_good',
  SellerFeedbackRating: { SellerPositiveFeedbackRating: 96, FeedbackCount: 1200 },
  ListingPrice: { Amount: amount, CurrencyCode: 'USD' },
  Shipping: { Amount: 3.99, CurrencyCode: 'USD' },
  IsFulfilledByAmazon: false,
  ...extra,
});

describe('ANY_OFFER_CHANGED parsing', () => {
  it('turns offers into exact decimal competitor prices with conditions, feedback and the Buy Box', () => {
    const change = parseAnyOfferChanged(
      notification([offer('AOTHER1', 12.5), offer('AOTHER2', 11.1, { IsBuyBoxWinner: true, SubCondition: 'good' })]),
      1000,
    );
    expect(change).toMatchObject({ sellerId: 'A1DEMOSELLER0001', marketplaceId: 'ATVPDKIKX0DER', asin: 'B0TEST0001' });
    expect(change?.snapshot.competitors).toEqual([
      {
        sellerId: 'AOTHER1',
        condition: 'used_very_good',
        price: '12.50',
        shipping: '3.99',
        feedbackPercent: 96,
        feedbackCount: 1200,
        fulfilledByAmazon: false,
      },
      expect.objectContaining({ sellerId: 'AOTHER2', condition: 'used_good', price: '11.10' }),
    ]);
    expect(change?.snapshot.buyBox).toEqual({
      sellerId: 'AOTHER2',
      condition: 'used_good',
      price: '11.10',
      shipping: '3.99',
    });
    expect(change?.snapshot).toMatchObject({ receivedAtMs: 1000, source: 'notification', currency: 'USD' });
  });

  it('ignores other notification types and malformed bodies', () => {
    expect(parseAnyOfferChanged('not json', 0)).toBeUndefined();
    expect(parseAnyOfferChanged(JSON.stringify({ NotificationType: 'ORDER_CHANGE', Payload: {} }), 0)).toBeUndefined();
  });
});

describe('pricing repository', () => {
  it('keeps rules, guardrails, snapshots and listing state per store', async () => {
    const repository = new PricingRepository(new MemoryKeyValueStore());
    expect(await repository.listRules('s1')).toEqual([]);
    expect(await repository.guardrails('s1')).toEqual({
      killSwitch: false,
      maxStepPercent: null,
      maxDailyPercent: null,
      cooldownMinutes: 0,
    });
    await repository.saveGuardrails('s1', {
      killSwitch: true,
      maxStepPercent: '5',
      maxDailyPercent: null,
      cooldownMinutes: 10,
    });
    expect((await repository.guardrails('s1')).killSwitch).toBe(true);
    expect((await repository.guardrails('s2')).killSwitch).toBe(false);
    await repository.saveListingState('s1', {
      sku: 'A/B 1',
      asin: 'B01',
      productType: 'HOME',
      condition: 'new',
      lastSent: '9.99',
      lastSentAtMs: null,
      day: '',
      changes: [],
      lastOutcome: null,
    });
    await repository.saveListingState('s1', {
      ...(await repository.listingState('s1', 'A/B 1'))!,
      sku: 'C',
      asin: 'B02',
    });
    expect((await repository.listingsForAsin('s1', 'B01')).map((s) => s.sku)).toEqual(['A/B 1']);
    expect(await repository.listListingStates('s2')).toEqual([]);
  });
});

describe('repricing alarm listen window', () => {
  it('the every-minute alarm asks pricing-offers to listen 45 s; direct invocations make one pass', async () => {
    const { readAppConfig } = await import('../../../src/local/app-config');
    const { listenWindowMs } = await import('../../../src/app/pricing/offer-job');
    const app = await readAppConfig(require('node:path').join(__dirname, '../../../app.config.yaml'));
    const alarm = app.alarms.find((a) => a.actionFullName === 'asc-jobs/pricing-offers');
    expect(alarm).toMatchObject({ feed: 'interval', minutes: 1, payload: { listenSeconds: 45 } });
    expect(listenWindowMs(alarm?.payload.listenSeconds)).toBe(45_000);
    expect(listenWindowMs(undefined)).toBe(0);
    expect(listenWindowMs('abc')).toBe(0);
    // Never past the next alarm.
    expect(listenWindowMs(120)).toBe(50_000);
  });
});
