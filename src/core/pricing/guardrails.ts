import { z } from 'zod';
import { currencyDigits, formatScaled, parseScaled } from '../money';
import { HUNDRED_PERCENT, PERCENT_SCALE } from './frame';
import { percentString } from './schemas';

/**
 * Rate-of-change guardrails (peers reference A6 #4): a maximum step per change and per day, a cooldown per SKU and
 * a kill switch per store. Pure: the caller passes the last sent price, today's changes and `now`, and logs the
 * reason of anything held back. Guardrails only slow a price down: they never keep it below the hard minimum
 * (floor, MAP) the engine computed, because those are obligations, not preferences.
 */
export const guardrailSettingsSchema = z
  .object({
    killSwitch: z.boolean().default(false),
    /** Largest move per change, % of the last sent price; null = no limit. */
    maxStepPercent: percentString('maximum step').nullable().default(null),
    /** Largest move within a day, % of the day's opening price; null = no limit. */
    maxDailyPercent: percentString('maximum daily change', '1000').nullable().default(null),
    cooldownMinutes: z.number().int().min(0).max(10_080).default(0),
  })
  .strict();

export type GuardrailSettings = z.infer<typeof guardrailSettingsSchema>;

export interface SentPriceChange {
  /** Epoch ms when the change was sent. */
  at: number;
  from: string;
  to: string;
}

export interface GuardrailInput {
  currency: string;
  /** The engine's price. */
  proposed: string;
  /** The engine's hard minimum (PriceResult.hardMinimumMinor, formatted), or null. */
  hardMinimum?: string | null;
  /** The last price sent to Amazon; null for a first publication. */
  lastSent: string | null;
  /** Today's sent changes, oldest first. */
  todaysChanges: readonly SentPriceChange[];
  now: number;
  settings: GuardrailSettings;
}

export type GuardrailReason = 'kill_switch' | 'cooldown' | 'max_step' | 'max_daily';

export type GuardrailDecision =
  | { decision: 'unchanged'; price: string }
  | { decision: 'send'; price: string; limitedBy: GuardrailReason[]; forcedByMinimum: boolean }
  | { decision: 'hold'; reason: GuardrailReason; price: string; message: string };

/** Moves `from` toward `to` by at most `percent` of `base`; the allowance is rounded down so the limit holds. */
const limitMove = (from: number, to: number, base: number, percent: number): number => {
  const allowed = Number((BigInt(base) * BigInt(percent)) / BigInt(HUNDRED_PERCENT));
  if (to > from + allowed) return from + allowed;
  if (to < from - allowed) return from - allowed;
  return to;
};

export const applyGuardrails = (input: GuardrailInput): GuardrailDecision => {
  const digits = currencyDigits(input.currency);
  const format = (minor: number) => formatScaled(minor, digits);
  const parse = (text: string, what: string) => {
    const minor = parseScaled(text, digits);
    if (Number.isNaN(minor)) throw new Error(`${what} "${text}" is not a decimal amount`);
    return minor;
  };
  const proposed = parse(input.proposed, 'proposed price');
  const minimum = input.hardMinimum ? parse(input.hardMinimum, 'hard minimum') : 0;
  const { settings } = input;
  if (settings.killSwitch)
    return { decision: 'hold', reason: 'kill_switch', price: input.proposed, message: 'repricing is switched off' };
  if (input.lastSent === null)
    return { decision: 'send', price: format(proposed), limitedBy: [], forcedByMinimum: false };
  const last = parse(input.lastSent, 'last sent price');
  if (proposed === last) return { decision: 'unchanged', price: format(last) };
  // Below the hard minimum the price must rise at least to it, whatever the limits say.
  const mustRise = last < minimum;

  const changes = input.todaysChanges.filter((c) => c.at <= input.now);
  const lastAt = changes.length > 0 ? Math.max(...changes.map((c) => c.at)) : Number.NEGATIVE_INFINITY;
  const cooldownMs = settings.cooldownMinutes * 60_000;
  if (!mustRise && cooldownMs > 0 && input.now - lastAt < cooldownMs) {
    const minutes = Math.ceil((cooldownMs - (input.now - lastAt)) / 60_000);
    return {
      decision: 'hold',
      reason: 'cooldown',
      price: format(proposed),
      message: `last change ${Math.floor((input.now - lastAt) / 60_000)} min ago; next allowed in ${minutes} min`,
    };
  }

  let price = proposed;
  const limitedBy: GuardrailReason[] = [];
  if (settings.maxStepPercent !== null) {
    const next = limitMove(last, price, last, parseScaled(settings.maxStepPercent, PERCENT_SCALE));
    if (next !== price) limitedBy.push('max_step');
    price = next;
  }
  if (settings.maxDailyPercent !== null) {
    const opening = changes.length > 0 ? parse(changes[0].from, 'opening price') : last;
    const percent = parseScaled(settings.maxDailyPercent, PERCENT_SCALE);
    // The band limits movement only: a last price already outside it may stay where it is or move back inside.
    const band = limitMove(opening, price, opening, percent);
    const next =
      price > band
        ? Math.max(band, Math.min(price, last))
        : price < band
          ? Math.min(band, Math.max(price, last))
          : price;
    if (next !== price) limitedBy.push('max_daily');
    price = next;
  }
  let forcedByMinimum = false;
  if (price < minimum) {
    price = minimum;
    forcedByMinimum = true;
  }
  if (price === last && limitedBy.length > 0)
    return {
      decision: 'hold',
      reason: limitedBy[limitedBy.length - 1],
      price: format(proposed),
      message: `${limitedBy.join(', ')} allows no further move from ${format(last)} today`,
    };
  if (price === last) return { decision: 'unchanged', price: format(last) };
  return { decision: 'send', price: format(price), limitedBy, forcedByMinimum };
};
