/**
 * When a Commerce order is created (SPEC 6.2, the MSI table) as one decision: create now, wait for Amazon,
 * view-only for good, or blocked by something the merchant can fix. Pure: stock and matches come in as data.
 */
import type { AmazonOrder } from './amazon-order';
import { type Blocker, findBlockers, type ProductMatches } from './blockers';
import type { OrderSettings } from '../settings/order-settings';

export type CreationDecision =
  | {
      kind: 'create';
      /** Hold stock through an MSI reservation (FBM with Reserve Quantity; never FBA). */
      reserve: boolean;
      /** FBA orders arrive shipped and are created Complete (SPEC 6.3). */
      complete: boolean;
      reason: string;
    }
  | { kind: 'wait'; reason: string }
  | { kind: 'view_only'; reason: string }
  | { kind: 'blocked'; reason: string; blockers: Blocker[] };

export interface CreationContext {
  settings: Pick<OrderSettings, 'importOrders' | 'pendingOrders'>;
  /** When the store was connected (ISO); orders placed before it are never imported. */
  storeConnectedAt: string;
  matches: ProductMatches;
}

export function decideCreation(order: AmazonOrder, ctx: CreationContext): CreationDecision {
  if (ctx.settings.importOrders !== 'enabled')
    return { kind: 'view_only', reason: 'Import Amazon Orders is disabled: handle this order in Seller Central.' };
  if (Date.parse(order.createdTime) < Date.parse(ctx.storeConnectedAt))
    return { kind: 'view_only', reason: 'Placed before the store was connected: never imported.' };
  const status = order.status;
  if (!status) return { kind: 'wait', reason: 'Amazon did not send the fulfillment status yet.' };
  if (status === 'CANCELLED')
    return { kind: 'view_only', reason: 'Canceled on Amazon before import: no Commerce order.' };
  if (status === 'UNFULFILLABLE')
    return { kind: 'view_only', reason: 'Amazon reports the order as unfulfillable (Error).' };
  if (status === 'PENDING' || status === 'PENDING_AVAILABILITY')
    return { kind: 'wait', reason: 'Waiting for Amazon to confirm payment (Pending).' };
  const fba = order.fulfilledBy === 'AMAZON';
  if (!order.fulfilledBy) return { kind: 'wait', reason: 'Amazon did not say who fulfils the order yet.' };
  if (fba && status !== 'SHIPPED')
    return { kind: 'wait', reason: 'Fulfilled by Amazon: imported once Amazon has shipped it.' };
  if (!order.orderTotal) return { kind: 'wait', reason: 'Amazon has not sent the order pricing yet.' };
  const blockers = findBlockers(order, ctx.matches);
  if (blockers.length > 0) return { kind: 'blocked', reason: blockers.map((b) => b.message).join(' '), blockers };
  const reserve = ctx.settings.pendingOrders === 'reserve';
  return fba
    ? { kind: 'create', reserve: false, complete: true, reason: 'Shipped by Amazon: created Complete, no reservation.' }
    : {
        kind: 'create',
        reserve,
        complete: false,
        reason: reserve ? 'Merchant-fulfilled: created and stock reserved.' : 'Merchant-fulfilled: created.',
      };
}
