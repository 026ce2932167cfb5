import { improvementRowSchema, improvementsCsv } from '../../../web-src/src/api/listing-improvements';

describe('Listing Improvements CSV export', () => {
  it("writes the report's columns and quotes Amazon's text when it holds commas or quotes", () => {
    const csv = improvementsCsv([
      {
        sellerSku: 'MUG-1',
        asin: 'B000000001',
        alertType: 'Missing',
        fieldName: 'brand',
        notes: "'brand' is required",
        severity: 'ERROR',
      },
      {
        sellerSku: 'TEE-2',
        asin: null,
        alertType: 'Invalid',
        fieldName: 'color, size',
        notes: 'Use "Red", not red',
        severity: 'WARNING',
      },
    ]);
    expect(csv.split('\n')).toEqual([
      'Amazon Seller SKU,ASIN,Alert Type,Field Name,Notes,Severity',
      "MUG-1,B000000001,Missing,brand,'brand' is required,ERROR",
      'TEE-2,,Invalid,"color, size","Use ""Red"", not red",WARNING',
      '',
    ]);
  });

  it('refuses a row without a severity Amazon uses', () => {
    const row = { sellerSku: 'A', asin: null, alertType: 'Missing', fieldName: '', notes: '', severity: 'FATAL' };
    expect(improvementRowSchema.safeParse(row).success).toBe(false);
  });
});
