/**
 * Amazon listing conditions (SPEC 3.8). Codes are the Listings Items API `condition_type` values; labels are
 * the ones the Product Listing Condition settings show.
 */
export const CONDITION_CODES = [
  'new_new',
  'refurbished_refurbished',
  'used_like_new',
  'used_very_good',
  'used_good',
  'used_acceptable',
  'collectible_like_new',
  'collectible_very_good',
  'collectible_good',
  'collectible_acceptable',
] as const;

export type ConditionCode = (typeof CONDITION_CODES)[number];

export const CONDITION_LABELS: Record<ConditionCode, string> = {
  new_new: 'New',
  refurbished_refurbished: 'Refurbished',
  used_like_new: 'Used; Like New',
  used_very_good: 'Used; Very Good',
  used_good: 'Used; Good',
  used_acceptable: 'Used; Acceptable',
  collectible_like_new: 'Collectible; Like New',
  collectible_very_good: 'Collectible; Very Good',
  collectible_good: 'Collectible; Good',
  collectible_acceptable: 'Collectible; Acceptable',
};

/** Seller notes (condition_note) are at most 1,000 characters; Amazon never shows them for New items. */
export const SELLER_NOTES_MAX_LENGTH = 1000;

export const isConditionCode = (value: unknown): value is ConditionCode =>
  typeof value === 'string' && (CONDITION_CODES as readonly string[]).includes(value);

/**
 * Seller Central `item-condition` codes used by the merchant listings report (GET_MERCHANT_LISTINGS_ALL_DATA).
 * 9 ("Not used") has no listing condition.
 */
export const REPORT_CONDITION_CODES: Record<string, ConditionCode> = {
  '1': 'used_like_new',
  '2': 'used_very_good',
  '3': 'used_good',
  '4': 'used_acceptable',
  '5': 'collectible_like_new',
  '6': 'collectible_very_good',
  '7': 'collectible_good',
  '8': 'collectible_acceptable',
  '10': 'refurbished_refurbished',
  '11': 'new_new',
};

/** Accepts a code, a label ("Used; Good") or a report digit; undefined when nothing fits. */
export const parseCondition = (value: unknown): ConditionCode | undefined => {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (isConditionCode(text)) return text;
  if (REPORT_CONDITION_CODES[text]) return REPORT_CONDITION_CODES[text];
  const normalise = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');
  const wanted = normalise(text);
  return CONDITION_CODES.find((code) => normalise(CONDITION_LABELS[code]) === wanted);
};
