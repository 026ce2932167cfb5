/**
 * The 23 SP-API marketplaces: id, country, currency, region.
 * Static data on purpose: Amazon publishes it as a table, and getMarketplaceParticipations
 * also returns non-Amazon ids that must be filtered against this list.
 */
export type SpApiRegion = 'na' | 'eu' | 'fe';

export interface Marketplace {
  id: string;
  /** ISO 3166-1 alpha-2 (GB, not UK). */
  country: string;
  countryName: string;
  currency: string;
  region: SpApiRegion;
  domain: string;
  /** Seller Central host for the marketplace's region. */
  sellerCentral: string;
}

const m = (
  country: string,
  countryName: string,
  id: string,
  currency: string,
  region: SpApiRegion,
  domain: string,
  sellerCentral: string,
): Marketplace => ({ id, country, countryName, currency, region, domain, sellerCentral });

export const MARKETPLACES: readonly Marketplace[] = [
  m('CA', 'Canada', 'A2EUQ1WTGCTBG2', 'CAD', 'na', 'amazon.ca', 'sellercentral.amazon.ca'),
  m('US', 'United States', 'ATVPDKIKX0DER', 'USD', 'na', 'amazon.com', 'sellercentral.amazon.com'),
  m('MX', 'Mexico', 'A1AM78C64UM0Y8', 'MXN', 'na', 'amazon.com.mx', 'sellercentral.amazon.com.mx'),
  m('BR', 'Brazil', 'A2Q3Y263D00KWC', 'BRL', 'na', 'amazon.com.br', 'sellercentral.amazon.com.br'),
  m('IE', 'Ireland', 'A28R8C7NBKEWEA', 'EUR', 'eu', 'amazon.ie', 'sellercentral.amazon.ie'),
  m('ES', 'Spain', 'A1RKKUPIHCS9HS', 'EUR', 'eu', 'amazon.es', 'sellercentral-europe.amazon.com'),
  m('GB', 'United Kingdom', 'A1F83G8C2ARO7P', 'GBP', 'eu', 'amazon.co.uk', 'sellercentral-europe.amazon.com'),
  m('FR', 'France', 'A13V1IB3VIYZZH', 'EUR', 'eu', 'amazon.fr', 'sellercentral-europe.amazon.com'),
  m('BE', 'Belgium', 'AMEN7PMS3EDWL', 'EUR', 'eu', 'amazon.com.be', 'sellercentral.amazon.com.be'),
  m('NL', 'Netherlands', 'A1805IZSGTT6HS', 'EUR', 'eu', 'amazon.nl', 'sellercentral.amazon.nl'),
  m('DE', 'Germany', 'A1PA6795UKMFR9', 'EUR', 'eu', 'amazon.de', 'sellercentral-europe.amazon.com'),
  m('IT', 'Italy', 'APJ6JRA9NG5V4', 'EUR', 'eu', 'amazon.it', 'sellercentral-europe.amazon.com'),
  m('SE', 'Sweden', 'A2NODRKZP88ZB9', 'SEK', 'eu', 'amazon.se', 'sellercentral.amazon.se'),
  m('ZA', 'South Africa', 'AE08WJ6YKNBMC', 'ZAR', 'eu', 'amazon.co.za', 'sellercentral.amazon.co.za'),
  m('PL', 'Poland', 'A1C3SOZRARQ6R3', 'PLN', 'eu', 'amazon.pl', 'sellercentral.amazon.pl'),
  m('EG', 'Egypt', 'ARBP9OOSHTCHU', 'EGP', 'eu', 'amazon.eg', 'sellercentral.amazon.eg'),
  m('TR', 'Turkey', 'A33AVAJ2PDY3EV', 'TRY', 'eu', 'amazon.com.tr', 'sellercentral.amazon.com.tr'),
  m('SA', 'Saudi Arabia', 'A17E79C6D8DWNP', 'SAR', 'eu', 'amazon.sa', 'sellercentral.amazon.sa'),
  m('AE', 'United Arab Emirates', 'A2VIGQ35RCS4UG', 'AED', 'eu', 'amazon.ae', 'sellercentral.amazon.ae'),
  m('IN', 'India', 'A21TJRUUN4KGV', 'INR', 'eu', 'amazon.in', 'sellercentral.amazon.in'),
  m('SG', 'Singapore', 'A19VAU5U5O7RUS', 'SGD', 'fe', 'amazon.sg', 'sellercentral.amazon.sg'),
  m('AU', 'Australia', 'A39IBJ37TRP1C6', 'AUD', 'fe', 'amazon.com.au', 'sellercentral.amazon.com.au'),
  m('JP', 'Japan', 'A1VC38T7YXB528', 'JPY', 'fe', 'amazon.co.jp', 'sellercentral.amazon.co.jp'),
];

const byId = new Map(MARKETPLACES.map((mp) => [mp.id, mp]));
const byCountry = new Map(MARKETPLACES.map((mp) => [mp.country, mp]));

export const marketplaceById = (id: string): Marketplace | undefined => byId.get(id);

/** Accepts `UK` as Amazon's docs write it. */
export const marketplaceByCountry = (country: string): Marketplace | undefined =>
  byCountry.get(country.toUpperCase() === 'UK' ? 'GB' : country.toUpperCase());

export const isKnownMarketplace = (id: string): boolean => byId.has(id);

export const SP_API_HOSTS: Record<SpApiRegion, string> = {
  na: 'sellingpartnerapi-na.amazon.com',
  eu: 'sellingpartnerapi-eu.amazon.com',
  fe: 'sellingpartnerapi-fe.amazon.com',
};

export const LWA_HOST = 'api.amazon.com';
