/**
 * What changed between two versions of a settings document, as "field: old → new" lines for the activity log.
 * Nested objects are walked (listing settings are section → field); arrays and records are compared whole.
 */
export interface SettingChange {
  field: string;
  from: unknown;
  to: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export const diffSettings = (before: unknown, after: unknown, prefix = ''): SettingChange[] => {
  if (isPlainObject(before) && isPlainObject(after) && prefix.split('.').length < 2) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffSettings(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  return same(before, after) ? [] : [{ field: prefix, from: before, to: after }];
};

const shown = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

export const describeChanges = (changes: SettingChange[]): string =>
  changes.map((change) => `${change.field}: ${shown(change.from)} → ${shown(change.to)}`).join('; ');
