/**
 * Every REST operation the Commerce emulator serves rejects an invalid request with a 400 in Commerce's error
 * shape, naming what the 2.4.9 schema objects to. The invalid request is derived from each operation's own
 * parameters, so a newly served operation is covered automatically.
 */
import { type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { cartHandlers } from '../../../src/emulators/commerce/carts';
import { inventoryHandlers } from '../../../src/emulators/commerce/inventory';
import { orderHandlers } from '../../../src/emulators/commerce/orders';
import { priceHandlers } from '../../../src/emulators/commerce/prices';
import { productHandlers } from '../../../src/emulators/commerce/products';
import { commerceValidator } from '../../../src/emulators/commerce/rest';
import { salesDocumentHandlers } from '../../../src/emulators/commerce/sales-documents';
import { storeHandlers } from '../../../src/emulators/commerce/stores';
import type { SwaggerOperation } from '../../../src/emulators/shared/schema-validator';
import { restCall, smallSeed } from './helpers';

const served = new Set(
  Object.keys({
    ...productHandlers,
    ...priceHandlers,
    ...inventoryHandlers,
    ...storeHandlers,
    ...orderHandlers,
    ...cartHandlers,
    ...salesDocumentHandlers,
  }),
);

interface InvalidRequest {
  method: string;
  path: string;
  body?: unknown;
  /** What the 400 must mention. */
  names: RegExp;
}

const fillPath = (op: SwaggerOperation, broken?: string): string =>
  op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (name === broken) return 'not-a-number';
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    return param?.type === 'integer' || param?.type === 'number' ? '1' : 'X-1';
  });

/** The cheapest violation this operation's schema can see, or undefined when it has no constraint to break. */
const invalidRequestFor = (op: SwaggerOperation): InvalidRequest | undefined => {
  const body = op.parameters.find((p) => p.in === 'body');
  if (body?.required) {
    return {
      method: op.method,
      path: fillPath(op),
      body: 'not an object',
      names: new RegExp(`body|${body.name}`, 'i'),
    };
  }
  const numericPath = op.parameters.find((p) => p.in === 'path' && (p.type === 'integer' || p.type === 'number'));
  if (numericPath)
    return { method: op.method, path: fillPath(op, numericPath.name), names: new RegExp(numericPath.name) };
  const requiredQuery = op.parameters.find((p) => p.in === 'query' && p.required);
  if (requiredQuery)
    return { method: op.method, path: fillPath(op), names: new RegExp(requiredQuery.name.split('[')[0]) };
  return undefined;
};

const operations = commerceValidator()
  .operations()
  .filter((op) => served.has(op.operationId));

let emu: RunningCommerceEmulator;
beforeAll(async () => {
  emu = await startCommerceEmulator({ port: 0, seed: smallSeed() });
});
afterAll(() => emu.close());

it('serves a good number of schema operations', () => {
  expect(operations.length).toBeGreaterThan(40);
});

it.each(operations.map((op) => [op.operationId, op] as const))(
  '%s rejects an invalid request naming the field',
  async (_id, op) => {
    const invalid = invalidRequestFor(op);
    if (!invalid) {
      // Nothing in the schema constrains this request (no body, no typed path or required query parameter).
      expect(op.parameters.filter((p) => p.required && p.in !== 'path')).toEqual([]);
      return;
    }
    const response = await restCall(
      emu,
      invalid.method.toUpperCase(),
      invalid.path.replace(/^\/V1\//, 'V1/'),
      invalid.body,
    );
    expect(response.status).toBe(400);
    expect(typeof response.body?.message).toBe('string');
    expect(JSON.stringify(response.body)).toMatch(invalid.names);
  },
);
