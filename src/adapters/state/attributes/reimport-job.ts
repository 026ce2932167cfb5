import { buildKey, type Storage } from '..';
import { type ReimportJob, reimportJobSchema } from '../../../core/listings/attributes';

export { type ReimportJob, reimportJobSchema };

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
