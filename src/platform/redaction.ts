/**
 * Keeps secrets out of logs and error messages. Two layers:
 * - by key: any property whose name looks secret is masked, however deep;
 * - by value: secrets we know (registered at start-up from inputs) and token shapes Amazon/Adobe use
 *   are masked inside any string, so a secret echoed in an upstream error message is caught too.
 */
const SECRET_KEY =
  /secret|token|password|passwd|authorization|api[-_]?key|signature|private[-_]?key|credential|cookie/i;
const MASK = '[REDACTED]';

const TOKEN_PATTERNS: RegExp[] = [
  /Atz[ra]\|[A-Za-z0-9\-_.|%]+/g, // LWA refresh/access tokens
  /Atz\.sprdt\|?[A-Za-z0-9\-_.|%]*/g, // restricted data tokens
  /\bBearer\s+[A-Za-z0-9\-_.~+/=]+/gi,
  /\boauth_(?:signature|token)="[^"]*"/gi,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\beyJ[A-Za-z0-9\-_]{8,}\.[A-Za-z0-9\-_]{8,}\.[A-Za-z0-9\-_]+/g, // JWTs (IMS access tokens)
];

const knownSecrets = new Set<string>();

/** Register a secret value (an input such as a client secret) so it is masked wherever it appears. */
export const registerSecret = (value: unknown): void => {
  if (typeof value === 'string' && value.length >= 6 && !value.startsWith('$')) knownSecrets.add(value);
};

/** Registers every input whose name looks secret. */
export const registerSecretInputs = (params: Record<string, unknown>): void => {
  for (const [key, value] of Object.entries(params)) {
    if (SECRET_KEY.test(key) || /KEY$/.test(key)) registerSecret(value);
  }
};

export const redactString = (text: string): string => {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, MASK);
  return out;
};

export const redact = (value: unknown, depth = 0): unknown => {
  if (depth > 12) return '[TRUNCATED]';
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message) };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      out[key] =
        SECRET_KEY.test(key) && inner !== undefined && inner !== null && inner !== '' ? MASK : redact(inner, depth + 1);
    }
    return out;
  }
  return value;
};

export const REDACTION_MASK = MASK;
