/**
 * The official SP-API models the emulator serves, loaded once per process, and the emulated
 * operations (operationId → model, route, usage plan). Routes come from the models' paths.
 */
import path from 'node:path';
import { SwaggerValidator } from '../shared/schema-validator';
import type { RatePlan } from '../shared/token-bucket';
import { parseUsagePlan } from './usage-plans';

export const MODELS_DIR = path.resolve(__dirname, '../../../models/sp-api');

/** Which operations of which model the emulator implements. */
export const EMULATED: Record<string, string[]> = {
  'sellers.json': ['getMarketplaceParticipations'],
  'listingsItems_2021-08-01.json': [
    'getListingsItem',
    'putListingsItem',
    'patchListingsItem',
    'deleteListingsItem',
    'searchListingsItems',
  ],
  'catalogItems_2022-04-01.json': ['searchCatalogItems', 'getCatalogItem'],
  'feeds_2021-06-30.json': ['createFeedDocument', 'createFeed', 'getFeed', 'getFeeds', 'cancelFeed', 'getFeedDocument'],
  'reports_2021-06-30.json': ['createReport', 'getReport', 'getReports', 'cancelReport', 'getReportDocument'],
  'productPricingV0.json': ['getItemOffers', 'getItemOffersBatch'],
  'productPricing_2022-05-01.json': ['getCompetitiveSummary'],
  'orders_2026-01-01.json': ['searchOrders', 'getOrder'],
  'ordersV0.json': ['confirmShipment'],
  'notifications.json': [
    'createDestination',
    'getDestinations',
    'getDestination',
    'deleteDestination',
    'createSubscription',
    'getSubscription',
    'getSubscriptionById',
    'deleteSubscriptionById',
  ],
};

/** Operations that use a grantless (client_credentials) token rather than a seller's token. */
export const GRANTLESS_OPERATIONS = new Set([
  'createDestination',
  'getDestinations',
  'getDestination',
  'deleteDestination',
  'deleteSubscriptionById',
]);

export interface OperationDef {
  operationId: string;
  model: string;
  method: string;
  path: string;
  plan: RatePlan;
  validator: SwaggerValidator;
}

let cache: { validators: Map<string, SwaggerValidator>; operations: OperationDef[] } | undefined;

export function loadModels(): { validators: Map<string, SwaggerValidator>; operations: OperationDef[] } {
  if (cache) return cache;
  const validators = new Map<string, SwaggerValidator>();
  const operations: OperationDef[] = [];
  for (const [model, ids] of Object.entries(EMULATED)) {
    const validator = SwaggerValidator.fromFile(path.join(MODELS_DIR, model));
    validators.set(model, validator);
    for (const id of ids) {
      const op = validator.operation(id);
      const plan = parseUsagePlan(op.description);
      if (!plan) throw new Error(`no usage plan in the model for ${model} ${id}`);
      operations.push({ operationId: id, model, method: op.method.toUpperCase(), path: op.path, plan, validator });
    }
  }
  cache = { validators, operations };
  return cache;
}

export function loadJsonSchema(relative: string): object {
  return require(path.join(MODELS_DIR, 'schemas', relative)) as object;
}
