/**
 * Swagger 2.0 → JSON Schema validation on ajv, for request and response contract checks.
 *
 * Usage:
 *   const v = SwaggerValidator.fromFile('models/sp-api/listingsItems_2021-08-01.json'); // .json or .yaml
 *   v.operations();                                  // [{ operationId, method, path, parameters, … }]
 *   const r = v.validateRequest('patchListingsItem', { path: { sellerId, sku }, query: url.searchParams, body });
 *   if (!r.ok) reply400(r.issues[0].message);        // "query.marketplaceIds: must NOT have more than 1 items"
 *   r.values.query.marketplaceIds;                   // coerced: arrays split on ',', numbers/booleans parsed
 *   v.validateResponse('patchListingsItem', 200, body);      // falls back to the 'default' response
 *   v.validateDefinition('ListingsItemPatchRequest', body);
 *   validateJsonSchema(schemaObject, value);         // plain draft-07 schemas (feed / notification schemas)
 *
 * Swagger specifics handled: `#/definitions/X` refs (rewritten to this document's $id), `x-*` keys stripped,
 * Swagger formats int32/int64/float/double/byte/binary/password accepted, `discriminator` ignored, `file` bodies skipped.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load as loadYaml } from 'js-yaml';

export interface ValidationIssue {
  /** 'path' | 'query' | 'header' | 'body' | 'response' */
  location: string;
  /** Dotted field name, e.g. `body.patches.0.op` or `query.marketplaceIds`. */
  field: string;
  message: string;
}

export interface ValidationResult<V = unknown> {
  ok: boolean;
  issues: ValidationIssue[];
  values: V;
}

export interface SwaggerParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'body' | 'formData';
  required?: boolean;
  type?: string;
  items?: Record<string, unknown>;
  collectionFormat?: 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi';
  schema?: Record<string, unknown>;
  [k: string]: unknown;
}

export interface SwaggerOperation {
  operationId: string;
  method: string;
  /** Path template as in the model, with basePath prefixed when the model has one (unless disabled). */
  path: string;
  description: string;
  deprecated: boolean;
  tags: string[];
  parameters: SwaggerParameter[];
  responses: Record<string, { schema?: Record<string, unknown>; description?: string }>;
}

export interface RequestParts {
  path?: Record<string, string>;
  query?: URLSearchParams | Record<string, string | string[] | undefined>;
  headers?: Record<string, string | string[] | undefined>;
  body?: unknown;
}

export interface RequestValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

const SWAGGER_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];
const PARAM_SCHEMA_KEYS = [
  'type',
  'items',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'format',
  'multipleOf',
];

let docCounter = 0;

export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
  addFormats(ajv);
  for (const f of SWAGGER_FORMATS) ajv.addFormat(f, true);
  return ajv;
}

/** Deep copy without `x-*` keys, rewriting `#/definitions/` refs to `${id}#/definitions/`. */
export function stripSwagger(node: unknown, refPrefix = ''): unknown {
  if (Array.isArray(node)) return node.map((n) => stripSwagger(n, refPrefix));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k.startsWith('x-') || k === 'example' || k === 'discriminator') continue;
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) {
      out[k] = `${refPrefix}${v}`;
      continue;
    }
    out[k] = stripSwagger(v, refPrefix);
  }
  return out;
}

const formatAjvError = (location: string, base: string, e: ErrorObject): ValidationIssue => {
  const pointer = e.instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let fieldParts = base ? [base, ...pointer] : pointer;
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'required') {
    fieldParts = [...fieldParts, String((e.params as { missingProperty: string }).missingProperty)];
    message = 'is required';
  } else if (e.keyword === 'additionalProperties') {
    fieldParts = [...fieldParts, String((e.params as { additionalProperty: string }).additionalProperty)];
    message = 'is not an allowed property';
  } else if (e.keyword === 'enum') {
    message = `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  }
  const field = [location, ...fieldParts].join('.');
  return { location, field, message: `${field}: ${message}` };
};

export class SwaggerValidator {
  readonly id: string;
  readonly doc: Record<string, unknown>;
  private readonly ajv: Ajv;
  private readonly ops = new Map<string, SwaggerOperation>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: Record<string, unknown>, opts: { includeBasePath?: boolean; ajv?: Ajv } = {}) {
    this.doc = doc;
    this.id = `swagger-doc-${++docCounter}`;
    this.ajv = opts.ajv ?? createAjv();
    const definitions = stripSwagger(doc.definitions ?? {}, this.id) as Record<string, unknown>;
    this.ajv.addSchema({ $id: this.id, definitions });
    const basePath = opts.includeBasePath === false ? '' : String(doc.basePath ?? '').replace(/\/$/, '');
    const globalParams = (doc.parameters ?? {}) as Record<string, SwaggerParameter>;
    const resolveParam = (p: SwaggerParameter & { $ref?: string }): SwaggerParameter =>
      p.$ref?.startsWith('#/parameters/') ? globalParams[p.$ref.slice('#/parameters/'.length)] : p;
    for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>)) {
      const shared = ((item.parameters ?? []) as SwaggerParameter[]).map(resolveParam);
      for (const [method, raw] of Object.entries(item)) {
        if (method === 'parameters' || typeof raw !== 'object' || raw === null) continue;
        const op = raw as Record<string, unknown>;
        const own = ((op.parameters ?? []) as SwaggerParameter[]).map(resolveParam);
        const names = new Set(own.map((p) => `${p.in}:${p.name}`));
        const operationId = String(op.operationId ?? `${method} ${path}`);
        this.ops.set(operationId, {
          operationId,
          method: method.toLowerCase(),
          path: basePath + path,
          description: String(op.description ?? ''),
          deprecated: op.deprecated === true,
          tags: (op.tags ?? []) as string[],
          parameters: [...shared.filter((p) => !names.has(`${p.in}:${p.name}`)), ...own],
          responses: (op.responses ?? {}) as SwaggerOperation['responses'],
        });
      }
    }
  }

  static fromFile(file: string, opts: { includeBasePath?: boolean; ajv?: Ajv } = {}): SwaggerValidator {
    const text = readFileSync(file, 'utf8');
    const doc = (/\.ya?ml$/i.test(file) ? loadYaml(text) : JSON.parse(text)) as Record<string, unknown>;
    return new SwaggerValidator(doc, opts);
  }

  operations(): SwaggerOperation[] {
    return [...this.ops.values()];
  }

  operation(operationId: string): SwaggerOperation {
    const op = this.ops.get(operationId);
    if (!op) throw new Error(`unknown operation ${operationId}`);
    return op;
  }

  hasOperation(operationId: string): boolean {
    return this.ops.has(operationId);
  }

  private compile(key: string, schema: () => unknown): ValidateFunction {
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(schema() as object);
      this.compiled.set(key, fn);
    }
    return fn;
  }

  private paramGroupValidator(op: SwaggerOperation, location: 'path' | 'query' | 'header'): ValidateFunction {
    return this.compile(`${op.operationId}:${location}`, () => {
      const params = op.parameters.filter((p) => p.in === location);
      const properties: Record<string, unknown> = {};
      for (const p of params) {
        const s: Record<string, unknown> = {};
        for (const k of PARAM_SCHEMA_KEYS) if (p[k] !== undefined) s[k] = p[k];
        properties[location === 'header' ? p.name.toLowerCase() : p.name] = stripSwagger(s, this.id);
      }
      const required = params
        .filter((p) => p.required)
        .map((p) => (location === 'header' ? p.name.toLowerCase() : p.name));
      return { type: 'object', properties, required };
    });
  }

  /** Turns raw string values into the parameter's declared type (arrays split by collectionFormat). */
  private coerceParam(p: SwaggerParameter, raw: string | string[]): unknown {
    const scalar = (type: string | undefined, v: string): unknown => {
      if ((type === 'integer' || type === 'number') && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
      if (type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
      return v;
    };
    if (p.type === 'array') {
      const sep = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|', multi: '' }[p.collectionFormat ?? 'csv'];
      const parts = Array.isArray(raw) ? raw : [raw];
      const items = sep ? parts.flatMap((x) => x.split(sep)) : parts;
      return items.map((x) => scalar((p.items as { type?: string } | undefined)?.type, x));
    }
    return scalar(p.type, Array.isArray(raw) ? raw[raw.length - 1] : raw);
  }

  validateRequest(operationId: string, parts: RequestParts): ValidationResult<RequestValues> {
    const op = this.operation(operationId);
    const issues: ValidationIssue[] = [];
    const values: RequestValues = { path: {}, query: {}, body: parts.body };
    const rawQuery = (name: string): string | string[] | undefined => {
      const q = parts.query;
      if (!q) return undefined;
      if (q instanceof URLSearchParams) {
        const all = q.getAll(name);
        return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
      }
      return q[name];
    };
    const headerValues: Record<string, unknown> = {};
    for (const p of op.parameters) {
      let raw: string | string[] | undefined;
      if (p.in === 'path') raw = parts.path?.[p.name];
      else if (p.in === 'query') raw = rawQuery(p.name);
      else if (p.in === 'header') raw = parts.headers?.[p.name.toLowerCase()];
      else continue;
      if (raw === undefined) continue;
      const v = this.coerceParam(p, raw);
      if (p.in === 'path') values.path[p.name] = v;
      else if (p.in === 'query') values.query[p.name] = v;
      else headerValues[p.name.toLowerCase()] = v;
    }
    for (const loc of ['path', 'query', 'header'] as const) {
      const fn = this.paramGroupValidator(op, loc);
      const data = loc === 'header' ? headerValues : values[loc];
      if (!fn(data)) issues.push(...(fn.errors ?? []).map((e) => formatAjvError(loc, '', e)));
    }
    const bodyParam = op.parameters.find((p) => p.in === 'body');
    if (bodyParam?.schema) {
      if (parts.body === undefined) {
        if (bodyParam.required) issues.push({ location: 'body', field: 'body', message: 'body: is required' });
      } else {
        const fn = this.compile(`${op.operationId}:body`, () => stripSwagger(bodyParam.schema, this.id));
        if (!fn(parts.body)) issues.push(...(fn.errors ?? []).map((e) => formatAjvError('body', '', e)));
      }
    }
    return { ok: issues.length === 0, issues, values };
  }

  /** Validates a response body against the schema of `status` (or `default`). No schema → ok. */
  validateResponse(operationId: string, status: number, body: unknown): ValidationResult<unknown> {
    const op = this.operation(operationId);
    const key = op.responses[String(status)] ? String(status) : 'default';
    const schema = op.responses[key]?.schema;
    if (!schema) return { ok: true, issues: [], values: body };
    const fn = this.compile(`${op.operationId}:response:${key}`, () => stripSwagger(schema, this.id));
    const ok = fn(body) as boolean;
    return { ok, issues: ok ? [] : (fn.errors ?? []).map((e) => formatAjvError('response', '', e)), values: body };
  }

  validateDefinition(name: string, value: unknown): ValidationResult<unknown> {
    const fn = this.compile(`definition:${name}`, () => ({ $ref: `${this.id}#/definitions/${name}` }));
    const ok = fn(value) as boolean;
    return { ok, issues: ok ? [] : (fn.errors ?? []).map((e) => formatAjvError('value', '', e)), values: value };
  }
}

const plainAjv = createAjv();
const plainCache = new WeakMap<object, ValidateFunction>();

/** Validates against a plain (draft-07) JSON Schema object; the compiled validator is cached per schema object. */
export function validateJsonSchema(schema: object, value: unknown, location = 'value'): ValidationResult<unknown> {
  let fn = plainCache.get(schema);
  if (!fn) {
    const copy = stripSwagger(schema) as Record<string, unknown>;
    delete copy.$id; // several official schemas share the placeholder $id "http://example.com/example.json"
    delete copy.$schema;
    fn = plainAjv.compile(copy);
    plainCache.set(schema, fn);
  }
  const ok = fn(value) as boolean;
  return { ok, issues: ok ? [] : (fn.errors ?? []).map((e) => formatAjvError(location, '', e)), values: value };
}
