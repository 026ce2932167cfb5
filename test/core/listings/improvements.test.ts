import { alertTypeOf, improvementRows, improvementsPage } from '../../../src/core/listings/improvements';
import type { ListingIssue } from '../../../src/core/listings/types';
import { listing } from './fixtures';

const issue = (changes: Partial<ListingIssue> & { categories?: string[] }): ListingIssue => ({
  code: '99999',
  message: 'Something about the listing',
  severity: 'WARNING',
  ...changes,
});

describe('Listing Improvements report rows', () => {
  it('gives one row per Amazon issue with SKU, ASIN, alert type, field and Amazon text', () => {
    const rows = improvementRows([
      listing({
        sellerSku: 'MUG-2',
        asin: 'B000000002',
        issues: [
          issue({
            code: '90220',
            message: "'brand' is required but not supplied.",
            severity: 'ERROR',
            attributeNames: ['brand'],
          }),
          issue({
            code: '18027',
            message: 'Add bullet points to improve discoverability.',
            severity: 'INFO',
            attributeNames: ['bullet_point'],
          }),
        ],
      }),
      listing({ sellerSku: 'MUG-1', asin: undefined, issues: [] }),
      listing({
        sellerSku: 'CUP-1',
        asin: 'B000000003',
        issues: [
          issue({
            code: '8541',
            message: 'The value for color is not valid.',
            severity: 'ERROR',
            attributeNames: ['color', 'color_map'],
          }),
        ],
      }),
    ]);
    expect(rows).toEqual([
      {
        sellerSku: 'CUP-1',
        asin: 'B000000003',
        alertType: 'Invalid',
        fieldName: 'color, color_map',
        notes: 'The value for color is not valid.',
        severity: 'ERROR',
      },
      {
        sellerSku: 'MUG-2',
        asin: 'B000000002',
        alertType: 'Missing',
        fieldName: 'brand',
        notes: "'brand' is required but not supplied.",
        severity: 'ERROR',
      },
      {
        sellerSku: 'MUG-2',
        asin: 'B000000002',
        alertType: 'Suggestion',
        fieldName: 'bullet_point',
        notes: 'Add bullet points to improve discoverability.',
        severity: 'INFO',
      },
    ]);
  });

  it("prefers Amazon's categories over the message text", () => {
    expect(alertTypeOf(issue({ categories: ['MISSING_ATTRIBUTE'], message: 'Provide this' }))).toBe('Missing');
    expect(alertTypeOf(issue({ categories: ['INVALID_ATTRIBUTE'], message: 'Check this' }))).toBe('Invalid');
    expect(alertTypeOf(issue({ severity: 'ERROR', message: 'Listing suppressed' }))).toBe('Error');
    expect(alertTypeOf(issue({ severity: 'WARNING', message: 'Consider a larger image' }))).toBe('Suggestion');
  });

  it('pages the rows and reports the total', () => {
    const rows = improvementRows(
      ['A', 'B', 'C'].map((sku) => listing({ sellerSku: sku, issues: [issue({}), issue({ severity: 'INFO' })] })),
    );
    const second = improvementsPage(rows, 1, 3);
    expect(second.total).toBe(6);
    expect(second.rows.map((r) => r.sellerSku)).toEqual(['B', 'C', 'C']);
  });
});
