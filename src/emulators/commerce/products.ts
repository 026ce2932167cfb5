import Big from 'big.js';
import { type HandlerTable, type RestContext, badRequest, notFound } from './context';
import { legacyStockItem } from './inventory';
import { basePriceFor, productEventValue, specialPriceFor } from './prices';
import { applySearchCriteria, echoCriteria, parseSearchCriteria } from './search-criteria';
import type { CommerceState, ProductRecord } from './state';

const PRODUCT_NOT_FOUND = "The product that was requested doesn't exist. Verify the product and try again.";

/** Custom attributes as Commerce returns them in a store view's website scope (values are strings). */
const customAttributesOf = (
  product: ProductRecord,
  websiteId: number,
): Array<{ attribute_code: string; value: string }> => {
  const special = specialPriceFor(product, websiteId);
  const values: Record<string, string | undefined> = {
    url_key: product.sku.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    tax_class_id: '2',
    special_price: special?.price,
    special_from_date: special?.from,
    special_to_date: special?.to,
    cost: product.cost,
    msrp: product.msrp,
    msrp_display_actual_price_type: product.msrp ? '0' : undefined,
    map_price: product.map,
    ...(product.customAttributes ?? {}),
  };
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([attribute_code, value]) => ({ attribute_code, value }));
};

export const toRestProduct = (
  state: CommerceState,
  product: ProductRecord,
  websiteId: number,
): Record<string, unknown> => {
  const children = (product.children ?? []).map((sku) => state.product(sku)).filter((p) => p !== undefined);
  const extension: Record<string, unknown> = { website_ids: product.websiteIds };
  if (product.typeId === 'simple') extension.stock_item = legacyStockItem(state, product);
  if (product.typeId === 'configurable') {
    extension.configurable_product_links = children.map((c) => c.id);
    extension.configurable_product_options = (product.configurableAttributes ?? []).map((code, position) => {
      const attribute = state.data.attributes.find((a) => a.code === code);
      const used = new Set(children.map((c) => c.customAttributes?.[code]).filter((v) => v !== undefined));
      return {
        id: product.id * 10 + position,
        attribute_id: String(attribute?.id ?? 0),
        label: attribute?.label ?? code,
        position,
        values: [...used].map((value) => ({ value_index: Number(value) })),
        product_id: product.id,
      };
    });
  }
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    attribute_set_id: product.attributeSetId,
    price: Number(basePriceFor(product, websiteId)),
    status: product.status,
    visibility: product.visibility,
    type_id: product.typeId,
    created_at: product.createdAt,
    updated_at: product.updatedAt,
    ...(product.weight !== undefined ? { weight: Number(product.weight) } : {}),
    extension_attributes: extension,
    product_links: [],
    options: [],
    media_gallery_entries: (product.images ?? []).map((file, position) => ({
      id: product.id * 100 + position,
      media_type: 'image',
      label: product.name,
      position,
      disabled: false,
      types: position === 0 ? ['image', 'small_image', 'thumbnail'] : [],
      file,
    })),
    tier_prices: [],
    custom_attributes: customAttributesOf(product, websiteId),
  };
};

/** Field reader for searchCriteria: top-level fields and custom attributes, in the request's website scope. */
const productField = (state: CommerceState, websiteId: number) => (product: ProductRecord, field: string) => {
  switch (field) {
    case 'entity_id':
    case 'id':
      return product.id;
    case 'sku':
      return product.sku;
    case 'name':
      return product.name;
    case 'type_id':
      return product.typeId;
    case 'status':
      return product.status;
    case 'visibility':
      return product.visibility;
    case 'attribute_set_id':
      return product.attributeSetId;
    case 'price':
      return basePriceFor(product, websiteId);
    case 'created_at':
      return product.createdAt;
    case 'updated_at':
      return product.updatedAt;
    case 'website_id':
      return product.websiteIds.join(',');
    default: {
      const attr = customAttributesOf(product, websiteId).find((a) => a.attribute_code === field);
      return attr?.value ?? (state.data.attributes.some((a) => a.code === field) ? null : undefined);
    }
  }
};

const requireProduct = (state: CommerceState, sku: string): ProductRecord => {
  const product = state.product(sku);
  if (!product) throw notFound(PRODUCT_NOT_FOUND);
  return product;
};

const RESERVED = new Set([
  'special_price',
  'special_from_date',
  'special_to_date',
  'cost',
  'msrp',
  'map_price',
  'url_key',
  'tax_class_id',
  'msrp_display_actual_price_type',
]);

/** Applies a REST product payload (create or update) in the request's scope, then emits the save event. */
const saveProduct = (ctx: RestContext, payload: Record<string, unknown>, existing?: ProductRecord): ProductRecord => {
  const { state } = ctx;
  const now = state.now();
  const product: ProductRecord = existing ?? {
    sku: String(payload.sku),
    name: String(payload.name ?? payload.sku),
    typeId: payload.type_id === 'configurable' ? 'configurable' : 'simple',
    attributeSetId: Number(payload.attribute_set_id ?? 4),
    status: 1,
    visibility: 4,
    websiteIds: [1],
    price: '0',
    customAttributes: {},
    id: state.next('product'),
    createdAt: now,
    updatedAt: now,
  };
  if (!existing && payload.price === undefined)
    throw badRequest('The "%1" attribute value is empty. Set the attribute and try again.', { 1: 'price' });
  if (payload.name !== undefined) product.name = String(payload.name);
  if (payload.status === 1 || payload.status === 2) product.status = payload.status;
  if (typeof payload.visibility === 'number') product.visibility = payload.visibility as ProductRecord['visibility'];
  if (payload.weight !== undefined) product.weight = new Big(payload.weight as number).toString();
  if (payload.price !== undefined) {
    const price = new Big(payload.price as number).toString();
    if (ctx.websiteId === 0) product.price = price;
    else
      product.websitePrices = [
        ...(product.websitePrices ?? []).filter((p) => p.websiteId !== ctx.websiteId),
        { websiteId: ctx.websiteId, price },
      ];
  }
  const ext = payload.extension_attributes as { website_ids?: number[] } | undefined;
  if (ext?.website_ids) product.websiteIds = [...ext.website_ids];
  for (const attr of (payload.custom_attributes as Array<{ attribute_code: string; value: unknown }>) ?? []) {
    const value = attr.value === null || attr.value === undefined ? undefined : String(attr.value);
    if (attr.attribute_code === 'cost') product.cost = value;
    else if (attr.attribute_code === 'msrp') product.msrp = value;
    else if (attr.attribute_code === 'map_price') product.map = value;
    else if (attr.attribute_code === 'special_price' && value !== undefined) {
      const current = specialPriceFor(product, ctx.websiteId);
      const others = (product.specialPrices ?? []).filter((s) => s.websiteId !== ctx.websiteId);
      product.specialPrices = [
        ...others,
        { websiteId: ctx.websiteId, price: value, from: current?.from, to: current?.to },
      ];
    } else if (!RESERVED.has(attr.attribute_code)) {
      product.customAttributes = { ...(product.customAttributes ?? {}) };
      if (value === undefined) delete product.customAttributes[attr.attribute_code];
      else product.customAttributes[attr.attribute_code] = value;
    }
  }
  product.updatedAt = now;
  state.data.products[product.sku] = product;
  ctx.emit('catalog_product_save_commit_after', productEventValue(state, product));
  return product;
};

const attributeToRest = (attribute: CommerceState['data']['attributes'][number]) => ({
  attribute_id: attribute.id,
  attribute_code: attribute.code,
  frontend_input: attribute.frontendInput,
  entity_type_id: '4',
  is_required: false,
  is_user_defined: true,
  scope: attribute.scope,
  default_frontend_label: attribute.label,
  frontend_labels: [],
  is_used_for_promo_rules: attribute.isUsedForPromoRules ? '1' : '0',
  backend_type:
    attribute.frontendInput === 'price' ? 'decimal' : attribute.frontendInput === 'select' ? 'int' : 'varchar',
  options: [{ label: ' ', value: '' }, ...attribute.options.map((o) => ({ label: o.label, value: o.value }))],
});

export const productHandlers: HandlerTable = {
  GetV1Products: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const page = applySearchCriteria(
      Object.values(ctx.state.data.products),
      criteria,
      productField(ctx.state, ctx.websiteId),
    );
    return {
      items: page.items.map((p) => toRestProduct(ctx.state, p, ctx.websiteId)),
      search_criteria: echoCriteria(criteria),
      total_count: page.totalCount,
    };
  },
  GetV1ProductsSku: (ctx) => toRestProduct(ctx.state, requireProduct(ctx.state, ctx.params.sku), ctx.websiteId),
  PutV1ProductsSku: (ctx) => {
    const existing = ctx.state.product(ctx.params.sku);
    const payload = { ...ctx.body.product, sku: ctx.params.sku };
    return toRestProduct(ctx.state, saveProduct(ctx, payload, existing), ctx.websiteId);
  },
  PostV1Products: (ctx) => {
    const payload = ctx.body.product as Record<string, unknown>;
    const existing = ctx.state.product(String(payload.sku));
    return toRestProduct(ctx.state, saveProduct(ctx, payload, existing), ctx.websiteId);
  },
  GetV1ConfigurableproductsSkuChildren: (ctx) => {
    const parent = requireProduct(ctx.state, ctx.params.sku);
    return (parent.children ?? [])
      .map((sku) => ctx.state.product(sku))
      .filter((p): p is ProductRecord => p !== undefined)
      .map((p) => toRestProduct(ctx.state, p, ctx.websiteId));
  },
  GetV1ProductsAttributes: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const rows = ctx.state.data.attributes;
    const page = applySearchCriteria(rows, criteria, (a, field) =>
      field === 'attribute_code'
        ? a.code
        : field === 'frontend_input'
          ? a.frontendInput
          : field === 'attribute_id'
            ? a.id
            : undefined,
    );
    return {
      items: page.items.map(attributeToRest),
      search_criteria: echoCriteria(criteria),
      total_count: page.totalCount,
    };
  },
  GetV1ProductsAttributesAttributeCode: (ctx) => {
    const attribute = ctx.state.data.attributes.find((a) => a.code === ctx.params.attributeCode);
    if (!attribute)
      throw notFound('The attribute with a "%1" attributeCode doesn\'t exist. Verify the attribute and try again.', {
        1: ctx.params.attributeCode,
      });
    return attributeToRest(attribute);
  },
  GetV1ProductsAttributesAttributeCodeOptions: (ctx) => {
    const attribute = ctx.state.data.attributes.find((a) => a.code === ctx.params.attributeCode);
    if (!attribute)
      throw notFound('The attribute with a "%1" attributeCode doesn\'t exist. Verify the attribute and try again.', {
        1: ctx.params.attributeCode,
      });
    return attributeToRest(attribute).options;
  },
  /** Creates a product attribute (PaaS admin REST). Codes follow Commerce's rule: a letter, then a-z, 0-9, _. */
  PostV1ProductsAttributes: (ctx) => {
    const input = ctx.body.attribute as Record<string, unknown>;
    const code = String(input.attribute_code);
    if (!/^[a-z][a-z0-9_]{0,59}$/.test(code))
      throw badRequest(
        'Attribute code "%1" is invalid. Please use only letters (a-z or A-Z), numbers (0-9) or underscore (_) in this field, and the first character should be a letter.',
        { 1: code },
      );
    if (ctx.state.data.attributes.some((a) => a.code === code))
      throw badRequest('An attribute with this code already exists.');
    const labels = (input.frontend_labels as Array<{ store_id?: number; label?: string }>) ?? [];
    const label = String(input.default_frontend_label ?? labels.find((l) => l.store_id === 0)?.label ?? '');
    if (!label) throw badRequest('"%fieldName" is required. Enter and try again.', { fieldName: 'frontend_label' });
    const inputs = ['text', 'select', 'multiselect', 'price', 'boolean', 'textarea', 'date'] as const;
    const frontendInput = inputs.find((i) => i === input.frontend_input);
    if (!frontendInput)
      throw badRequest('Invalid value of "%value" provided for the %fieldName field.', {
        value: String(input.frontend_input),
        fieldName: 'frontend_input',
      });
    const scope = input.scope === 'store' || input.scope === 'website' ? input.scope : 'global';
    const options = ((input.options as Array<{ label: string; value: string }>) ?? [])
      .filter((o) => String(o.label).trim() !== '')
      .map((o, i) => ({ value: String(ctx.state.data.attributes.length * 1000 + i + 1), label: String(o.label) }));
    const attribute = {
      code,
      label,
      frontendInput,
      scope,
      options,
      isUsedForPromoRules: input.is_used_for_promo_rules === true || input.is_used_for_promo_rules === '1',
      id: ctx.state.next('attribute'),
      attributeSetIds: [] as number[],
    } satisfies CommerceState['data']['attributes'][number];
    ctx.state.data.attributes.push(attribute);
    return attributeToRest(attribute);
  },
  /** Adds an option to a select attribute; answers the new option id as a string, like Commerce. */
  PostV1ProductsAttributesAttributeCodeOptions: (ctx) => {
    const attribute = ctx.state.data.attributes.find((a) => a.code === ctx.params.attributeCode);
    if (!attribute)
      throw notFound('The attribute with a "%1" attributeCode doesn\'t exist. Verify the attribute and try again.', {
        1: ctx.params.attributeCode,
      });
    if (attribute.frontendInput !== 'select' && attribute.frontendInput !== 'multiselect')
      throw badRequest('The "%1" attribute doesn\'t work with options.', { 1: attribute.code });
    const label = String(ctx.body.option.label).trim();
    const existing = attribute.options.find((o) => o.label.toLowerCase() === label.toLowerCase());
    if (existing) throw badRequest('Admin store attribute option label "%1" is already exists.', { 1: label });
    const value = String(attribute.id * 1000 + attribute.options.length + 1);
    attribute.options.push({ value, label });
    return `id_${value}`;
  },
  /** One "Product Details" group per attribute set, id = set id × 10 + 1 (deterministic; Commerce ids vary). */
  GetV1ProductsAttributesetsGroupsList: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const groups = ctx.state.data.attributeSets.map((s) => ({
      attribute_group_id: String(s.id * 10 + 1),
      attribute_group_name: 'Product Details',
      attribute_set_id: s.id,
    }));
    const page = applySearchCriteria(groups, criteria, (g, field) =>
      field === 'attribute_set_id'
        ? g.attribute_set_id
        : field === 'attribute_group_id'
          ? g.attribute_group_id
          : field === 'attribute_group_name'
            ? g.attribute_group_name
            : undefined,
    );
    return { items: page.items, search_criteria: echoCriteria(criteria), total_count: page.totalCount };
  },
  PostV1ProductsAttributesetsAttributes: (ctx) => {
    const { attributeSetId, attributeGroupId, attributeCode } = ctx.body as {
      attributeSetId: number;
      attributeGroupId: number;
      attributeCode: string;
    };
    if (!ctx.state.data.attributeSets.some((s) => s.id === attributeSetId))
      throw notFound('The AttributeSet with a "%1" ID doesn\'t exist. Verify the attributeSet and try again.', {
        1: String(attributeSetId),
      });
    if (attributeGroupId !== attributeSetId * 10 + 1)
      throw badRequest("The attribute group doesn't belong to the attribute set.");
    const attribute = ctx.state.data.attributes.find((a) => a.code === attributeCode);
    if (!attribute)
      throw notFound('The attribute with a "%1" attributeCode doesn\'t exist. Verify the attribute and try again.', {
        1: attributeCode,
      });
    if (attribute.attributeSetIds && !attribute.attributeSetIds.includes(attributeSetId))
      attribute.attributeSetIds.push(attributeSetId);
    return attribute.id;
  },
  GetV1ProductsAttributesetsSetsList: (ctx) => {
    const criteria = parseSearchCriteria(ctx.query);
    const page = applySearchCriteria(ctx.state.data.attributeSets, criteria, (s, field) =>
      field === 'attribute_set_id' ? s.id : field === 'attribute_set_name' ? s.name : undefined,
    );
    return {
      items: page.items.map((s) => ({
        attribute_set_id: s.id,
        attribute_set_name: s.name,
        sort_order: 0,
        entity_type_id: 4,
      })),
      search_criteria: echoCriteria(criteria),
      total_count: page.totalCount,
    };
  },
};
