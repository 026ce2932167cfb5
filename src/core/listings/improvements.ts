import type { Listing, ListingIssue } from './types';

/**
 * Listing Improvements report (SPEC 7.4): one row per issue Amazon reported on a listing. Review only: a
 * suggestion never blocks a listing, so this report reads the stored issues and changes nothing.
 */

export type ImprovementAlertType = 'Missing' | 'Invalid' | 'Suggestion' | 'Error';

export interface ImprovementRow {
  sellerSku: string;
  asin: string | null;
  alertType: ImprovementAlertType;
  /** The Amazon listing attributes the issue is about, comma-joined; empty when Amazon named none. */
  fieldName: string;
  /** Amazon's own text. */
  notes: string;
  severity: ListingIssue['severity'];
}

/** Amazon's issue categories (Listings Items API) when the stored issue kept them. */
type IssueWithCategories = ListingIssue & { categories?: unknown };

const categoriesOf = (issue: IssueWithCategories): string[] =>
  Array.isArray(issue.categories) ? issue.categories.filter((c): c is string => typeof c === 'string') : [];

/**
 * The alert type: Amazon's categories first (MISSING_ATTRIBUTE, INVALID_ATTRIBUTE, …), then the code and text
 * (feed processing reports carry only those), then the severity: an error that is neither missing nor invalid
 * stays an Error; warnings and notes are Suggestions.
 */
export const alertTypeOf = (issue: ListingIssue): ImprovementAlertType => {
  const words = [...categoriesOf(issue), issue.code, issue.message].join(' ').toUpperCase();
  if (/MISSING|REQUIRED|NOT (BEEN )?PROVIDED/.test(words)) return 'Missing';
  if (/INVALID|NOT VALID|INCORRECT|CONFLICT|MISMATCH/.test(words)) return 'Invalid';
  return issue.severity === 'ERROR' ? 'Error' : 'Suggestion';
};

const SEVERITY_ORDER: Record<ListingIssue['severity'], number> = { ERROR: 0, WARNING: 1, INFO: 2 };

/** Rows for every issue of the given listings, by Seller SKU, errors before warnings before notes. */
export const improvementRows = (listings: Iterable<Listing>): ImprovementRow[] => {
  const rows: ImprovementRow[] = [];
  for (const listing of listings) {
    const issues = [...(listing.issues ?? [])].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    for (const issue of issues) {
      rows.push({
        sellerSku: listing.sellerSku,
        asin: listing.asin ?? null,
        alertType: alertTypeOf(issue),
        fieldName: (issue.attributeNames ?? []).join(', '),
        notes: issue.message,
        severity: issue.severity,
      });
    }
  }
  return rows.sort((a, b) => (a.sellerSku < b.sellerSku ? -1 : a.sellerSku > b.sellerSku ? 1 : 0));
};

/** One page of rows (0-based page). */
export const improvementsPage = (
  rows: readonly ImprovementRow[],
  page: number,
  pageSize: number,
): { rows: ImprovementRow[]; total: number; page: number; pageSize: number } => ({
  rows: rows.slice(page * pageSize, (page + 1) * pageSize),
  total: rows.length,
  page,
  pageSize,
});
