import { z } from 'zod';
import type { KeyValueStore } from '../../../core/ports/key-value-store';
import { type GuardrailSettings, guardrailSettingsSchema } from '../../../core/pricing/guardrails';
import { ITEM_CONDITIONS } from '../../../core/pricing/item-condition';
import type { PricingRule } from '../../../core/pricing/rules';
import type { CompetitorOffer, BuyBoxOffer } from '../../../core/pricing/schemas';
import { buildKey } from '../key-codec';

/**
 * Pricing state of one store, on any KeyValueStore (Adobe State in production):
 * - `pricing.<store>.rules`: the rule set, one document (≤ 1000 rules, well under State's 1 MB value limit);
 * - `pricing.<store>.guardrails`: guardrail settings and the kill switch;
 * - `pricing.<store>.offers.<asin>`: the latest competitor snapshot of an ASIN (from a notification or a poll);
 * - `pricing.<store>.listing.<sku>`: per listing, the last price we sent and today's changes (for the guardrails).
 * The rules document is written with optimistic reads under the store's pricing lock, so two editors
 * saving at once never lose each other's rule.
 */

const ruleListSchema = z.array(z.looseObject({ id: z.string() }));

const conditionSchema = z.enum(ITEM_CONDITIONS);
export const competitorSnapshotSchema = z.object({
  asin: z.string(),
  marketplaceId: z.string(),
  /** ISO time Amazon says the offers changed (or when we polled). */
  observedAt: z.string(),
  /** Epoch ms (app clock) when we stored it: freshness. */
  receivedAtMs: z.number(),
  source: z.enum(['notification', 'poll']),
  /** The trigger's condition (offers are of that condition). */
  itemCondition: z.string(),
  buyBox: z
    .object({
      sellerId: z.string(),
      condition: conditionSchema,
      price: z.string(),
      shipping: z.string().optional(),
    })
    .nullable(),
  competitors: z.array(
    z.object({
      sellerId: z.string(),
      condition: conditionSchema,
      price: z.string(),
      shipping: z.string().optional(),
      feedbackPercent: z.number().nullable().optional(),
      feedbackCount: z.number().nullable().optional(),
      fulfilledByAmazon: z.boolean().optional(),
    }),
  ),
  currency: z.string(),
});
export type CompetitorSnapshot = z.infer<typeof competitorSnapshotSchema> & {
  buyBox: BuyBoxOffer | null;
  competitors: CompetitorOffer[];
};

export const listingPricingStateSchema = z.object({
  sku: z.string(),
  asin: z.string().nullable(),
  productType: z.string().default('PRODUCT'),
  condition: conditionSchema.default('new'),
  /** The price live on Amazon as last read or accepted (marketplace currency). */
  lastSent: z.string().nullable(),
  lastSentAtMs: z.number().nullable().default(null),
  /** Local day (marketplace zone) of `changes`; reset on a new day. */
  day: z.string().default(''),
  changes: z.array(z.object({ at: z.number(), from: z.string(), to: z.string() })).default([]),
  /** Last repricing outcome, for the listing page and the trace view. */
  lastOutcome: z
    .object({
      at: z.number(),
      decision: z.enum(['send', 'hold', 'unchanged', 'unpriceable', 'failed']),
      price: z.string().nullable(),
      reason: z.string().optional(),
    })
    .nullable()
    .default(null),
  /** Prices Amazon accepted, oldest first, bounded (PRICE_HISTORY_LIMIT); absent in records written before it. */
  history: z.array(z.object({ at: z.number(), price: z.string(), source: z.enum(['repricer', 'publish']) })).optional(),
});
export type ListingPricingState = z.infer<typeof listingPricingStateSchema>;

const parseJson = <T>(raw: string | undefined, schema: z.ZodType<T>, what: string): T | undefined => {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`stored ${what} is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
};

export class PricingRepository {
  constructor(private readonly kv: KeyValueStore) {}

  async listRules(storeId: string): Promise<PricingRule[]> {
    const rules = parseJson(await this.kv.get(buildKey('pricing', storeId, 'rules')), ruleListSchema, 'rules');
    return (rules ?? []) as unknown as PricingRule[];
  }

  /** Replaces the whole set; callers validate it first (pricingRuleSetSchema). */
  async saveRules(storeId: string, rules: readonly PricingRule[]): Promise<void> {
    await this.kv.put(buildKey('pricing', storeId, 'rules'), JSON.stringify(rules));
  }

  async guardrails(storeId: string): Promise<GuardrailSettings> {
    const raw = await this.kv.get(buildKey('pricing', storeId, 'guardrails'));
    return guardrailSettingsSchema.parse(raw === undefined ? {} : JSON.parse(raw));
  }

  async saveGuardrails(storeId: string, settings: GuardrailSettings): Promise<void> {
    await this.kv.put(
      buildKey('pricing', storeId, 'guardrails'),
      JSON.stringify(guardrailSettingsSchema.parse(settings)),
    );
  }

  async snapshot(storeId: string, asin: string): Promise<CompetitorSnapshot | undefined> {
    return parseJson(
      await this.kv.get(buildKey('pricing', storeId, 'offers', asin)),
      competitorSnapshotSchema,
      'competitor snapshot',
    ) as CompetitorSnapshot | undefined;
  }

  async saveSnapshot(storeId: string, snapshot: CompetitorSnapshot): Promise<void> {
    await this.kv.put(buildKey('pricing', storeId, 'offers', snapshot.asin), JSON.stringify(snapshot));
  }

  async listingState(storeId: string, sku: string): Promise<ListingPricingState | undefined> {
    return parseJson(
      await this.kv.get(buildKey('pricing', storeId, 'listing', sku)),
      listingPricingStateSchema,
      'listing pricing state',
    );
  }

  async saveListingState(storeId: string, state: ListingPricingState): Promise<void> {
    await this.kv.put(
      buildKey('pricing', storeId, 'listing', state.sku),
      JSON.stringify(listingPricingStateSchema.parse(state)),
    );
  }

  async listListingStates(storeId: string): Promise<ListingPricingState[]> {
    const prefix = buildKey('pricing', storeId, 'listing');
    const states: ListingPricingState[] = [];
    for await (const key of this.kv.keys(`${prefix}.*`)) {
      const state = parseJson(await this.kv.get(key), listingPricingStateSchema, 'listing pricing state');
      if (state) states.push(state);
    }
    return states.sort((a, b) => a.sku.localeCompare(b.sku));
  }

  async listingsForAsin(storeId: string, asin: string): Promise<ListingPricingState[]> {
    return (await this.listListingStates(storeId)).filter((s) => s.asin === asin);
  }

  /** Small flags (subscription ids, sync times) for the store's pricing jobs. */
  async getFlag(storeId: string, name: string): Promise<string | undefined> {
    return this.kv.get(buildKey('pricing', storeId, 'flag', name));
  }

  async setFlag(storeId: string, name: string, value: string): Promise<void> {
    await this.kv.put(buildKey('pricing', storeId, 'flag', name), value);
  }
}
