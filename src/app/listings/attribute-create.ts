import { CommerceApiError, type NewProductAttributeInput } from '../../adapters/commerce';
import { saveAttributeMappings } from '../../adapters/state/attributes/repository';
import { type AttributeMapping, withEdits } from '../../core/listings/attributes';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { loadOrDiscoverMappings } from './attributes';
import type { ListingsContext } from './context';

/**
 * The Attributes Create form (SPEC 3.12, "Create New Magento Attribute"): a new Commerce product attribute is
 * created (POST /V1/products/attributes), joined to the chosen attribute sets through each set's first group,
 * and the Amazon attribute is mapped to it. Scope: Global or Store View (Commerce `global` / `store`).
 */
export interface CreateAttributeInput {
  amazonAttribute: string;
  code: string;
  label: string;
  frontendInput: NewProductAttributeInput['frontendInput'];
  scope: 'global' | 'store';
  attributeSetIds: number[];
  usedForPromoRules: boolean;
  searchable: boolean;
  comparable: boolean;
  active: boolean;
  overwrite: boolean;
  /** Initial option labels of a select attribute (more are added from Matching Attribute Values). */
  options?: string[];
}

export const createMappedAttribute = async (
  lc: ListingsContext,
  input: CreateAttributeInput,
): Promise<{ mappings: AttributeMapping[]; attribute: { code: string; attributeSetIds: number[] } }> => {
  const mappings = await loadOrDiscoverMappings(lc);
  const row = mappings.find(
    (m) => m.marketplaceCountry === lc.store.country && m.amazonAttribute === input.amazonAttribute,
  );
  if (!row) throw new NotFoundError(`Amazon attribute ${input.amazonAttribute} is not in the store's mapping`);
  const commerce = lc.services.commerce();
  const existing = await commerce.getProductAttribute(input.code).catch((error: unknown) => {
    if (error instanceof CommerceApiError && error.status === 404) return undefined;
    throw error;
  });
  if (existing)
    throw new ConflictError(
      `Commerce already has an attribute ${input.code}; choose it with Edit instead of creating it`,
    );
  // Every set must have a group before anything is created, so a bad set id leaves no half-made attribute.
  const groups: Array<{ attributeSetId: number; attributeGroupId: number }> = [];
  for (const attributeSetId of input.attributeSetIds) {
    const [group] = await commerce.listAttributeGroups(attributeSetId);
    if (!group)
      throw new ValidationError(`attribute set ${attributeSetId} does not exist in Commerce`, {
        attributeSetIds: `no attribute set ${attributeSetId}`,
      });
    groups.push({ attributeSetId, attributeGroupId: group.attributeGroupId });
  }
  try {
    await commerce.createProductAttribute({
      code: input.code,
      label: input.label,
      frontendInput: input.frontendInput,
      scope: input.scope,
      usedForPromoRules: input.usedForPromoRules,
      searchable: input.searchable,
      comparable: input.comparable,
      options: input.options,
    });
  } catch (error) {
    if (error instanceof CommerceApiError && error.status === 400)
      throw new ValidationError(`Commerce refused the attribute: ${error.commerceMessage}`, {
        code: error.commerceMessage,
      });
    throw error;
  }
  for (const group of groups) await commerce.assignAttributeToSet({ ...group, code: input.code });
  const saved = withEdits(mappings, [
    { ...row, commerceAttribute: input.code, active: input.active, overwrite: input.overwrite },
  ]);
  await saveAttributeMappings(lc.services.storage, lc.store.id, saved);
  return { mappings: saved, attribute: { code: input.code, attributeSetIds: input.attributeSetIds } };
};

/** Adds a missing option to a select attribute (from the Matching Attribute Values tab); returns its id. */
export const addAttributeOption = async (lc: ListingsContext, code: string, label: string): Promise<string> => {
  try {
    return await lc.services.commerce().addAttributeOption(code, label);
  } catch (error) {
    if (error instanceof CommerceApiError && (error.status === 400 || error.status === 404))
      throw new ValidationError(`Commerce refused the option: ${error.commerceMessage}`, {
        label: error.commerceMessage,
      });
    throw error;
  }
};
