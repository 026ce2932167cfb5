import type { CommerceSeed, SeedProduct, SeedSourceItem } from '../commerce/seed';
import { type DemoRandom, scale, withCheckDigit } from './random';

/** Product families of the demo catalogue; each decides the identifier type and the Amazon product type. */
export type DemoCategory = 'book' | 'electronics' | 'home' | 'apparel';

export interface DemoProductMeta {
  sku: string;
  category: DemoCategory;
  /** The identifier Amazon matches on (type + value), if the product has one. */
  identifier?: { type: 'EAN' | 'UPC' | 'ISBN'; value: string };
  parentSku?: string;
  name: string;
  brand: string;
  usdPrice: string;
}

export const CONDITION_OPTIONS = [
  { value: '11', label: 'New' },
  { value: '12', label: 'Used - Like New' },
  { value: '13', label: 'Used - Very Good' },
  { value: '14', label: 'Used - Good' },
  { value: '15', label: 'Refurbished' },
  { value: '16', label: 'Collectible - Like New' },
];
const COLORS = [
  { value: '21', label: 'Black' },
  { value: '22', label: 'Blue' },
  { value: '23', label: 'Red' },
  { value: '24', label: 'Green' },
];
const SIZES = [
  { value: '31', label: 'S' },
  { value: '32', label: 'M' },
  { value: '33', label: 'L' },
  { value: '34', label: 'XL' },
];

const BRANDS: Record<DemoCategory, string[]> = {
  book: ['Penguin Classics', 'Orbit', 'Tor Books', 'OReilly Media'],
  electronics: ['Voltra', 'Nexacore', 'Sonique', 'Brightline'],
  home: ['Casa Verde', 'Hearthstone', 'Nordlys', 'Urban Nest'],
  apparel: ['Trailborn', 'Northpeak', 'Cotton & Co', 'Stride'],
};
const NOUNS: Record<DemoCategory, string[]> = {
  book: ['Field Guide', 'Cookbook', 'Novel', 'Handbook', 'Atlas'],
  electronics: ['Bluetooth Speaker', 'USB-C Charger', 'Headphones', 'Smart Plug', 'Power Bank'],
  home: ['Ceramic Vase', 'Throw Blanket', 'Desk Lamp', 'Storage Box', 'Chef Knife'],
  apparel: ['Hoodie', 'Running Tee', 'Rain Jacket', 'Fleece Vest'],
};

const commerceDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** Identifier by family: books carry ISBN-13 (also their EAN), electronics UPC-A, home goods EAN-13. */
const identifierFor = (rng: DemoRandom, category: DemoCategory): DemoProductMeta['identifier'] => {
  if (category === 'book') return { type: 'ISBN', value: withCheckDigit(`978${rng.digits(9)}`) };
  if (category === 'electronics') return { type: 'UPC', value: withCheckDigit(`0${rng.digits(10)}`) };
  return { type: 'EAN', value: withCheckDigit(`40${rng.digits(10)}`) };
};

const priceFields = (rng: DemoRandom, usd: string, nowMs: number, inEu: boolean): Partial<SeedProduct> => {
  const fields: Partial<SeedProduct> = { price: usd };
  if (inEu) fields.websitePrices = [{ websiteId: 2, price: scale(usd, '1.0100') }];
  fields.cost = scale(usd, (0.4 + rng.float() * 0.3).toFixed(2));
  if (rng.chance(0.4)) fields.msrp = scale(usd, (1.1 + rng.float() * 0.3).toFixed(2));
  if (rng.chance(0.2)) fields.map = scale(usd, '0.9000');
  if (rng.chance(0.3)) {
    const window = rng.pick(['active', 'future', 'expired', 'open'] as const);
    const from = window === 'future' ? nowMs + rng.int(2, 20) * DAY : nowMs - rng.int(5, 30) * DAY;
    const to = window === 'expired' ? nowMs - rng.int(1, 4) * DAY : from + rng.int(25, 60) * DAY;
    fields.specialPrices = [
      {
        websiteId: 0,
        price: scale(usd, (0.75 + rng.float() * 0.2).toFixed(2)),
        from: `${commerceDay(from)} 00:00:00`,
        to: window === 'open' ? undefined : `${commerceDay(to)} 00:00:00`,
      },
    ];
    if (inEu && rng.chance(0.3))
      fields.specialPrices.push({ websiteId: 2, price: scale(usd, '0.8500'), from: `${commerceDay(from)} 00:00:00` });
  }
  return fields;
};

const stockFor = (rng: DemoRandom, sku: string, inEu: boolean): SeedSourceItem[] => {
  const quantity = rng.chance(0.1) ? 0 : rng.int(1, 200);
  const items: SeedSourceItem[] = [
    { sku, sourceCode: 'default', quantity, status: quantity > 0 && !rng.chance(0.03) ? 1 : 0 },
  ];
  if (inEu && rng.chance(0.8)) {
    const eu = rng.int(0, 80);
    items.push({ sku, sourceCode: 'eu_warehouse', quantity: eu, status: eu > 0 ? 1 : 0 });
  }
  return items;
};

/** Builds the Commerce half of the demo: 2 websites, 2 sources/stocks, ≥ 500 products (simple and configurable). */
export const buildCommerceDemo = (rng: DemoRandom, nowMs: number): { seed: CommerceSeed; meta: DemoProductMeta[] } => {
  const products: SeedProduct[] = [];
  const sourceItems: SeedSourceItem[] = [];
  const meta: DemoProductMeta[] = [];
  const created = `${commerceDay(nowMs - 90 * DAY)} 08:00:00`;

  const addSimple = (
    sku: string,
    category: DemoCategory,
    extra: Partial<SeedProduct> & { parentSku?: string } = {},
  ) => {
    const brand = rng.pick(BRANDS[category]);
    const name = extra.name ?? `${brand} ${rng.pick(NOUNS[category])} ${sku.slice(-4)}`;
    const usd = extra.price ?? rng.price(category === 'book' ? 6 : 12, category === 'electronics' ? 240 : 120);
    const inEu = rng.chance(0.7);
    const identifier = rng.chance(0.05) ? undefined : identifierFor(rng, category);
    const custom: Record<string, string> = {
      brand,
      amazon_condition: rng.chance(0.92) ? '11' : rng.pick(CONDITION_OPTIONS).value,
    };
    if (identifier?.type === 'ISBN') {
      custom.isbn = identifier.value;
      custom.ean = identifier.value;
    } else if (identifier?.type === 'UPC') custom.upc = identifier.value;
    else if (identifier?.type === 'EAN') custom.ean = identifier.value;
    const { parentSku, ...productExtra } = extra;
    products.push({
      sku,
      name,
      typeId: 'simple',
      attributeSetId: category === 'book' ? 10 : category === 'apparel' ? 9 : 4,
      status: rng.chance(0.96) ? 1 : 2,
      visibility: parentSku ? 1 : 4,
      weight: (0.2 + rng.float() * 3).toFixed(2),
      websiteIds: inEu ? [1, 2] : [1],
      images: [`/${sku[0].toLowerCase()}/${sku.toLowerCase()}.jpg`],
      createdAt: created,
      ...priceFields(rng, usd, nowMs, inEu),
      ...productExtra,
      customAttributes: { ...custom, ...(productExtra.customAttributes ?? {}) },
    } as SeedProduct);
    sourceItems.push(...stockFor(rng, sku, inEu));
    meta.push({ sku, category, identifier, parentSku, name, brand, usdPrice: usd });
  };

  const families: DemoCategory[] = ['book', 'electronics', 'home'];
  for (let i = 1; i <= 380; i++) addSimple(`DEMO-${String(i).padStart(4, '0')}`, families[i % families.length]);
  for (let p = 1; p <= 40; p++) {
    const parentSku = `DEMO-CFG-${String(p).padStart(3, '0')}`;
    const brand = rng.pick(BRANDS.apparel);
    const noun = rng.pick(NOUNS.apparel);
    const color = rng.pick(COLORS);
    const usd = rng.price(25, 90);
    const children: string[] = [];
    for (const size of SIZES.slice(0, 3)) {
      const childSku = `${parentSku}-${color.label.toUpperCase()}-${size.label}`;
      children.push(childSku);
      addSimple(childSku, 'apparel', {
        name: `${brand} ${noun} ${color.label} ${size.label}`,
        price: usd,
        parentSku,
        customAttributes: { color: color.value, size: size.value },
      });
    }
    products.push({
      sku: parentSku,
      name: `${brand} ${noun}`,
      typeId: 'configurable',
      attributeSetId: 9,
      status: 1,
      visibility: 4,
      websiteIds: [1, 2],
      price: '0',
      children,
      configurableAttributes: ['color', 'size'],
      customAttributes: { brand },
      images: [`/c/${parentSku.toLowerCase()}.jpg`],
      createdAt: created,
    });
    meta.push({ sku: parentSku, category: 'apparel', name: `${brand} ${noun}`, brand, usdPrice: usd });
  }

  const seed: CommerceSeed = {
    websites: [
      { id: 1, code: 'base', name: 'Main Website', sortOrder: 0, defaultGroupId: 1, baseCurrency: 'USD' },
      { id: 2, code: 'eu', name: 'EU Website', sortOrder: 1, defaultGroupId: 2, baseCurrency: 'EUR' },
    ],
    storeGroups: [
      {
        id: 1,
        code: 'main_website_store',
        name: 'Main Website Store',
        websiteId: 1,
        rootCategoryId: 2,
        defaultStoreId: 1,
      },
      { id: 2, code: 'eu_store', name: 'EU Store', websiteId: 2, rootCategoryId: 2, defaultStoreId: 2 },
    ],
    storeViews: [
      {
        id: 1,
        code: 'default',
        name: 'Default Store View',
        websiteId: 1,
        storeGroupId: 1,
        sortOrder: 0,
        isActive: true,
        locale: 'en_US',
        timezone: 'America/Los_Angeles',
        defaultDisplayCurrency: 'USD',
        weightUnit: 'lbs',
      },
      {
        id: 2,
        code: 'eu_en',
        name: 'EU English',
        websiteId: 2,
        storeGroupId: 2,
        sortOrder: 1,
        isActive: true,
        locale: 'en_GB',
        timezone: 'Europe/Berlin',
        defaultDisplayCurrency: 'EUR',
        weightUnit: 'kgs',
      },
    ],
    currency: { base: 'USD', rates: { USD: '1', EUR: '0.9200' } },
    attributeSets: [
      { id: 4, name: 'Default' },
      { id: 9, name: 'Apparel' },
      { id: 10, name: 'Books' },
    ],
    attributes: [
      { code: 'ean', label: 'EAN', frontendInput: 'text', scope: 'global', isUsedForPromoRules: true },
      { code: 'upc', label: 'UPC', frontendInput: 'text', scope: 'global', isUsedForPromoRules: true },
      { code: 'isbn', label: 'ISBN', frontendInput: 'text', scope: 'global', isUsedForPromoRules: true },
      { code: 'asin', label: 'Amazon ASIN', frontendInput: 'text', scope: 'global' },
      { code: 'brand', label: 'Brand', frontendInput: 'text', scope: 'global', isUsedForPromoRules: true },
      {
        code: 'amazon_condition',
        label: 'Amazon Condition',
        frontendInput: 'select',
        scope: 'global',
        options: CONDITION_OPTIONS,
        isUsedForPromoRules: true,
      },
      {
        code: 'color',
        label: 'Color',
        frontendInput: 'select',
        scope: 'global',
        options: COLORS,
        isUsedForPromoRules: true,
      },
      {
        code: 'size',
        label: 'Size',
        frontendInput: 'select',
        scope: 'global',
        options: SIZES,
        isUsedForPromoRules: true,
      },
      { code: 'cost', label: 'Cost', frontendInput: 'price', scope: 'global' },
      { code: 'msrp', label: "Manufacturer's Suggested Retail Price", frontendInput: 'price', scope: 'website' },
      { code: 'map_price', label: 'Minimum Advertised Price', frontendInput: 'price', scope: 'website' },
      { code: 'special_price', label: 'Special Price', frontendInput: 'price', scope: 'website' },
    ],
    products,
    sources: [
      { code: 'default', name: 'US Warehouse', enabled: true, countryId: 'US', postcode: '90001' },
      { code: 'eu_warehouse', name: 'EU Warehouse', enabled: true, countryId: 'DE', postcode: '10115' },
    ],
    stocks: [
      { id: 1, name: 'Default Stock', sourceCodes: ['default'], websiteCodes: ['base'] },
      { id: 2, name: 'EU Stock', sourceCodes: ['eu_warehouse'], websiteCodes: ['eu'] },
    ],
    sourceItems,
    customers: [
      { email: 'returning.buyer@marketplace.amazon.com', firstname: 'Riley', lastname: 'Returning', websiteId: 1 },
    ],
  };
  return { seed, meta };
};
