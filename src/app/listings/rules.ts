import { type CommerceGateway, criteria, type Product } from '../../adapters/commerce';
import type { Storage } from '../../adapters/state';
import { buildKey } from '../../adapters/state';
import {
  type AttributeCatalog,
  type AttributeMeta,
  type AttributeValue,
  type ConditionGroup,
  compileConditionTree,
  conditionGroupSchema,
  type FrontendInput,
  type ProductFacts,
  type ProductPredicate,
} from '../../core/conditions';

/** Listing rules (SPEC 3.10): one condition tree per store, under the store's `listings.` prefix. */
const rulesKey = (storeId: string) => buildKey('listings', storeId, 'rules');

export const loadListingRules = async (storage: Storage, storeId: string): Promise<ConditionGroup | undefined> => {
  const raw = await storage.kv.get(rulesKey(storeId));
  if (raw === undefined) return undefined;
  return conditionGroupSchema.parse(JSON.parse(raw));
};

export const saveListingRules = async (storage: Storage, storeId: string, rules: ConditionGroup): Promise<void> => {
  await storage.kv.put(rulesKey(storeId), JSON.stringify(conditionGroupSchema.parse(rules)));
};

/** The Commerce attributes rules may use, as the conditions core describes them. */
export const loadAttributeCatalog = async (commerce: CommerceGateway): Promise<AttributeCatalog> => {
  const page = await commerce.searchProductAttributes(criteria().pageSize(500));
  const catalog: Record<string, AttributeMeta> = {};
  for (const a of page.items) {
    catalog[a.attribute_code] = {
      code: a.attribute_code,
      label: a.default_frontend_label ?? a.attribute_code,
      frontendInput: (a.frontend_input ?? 'text') as FrontendInput,
      usedForPromoRules: a.is_used_for_promo_rules === undefined ? true : a.is_used_for_promo_rules === '1',
      options: a.options?.filter((o) => o.value !== '').map((o) => ({ value: String(o.value), label: o.label })),
    };
  }
  return catalog;
};

/** The facts a condition line looks at, from a Commerce product. */
export const toProductFacts = (raw: Product): ProductFacts => {
  const attributes: Record<string, AttributeValue> = {};
  let categoryIds: number[] = [];
  for (const a of raw.custom_attributes ?? []) {
    if (a.attribute_code === 'category_ids' && Array.isArray(a.value)) categoryIds = a.value.map(Number);
    attributes[a.attribute_code] = Array.isArray(a.value)
      ? a.value.map(String)
      : (a.value as string | number | boolean | null);
  }
  return {
    sku: raw.sku,
    typeId: raw.type_id ?? 'simple',
    attributeSetId: Number(raw.attribute_set_id ?? 4),
    categoryIds,
    price: raw.price === undefined || raw.price === null ? null : String(raw.price),
    attributes: { ...attributes, name: raw.name ?? null, status: raw.status === undefined ? null : String(raw.status) },
  };
};

/** The store's rules as a predicate; undefined when every product is eligible (no rule lines). */
export const compileListingRules = (rules: ConditionGroup, catalog: AttributeCatalog): ProductPredicate | undefined =>
  rules.conditions.length === 0 ? undefined : compileConditionTree(rules, catalog);
