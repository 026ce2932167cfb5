import type { AuthorizationState, StoreStatus } from '../../src/core/store';
import type { ConnectionCheckResult } from './api/schemas';

/** 'US' → 🇺🇸 (regional indicator letters). Amazon's 'UK' is ISO 'GB'. Unknown codes get a neutral globe. */
export const flagEmoji = (countryCode: string): string => {
  const code = countryCode.trim().toUpperCase() === 'UK' ? 'GB' : countryCode.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return '🌐';
  return String.fromCodePoint(...[...code].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65));
};

/** Dates in the merchant's locale and time zone; the raw value when it is not a date. */
export const formatDateTime = (iso: string | undefined, locale?: string): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
};

export type Tone = 'positive' | 'notice' | 'negative' | 'neutral';

export const STORE_STATUS: Record<StoreStatus, { label: string; tone: Tone }> = {
  active: { label: 'Active', tone: 'positive' },
  inactive: { label: 'Inactive', tone: 'neutral' },
  pending_authorization: { label: 'Waiting for Amazon authorization', tone: 'notice' },
};

export const authorizationText = (state: AuthorizationState, renewBy?: string): { label: string; tone: Tone } => {
  switch (state) {
    case 'valid':
      return { label: renewBy ? `Authorized until ${formatDateTime(renewBy)}` : 'Authorized', tone: 'positive' };
    case 'renewal_due':
      return { label: `Re-authorize before ${formatDateTime(renewBy)}`, tone: 'notice' };
    case 'expired':
      return { label: 'Authorization expired: re-authorize in Seller Central', tone: 'negative' };
    default:
      return { label: 'Not authorized with Amazon yet', tone: 'notice' };
  }
};

/** Headline and tone for a connection check; the server's message is shown as the detail. */
export const connectionSummary = (result: ConnectionCheckResult): { tone: Tone; title: string } => {
  if (!result.ok) return { tone: 'negative', title: 'Connection failed' };
  const marketplace = result.marketplace;
  if (!marketplace) return { tone: 'notice', title: 'Connected — marketplace not found on this seller account' };
  if (!marketplace.participating) {
    return { tone: 'notice', title: `Connected — selling paused on ${marketplace.name} (vacation mode)` };
  }
  if (marketplace.hasSuspendedListings) {
    return {
      tone: 'notice',
      title: `Connected — marketplace active, some listings are suspended on ${marketplace.name}`,
    };
  }
  return { tone: 'positive', title: 'Connected — marketplace active' };
};
