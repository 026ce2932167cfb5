import type { KeyValueStore } from '../../src/core/ports/key-value-store';

/** Every live key and value; two snapshots are equal when nothing was written, overwritten or deleted. */
export const snapshotKv = async (kv: KeyValueStore): Promise<Map<string, string>> => {
  const snapshot = new Map<string, string>();
  for await (const key of kv.keys('*')) {
    const value = await kv.get(key);
    if (value !== undefined) snapshot.set(key, value);
  }
  return snapshot;
};

/** Keys added, removed or changed between two snapshots (empty when equal). */
export const diffSnapshots = (before: Map<string, string>, after: Map<string, string>): string[] => {
  const changed: string[] = [];
  for (const [key, value] of after)
    if (before.get(key) !== value) changed.push(before.has(key) ? `~${key}` : `+${key}`);
  for (const key of before.keys()) if (!after.has(key)) changed.push(`-${key}`);
  return changed;
};
