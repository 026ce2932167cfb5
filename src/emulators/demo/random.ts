import Big from 'big.js';
import { mulberry32 } from '../shared';

/** Seeded randomness for the demo scenario: same seed → same scenario, byte for byte. */
export class DemoRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }

  alnum(count: number): string {
    const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    let out = '';
    for (let i = 0; i < count; i++) out += chars[this.int(0, chars.length - 1)];
    return out;
  }

  /** A price between min and max ending in .99 or .49 or .00, as a decimal string. */
  price(min: number, max: number): string {
    const whole = this.int(min, max);
    return new Big(whole).plus(this.pick(['0.99', '0.49', '0'])).toFixed(2);
  }
}

/** GS1 check digit for GTIN-8/12/13/14 bodies (the digits without the check digit). */
export const gtinCheckDigit = (body: string): string => {
  let sum = 0;
  const digits = body.split('').reverse();
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
};

export const withCheckDigit = (body: string): string => body + gtinCheckDigit(body);

/** Money helper: multiply a decimal string and round to cents. */
export const scale = (price: string, factor: number | string): string =>
  new Big(price).times(factor).round(2).toFixed(2);
