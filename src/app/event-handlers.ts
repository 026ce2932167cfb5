import type { CommerceEvent } from '../platform/events';
import type { Logger } from '../platform/logger';
import type { Services } from './services';

/**
 * Commerce event handlers by event name (the part after `com.adobe.commerce.observer.`). Each product area
 * registers its own: Listings (product save, stock), Orders (shipment, cancel, credit memo).
 */
export type CommerceEventHandler = (
  event: CommerceEvent,
  services: Services,
  logger: Logger,
) => Promise<Record<string, unknown>>;

const handlers = new Map<string, CommerceEventHandler>();

export const registerEventHandler = (eventName: string, handler: CommerceEventHandler): void => {
  handlers.set(eventName, handler);
};

export const eventHandlerFor = (eventName: string): CommerceEventHandler | undefined => handlers.get(eventName);
