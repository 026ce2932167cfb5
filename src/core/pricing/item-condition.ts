import { CONDITION_LABELS, type ConditionCode } from '../listings/condition';
/**
 * Amazon item conditions and the competitor fallback order (docs/decisions.md #4).
 * Indexes into ITEM_CONDITIONS are used in the hot path instead of strings.
 */
export const ITEM_CONDITIONS = [
  'new',
  'refurbished',
  'used_like_new',
  'used_very_good',
  'used_good',
  'used_acceptable',
  'collectible_like_new',
  'collectible_very_good',
  'collectible_good',
  'collectible_acceptable',
] as const;
export type ItemCondition = (typeof ITEM_CONDITIONS)[number];

/** The Listings Items `condition_type` code of each engine condition (the engine drops the redundant half). */
const LISTING_CODE: Readonly<Record<ItemCondition, ConditionCode>> = Object.fromEntries(
  ITEM_CONDITIONS.map((condition) => [
    condition,
    condition === 'new' ? 'new_new' : condition === 'refurbished' ? 'refurbished_refurbished' : condition,
  ]),
) as Record<ItemCondition, ConditionCode>;

/** Labels come from the one condition table the listing settings show (src/core/listings/condition.ts). */
export const ITEM_CONDITION_LABELS: Readonly<Record<ItemCondition, string>> = Object.fromEntries(
  ITEM_CONDITIONS.map((condition) => [condition, CONDITION_LABELS[LISTING_CODE[condition]]]),
) as Record<ItemCondition, string>;

/** A listing's condition code as the engine names it. */
export const itemConditionFromListing = (code: ConditionCode): ItemCondition =>
  ITEM_CONDITIONS.find((condition) => LISTING_CODE[condition] === code) ?? 'new';

export const CONDITION_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  ITEM_CONDITIONS.map((condition, i) => [condition, i]),
);

const FAMILIES: readonly (readonly number[])[] = [[0], [1], [2, 3, 4, 5], [6, 7, 8, 9]];
const familyOf = (index: number): readonly number[] => FAMILIES.find((family) => family.includes(index)) ?? [index];

/** Other conditions of the same family, nearest first; a tie goes to the better condition (never undercut down). */
const nearestInFamily = (index: number): number[] => {
  return familyOf(index)
    .filter((other) => other !== index)
    .sort((a, b) => Math.abs(a - index) - Math.abs(b - index) || a - b);
};

export type ConditionMode = 'all_conditions' | 'matching_only' | 'variance';

/**
 * Conditions tried after the own condition, in order.
 * - matching_only: none.
 * - all_conditions: the nearest conditions of the same family (Used-Acceptable → Used-Good → Used-Very Good →
 *   Used-Like New); New and Refurbished have no fallback, so a New item is never priced against used offers.
 * - variance: the same family first, then every other condition best to worst; the variance formula makes a
 *   price from another condition comparable.
 */
export const FALLBACK_ORDER: Readonly<Record<ConditionMode, readonly (readonly number[])[]>> = {
  matching_only: ITEM_CONDITIONS.map(() => []),
  all_conditions: ITEM_CONDITIONS.map((_, i) => nearestInFamily(i)),
  variance: ITEM_CONDITIONS.map((_, i) => {
    const family = nearestInFamily(i);
    const rest = ITEM_CONDITIONS.map((__, j) => j).filter((j) => j !== i && !family.includes(j));
    return [...family, ...rest];
  }),
};

/**
 * Maps Amazon's condition vocabularies to ours: listing conditions (`new_new`, `used_like_new`) and
 * Product Pricing offers (`Used` + `VeryGood`). Unknown values return undefined.
 */
export const itemConditionFromAmazon = (condition: string, subCondition?: string): ItemCondition | undefined => {
  const c = condition.trim().toLowerCase();
  const direct = c === 'new_new' || c === 'new_open_box' || c === 'new_oem' ? 'new' : c;
  if (direct === 'refurbished_refurbished') return 'refurbished';
  if (direct in CONDITION_INDEX) return direct as ItemCondition;
  const sub = (subCondition ?? '').trim().toLowerCase().replace(/[\s_]/g, '');
  if (c === 'new') return 'new';
  if (c === 'refurbished') return 'refurbished';
  if (c === 'used' || c === 'collectible') {
    const grade =
      sub === 'mint' || sub === 'likenew'
        ? 'like_new'
        : sub === 'verygood'
          ? 'very_good'
          : sub === 'good'
            ? 'good'
            : sub === 'acceptable' || sub === 'poor'
              ? 'acceptable'
              : undefined;
    return grade ? (`${c}_${grade}` as ItemCondition) : undefined;
  }
  return undefined;
};
