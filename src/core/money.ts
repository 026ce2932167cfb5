import Big from 'big.js';

/**
 * Exact money arithmetic. Prices travel as decimal strings ("19.99") and are computed as integers of a
 * currency's minor unit (cents, yen). Floats never hold a price: every product of two integers is checked
 * against Number.MAX_SAFE_INTEGER and falls back to BigInt, and big.js handles the boundaries (parsing rates,
 * statistics). Rounding is half-up (away from zero at .5), always to a currency's minor unit.
 */

/** ISO 4217 minor-unit digits where they differ from 2. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  JPY: 0,
  KRW: 0,
  CLP: 0,
  ISK: 0,
  VND: 0,
  PYG: 0,
  UGX: 0,
  XAF: 0,
  XOF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Digits after the decimal point of a currency's minor unit: JPY 0, USD 2, KWD 3. */
export const currencyDigits = (currency: string): number => {
  const code = currency.toUpperCase();
  if (!CURRENCY_CODE.test(code)) throw new Error(`currency must be an ISO 4217 code, got "${currency}"`);
  return MINOR_DIGITS[code] ?? 2;
};

export const POW10: readonly number[] = Array.from({ length: 19 }, (_, i) => 10 ** i);

/**
 * round(a × b ÷ divisor), half-up, exact for integer inputs. `divisor` must be a positive integer.
 * Uses doubles while the product is a safe integer (the hot path), BigInt otherwise.
 */
export const mulDivHalfUp = (a: number, b: number, divisor: number): number => {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    const negative = product < 0;
    const p = negative ? -product : product;
    let q = Math.floor(p / divisor);
    let r = p - q * divisor;
    // p / divisor is a float: correct the quotient so 0 <= r < divisor holds exactly.
    if (r < 0) {
      q -= 1;
      r += divisor;
    } else if (r >= divisor) {
      q += 1;
      r -= divisor;
    }
    if (r * 2 >= divisor) q += 1;
    return negative ? -q : q;
  }
  return bigMulDivHalfUp(BigInt(a), BigInt(b), BigInt(divisor));
};

const bigMulDivHalfUp = (a: bigint, b: bigint, divisor: bigint): number => {
  const product = a * b;
  const negative = product < 0n;
  const p = negative ? -product : product;
  let q = p / divisor;
  if ((p % divisor) * 2n >= divisor) q += 1n;
  const result = Number(negative ? -q : q);
  if (!Number.isSafeInteger(result)) throw new RangeError('amount out of range');
  return result;
};

/** round(a × 10^shift) for a possibly negative shift, half-up. */
export const shiftHalfUp = (a: number, shift: number): number => {
  if (shift >= 0) {
    const out = a * POW10[shift];
    if (!Number.isSafeInteger(out)) throw new RangeError('amount out of range');
    return out;
  }
  return mulDivHalfUp(a, 1, POW10[-shift]);
};

/**
 * Parses a decimal string ("19.99", "-0.5", "7") into an integer scaled by 10^scale, rounding half-up any
 * digits beyond `scale`. Returns NaN for anything that is not a plain decimal or does not fit a safe integer.
 * Hand-written because it runs for every competitor offer in the pricing hot path.
 */
export const parseScaled = (text: string, scale: number): number => {
  const length = text.length;
  if (length === 0 || length > 40) return Number.NaN;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
    if (length === 1) return Number.NaN;
  }
  let value = 0;
  let digits = 0;
  let fraction = -1; // digits seen after the point, -1 before the point
  let roundUp = false;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (fraction >= 0 || digits === 0) return Number.NaN;
      fraction = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return Number.NaN;
    digits++;
    if (fraction >= 0) {
      if (fraction === scale) {
        roundUp = d >= 5;
        fraction++;
        continue;
      }
      if (fraction > scale) continue;
      fraction++;
    }
    value = value * 10 + d;
  }
  if (digits === 0 || fraction === 0) return Number.NaN;
  const kept = fraction < 0 ? 0 : Math.min(fraction, scale);
  if (kept < scale) value *= POW10[scale - kept];
  if (roundUp) value += 1;
  if (!Number.isSafeInteger(value)) return Number.NaN;
  return negative ? -value : value;
};

/** Decimal string → integer minor units of `currency`, half-up. Throws on a malformed amount. */
export const toMinorUnits = (amount: string, currency: string): number => {
  const minor = parseScaled(amount.trim(), currencyDigits(currency));
  if (Number.isNaN(minor)) throw new Error(`"${amount}" is not a decimal amount`);
  return minor;
};

/** Integer scaled by 10^digits → decimal string with exactly `digits` decimals ("1999", 2 → "19.99"). */
export const formatScaled = (value: number, digits: number): string => {
  const negative = value < 0;
  const abs = negative ? -value : value;
  if (digits === 0) return (negative ? '-' : '') + String(abs);
  const unit = POW10[digits];
  const whole = Math.floor(abs / unit);
  const fraction = String(abs - whole * unit).padStart(digits, '0');
  return (negative ? '-' : '') + whole + '.' + fraction;
};

/** Integer minor units → decimal string of `currency` ("19.99", JPY "1999"). */
export const fromMinorUnits = (minor: number, currency: string): string =>
  formatScaled(minor, currencyDigits(currency));

/** Rounds any decimal (string or Big) half-up to the minor unit of `currency`, as a decimal string. */
export const roundToMinorUnit = (amount: string | Big, currency: string): string =>
  new Big(amount).round(currencyDigits(currency), Big.roundHalfUp).toFixed(currencyDigits(currency));

/** True when the string is a plain decimal with no more decimals than the currency allows. */
export const isMinorUnitAmount = (amount: string, currency: string): boolean => {
  const digits = currencyDigits(currency);
  const match = /^-?\d+(?:\.(\d+))?$/.exec(amount);
  return match !== null && (match[1]?.length ?? 0) <= digits;
};

/** A decimal string as an exact integer and its scale: "1.250" → { value: 125, scale: 2 } (trailing zeros dropped). */
export interface ScaledDecimal {
  value: number;
  scale: number;
}

export const parseDecimal = (text: string): ScaledDecimal => {
  let big: Big;
  try {
    big = new Big(text.trim());
  } catch {
    throw new Error(`"${text}" is not a decimal number`);
  }
  const fixed = big.toFixed();
  const point = fixed.indexOf('.');
  const scale = point < 0 ? 0 : fixed.length - point - 1;
  const value = Number(fixed.replace('.', ''));
  if (!Number.isSafeInteger(value) || scale > 18) throw new Error(`"${text}" has too many digits`);
  return { value, scale };
};

/** Exact decimal helpers for the boundaries (statistics, reports). */
export const addDecimals = (a: string, b: string): string => new Big(a).plus(b).toFixed();
export const subtractDecimals = (a: string, b: string): string => new Big(a).minus(b).toFixed();
export const compareDecimals = (a: string, b: string): number => new Big(a).cmp(b);

/**
 * (to − from) ÷ from × 100, half-up to `dp` decimals, as a string; "0" when from is zero.
 * Used for merchant-facing percentages (dry run, guardrail reasons).
 */
export const percentChange = (fromMinor: number, toMinor: number, dp = 2): string => {
  if (fromMinor === 0) return (0).toFixed(dp);
  return new Big(toMinor - fromMinor).times(100).div(fromMinor).round(dp, Big.roundHalfUp).toFixed(dp);
};

export { Big };
