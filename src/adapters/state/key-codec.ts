import { MAX_KEY_LENGTH, StorageError } from '../../core/ports/key-value-store';

/**
 * Reversible key escaping. State keys allow only [a-zA-Z0-9-_.]; SKUs and ids may hold anything.
 * A segment keeps [a-zA-Z0-9-] as is and writes every other UTF-8 byte as `_xx` (lower-case hex), so:
 *  - `.` never appears inside an escaped segment and can separate segments (`store.<id>`),
 *  - `_` always starts an escape, so decoding is unambiguous ("A/B (1)" → "A_2fB_20_281_29"),
 *  - `*` never appears, so a segment is safe inside a list() glob.
 * The empty string encodes as `_` alone (never produced by escaping), so optional segments have a value.
 */
const PLAIN = /[a-zA-Z0-9-]/;

export const escapeSegment = (raw: string): string => {
  if (raw === '') return '_';
  let out = '';
  for (const char of raw) {
    if (PLAIN.test(char)) {
      out += char;
      continue;
    }
    for (const byte of Buffer.from(char, 'utf8')) out += '_' + byte.toString(16).padStart(2, '0');
  }
  return out;
};

export const unescapeSegment = (escaped: string): string => {
  if (escaped === '_') return '';
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    const char = escaped[i];
    if (char === '_') {
      const hex = escaped.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/.test(hex))
        throw new StorageError(`malformed escaped key segment "${escaped}"`, 'INVALID_KEY');
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (PLAIN.test(char)) {
      bytes.push(char.charCodeAt(0));
    } else {
      throw new StorageError(`malformed escaped key segment "${escaped}"`, 'INVALID_KEY');
    }
  }
  return Buffer.from(bytes).toString('utf8');
};

/** Joins escaped segments with '.'; fixed prefixes (already plain) pass through escapeSegment unchanged. */
export const buildKey = (...segments: string[]): string => {
  const key = segments.map(escapeSegment).join('.');
  if (key.length > MAX_KEY_LENGTH) {
    throw new StorageError(
      `storage key too long (${key.length} > ${MAX_KEY_LENGTH}): ${key.slice(0, 80)}…`,
      'INVALID_KEY',
    );
  }
  return key;
};

export const splitKey = (key: string): string[] => key.split('.').map(unescapeSegment);

/** A glob matching every key that starts with the given segments. */
export const prefixGlob = (...segments: string[]): string => `${buildKey(...segments)}.*`;

/** Fixed-width epoch ms so keys sort by time as plain strings (good until year 5138). */
export const timeSegment = (epochMs: number): string => Math.max(0, Math.floor(epochMs)).toString().padStart(14, '0');

export const KEY_PREFIX_OUTBOX = 'outbox.';
