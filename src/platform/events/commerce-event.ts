/**
 * The Commerce event envelope as I/O Events delivers it (app-builder.md §1.3, peers-and-commerce-api.md B4):
 * a CloudEvent whose `data.value` holds only the subscribed fields and `data._metadata` the store scope.
 */
import { z } from 'zod';

const idString = z.union([z.string(), z.number()]).transform(String);

export const commerceEventMetadata = z.looseObject({
  commerceEdition: z.string().optional(),
  commerceVersion: z.string().optional(),
  eventsClientVersion: z.string().optional(),
  storeId: idString.optional(),
  websiteId: idString.optional(),
  storeGroupId: idString.optional(),
  websiteCode: z.string().optional(),
  storeCode: z.string().optional(),
  storeViewCode: z.string().optional(),
});

export const commerceEvent = z.looseObject({
  specversion: z.string().optional(),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().regex(/^com\.adobe\.commerce\./, 'expected a com.adobe.commerce.* event type'),
  time: z.string().optional(),
  datacontenttype: z.string().optional(),
  /** I/O Events' delivery id; delivery is at least once, so deduplicate on it (or on `id`). */
  event_id: z.string().optional(),
  recipient_client_id: z.string().optional(),
  data: z.looseObject({
    key: z.string().optional(),
    source: z.string().optional(),
    value: z.record(z.string(), z.unknown()),
    _metadata: commerceEventMetadata.optional(),
  }),
});
export type CommerceEvent = z.infer<typeof commerceEvent>;
export type CommerceEventMetadata = z.infer<typeof commerceEventMetadata>;

export type ParsedCommerceEvent = { ok: true; event: CommerceEvent } | { ok: false; reason: string };

export function parseCommerceEvent(input: unknown): ParsedCommerceEvent {
  const parsed = commerceEvent.safeParse(input);
  if (parsed.success) return { ok: true, event: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return { ok: false, reason: `not a Commerce event: ${issues.slice(0, 5).join('; ')}` };
}

/**
 * The observer or plugin name of an event type, without the optional EVENT_PREFIX:
 * `com.adobe.commerce.observer.sales_order_save_commit_after` and
 * `com.adobe.commerce.myprefix.observer.sales_order_save_commit_after` both give `sales_order_save_commit_after`.
 */
export function commerceEventName(type: string): string | undefined {
  const match = /^com\.adobe\.commerce\.(?:[a-z0-9_-]+\.)?(?:observer|plugin)\.(.+)$/i.exec(type);
  return match?.[1];
}
