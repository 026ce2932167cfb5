import { z } from 'zod';
import type { Storage } from '../../adapters/state';
import { buildKey } from '../../adapters/state';

/** Alarms record their last successful run, so Learning & Preparation can tell whether background jobs run. */
const keyOf = (job: string) => buildKey('jobs', 'heartbeat', job);
const heartbeatSchema = z.object({ at: z.string() });

export const recordJobRun = async (storage: Storage, job: string, nowMs: number): Promise<void> => {
  await storage.kv.put(keyOf(job), JSON.stringify({ at: new Date(nowMs).toISOString() }), {
    ttlSeconds: 7 * 24 * 3600,
  });
};

export const lastJobRun = async (storage: Storage, job: string): Promise<string | undefined> => {
  const raw = await storage.kv.get(keyOf(job));
  if (raw === undefined) return undefined;
  const parsed = heartbeatSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data.at : undefined;
};
