import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { CloudEvent } from 'cloudevents';
import type { Clock } from '../../core/clock';
import type { EventScope } from './context';

/**
 * Adobe I/O Events as Commerce sends them: a CloudEvent whose data is `{ key, value, source, _metadata }`,
 * POSTed as JSON and signed with RSA-SHA256 over the exact body (`x-adobe-digital-signature-1`), the public key's
 * location in `x-adobe-public-key1-path`. Failed deliveries stay in an outbox and are retried with backoff.
 */
export const PUBLIC_KEY_PATH = '/__control/events/public-key.pem';
export const EVENT_PREFIX = 'com.adobe.commerce.observer.';

export interface OutboxEntry {
  id: string;
  type: string;
  body: string;
  signature: string;
  createdAt: string;
  attempts: number;
  status: 'pending' | 'delivered' | 'failed';
  lastError?: string;
  deliveredAt?: string;
  nextAttemptAt: number;
}

export interface EventBusOptions {
  clock: Clock;
  eventsUrl?: string;
  /** Base URL the consumer can fetch the public key from (the emulator's own URL). */
  publicUrl: () => string;
  instance?: string;
  recipientClientId?: string;
  maxAttempts?: number;
  /** Real-time retry delays in ms; the last one repeats. */
  retryDelaysMs?: number[];
}

export class CommerceEventBus {
  readonly publicKeyPem: string;
  private readonly privateKeyPem: string;
  private readonly entries: OutboxEntry[] = [];
  private eventsUrl: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly opts: EventBusOptions) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    this.publicKeyPem = publicKey;
    this.privateKeyPem = privateKey;
    this.eventsUrl = opts.eventsUrl;
  }

  setEventsUrl(url: string | undefined): void {
    this.eventsUrl = url;
    this.schedule(0);
  }

  getEventsUrl(): string | undefined {
    return this.eventsUrl;
  }

  /** Builds, signs and queues one event; delivery happens in the background. */
  emit(observer: string, value: Record<string, unknown>, scope: EventScope): OutboxEntry {
    const id = randomUUID();
    const event = new CloudEvent(
      {
        id,
        source: `urn:uuid:${this.opts.instance ?? 'commerce-emulator'}`,
        type: `${EVENT_PREFIX}${observer}`,
        datacontenttype: 'application/json',
        time: new Date(this.opts.clock.now()).toISOString(),
        event_id: randomUUID(),
        recipient_client_id: this.opts.recipientClientId ?? 'asc-app',
        data: {
          key: randomUUID(),
          value,
          source: 'commerce-emulator.local',
          _metadata: {
            commerceEdition: 'Adobe Commerce',
            commerceVersion: '2.4.9',
            eventsClientVersion: '1.12.0',
            storeId: String(scope.storeId),
            websiteId: String(scope.websiteId),
            storeGroupId: String(scope.storeGroupId),
          },
        },
      },
      false,
    );
    const body = JSON.stringify(event.toJSON());
    const entry: OutboxEntry = {
      id,
      type: event.type,
      body,
      signature: this.sign(body),
      createdAt: new Date(this.opts.clock.now()).toISOString(),
      attempts: 0,
      status: 'pending',
      nextAttemptAt: 0,
    };
    this.entries.push(entry);
    if (this.entries.length > 5000) this.entries.splice(0, this.entries.length - 5000);
    this.schedule(0);
    return entry;
  }

  sign(body: string): string {
    return createSign('RSA-SHA256').update(body).sign(this.privateKeyPem, 'base64');
  }

  list(status?: OutboxEntry['status']): Array<Omit<OutboxEntry, 'body' | 'signature'> & { event: unknown }> {
    return this.entries
      .filter((e) => !status || e.status === status)
      .map(({ body, signature: _signature, ...rest }) => ({ ...rest, event: JSON.parse(body) }));
  }

  clear(): void {
    this.entries.length = 0;
  }

  /** Attempts every due pending delivery now; resolves when this round is done. */
  async flush(): Promise<void> {
    await this.drain(true);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.draining;
  }

  private schedule(ms: number): void {
    if (this.closed || !this.eventsUrl) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(false), ms);
    this.timer.unref?.();
  }

  private drain(force: boolean): Promise<void> {
    if (this.draining) return this.draining.then(() => (force ? this.drain(true) : undefined));
    this.draining = this.deliverDue(force).finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async deliverDue(force: boolean): Promise<void> {
    const url = this.eventsUrl;
    if (!url) return;
    const delays = this.opts.retryDelaysMs ?? [200, 1000, 5000, 30_000];
    const maxAttempts = this.opts.maxAttempts ?? 50;
    for (const entry of this.entries) {
      if (entry.status !== 'pending' || (!force && entry.nextAttemptAt > Date.now())) continue;
      entry.attempts += 1;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/cloudevents+json',
            'x-adobe-digital-signature-1': entry.signature,
            'x-adobe-public-key1-path': PUBLIC_KEY_PATH,
            'x-adobe-public-key-url': `${this.opts.publicUrl()}${PUBLIC_KEY_PATH}`,
            'x-adobe-event-id': entry.id,
          },
          body: entry.body,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        entry.status = 'delivered';
        entry.deliveredAt = new Date(this.opts.clock.now()).toISOString();
        entry.lastError = undefined;
      } catch (err) {
        entry.lastError = (err as Error).message;
        if (entry.attempts >= maxAttempts) entry.status = 'failed';
        entry.nextAttemptAt = Date.now() + delays[Math.min(entry.attempts - 1, delays.length - 1)];
      }
      if (this.closed) return;
    }
    const pending = this.entries.filter((e) => e.status === 'pending');
    if (pending.length > 0) this.schedule(Math.max(0, Math.min(...pending.map((e) => e.nextAttemptAt)) - Date.now()));
  }
}
