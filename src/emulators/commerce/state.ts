import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Clock } from '../../core/clock';
import type {
  CommerceSeed,
  SeedAttribute,
  SeedCustomer,
  SeedProduct,
  SeedSource,
  SeedSourceItem,
  SeedStock,
  SeedStoreGroup,
  SeedStoreView,
  SeedWebsite,
} from './seed';

/** A product as the emulator keeps it: the seed fields plus identity and timestamps. */
export interface ProductRecord extends SeedProduct {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface AttributeRecord extends SeedAttribute {
  id: number;
  options: Array<{ value: string; label: string }>;
  /** Attribute sets the attribute was assigned to through REST (seeded attributes belong to every set). */
  attributeSetIds?: number[];
}

export interface CustomerRecord extends SeedCustomer {
  id: number;
  groupId: number;
  createdAt: string;
  updatedAt: string;
}

/** An MSI reservation: negative when an order is placed, compensated (positive) on cancel or shipment. */
export interface Reservation {
  id: number;
  stockId: number;
  sku: string;
  quantity: number;
  metadata: string;
}

export interface CartItemRecord {
  itemId: number;
  sku: string;
  qty: number;
  name: string;
  productType: string;
  /** Catalog price for the cart's website at the time the item was added. */
  catalogPrice: string;
  /** extension_attributes.custom_price (SaaS "cart custom price"): overrides the catalog price. */
  customPrice?: string;
}

export interface CartRecord {
  id: number;
  storeId: number;
  customerId?: number;
  customerEmail?: string;
  isActive: boolean;
  items: CartItemRecord[];
  customAttributes: Record<string, string>;
  shippingAddress?: Record<string, unknown>;
  billingAddress?: Record<string, unknown>;
  shippingCarrierCode?: string;
  shippingMethodCode?: string;
  createdAt: string;
  updatedAt: string;
}

/** Sales documents are kept in their REST shape (plain JSON objects with Commerce field names). */
export type Entity = Record<string, unknown> & { entity_id: number };

export interface Sequences {
  product: number;
  attribute: number;
  option: number;
  customer: number;
  cart: number;
  cartItem: number;
  order: number;
  orderItem: number;
  invoice: number;
  shipment: number;
  track: number;
  creditmemo: number;
  comment: number;
  reservation: number;
}

export interface CommerceData {
  websites: SeedWebsite[];
  storeGroups: SeedStoreGroup[];
  storeViews: SeedStoreView[];
  currency: { base: string; rates: Record<string, string> };
  attributeSets: Array<{ id: number; name: string }>;
  attributes: AttributeRecord[];
  products: Record<string, ProductRecord>;
  sources: SeedSource[];
  stocks: SeedStock[];
  /** Keyed `${sku}\u0000${sourceCode}`. */
  sourceItems: Record<string, SeedSourceItem>;
  reservations: Reservation[];
  customers: CustomerRecord[];
  carts: Record<string, CartRecord>;
  orders: Record<string, Entity>;
  /** Emulator-private order facts that Commerce keeps in other tables (e.g. inventory_reservation). */
  orderMeta: Record<string, { stockId?: number; reserved: boolean; quoteId?: number }>;
  invoices: Record<string, Entity>;
  shipments: Record<string, Entity>;
  creditmemos: Record<string, Entity>;
  seq: Sequences;
}

/** Commerce writes datetimes as "YYYY-MM-DD HH:mm:ss" in UTC. */
export const commerceDate = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

/** Parses Commerce's "YYYY-MM-DD HH:mm:ss" (UTC) or an ISO string to epoch ms; NaN when unparseable. */
export const parseCommerceDate = (value: string): number =>
  Date.parse(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value);

export const sourceItemKey = (sku: string, sourceCode: string): string => `${sku}\u0000${sourceCode}`;

const emptySequences = (): Sequences => ({
  product: 0,
  attribute: 100,
  option: 1000,
  customer: 0,
  cart: 0,
  cartItem: 0,
  order: 0,
  orderItem: 0,
  invoice: 0,
  shipment: 0,
  track: 0,
  creditmemo: 0,
  comment: 0,
  reservation: 0,
});

/** Builds fresh runtime data from a seed; ids are assigned in seed order so a seed always yields the same ids. */
export const dataFromSeed = (seed: CommerceSeed, clock: Clock): CommerceData => {
  const now = commerceDate(clock.now());
  const seq = emptySequences();
  const attributes: AttributeRecord[] = seed.attributes.map((attribute) => {
    seq.attribute += 1;
    return { ...attribute, id: seq.attribute, options: attribute.options ? [...attribute.options] : [] };
  });
  const products: Record<string, ProductRecord> = {};
  for (const product of seed.products) {
    seq.product += 1;
    products[product.sku] = {
      ...product,
      id: seq.product,
      createdAt: product.createdAt ?? now,
      updatedAt: product.updatedAt ?? product.createdAt ?? now,
    };
  }
  const sourceItems: Record<string, SeedSourceItem> = {};
  for (const item of seed.sourceItems) sourceItems[sourceItemKey(item.sku, item.sourceCode)] = { ...item };
  const customers: CustomerRecord[] = (seed.customers ?? []).map((customer) => {
    seq.customer += 1;
    return { ...customer, id: seq.customer, groupId: customer.groupId ?? 1, createdAt: now, updatedAt: now };
  });
  return {
    websites: seed.websites.map((w) => ({ ...w })),
    storeGroups: seed.storeGroups.map((g) => ({ ...g })),
    storeViews: seed.storeViews.map((v) => ({ ...v })),
    currency: { base: seed.currency.base, rates: { ...seed.currency.rates } },
    attributeSets: seed.attributeSets.map((s) => ({ ...s })),
    attributes,
    products,
    sources: seed.sources.map((s) => ({ ...s })),
    stocks: seed.stocks.map((s) => ({ ...s, sourceCodes: [...s.sourceCodes], websiteCodes: [...s.websiteCodes] })),
    sourceItems,
    reservations: [],
    customers,
    carts: {},
    orders: {},
    orderMeta: {},
    invoices: {},
    shipments: {},
    creditmemos: {},
    seq,
  };
};

/** Store-structure lookups shared by every route module. */
export class CommerceState {
  constructor(
    public data: CommerceData,
    readonly clock: Clock,
  ) {}

  now(): string {
    return commerceDate(this.clock.now());
  }

  next(kind: keyof Sequences): number {
    this.data.seq[kind] += 1;
    return this.data.seq[kind];
  }

  product(sku: string): ProductRecord | undefined {
    return Object.hasOwn(this.data.products, sku) ? this.data.products[sku] : undefined;
  }

  productById(id: number): ProductRecord | undefined {
    return Object.values(this.data.products).find((p) => p.id === id);
  }

  storeView(idOrCode: number | string): SeedStoreView | undefined {
    return this.data.storeViews.find((v) => v.id === idOrCode || v.code === idOrCode);
  }

  website(idOrCode: number | string): SeedWebsite | undefined {
    return this.data.websites.find((w) => w.id === idOrCode || w.code === idOrCode);
  }

  /** Website of a store view; store 0 (admin) belongs to website 0 (global scope). */
  websiteIdOfStore(storeId: number): number {
    return this.storeView(storeId)?.websiteId ?? 0;
  }

  defaultStoreOfWebsite(websiteId: number): number {
    const website = this.website(websiteId);
    const group = this.data.storeGroups.find((g) => g.id === website?.defaultGroupId);
    return group?.defaultStoreId ?? 0;
  }

  stockForWebsite(websiteId: number): SeedStock | undefined {
    const code = this.website(websiteId)?.code;
    return this.data.stocks.find((s) => code !== undefined && s.websiteCodes.includes(code));
  }

  stock(stockId: number): SeedStock | undefined {
    return this.data.stocks.find((s) => s.id === stockId);
  }

  sourceItemsOf(sku: string): SeedSourceItem[] {
    return Object.values(this.data.sourceItems).filter((i) => i.sku === sku);
  }
}

/** Optional persistence: one JSON file holding the whole data set. */
export const loadPersisted = (path: string): CommerceData | undefined =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CommerceData) : undefined;

export const persist = (path: string, data: CommerceData): void => {
  writeFileSync(path, JSON.stringify(data));
};
