import { z } from 'zod';
import { buildKey, type Storage } from '..';

/**
 * Progress of one store's Re-import Product Attribute Values job (asc-jobs/attributes-reimport), one State value
 * the UI polls. Each job invocation handles one page of listings, records its counts, then invokes the next.
 */
export const reimportJobSchema = z.object({
  jobId: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Seller SKU of the last listing done; the next page starts after it. */
  cursor: z.string().optional(),
  pages: z.number().int(),
  listingsSeen: z.number().int(),
  productsChecked: z.number().int(),
  productsUpdated: z.number().int(),
  valuesWritten: z.number().int(),
  /** The first failures (bounded); `failed` counts them all. */
  errors: z.array(z.object({ sellerSku: z.string(), message: z.string() })),
  failed: z.number().int(),
  message: z.string().optional(),
});
export type ReimportJob = z.infer<typeof reimportJobSchema>;

export const MAX_RECORDED_ERRORS = 50;

const jobKey = (storeId: string) => buildKey('attributes', storeId, 'reimport');

export const loadReimportJob = async (storage: Storage, storeId: string): Promise<ReimportJob | null> => {
  const raw = await storage.kv.get(jobKey(storeId));
  if (raw === undefined) return null;
  const parsed = reimportJobSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
};

export const saveReimportJob = async (storage: Storage, storeId: string, job: ReimportJob): Promise<void> => {
  await storage.kv.put(jobKey(storeId), JSON.stringify(reimportJobSchema.parse(job)));
};
