import fc from 'fast-check';
import {
  Big,
  currencyDigits,
  formatScaled,
  fromMinorUnits,
  isMinorUnitAmount,
  mulDivHalfUp,
  parseDecimal,
  parseScaled,
  percentChange,
  roundToMinorUnit,
  toMinorUnits,
} from '../../src/core/money';

describe('money', () => {
  it('knows minor units: JPY 0, USD/EUR 2, KWD 3; rejects non-codes', () => {
    expect([currencyDigits('JPY'), currencyDigits('usd'), currencyDigits('EUR'), currencyDigits('KWD')]).toEqual([
      0, 2, 2, 3,
    ]);
    expect(() => currencyDigits('dollars')).toThrow('ISO 4217');
  });

  it('parses decimal strings to minor units, half-up, and rejects junk', () => {
    expect(toMinorUnits('19.99', 'USD')).toBe(1999);
    expect(toMinorUnits('19.995', 'USD')).toBe(2000);
    expect(toMinorUnits('19.994', 'USD')).toBe(1999);
    expect(toMinorUnits('1999.5', 'JPY')).toBe(2000);
    expect(toMinorUnits('7', 'USD')).toBe(700);
    expect(toMinorUnits('-0.005', 'USD')).toBe(-1);
    for (const bad of ['', '1.', '.5', '1.2.3', '1e3', 'abc', '12,50'])
      expect(() => toMinorUnits(bad, 'USD')).toThrow();
  });

  it('formats minor units with the currency digits', () => {
    expect(fromMinorUnits(1999, 'USD')).toBe('19.99');
    expect(fromMinorUnits(5, 'USD')).toBe('0.05');
    expect(fromMinorUnits(-5, 'USD')).toBe('-0.05');
    expect(fromMinorUnits(1999, 'JPY')).toBe('1999');
    expect(fromMinorUnits(1999, 'KWD')).toBe('1.999');
  });

  it('rounds any decimal half-up to the minor unit', () => {
    expect(roundToMinorUnit('40.941', 'USD')).toBe('40.94');
    expect(roundToMinorUnit('6.392', 'EUR')).toBe('6.39');
    expect(roundToMinorUnit('0.125', 'USD')).toBe('0.13');
    expect(roundToMinorUnit('1234.5', 'JPY')).toBe('1235');
    expect(isMinorUnitAmount('1.23', 'USD')).toBe(true);
    expect(isMinorUnitAmount('1.234', 'USD')).toBe(false);
    expect(isMinorUnitAmount('12', 'JPY')).toBe(true);
  });

  it('mulDivHalfUp equals big.js half-up, including beyond safe integers (BigInt path)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.constantFrom(1, 10, 100, 1_000_000, 1e10),
        (a, b, d) => {
          const expected = new Big(a).times(b).div(d).round(0, Big.roundHalfUp);
          if (expected.abs().gt(Number.MAX_SAFE_INTEGER)) expect(() => mulDivHalfUp(a, b, d)).toThrow('out of range');
          else expect(mulDivHalfUp(a, b, d)).toBe(expected.toNumber());
        },
      ),
    );
  });

  it('parseScaled round-trips with formatScaled and matches big.js', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (n, digits) => {
        const text = formatScaled(n, digits);
        expect(parseScaled(text, digits)).toBe(n);
        expect(parseScaled(text, 2)).toBe(new Big(text).times(100).round(0, Big.roundHalfUp).toNumber());
      }),
    );
  });

  it('parses exact decimals and percentage changes', () => {
    expect(parseDecimal('1.250')).toEqual({ value: 125, scale: 2 });
    expect(parseDecimal('3')).toEqual({ value: 3, scale: 0 });
    expect(() => parseDecimal('x')).toThrow('not a decimal');
    expect(percentChange(1000, 900)).toBe('-10.00');
    expect(percentChange(0, 900)).toBe('0.00');
  });
});
