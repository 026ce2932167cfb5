/** State/province names → codes for countries where Commerce requires a region (US, CA). Keys are lower case. */
const US: Record<string, string> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
  'armed forces americas': 'AA',
  'armed forces europe': 'AE',
  'armed forces pacific': 'AP',
};
const CA: Record<string, string> = {
  alberta: 'AB',
  'british columbia': 'BC',
  manitoba: 'MB',
  'new brunswick': 'NB',
  'newfoundland and labrador': 'NL',
  'nova scotia': 'NS',
  'northwest territories': 'NT',
  nunavut: 'NU',
  ontario: 'ON',
  'prince edward island': 'PE',
  quebec: 'QC',
  québec: 'QC',
  saskatchewan: 'SK',
  yukon: 'YT',
};

export const REGION_CODES: Record<string, Record<string, string>> = { US, CA };

/** US territories Commerce lists as countries of their own (Amazon sends them as US + state). */
export const US_TERRITORY_COUNTRIES = new Set(['PR', 'VI', 'GU', 'AS', 'MP', 'UM']);

/** Resolves a free-text region to its code, or undefined when the country has no table or no match. */
export function regionCode(country: string, text: string | undefined): string | undefined {
  const table = REGION_CODES[country];
  if (!table || !text) return undefined;
  const t = text.trim().replace(/\.$/, '').replace(/\s+/g, ' ');
  const upper = t.toUpperCase();
  if (Object.values(table).includes(upper)) return upper;
  return table[t.toLowerCase()];
}

/** The region's display name for a code, e.g. ('US','CA') → 'California'. */
export function regionName(country: string, code: string): string | undefined {
  const hit = Object.entries(REGION_CODES[country] ?? {}).find(([, c]) => c === code);
  return hit ? hit[0].replace(/\b\p{L}/gu, (ch) => ch.toUpperCase()) : undefined;
}

/** One region of Commerce's directory (GET V1/directory/countries/{id} `available_regions`). */
export interface DirectoryRegion {
  id: number;
  code: string;
  name: string;
}

/** Lower case, accents and punctuation folded: "Québec" = "quebec", "Baden-Württemberg" = "baden wurttemberg". */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Amazon's StateOrRegion (a code such as "ca" or "CA.", or a name such as "California" / "Québec") → the region of
 * the country's Commerce directory, by code, then by name, then through our name table (REGION_CODES). Undefined
 * when nothing matches (the address then keeps the text; Commerce decides whether the country needs a region).
 */
export function matchDirectoryRegion(
  country: string,
  regions: readonly DirectoryRegion[],
  ...texts: Array<string | undefined>
): DirectoryRegion | undefined {
  for (const text of texts) {
    if (!text?.trim()) continue;
    const t = text.trim().replace(/\.$/, '');
    const upper = t.toUpperCase();
    const folded = fold(t);
    const hit =
      regions.find((r) => r.code.toUpperCase() === upper) ??
      regions.find((r) => fold(r.name) === folded) ??
      (() => {
        const code = regionCode(country, t);
        return code ? regions.find((r) => r.code.toUpperCase() === code) : undefined;
      })();
    if (hit) return hit;
  }
  return undefined;
}
