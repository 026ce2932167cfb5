/**
 * Bounded in-memory logs: every request the emulator answered, and every contract violation it detected.
 *
 * Usage:
 *   const log = new RequestLog(clock, 2000);
 *   log.add({ method, host, path, query, status, operation, durationMs });  // secrets are never passed in
 *   log.list({ operation: 'getOrder', limit: 20 });
 *   const violations = new ViolationLog(clock);
 *   violations.add({ operation, status, issues, body });  // a response that broke the official model
 */
import type { Clock } from '../../core/clock';
import type { ValidationIssue } from './schema-validator';

export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  host: string;
  path: string;
  query: string;
  operation?: string;
  status: number;
  durationMs: number;
  fault?: string;
  /** e.g. the seller id the call was made for; never tokens. */
  principal?: string;
  note?: string;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(
    private readonly clock: Clock,
    private readonly capacity = 2000,
  ) {}

  add(entry: Omit<RequestLogEntry, 'seq' | 'at'>): RequestLogEntry {
    const full = { ...entry, seq: ++this.seq, at: new Date(this.clock.now()).toISOString() };
    this.entries.push(full);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return full;
  }

  list(filter: { operation?: string; sinceSeq?: number; limit?: number } = {}): RequestLogEntry[] {
    let out = this.entries;
    if (filter.operation) out = out.filter((e) => e.operation === filter.operation);
    if (filter.sinceSeq !== undefined) out = out.filter((e) => e.seq > (filter.sinceSeq ?? 0));
    return filter.limit ? out.slice(-filter.limit) : [...out];
  }

  clear(): void {
    this.entries = [];
  }
}

export interface Violation {
  seq: number;
  at: string;
  operation: string;
  status: number;
  issues: ValidationIssue[];
  body: unknown;
}

export class ViolationLog {
  private items: Violation[] = [];
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  add(v: Omit<Violation, 'seq' | 'at'>): Violation {
    const full = { ...v, seq: ++this.seq, at: new Date(this.clock.now()).toISOString() };
    this.items.push(full);
    if (this.items.length > 500) this.items.shift();
    return full;
  }

  list(): Violation[] {
    return [...this.items];
  }

  clear(): void {
    this.items = [];
  }
}
