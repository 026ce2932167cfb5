/**
 * Fault injection per operation, at a configured rate or for the next N calls.
 *
 * Usage:
 *   const faults = new FaultInjector({ seed: 42 });
 *   faults.add({ operation: 'getOrder', kind: 'server-error', status: 503, nextN: 2 });
 *   faults.add({ operation: '*', kind: 'slow', delayMs: 300, rate: 0.1 });
 *   const fault = faults.decide('getOrder');            // FaultRule | undefined (consumes one nextN)
 *   if (fault && (await applyTransportFault(fault, res, { onSlow: delay }))) return; // reset/timeout handled
 *   // otherwise the emulator writes its own error (server-error/throttle) or corrupts the body (malformed)
 *
 * Kinds: server-error (5xx, default 500), throttle (429), timeout (never answers; socket closed after holdMs),
 * reset (TCP connection destroyed), slow (answers normally after delayMs real ms), malformed (truncated body).
 */
import type http from 'node:http';

export const FAULT_KINDS = ['server-error', 'throttle', 'timeout', 'reset', 'slow', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRuleInput {
  /** operationId, or '*' for every operation. */
  operation: string;
  kind: FaultKind;
  /** Probability 0..1 per call (ignored when nextN is set). */
  rate?: number;
  /** Fire on the next N matching calls, then expire. */
  nextN?: number;
  /** HTTP status for server-error (default 500). */
  status?: number;
  /** Real ms for slow (default 2000) / how long a timeout holds the socket (default 60000). */
  delayMs?: number;
}

export interface FaultRule extends FaultRuleInput {
  id: string;
  fired: number;
}

/** Small deterministic PRNG so fault rates are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function checkFaultRule(input: unknown): FaultRuleInput {
  const r = input as Partial<FaultRuleInput> | null;
  if (!r || typeof r !== 'object') throw new Error('fault rule must be an object');
  if (typeof r.operation !== 'string' || r.operation === '') throw new Error('fault.operation is required');
  if (!FAULT_KINDS.includes(r.kind as FaultKind))
    throw new Error(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (r.rate !== undefined && !(typeof r.rate === 'number' && r.rate >= 0 && r.rate <= 1))
    throw new Error('fault.rate must be a number between 0 and 1');
  if (r.nextN !== undefined && !(Number.isInteger(r.nextN) && r.nextN > 0))
    throw new Error('fault.nextN must be a positive integer');
  if (r.rate === undefined && r.nextN === undefined) throw new Error('fault needs rate or nextN');
  if (r.status !== undefined && !(Number.isInteger(r.status) && r.status >= 400 && r.status <= 599))
    throw new Error('fault.status must be an HTTP error status');
  return r as FaultRuleInput;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private counter = 0;
  private readonly random: () => number;

  constructor(opts: { seed?: number; random?: () => number; rules?: FaultRuleInput[] } = {}) {
    this.random = opts.random ?? mulberry32(opts.seed ?? 1);
    for (const r of opts.rules ?? []) this.add(r);
  }

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...checkFaultRule(input), id: `fault-${++this.counter}`, fired: 0 };
    this.rules.push(rule);
    return rule;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The fault to apply to this call of `operation`, if any. nextN rules take precedence over rates. */
  decide(operation: string): FaultRule | undefined {
    const applies = (r: FaultRule) => r.operation === operation || r.operation === '*';
    const counted = this.rules.find((r) => applies(r) && r.nextN !== undefined && r.fired < r.nextN);
    if (counted) {
      counted.fired++;
      if (counted.fired >= (counted.nextN ?? 0)) this.remove(counted.id);
      return { ...counted };
    }
    for (const r of this.rules) {
      if (applies(r) && r.nextN === undefined && this.random() < (r.rate ?? 0)) {
        r.fired++;
        return { ...r };
      }
    }
    return undefined;
  }
}

/**
 * Performs transport-level faults. Returns true when the response is finished (reset/timeout),
 * false when the caller should continue (slow: after the delay; others: caller writes the error/body).
 */
export async function applyTransportFault(
  fault: FaultRule,
  res: http.ServerResponse,
  deps: { onSlow?: (ms: number) => Promise<void> } = {},
): Promise<boolean> {
  if (fault.kind === 'reset') {
    res.socket?.resetAndDestroy?.() ?? res.socket?.destroy();
    return true;
  }
  if (fault.kind === 'timeout') {
    const timer = setTimeout(() => res.socket?.destroy(), fault.delayMs ?? 60_000);
    timer.unref?.();
    res.on('close', () => clearTimeout(timer));
    return true;
  }
  if (fault.kind === 'slow') {
    const ms = fault.delayMs ?? 2000;
    await (deps.onSlow ? deps.onSlow(ms) : new Promise<void>((r) => setTimeout(r, ms)));
  }
  return false;
}

/** A body that is not valid JSON: the first half of the real one plus garbage. */
export const malformBody = (text: string): string => `${text.slice(0, Math.floor(text.length / 2))}\u0000<<garbled`;
