/**
 * Input generation for the bad-input suites: a zod schema → JSON Schema (zod's own `z.toJSONSchema`, input side)
 * → fast-check arbitraries. `conforming` draws values the schema accepts (mostly); `hostile` draws values it must
 * reject or survive: missing required fields, wrong types, huge strings, unicode, deep nesting, extra fields.
 */
import fc from 'fast-check';
import { z } from 'zod';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

export const toJsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Values no sane schema field accepts as-is: the generic junk half of every campaign. */
export const junk = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.constant(''),
    fc.boolean(),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 2 ** 53, -(2 ** 31)),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(
      '\u0000',
      '\u202e',
      '💥'.repeat(50),
      '../../etc/passwd',
      '<script>x</script>',
      "'; DROP TABLE x;--",
    ),
    fc.nat({ max: 3 }).map((n) => 'x'.repeat(10 ** (n + 2))), // up to 100 kB strings
    fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }),
    fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.constant(1), fc.record({ nested: tie('node') })),
    })).node,
  );

const stringFor = (s: JsonSchema): fc.Arbitrary<string> => {
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri' || s.format === 'url') return fc.webUrl();
  if (s.format === 'date-time' || s.format === 'datetime')
    return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern));
    } catch {
      // Patterns fast-check cannot reverse: fall through to plain strings.
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 24, 200) });
};

const numberFor = (s: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const min = s.minimum ?? (s.exclusiveMinimum === undefined ? undefined : s.exclusiveMinimum + (integer ? 1 : 1e-9));
  const max = s.maximum ?? (s.exclusiveMaximum === undefined ? undefined : s.exclusiveMaximum - (integer ? 1 : 1e-9));
  if (integer) return fc.integer({ min: Math.ceil(min ?? -1e6), max: Math.floor(max ?? 1e6) });
  return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true, noDefaultInfinity: true });
};

/** Values the schema describes (a web action receives query values as strings; they are drawn as both). */
export const conforming = (s: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => conforming(a, depth + 1)));
  if (s.allOf && s.allOf.length > 0) return conforming(s.allOf[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringFor(s);
    case 'integer':
      return numberFor(s, true);
    case 'number':
      return numberFor(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? conforming(s.items, depth + 1) : fc.anything({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, 8),
      });
    case 'object': {
      const properties = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(properties)) model[key] = conforming(sub, depth + 1);
      return fc.record(model, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) });
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
};

export interface HostileInput {
  value: Record<string, unknown>;
  /** What was done to it, for the failure report. */
  mutation: string;
}

/**
 * Conforming objects with one thing broken, plus pure junk objects. Some of these are still valid (an
 * optional field dropped); the suites judge the answer, not the input.
 */
export const hostile = (s: JsonSchema): fc.Arbitrary<HostileInput> => {
  const properties = Object.keys(s.properties ?? {});
  const required = s.required ?? [];
  const base = conforming(s).map((v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? { ...v } : {},
  ) as fc.Arbitrary<Record<string, unknown>>;
  const options: fc.Arbitrary<HostileInput>[] = [
    base.map((value) => ({ value, mutation: 'conforming' })),
    fc
      .dictionary(fc.string({ maxLength: 12 }), junk(), { maxKeys: 5 })
      .map((value) => ({ value, mutation: 'junk object' })),
  ];
  if (properties.length > 0) {
    options.push(
      fc.tuple(base, fc.constantFrom(...properties), junk()).map(([value, key, bad]) => ({
        value: { ...value, [key]: bad },
        mutation: `wrong value for ${key}`,
      })),
      fc.tuple(base, fc.constantFrom(...properties)).map(([value, key]) => ({
        value: { ...value, [key]: 'ű'.repeat(20_000) },
        mutation: `huge unicode ${key}`,
      })),
      fc.tuple(base, fc.constantFrom(...properties)).map(([value, key]) => ({
        value: { ...value, [key]: { [key]: { [key]: [value] } } },
        mutation: `nested object for ${key}`,
      })),
    );
  }
  if (required.length > 0) {
    options.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => {
        const { [key]: _dropped, ...rest } = value;
        return { value: rest, mutation: `missing ${key}` };
      }),
    );
  }
  options.push(
    fc
      .tuple(
        base,
        fc.string({ minLength: 1, maxLength: 10 }).filter((k) => /^[a-z]/.test(k)),
        junk(),
      )
      .map(([value, key, bad]) => ({ value: { ...value, [key]: bad }, mutation: `extra field ${key}` })),
  );
  return fc.oneof(...options);
};
