/**
 * Exact money for orders: decimal strings in, decimal strings out, big.js in between (never floats).
 * Amazon sends amounts as decimal strings; Commerce stores 4 decimals but rounds unit prices to the currency's
 * minor unit before multiplying by the quantity (Quote AbstractItem::calcRowTotal), so the minor unit matters.
 */
import Big from 'big.js';
import { z } from 'zod';

export type Decimal = string;

export const decimalString = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number such as "19.99"');

/** Currencies whose minor unit is not the cent (ISO 4217); everything else uses 2 decimals. */
const MINOR_UNIT_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0, HUF: 2, KWD: 3, BHD: 3, JOD: 3, OMR: 3 };

export const minorDigits = (currency: string | undefined): number => MINOR_UNIT_DIGITS[currency ?? ''] ?? 2;

export const big = (v: Big.BigSource | undefined): Big => new Big(v ?? 0);

/** Canonical decimal text with the currency's minor digits, e.g. fmt('4.5', 'USD') → "4.50", fmt('1200', 'JPY') → "1200". */
export const fmt = (v: Big.BigSource, currency?: string): Decimal => big(v).toFixed(minorDigits(currency));

export const sum = (values: Big.BigSource[]): Big => values.reduce<Big>((a, v) => a.plus(v), new Big(0));

/** Rounds down to the currency's minor unit (toward zero for positives). */
export const floorMinor = (v: Big.BigSource, currency?: string): Big =>
  big(v).round(minorDigits(currency), Big.roundDown);

/** True when the value has no digits below the currency's minor unit. */
export const isWholeMinor = (v: Big.BigSource, currency?: string): boolean =>
  big(v).eq(big(v).round(minorDigits(currency), Big.roundDown));

export const eqMoney = (a: Big.BigSource, b: Big.BigSource): boolean => big(a).eq(big(b));
