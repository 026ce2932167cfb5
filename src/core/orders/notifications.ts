/**
 * ORDER_CHANGE notifications (schema models/sp-api/schemas/notifications/OrderChangeNotification.json) → "refresh
 * this order" work items. The notification is only a hint: the worker re-reads the order with getOrder, so a
 * lost or repeated notification changes nothing (the window poll is the safety net).
 */
import { z } from 'zod';
import type { AmazonOrderStatus } from './amazon-order';

const V0_TO_STATUS: Record<string, AmazonOrderStatus> = {
  PendingAvailability: 'PENDING_AVAILABILITY',
  Pending: 'PENDING',
  Unshipped: 'UNSHIPPED',
  PartiallyShipped: 'PARTIALLY_SHIPPED',
  Shipped: 'SHIPPED',
  Canceled: 'CANCELLED',
  Unfulfillable: 'UNFULFILLABLE',
};

const orderChange = z.looseObject({
  SellerId: z.string().optional(),
  AmazonOrderId: z.string().min(1),
  OrderChangeType: z.string().optional(),
  OrderChangeTrigger: z
    .looseObject({ TimeOfOrderChange: z.string().optional(), ChangeReason: z.string().optional() })
    .optional(),
  Summary: z
    .looseObject({
      MarketplaceId: z.string().optional(),
      OrderStatus: z.string().optional(),
      FulfillmentType: z.string().optional(),
      OrderItems: z
        .array(
          z.looseObject({
            OrderItemId: z.string().optional(),
            SellerSKU: z.string().optional(),
            IsBuyerRequestedCancel: z.boolean().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

export const orderChangeEnvelopeSchema = z.looseObject({
  NotificationType: z.literal('ORDER_CHANGE'),
  EventTime: z.string().optional(),
  Payload: z.looseObject({ OrderChangeNotification: orderChange }),
  NotificationMetadata: z.looseObject({ NotificationId: z.string().optional() }).optional(),
});

export interface OrderChange {
  notificationId?: string;
  sellerId?: string;
  marketplaceId?: string;
  amazonOrderId: string;
  changeType?: string;
  reason?: string;
  eventTime?: string;
  status?: AmazonOrderStatus;
  fulfilledBy?: 'AMAZON' | 'MERCHANT';
  buyerRequestedCancel: boolean;
}

/** Parses an ORDER_CHANGE notification (the SQS message body, as an object or JSON text). */
export function parseOrderChange(input: unknown): OrderChange {
  const env = orderChangeEnvelopeSchema.parse(typeof input === 'string' ? JSON.parse(input) : input);
  const n = env.Payload.OrderChangeNotification;
  const s = n.Summary;
  const type = s?.FulfillmentType;
  return {
    notificationId: env.NotificationMetadata?.NotificationId,
    sellerId: n.SellerId,
    marketplaceId: s?.MarketplaceId,
    amazonOrderId: n.AmazonOrderId,
    changeType: n.OrderChangeType,
    reason: n.OrderChangeTrigger?.ChangeReason,
    eventTime: n.OrderChangeTrigger?.TimeOfOrderChange ?? env.EventTime,
    status: s?.OrderStatus ? V0_TO_STATUS[s.OrderStatus] : undefined,
    ...(type === 'AFN'
      ? { fulfilledBy: 'AMAZON' as const }
      : type === 'MFN'
        ? { fulfilledBy: 'MERCHANT' as const }
        : {}),
    buyerRequestedCancel:
      n.OrderChangeType === 'BuyerRequestedChange' ||
      (s?.OrderItems ?? []).some((i) => i.IsBuyerRequestedCancel === true),
  };
}

export interface RefreshWorkItem {
  storeId: string;
  amazonOrderId: string;
  /** Why: shown in logs; the work itself is always "getOrder and process". */
  reason: string;
  /** Dedupe key for at-least-once delivery. */
  dedupeKey: string;
  buyerRequestedCancel: boolean;
}

/** Finds the store(s) the notification is for (seller + marketplace) and makes one work item per store. */
export function toRefreshWorkItems(
  change: OrderChange,
  stores: Array<{ id: string; sellerId: string; marketplaceId: string }>,
): RefreshWorkItem[] {
  return stores
    .filter(
      (s) =>
        (!change.sellerId || s.sellerId === change.sellerId) &&
        (!change.marketplaceId || s.marketplaceId === change.marketplaceId),
    )
    .map((s) => ({
      storeId: s.id,
      amazonOrderId: change.amazonOrderId,
      reason: [change.changeType, change.reason].filter(Boolean).join(': ') || 'ORDER_CHANGE',
      dedupeKey: `${s.id}:${change.amazonOrderId}:${change.notificationId ?? change.eventTime ?? ''}`,
      buyerRequestedCancel: change.buyerRequestedCancel,
    }));
}
