/**
 * Amazon delivery address → Commerce address, and the placeholders used where Amazon sends nothing (FBA orders
 * omit name, address lines, phone and often e-mail; SPEC 6.5). Every placeholder is deterministic so re-imports
 * and the totals check give the same result, and it is recognisable to a merchant reading the order.
 */
import { marketplaceById } from '../marketplaces';
import type { AmazonAddress, AmazonOrder } from './amazon-order';
import { type DirectoryRegion, matchDirectoryRegion, regionCode, regionName, US_TERRITORY_COUNTRIES } from './regions';

/** Commerce address as the cart shipping-information and direct-order endpoints accept it. */
export interface CommerceAddress {
  firstname: string;
  lastname: string;
  company?: string;
  street: string[];
  city: string;
  region?: string;
  region_code?: string;
  /** Commerce's directory id of the region; set by withDirectoryRegion once the country's directory is known. */
  region_id?: number;
  postcode: string;
  country_id: string;
  telephone: string;
  email: string;
}

export const PLACEHOLDER = {
  firstname: 'Amazon',
  lastname: 'Customer',
  street: 'Address withheld by Amazon',
  city: 'Unknown',
  postcode: '00000',
  telephone: '0000000000',
  /** RFC 2606 reserved domain: passes Commerce's e-mail validation and can never reach a person. */
  emailDomain: 'example.com',
} as const;

/** Deterministic stand-in e-mail for orders without a buyer e-mail (FBA). */
export const placeholderEmail = (amazonOrderId: string): string =>
  `amazon+${amazonOrderId.replace(/[^A-Za-z0-9-]/g, '')}@${PLACEHOLDER.emailDomain}`;

/** Keeps letters, marks, digits, spaces and the punctuation Commerce's name validator allows (v4.4.1 fix). */
export const cleanName = (s: string): string =>
  s
    .replace(/[^\p{L}\p{M}\p{N}\s'’.,&-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "Mary Ann Smith" → Mary Ann / Smith; one word → that word / placeholder last name. */
export function splitName(full: string | undefined): { firstname: string; lastname: string } {
  const words = cleanName(full ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return { firstname: PLACEHOLDER.firstname, lastname: PLACEHOLDER.lastname };
  if (words.length === 1) return { firstname: words[0], lastname: PLACEHOLDER.lastname };
  return { firstname: words.slice(0, -1).join(' '), lastname: words[words.length - 1] };
}

/** Country code as Commerce knows it: upper case, UK → GB, US territories as their own country. */
export function normaliseCountry(code: string | undefined, state: string | undefined, fallback: string): string {
  let c = (code ?? '').trim().toUpperCase();
  if (c === 'UK') c = 'GB';
  if (!/^[A-Z]{2}$/.test(c)) c = fallback;
  const st = (state ?? '').trim().toUpperCase();
  if (c === 'US' && US_TERRITORY_COUNTRIES.has(st)) return st;
  return c;
}

/** Postcode in the country's usual form (US 5 digits, CA "A1A 1A1", GB "SW1A 1AA", JP "123-4567"). */
export function normalisePostcode(country: string, postcode: string | undefined): string {
  const p = (postcode ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
  if (!p) return PLACEHOLDER.postcode;
  const compact = p.replace(/[\s-]/g, '');
  if (['US', 'PR', 'VI', 'GU', 'AS', 'MP'].includes(country) && /^\d{5}(\d{4})?$/.test(compact))
    return compact.slice(0, 5);
  if (country === 'CA' && /^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(compact)) return `${compact.slice(0, 3)} ${compact.slice(3)}`;
  if (country === 'GB' && /^[A-Z0-9]{5,7}$/.test(compact)) return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  if (country === 'JP' && /^\d{7}$/.test(compact)) return `${compact.slice(0, 3)}-${compact.slice(3)}`;
  return p;
}

/** Keeps "+" and digits of a phone number; placeholder when nothing usable is left. */
export function normalisePhone(phone: string | undefined): string {
  const trimmed = (phone ?? '').trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3) return PLACEHOLDER.telephone;
  return (trimmed.startsWith('+') ? '+' : '') + digits;
}

/** Trims, drops empty lines, folds lines beyond Commerce's configured street-line count into the last one. */
export function normaliseStreet(lines: string[], maxLines = 2): string[] {
  const clean = lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (clean.length === 0) return [PLACEHOLDER.street];
  if (clean.length <= maxLines) return clean;
  return [...clean.slice(0, maxLines - 1), clean.slice(maxLines - 1).join(', ')];
}

/** "Escondido, californiA 92025-1501" typed into the city field → city, region and postcode parts. */
function splitFreeTextCity(city: string): { city: string; region?: string; postcode?: string } {
  const m = /^(.+?),\s*([\p{L} .]+?)\s+(\d{5}(?:-\d{4})?)$/u.exec(city.trim());
  return m ? { city: m[1].trim(), region: m[2].trim(), postcode: m[3] } : { city: city.trim() };
}

export interface AddressOptions {
  /** Commerce's "Number of Lines in a Street Address" (customer/address/street_lines), 1–4, default 2. */
  streetLines?: number;
}

/** Maps an Amazon address (or none, for FBA) to a Commerce address with placeholders where needed. */
export function toCommerceAddress(order: AmazonOrder, options: AddressOptions = {}): CommerceAddress {
  const a: AmazonAddress = order.deliveryAddress ?? { lines: [] };
  const fallbackCountry = marketplaceById(order.marketplaceId ?? '')?.country ?? 'US';
  const free = splitFreeTextCity(a.city ?? '');
  const stateText = a.stateOrRegion ?? free.region;
  const country = normaliseCountry(a.countryCode, stateText, fallbackCountry);
  const code = regionCode(country, stateText);
  const name = splitName(a.name ?? order.buyer.name);
  return {
    firstname: name.firstname,
    lastname: name.lastname,
    ...(a.companyName ? { company: a.companyName } : {}),
    street: normaliseStreet(a.lines, options.streetLines ?? 2),
    city: free.city || PLACEHOLDER.city,
    ...(code
      ? { region_code: code, region: regionName(country, code) ?? code }
      : stateText && !US_TERRITORY_COUNTRIES.has(stateText.toUpperCase())
        ? { region: stateText }
        : {}),
    postcode: normalisePostcode(country, a.postalCode ?? free.postcode),
    country_id: country,
    telephone: normalisePhone(a.phone),
    email: order.buyer.email ?? placeholderEmail(order.orderId),
  };
}

/** The buyer's e-mail, or the deterministic placeholder; also the customer match key (decision #11). */
export const buyerEmail = (order: AmazonOrder): string => order.buyer.email ?? placeholderEmail(order.orderId);

/**
 * The address with Commerce's region (id, code and name from the country's directory) when the region text matches
 * one; unchanged otherwise. The quote address of a country whose state is required is refused without it.
 */
export function withDirectoryRegion(
  address: CommerceAddress,
  regions: readonly DirectoryRegion[] | undefined,
): CommerceAddress {
  if (!regions?.length) return address;
  const hit = matchDirectoryRegion(address.country_id, regions, address.region_code, address.region);
  return hit ? { ...address, region_id: hit.id, region_code: hit.code, region: hit.name } : address;
}
