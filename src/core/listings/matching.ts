import type { ListingSettings } from '../settings/listing-settings';
import { attributeText } from './product-rules';
import type { CatalogProduct, MatchCandidate } from './types';

/**
 * Matching a catalog product to an ASIN (decision #3): Seller SKU attribute → ASIN attribute → the store's
 * identifiers (its "Product ID" mapping first, then EAN, UPC, ISBN, GTIN, JAN) → keyword search.
 * The first rule that finds exactly one ASIN matches; several ASINs or a variation parent mean
 * Multiple Matches Found; a rule that finds nothing hands over to the next; nothing at all is
 * "Unable to Assign to Amazon Listing".
 *
 * `matchProduct` is pure and resumable: when it needs a catalogue lookup it has no result for, it returns
 * `{ kind: 'lookup', query }`; the caller runs searchCatalogItems, adds the result under `query.key` and calls
 * again. Callers can also batch the queries of many products (≤20 identifiers per call) up front with
 * `matchingQueries`.
 */

export type MatchRule = 'seller_sku' | 'asin' | 'identifier' | 'keyword';
/** searchCatalogItems identifiersType values we use (GCID has none, so GCID cannot be searched). */
export type SearchIdentifierType = 'SKU' | 'ASIN' | 'EAN' | 'UPC' | 'ISBN' | 'GTIN' | 'JAN';

export interface CatalogQuery {
  rule: MatchRule;
  /** For identifier rules; absent for keyword searches. */
  identifiersType?: SearchIdentifierType;
  /** Identifier value, or the keywords. */
  value: string;
  /** Stable key for the lookup results map. */
  key: string;
}

/** One searchCatalogItems item as the adapter summarises it. */
export interface CatalogItemSummary {
  asin: string;
  title?: string;
  classification?: string;
}

/** Results by `CatalogQuery.key`; an empty array means the search found nothing. */
export type CatalogLookupResults = Readonly<Record<string, readonly CatalogItemSummary[] | undefined>>;

export interface MatchStep {
  query: CatalogQuery;
  found: number;
}

export type MatchOutcome =
  | { kind: 'lookup'; query: CatalogQuery; steps: MatchStep[] }
  | { kind: 'matched'; asin: string; rule: MatchRule; query: CatalogQuery; steps: MatchStep[] }
  | { kind: 'multiple_matches'; candidates: MatchCandidate[]; rule: MatchRule; steps: MatchStep[] }
  | { kind: 'has_variants'; candidates: MatchCandidate[]; rule: MatchRule; steps: MatchStep[] }
  | { kind: 'no_match'; steps: MatchStep[] };

export const ASIN_PATTERN = /^[A-Z0-9]{10}$/;
const MAX_KEYWORDS = 20;
export const MAX_CANDIDATES = 20;
const IDENTIFIER_ORDER: Array<{ type: SearchIdentifierType; setting: keyof ListingSettings['catalogSearch'] }> = [
  { type: 'EAN', setting: 'eanAttribute' },
  { type: 'UPC', setting: 'upcAttribute' },
  { type: 'ISBN', setting: 'isbnAttribute' },
  { type: 'GTIN', setting: 'gtinAttribute' },
  { type: 'JAN', setting: 'janAttribute' },
];

/** Identifiers as Amazon compares them: GTIN-family codes digits only, ISBNs without hyphens. */
export const normaliseIdentifier = (type: SearchIdentifierType | 'GCID', value: string): string => {
  const v = value.trim().toUpperCase();
  if (type === 'EAN' || type === 'UPC' || type === 'GTIN' || type === 'JAN') return v.replace(/[\s-]/g, '');
  if (type === 'ISBN') return v.replace(/[\s-]/g, '');
  return v;
};

const keyOf = (rule: MatchRule, type: string | undefined, value: string): string =>
  `${rule}:${type ?? 'KEYWORDS'}:${value}`;

const query = (rule: MatchRule, identifiersType: SearchIdentifierType | undefined, value: string): CatalogQuery => ({
  rule,
  identifiersType,
  value,
  key: keyOf(rule, identifiersType, value),
});

/** The lookups matching may need for a product, in the order they are tried. */
export const matchingQueries = (product: CatalogProduct, settings: ListingSettings): CatalogQuery[] => {
  const queries: CatalogQuery[] = [];
  const sellerSku = attributeText(product, settings.thirdPartyListings.sellerSkuAttribute);
  if (sellerSku) queries.push(query('seller_sku', 'SKU', sellerSku));
  const asinAttribute = settings.catalogSearch.asinAttribute ?? settings.thirdPartyListings.asinAttribute;
  const asin = attributeText(product, asinAttribute)?.toUpperCase();
  if (asin && ASIN_PATTERN.test(asin)) queries.push(query('asin', 'ASIN', asin));
  const cs = settings.catalogSearch;
  const identifierSources: Array<{ type: SearchIdentifierType; attribute: string | null }> = [];
  if (cs.productIdType && cs.productIdType !== 'GCID')
    identifierSources.push({ type: cs.productIdType, attribute: cs.productIdAttribute });
  for (const { type, setting } of IDENTIFIER_ORDER)
    identifierSources.push({ type, attribute: cs[setting] as string | null });
  const seen = new Set<string>();
  for (const { type, attribute } of identifierSources) {
    const raw = attributeText(product, attribute);
    if (!raw) continue;
    const value = normaliseIdentifier(type, raw);
    if (seen.has(`${type}:${value}`)) continue;
    seen.add(`${type}:${value}`);
    queries.push(query('identifier', type, value));
  }
  const keywords = attributeText(product, cs.generalSearchAttribute);
  if (keywords) queries.push(query('keyword', undefined, keywords.split(/\s+/).slice(0, MAX_KEYWORDS).join(' ')));
  return queries;
};

const toCandidates = (items: readonly CatalogItemSummary[]): MatchCandidate[] => {
  const byAsin = new Map<string, MatchCandidate>();
  for (const item of items)
    if (!byAsin.has(item.asin))
      byAsin.set(item.asin, { asin: item.asin, title: item.title, classification: item.classification });
  return [...byAsin.values()].slice(0, MAX_CANDIDATES);
};

export const matchProduct = (
  product: CatalogProduct,
  settings: ListingSettings,
  lookups: CatalogLookupResults,
): MatchOutcome => {
  const steps: MatchStep[] = [];
  const hasVariants = product.typeId === 'configurable';
  for (const q of matchingQueries(product, settings)) {
    const found = lookups[q.key];
    if (found === undefined) return { kind: 'lookup', query: q, steps };
    const candidates = toCandidates(found);
    steps.push({ query: q, found: candidates.length });
    if (candidates.length === 0) continue;
    // A configurable product must be matched to the right child ASIN by hand (SPEC 4.2 "Has Variants").
    if (hasVariants) return { kind: 'has_variants', candidates, rule: q.rule, steps };
    if (candidates.length === 1 && candidates[0].classification !== 'VARIATION_PARENT')
      return { kind: 'matched', asin: candidates[0].asin, rule: q.rule, query: q, steps };
    return { kind: 'multiple_matches', candidates, rule: q.rule, steps };
  }
  return { kind: 'no_match', steps };
};

/** The listing event a finished outcome means (for `transition`); undefined while a lookup is pending. */
export const matchOutcomeEvent = (outcome: MatchOutcome) => {
  switch (outcome.kind) {
    case 'matched':
      return { type: 'match_found' as const, asin: outcome.asin };
    case 'multiple_matches':
      return { type: 'multiple_matches' as const, candidates: outcome.candidates };
    case 'has_variants':
      return { type: 'variants_found' as const, candidates: outcome.candidates };
    case 'no_match':
      return { type: 'no_match' as const };
    default:
      return undefined;
  }
};
