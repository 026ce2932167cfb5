import type { ConnectionCheckResult } from '../../web-src/src/api/schemas';
import { authorizationText, connectionSummary, flagEmoji, formatDateTime } from '../../web-src/src/format';

const check = (overrides: Partial<ConnectionCheckResult> = {}): ConnectionCheckResult => ({
  storeId: 's1',
  ok: true,
  checkedAt: '2026-01-01T00:00:00.000Z',
  message: 'ok',
  marketplace: {
    id: 'ATVPDKIKX0DER',
    name: 'Amazon.com',
    countryCode: 'US',
    participating: true,
    hasSuspendedListings: false,
  },
  ...overrides,
});

describe('flagEmoji', () => {
  test('turns ISO country codes into flags, treating Amazon’s UK as GB', () => {
    expect(flagEmoji('US')).toBe('🇺🇸');
    expect(flagEmoji('ca')).toBe('🇨🇦');
    expect(flagEmoji('UK')).toBe(flagEmoji('GB'));
    expect(flagEmoji('GB')).toBe('🇬🇧');
  });

  test('shows a globe for anything that is not a two-letter code', () => {
    expect(flagEmoji('')).toBe('🌐');
    expect(flagEmoji('USA')).toBe('🌐');
  });
});

describe('connectionSummary', () => {
  test('an active marketplace reads as connected and active', () => {
    expect(connectionSummary(check())).toEqual({ tone: 'positive', title: 'Connected — marketplace active' });
  });

  test('a marketplace the seller does not participate in reads as paused (vacation)', () => {
    const result = check({
      marketplace: {
        id: 'A2EUQ1WTGCTBG2',
        name: 'Amazon.ca',
        countryCode: 'CA',
        participating: false,
        hasSuspendedListings: false,
      },
    });
    expect(connectionSummary(result)).toEqual({
      tone: 'notice',
      title: 'Connected — selling paused on Amazon.ca (vacation mode)',
    });
  });

  test('suspended listings are called out', () => {
    const result = check({
      marketplace: {
        id: 'ATVPDKIKX0DER',
        name: 'Amazon.com',
        countryCode: 'US',
        participating: true,
        hasSuspendedListings: true,
      },
    });
    expect(connectionSummary(result).title).toMatch(/some listings are suspended/);
    expect(connectionSummary(result).tone).toBe('notice');
  });

  test('a failed check is negative and a missing marketplace is a notice', () => {
    expect(connectionSummary(check({ ok: false, marketplace: null })).tone).toBe('negative');
    expect(connectionSummary(check({ marketplace: null })).title).toMatch(/marketplace not found/);
  });
});

describe('authorizationText', () => {
  test('each state has its own wording and tone', () => {
    expect(authorizationText('missing')).toEqual({ label: 'Not authorized with Amazon yet', tone: 'notice' });
    expect(authorizationText('expired').tone).toBe('negative');
    expect(authorizationText('renewal_due', '2026-03-01T00:00:00Z').label).toMatch(/^Re-authorize before /);
    expect(authorizationText('valid', '2026-03-01T00:00:00Z').label).toMatch(/^Authorized until /);
  });
});

test('formatDateTime keeps non-dates as they are and marks missing ones', () => {
  expect(formatDateTime(undefined)).toBe('—');
  expect(formatDateTime('not a date')).toBe('not a date');
  expect(formatDateTime('2026-01-02T10:00:00Z', 'en-US')).toMatch(/Jan 2, 2026/);
});
