/**
 * Commerce's directory (GET /V1/directory/countries, /V1/directory/countries/{countryId}) for the countries the
 * demo marketplaces ship to, with Commerce's own region ids and codes (Magento_Directory data), and the quote
 * address check Commerce runs on shipping information: for a country whose state is required, the region must
 * be one of the country's (region_id, else region_code resolved like Commerce's loadByCode).
 */
import { badRequest, type HandlerTable, notFound } from './context';

export interface DirectoryRegion {
  id: number;
  code: string;
  name: string;
}

interface DirectoryCountry {
  id: string;
  iso3: string;
  name: string;
  /** Commerce's general/region/state_required for this country (default config). */
  stateRequired: boolean;
  regions: DirectoryRegion[];
}

const regions = (first: number, rows: Array<[string, string]>): DirectoryRegion[] =>
  rows.map(([code, name], i) => ({ id: first + i, code, name }));

const US_REGIONS = regions(1, [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AS', 'American Samoa'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['AF', 'Armed Forces Africa'],
  ['AA', 'Armed Forces Americas'],
  ['AC', 'Armed Forces Canada'],
  ['AE', 'Armed Forces Europe'],
  ['AM', 'Armed Forces Middle East'],
  ['AP', 'Armed Forces Pacific'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FM', 'Federated States Of Micronesia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['GU', 'Guam'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MH', 'Marshall Islands'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['MP', 'Northern Mariana Islands'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PW', 'Palau'],
  ['PA', 'Pennsylvania'],
  ['PR', 'Puerto Rico'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VI', 'Virgin Islands'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
]);

const CA_REGIONS = regions(66, [
  ['AB', 'Alberta'],
  ['BC', 'British Columbia'],
  ['MB', 'Manitoba'],
  ['NL', 'Newfoundland and Labrador'],
  ['NB', 'New Brunswick'],
  ['NS', 'Nova Scotia'],
  ['NT', 'Northwest Territories'],
  ['NU', 'Nunavut'],
  ['ON', 'Ontario'],
  ['PE', 'Prince Edward Island'],
  ['QC', 'Quebec'],
  ['SK', 'Saskatchewan'],
  ['YT', 'Yukon Territory'],
]);

const DE_REGIONS = regions(79, [
  ['NDS', 'Niedersachsen'],
  ['BAW', 'Baden-Württemberg'],
  ['BAY', 'Bayern'],
  ['BER', 'Berlin'],
  ['BRG', 'Brandenburg'],
  ['BRE', 'Bremen'],
  ['HAM', 'Hamburg'],
  ['HES', 'Hessen'],
  ['MEC', 'Mecklenburg-Vorpommern'],
  ['NRW', 'Nordrhein-Westfalen'],
  ['RHE', 'Rheinland-Pfalz'],
  ['SAR', 'Saarland'],
  ['SAS', 'Sachsen'],
  ['SAC', 'Sachsen-Anhalt'],
  ['SCN', 'Schleswig-Holstein'],
  ['THE', 'Thüringen'],
]);

export const DIRECTORY: DirectoryCountry[] = [
  { id: 'US', iso3: 'USA', name: 'United States', stateRequired: true, regions: US_REGIONS },
  { id: 'CA', iso3: 'CAN', name: 'Canada', stateRequired: true, regions: CA_REGIONS },
  { id: 'DE', iso3: 'DEU', name: 'Germany', stateRequired: false, regions: DE_REGIONS },
  { id: 'GB', iso3: 'GBR', name: 'United Kingdom', stateRequired: false, regions: [] },
  { id: 'FR', iso3: 'FRA', name: 'France', stateRequired: false, regions: [] },
  { id: 'MX', iso3: 'MEX', name: 'Mexico', stateRequired: false, regions: [] },
  { id: 'PR', iso3: 'PRI', name: 'Puerto Rico', stateRequired: false, regions: [] },
];

const byId = new Map(DIRECTORY.map((c) => [c.id, c]));

const toRest = (c: DirectoryCountry) => ({
  id: c.id,
  two_letter_abbreviation: c.id,
  three_letter_abbreviation: c.iso3,
  full_name_locale: c.name,
  full_name_english: c.name,
  ...(c.regions.length
    ? { available_regions: c.regions.map((r) => ({ id: String(r.id), code: r.code, name: r.name })) }
    : {}),
});

export const directoryHandlers: HandlerTable = {
  GetV1DirectoryCountries: () => DIRECTORY.map(toRest),
  GetV1DirectoryCountriesCountryId: (ctx) => {
    const country = byId.get(String(ctx.params.countryId).toUpperCase());
    if (!country) throw notFound("The country isn't available.");
    return toRest(country);
  },
};

/**
 * Commerce's quote address region check, applied to a shipping or billing address in place: a known region_id
 * of the country wins; otherwise region_code is resolved (Commerce's loadByCode); a country whose state is
 * required refuses an address without a resolvable region. The stored address then carries Commerce's id, code
 * and name, as an order read back from Commerce does.
 */
export const checkAddressRegion = (address: Record<string, unknown> | undefined): void => {
  if (!address) return;
  const country = byId.get(String(address.country_id ?? '').toUpperCase());
  if (!country || country.regions.length === 0) return;
  const id = Number(address.region_id ?? 0);
  const code = String(address.region_code ?? '').trim();
  const found =
    (id > 0 ? country.regions.find((r) => r.id === id) : undefined) ??
    (id > 0 ? undefined : country.regions.find((r) => r.code.toUpperCase() === code.toUpperCase()));
  if (!found) {
    if (id > 0 || country.stateRequired)
      throw badRequest('Invalid value of "%value" provided for the %fieldName field.', {
        value: String(address.region_id ?? ''),
        fieldName: 'regionId',
      });
    return;
  }
  address.region_id = found.id;
  address.region_code = found.code;
  address.region = found.name;
};
