import type { z } from 'zod';
import { CorruptDataError, type KeyValueStore, type KvPutOptions } from '../../core/ports/key-value-store';

/** Parses and validates a stored JSON value; anything wrong becomes CorruptDataError naming the key. */
export const parseStored = <T>(key: string, raw: string, schema: z.ZodType<T>): T => {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CorruptDataError(key, `not JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new CorruptDataError(key, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
};

export const readJson = async <T>(kv: KeyValueStore, key: string, schema: z.ZodType<T>): Promise<T | undefined> => {
  const raw = await kv.get(key);
  return raw === undefined ? undefined : parseStored(key, raw, schema);
};

export const writeJson = (kv: KeyValueStore, key: string, value: unknown, options?: KvPutOptions): Promise<void> =>
  kv.put(key, JSON.stringify(value), options);

/** Collects an async iterable of keys (deduplicated by the adapters already). */
export const collectKeys = async (keys: AsyncIterable<string>): Promise<string[]> => {
  const all: string[] = [];
  for await (const key of keys) all.push(key);
  return all;
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Random id segment: unique across concurrent invocations without coordination. */
export const randomToken = (): string => crypto.randomUUID().replace(/-/g, '');
