import Big from 'big.js';
import { type HandlerTable, badRequest, intParam, notFound } from './context';
import { applySearchCriteria, echoCriteria, parseSearchCriteria } from './search-criteria';
import type { CommerceState, CustomerRecord } from './state';

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', CAD: 'CA$', JPY: '¥' };

const bySortOrder = <T extends { sortOrder?: number; id: number }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.id - b.id);

/** Rate from one currency to another through the global base currency, to 12 decimals like Commerce stores them. */
export const crossRate = (state: CommerceState, from: string, to: string): string | undefined => {
  const rates = { ...state.data.currency.rates, [state.data.currency.base]: '1' };
  if (rates[from] === undefined || rates[to] === undefined) return undefined;
  return new Big(rates[to]).div(rates[from]).round(12).toString();
};

const customerToRest = (state: CommerceState, c: CustomerRecord) => ({
  id: c.id,
  group_id: c.groupId,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
  created_in: state.storeView(state.defaultStoreOfWebsite(c.websiteId))?.name ?? 'Admin',
  email: c.email,
  firstname: c.firstname,
  lastname: c.lastname,
  store_id: state.defaultStoreOfWebsite(c.websiteId),
  website_id: c.websiteId,
  addresses: [],
  disable_auto_group_change: 0,
});

export const storeHandlers: HandlerTable = {
  // Commerce lists the admin scope (id 0) too; clients must skip it.
  GetV1StoreWebsites: (ctx) => [
    { id: 0, code: 'admin', name: 'Admin', default_group_id: 0 },
    ...bySortOrder(ctx.state.data.websites).map((w) => ({
      id: w.id,
      code: w.code,
      name: w.name,
      default_group_id: w.defaultGroupId,
    })),
  ],
  GetV1StoreStoreGroups: (ctx) => [
    { id: 0, website_id: 0, root_category_id: 0, default_store_id: 0, name: 'Default', code: 'default' },
    ...ctx.state.data.storeGroups.map((g) => ({
      id: g.id,
      website_id: g.websiteId,
      root_category_id: g.rootCategoryId,
      default_store_id: g.defaultStoreId,
      name: g.name,
      code: g.code,
    })),
  ],
  GetV1StoreStoreViews: (ctx) => [
    { id: 0, code: 'admin', name: 'Admin', website_id: 0, store_group_id: 0, is_active: 1 },
    ...bySortOrder(ctx.state.data.storeViews).map((v) => ({
      id: v.id,
      code: v.code,
      name: v.name,
      website_id: v.websiteId,
      store_group_id: v.storeGroupId,
      is_active: v.isActive ? 1 : 0,
    })),
  ],
  GetV1StoreStoreConfigs: (ctx) => {
    const codes = ctx.query.getAll('storeCodes').flatMap((c) => c.split(','));
    const codeFilter = [...ctx.query.keys()]
      .filter((k) => k.startsWith('storeCodes['))
      .map((k) => ctx.query.get(k) as string);
    const wanted = new Set([...codes, ...codeFilter].filter(Boolean));
    return bySortOrder(ctx.state.data.storeViews)
      .filter((v) => wanted.size === 0 || wanted.has(v.code))
      .map((v) => {
        const base = `https://${v.code}.commerce.example/`;
        return {
          id: v.id,
          code: v.code,
          website_id: v.websiteId,
          locale: v.locale,
          base_currency_code: ctx.state.website(v.websiteId)?.baseCurrency ?? ctx.state.data.currency.base,
          default_display_currency_code: v.defaultDisplayCurrency,
          timezone: v.timezone,
          weight_unit: v.weightUnit,
          base_url: base,
          base_link_url: base,
          base_static_url: `${base}static/`,
          base_media_url: `${base}media/`,
          secure_base_url: base,
          secure_base_link_url: base,
          secure_base_static_url: `${base}static/`,
          secure_base_media_url: `${base}media/`,
        };
      });
  },
  GetV1DirectoryCurrency: (ctx) => {
    const view = ctx.state.storeView(ctx.storeId);
    const base = ctx.state.website(ctx.websiteId)?.baseCurrency ?? ctx.state.data.currency.base;
    const display = view?.defaultDisplayCurrency ?? base;
    const available = [
      ...new Set([ctx.state.data.currency.base, ...Object.keys(ctx.state.data.currency.rates)]),
    ].sort();
    return {
      base_currency_code: base,
      base_currency_symbol: SYMBOLS[base] ?? base,
      default_display_currency_code: display,
      default_display_currency_symbol: SYMBOLS[display] ?? display,
      available_currency_codes: available,
      exchange_rates: available
        .map((to) => ({ currency_to: to, rate: crossRate(ctx.state, base, to) }))
        .filter((r): r is { currency_to: string; rate: string } => r.rate !== undefined)
        .map((r) => ({ currency_to: r.currency_to, rate: Number(r.rate) })),
    };
  },
  GetV1CustomersSearch: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const page = applySearchCriteria(ctx.state.data.customers, criteria, (c, field) => {
      const row: Record<string, string | number> = {
        entity_id: c.id,
        id: c.id,
        email: c.email,
        firstname: c.firstname,
        lastname: c.lastname,
        website_id: c.websiteId,
        group_id: c.groupId,
        created_at: c.createdAt,
      };
      return row[field];
    });
    return {
      items: page.items.map((c) => customerToRest(ctx.state, c)),
      search_criteria: echoCriteria(criteria),
      total_count: page.totalCount,
    };
  },
  GetV1CustomersCustomerId: (ctx) => {
    const id = intParam(ctx, 'customerId');
    const customer = ctx.state.data.customers.find((c) => c.id === id);
    if (!customer)
      throw notFound('No such entity with %fieldName = %fieldValue', {
        fieldName: 'customerId',
        fieldValue: String(id),
      });
    return customerToRest(ctx.state, customer);
  },
  PostV1Customers: (ctx) => {
    const input = ctx.body.customer as {
      email: string;
      firstname: string;
      lastname: string;
      website_id?: number;
      group_id?: number;
    };
    const websiteId = input.website_id ?? (ctx.websiteId || 1);
    if (!ctx.state.website(websiteId))
      throw badRequest("The website with id %1 that was requested wasn't found.", { 1: String(websiteId) });
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) {
      throw badRequest('"%1" is not a valid email address.', { 1: input.email });
    }
    if (
      ctx.state.data.customers.some(
        (c) => c.email.toLowerCase() === input.email.toLowerCase() && c.websiteId === websiteId,
      )
    ) {
      throw badRequest('A customer with the same email address already exists in an associated website.');
    }
    const now = ctx.state.now();
    const customer: CustomerRecord = {
      id: ctx.state.next('customer'),
      email: input.email,
      firstname: input.firstname,
      lastname: input.lastname,
      websiteId,
      groupId: input.group_id ?? 1,
      createdAt: now,
      updatedAt: now,
    };
    ctx.state.data.customers.push(customer);
    return customerToRest(ctx.state, customer);
  },
};
