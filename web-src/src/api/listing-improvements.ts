import { z } from 'zod';
import type { Session } from '../host/session';
import type { FetchLike } from './config';
import { createTransport } from './transport';

/** Client and answer schema of asc/listing-improvements (Listing Improvements report, SPEC 7.4). */

export const improvementRowSchema = z.object({
  sellerSku: z.string(),
  asin: z.string().nullable(),
  alertType: z.string(),
  fieldName: z.string(),
  notes: z.string(),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
});
export type ImprovementRow = z.infer<typeof improvementRowSchema>;

export const improvementsPageSchema = z.object({
  rows: z.array(improvementRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ImprovementsPage = z.infer<typeof improvementsPageSchema>;

export const createListingImprovementsClient = (
  session: Pick<Session, 'config' | 'credentials'>,
  fetchFn?: FetchLike,
) => {
  const transport = createTransport(session, fetchFn);
  return {
    page: (storeId: string, page: number, pageSize: number): Promise<ImprovementsPage> =>
      transport.call('asc/listing-improvements', 'GET', { storeId, page, pageSize }, improvementsPageSchema),
  };
};
export type ListingImprovementsClient = ReturnType<typeof createListingImprovementsClient>;

/** The rows as CSV, with the report's column names (merchant export). */
export const improvementsCsv = (rows: readonly ImprovementRow[]): string => {
  const header = ['Amazon Seller SKU', 'ASIN', 'Alert Type', 'Field Name', 'Notes', 'Severity'];
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = rows.map((r) =>
    [r.sellerSku, r.asin, r.alertType, r.fieldName, r.notes, r.severity].map(cell).join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
};
