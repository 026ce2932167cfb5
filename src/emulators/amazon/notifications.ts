/**
 * Notifications v1 (destinations, subscriptions) and delivery of ANY_OFFER_CHANGED / ORDER_CHANGE
 * envelopes (official schemas in models/sp-api/schemas/notifications) to the destination's queue, read over the
 * SQS protocol (sqs.ts) or the older JSON stand-in below.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorClock } from '../shared/clock';
import { validateJsonSchema } from '../shared/schema-validator';
import type { ViolationLog } from '../shared/request-log';
import { type ApiHandler, ApiError, invalidInput, notFound, ok, requireSeller } from './api';
import { loadJsonSchema } from './models';
import type { AmazonState } from './state';

export const SUPPORTED_TYPES = ['ANY_OFFER_CHANGED', 'ORDER_CHANGE'];

export class Notifier {
  constructor(
    private readonly state: AmazonState,
    private readonly clock: EmulatorClock,
    private readonly violations: ViolationLog,
    /** Called after a message was queued (wakes SQS long polls). */
    private readonly onEnqueue: () => void = () => undefined,
  ) {}

  /** Sends `payload` to every subscription of `type` for `sellerId` (filtered by marketplace when set). */
  publish(
    type: string,
    sellerId: string,
    marketplaceId: string,
    payload: Record<string, unknown>,
    orderChangeType?: string,
  ): void {
    for (const sub of this.state.subscriptions.values()) {
      if (sub.notificationType !== type || sub.sellerId !== sellerId) continue;
      const filter = sub.processingDirective?.eventFilter;
      if (filter?.marketplaceIds?.length && !filter.marketplaceIds.includes(marketplaceId)) continue;
      if (orderChangeType && filter?.orderChangeTypes?.length && !filter.orderChangeTypes.includes(orderChangeType))
        continue;
      const dest = this.state.destinations.get(sub.destinationId);
      const queueName = dest?.resource.sqs?.arn ?? dest?.resource.eventBridge?.name;
      if (!queueName) continue;
      const now = this.clock.iso();
      const envelope = {
        NotificationVersion: '1.0',
        NotificationType: type,
        PayloadVersion: sub.payloadVersion,
        EventTime: now,
        Payload: payload,
        NotificationMetadata: {
          ApplicationId: sub.clientId,
          SubscriptionId: sub.subscriptionId,
          PublishTime: now,
          NotificationId: randomUUID(),
        },
      };
      const schemaFile = type === 'ORDER_CHANGE' ? 'OrderChangeNotification.json' : 'AnyOfferChangedNotification.json';
      const verdict = validateJsonSchema(loadJsonSchema(`notifications/${schemaFile}`), envelope, 'notification');
      if (!verdict.ok)
        this.violations.add({ operation: `notification:${type}`, status: 0, issues: verdict.issues, body: envelope });
      const queue = this.state.queues.get(queueName) ?? [];
      queue.push({
        messageId: randomUUID(),
        body: JSON.stringify(envelope),
        sentAt: this.clock.now(),
        visibleAt: 0,
        receiveCount: 0,
      });
      this.state.queues.set(queueName, queue);
      this.onEnqueue();
    }
  }
}

/** Local SQS stand-in: POST /__sqs/receive {queueArn?, max?, visibilityTimeoutSeconds?}, POST /__sqs/delete {receiptHandle}. */
export function sqsReceive(state: AmazonState, clock: EmulatorClock, body: Record<string, unknown>) {
  const max = Math.min(10, Math.max(1, Number(body.max ?? body.MaxNumberOfMessages ?? 10)));
  const visibility = Number(body.visibilityTimeoutSeconds ?? body.VisibilityTimeout ?? 30);
  const arn = body.queueArn as string | undefined;
  const now = clock.now();
  const names = arn ? [arn] : [...state.queues.keys()];
  const out: Array<Record<string, unknown>> = [];
  for (const name of names) {
    for (const m of state.queues.get(name) ?? []) {
      if (out.length >= max) break;
      if (m.visibleAt > now) continue;
      m.receiveCount++;
      m.visibleAt = now + visibility * 1000;
      m.receiptHandle = `${name}#${m.messageId}#${m.receiveCount}`;
      out.push({
        messageId: m.messageId,
        receiptHandle: m.receiptHandle,
        body: m.body,
        queueArn: name,
        receiveCount: m.receiveCount,
      });
    }
  }
  return { messages: out };
}

export function sqsDelete(state: AmazonState, body: Record<string, unknown>) {
  const handle = String(body.receiptHandle ?? '');
  const [name] = handle.split('#');
  const queue = state.queues.get(name) ?? [];
  const i = queue.findIndex((m) => m.receiptHandle === handle);
  if (i < 0) throw new Error('receiptHandle is not valid (expired or already deleted)');
  queue.splice(i, 1);
  return { deleted: true };
}

const typeParam = (t: string): string => {
  if (!SUPPORTED_TYPES.includes(t))
    throw invalidInput(`notificationType ${t} is not emulated (supported: ${SUPPORTED_TYPES.join(', ')}).`);
  return t;
};

const renderSub = (s: {
  subscriptionId: string;
  payloadVersion: string;
  destinationId: string;
  processingDirective?: unknown;
}) => ({
  subscriptionId: s.subscriptionId,
  payloadVersion: s.payloadVersion,
  destinationId: s.destinationId,
  ...(s.processingDirective ? { processingDirective: s.processingDirective } : {}),
});

export const notificationHandlers: Record<string, ApiHandler> = {
  createDestination: (ctx) => {
    const body = ctx.body as {
      name: string;
      resourceSpecification: { sqs?: { arn: string }; eventBridge?: { region: string; accountId: string } };
    };
    const spec = body.resourceSpecification;
    if (!spec.sqs && !spec.eventBridge) throw invalidInput('resourceSpecification needs sqs or eventBridge.');
    if (spec.sqs && !/^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]+$/.test(spec.sqs.arn))
      throw invalidInput(`resourceSpecification.sqs.arn '${spec.sqs.arn}' is not an SQS queue ARN.`);
    for (const d of ctx.state.destinations.values())
      if (spec.sqs && d.resource.sqs?.arn === spec.sqs.arn)
        throw new ApiError(409, 'Conflict', 'A destination for this resource already exists.', d.destinationId);
    const destinationId = randomUUID();
    const resource = spec.sqs
      ? { sqs: { arn: spec.sqs.arn } }
      : {
          eventBridge: {
            name: `aws.partner/sellingpartnerapi.amazon.com/${spec.eventBridge!.accountId}/${destinationId}`,
            region: spec.eventBridge!.region,
            accountId: spec.eventBridge!.accountId,
          },
        };
    ctx.state.destinations.set(destinationId, { destinationId, name: body.name, resource, clientId: ctx.clientId });
    return ok({ payload: { name: body.name, destinationId, resource } });
  },
  getDestinations: (ctx) =>
    ok({
      payload: [...ctx.state.destinations.values()]
        .filter((d) => d.clientId === ctx.clientId)
        .map((d) => ({ name: d.name, destinationId: d.destinationId, resource: d.resource })),
    }),
  getDestination: (ctx) => {
    const d = ctx.state.destinations.get(ctx.params.destinationId);
    if (!d || d.clientId !== ctx.clientId) throw notFound(`Destination ${ctx.params.destinationId} not found.`);
    return ok({ payload: { name: d.name, destinationId: d.destinationId, resource: d.resource } });
  },
  deleteDestination: (ctx) => {
    const d = ctx.state.destinations.get(ctx.params.destinationId);
    if (!d || d.clientId !== ctx.clientId) throw notFound(`Destination ${ctx.params.destinationId} not found.`);
    ctx.state.destinations.delete(d.destinationId);
    return ok({});
  },
  createSubscription: (ctx) => {
    const sellerId = requireSeller(ctx);
    const type = typeParam(ctx.params.notificationType);
    const body = ctx.body as {
      payloadVersion: string;
      destinationId: string;
      processingDirective?: Record<string, unknown>;
    };
    if (!ctx.state.destinations.has(body.destinationId))
      throw invalidInput(`destinationId ${body.destinationId} does not exist.`);
    if (body.payloadVersion !== '1.0')
      throw invalidInput(`payloadVersion ${body.payloadVersion} is not valid for ${type} (use 1.0).`);
    for (const s of ctx.state.subscriptions.values())
      if (s.sellerId === sellerId && s.notificationType === type && s.clientId === ctx.clientId)
        throw new ApiError(
          409,
          'Conflict',
          'A subscription for this notification type already exists.',
          s.subscriptionId,
        );
    const subscriptionId = randomUUID();
    const record = {
      subscriptionId,
      sellerId,
      clientId: ctx.clientId,
      notificationType: type,
      payloadVersion: body.payloadVersion,
      destinationId: body.destinationId,
      processingDirective: body.processingDirective,
    };
    ctx.state.subscriptions.set(subscriptionId, record);
    return ok({ payload: renderSub(record) });
  },
  getSubscription: (ctx) => {
    const sellerId = requireSeller(ctx);
    const type = typeParam(ctx.params.notificationType);
    const s = [...ctx.state.subscriptions.values()].find(
      (x) => x.sellerId === sellerId && x.notificationType === type && x.clientId === ctx.clientId,
    );
    if (!s) throw notFound(`No subscription for ${type}.`);
    return ok({ payload: renderSub(s) });
  },
  getSubscriptionById: (ctx) => {
    const s = ctx.state.subscriptions.get(ctx.params.subscriptionId);
    if (!s || s.notificationType !== ctx.params.notificationType)
      throw notFound(`Subscription ${ctx.params.subscriptionId} not found.`);
    return ok({ payload: renderSub(s) });
  },
  deleteSubscriptionById: (ctx) => {
    const s = ctx.state.subscriptions.get(ctx.params.subscriptionId);
    if (!s || s.notificationType !== ctx.params.notificationType)
      throw notFound(`Subscription ${ctx.params.subscriptionId} not found.`);
    ctx.state.subscriptions.delete(s.subscriptionId);
    return ok({});
  },
};
