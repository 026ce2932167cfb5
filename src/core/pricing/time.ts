import { MARKETPLACES } from '../marketplaces';

/**
 * Rule dates and special-price windows are whole days in the store's marketplace time zone (decision #7).
 * The engine gets "today" once per run so it never formats dates per offer.
 */
const TIME_ZONE_BY_COUNTRY: Readonly<Record<string, string>> = {
  US: 'America/Los_Angeles',
  CA: 'America/Los_Angeles',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
  IE: 'Europe/Dublin',
  GB: 'Europe/London',
  ES: 'Europe/Madrid',
  FR: 'Europe/Paris',
  BE: 'Europe/Brussels',
  NL: 'Europe/Amsterdam',
  DE: 'Europe/Berlin',
  IT: 'Europe/Rome',
  SE: 'Europe/Stockholm',
  PL: 'Europe/Warsaw',
  ZA: 'Africa/Johannesburg',
  EG: 'Africa/Cairo',
  TR: 'Europe/Istanbul',
  SA: 'Asia/Riyadh',
  AE: 'Asia/Dubai',
  IN: 'Asia/Kolkata',
  SG: 'Asia/Singapore',
  AU: 'Australia/Sydney',
  JP: 'Asia/Tokyo',
};

/** IANA time zone of a marketplace (Amazon's own reporting zone for it); UTC when unknown. */
export const marketplaceTimeZone = (marketplaceId: string): string => {
  const marketplace = MARKETPLACES.find((m) => m.id === marketplaceId);
  return (marketplace && TIME_ZONE_BY_COUNTRY[marketplace.country]) ?? 'UTC';
};

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export const localDay = (epochMs: number, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
};

/** Inclusive whole-day window check on YYYY-MM-DD strings (a Commerce datetime is cut to its day). */
export const inDayWindow = (today: string, from?: string | null, to?: string | null): boolean =>
  (!from || today >= from.slice(0, 10)) && (!to || today <= to.slice(0, 10));
