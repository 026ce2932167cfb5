/** Types shared by the Amazon emulator's API handlers, and Amazon's error shape. */
import type { EmulatorClock } from '../shared/clock';
import type { OperationDef } from './models';
import type { AmazonState } from './state';

export type Region = 'na' | 'eu' | 'fe';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details = '',
  ) {
    super(message);
  }
}

export const errorBody = (code: string, message: string, details = '') => ({
  errors: [{ code, message, details }],
});

export interface ApiContext {
  op: OperationDef;
  region: Region;
  /** Seller of the access token (undefined for grantless tokens). */
  sellerId?: string;
  clientId: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  state: AmazonState;
  clock: EmulatorClock;
  requestId: string;
}

export interface ApiResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ApiHandler = (ctx: ApiContext) => ApiResult | Promise<ApiResult>;

export const ok = (body: unknown, status = 200): ApiResult => ({ status, body });

export const invalidInput = (message: string, details = ''): ApiError =>
  new ApiError(400, 'InvalidInput', message, details);

export const notFound = (message: string): ApiError => new ApiError(404, 'NotFound', message);

export function requireSeller(ctx: ApiContext): string {
  if (!ctx.sellerId) throw new ApiError(403, 'Unauthorized', 'Access to requested resource is denied.', '');
  return ctx.sellerId;
}

/** Seller-scoped calls with a sellerId in the path must match the token's seller. */
export function requirePathSeller(ctx: ApiContext, sellerIdFromPath: string): string {
  const seller = requireSeller(ctx);
  if (seller !== sellerIdFromPath)
    throw new ApiError(403, 'Unauthorized', 'Access to requested resource is denied.', 'sellerId does not match');
  return seller;
}

/** A marketplace id must belong to the endpoint's region and the seller must participate in it. */
export function requireMarketplace(ctx: ApiContext, marketplaceId: string, field = 'marketplaceIds'): void {
  const seller = ctx.sellerId ? ctx.state.sellers.get(ctx.sellerId) : undefined;
  const mp = ctx.state.marketplace(marketplaceId);
  if (!mp || mp.region !== ctx.region)
    throw invalidInput(`Invalid ${field}: '${marketplaceId}' is not a marketplace of the ${ctx.region} endpoint.`);
  if (seller && !seller.marketplaceIds.includes(marketplaceId))
    throw invalidInput(`Invalid ${field}: seller does not participate in marketplace '${marketplaceId}'.`);
}

export const asArray = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
