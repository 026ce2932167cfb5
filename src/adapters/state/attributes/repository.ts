import { type AttributeMapping, attributeMappingsSchema } from '../../../core/listings/attributes';
import { buildKey, type Storage } from '..';

/** The attribute mapping of one store (SPEC 3.12), one State value: a few hundred rows at most. */
export const attributesKey = (storeId: string) => buildKey('attributes', storeId);

export const loadAttributeMappings = async (storage: Storage, storeId: string): Promise<AttributeMapping[] | null> => {
  const raw = await storage.kv.get(attributesKey(storeId));
  if (raw === undefined) return null;
  const parsed = attributeMappingsSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
};

export const saveAttributeMappings = async (
  storage: Storage,
  storeId: string,
  mappings: AttributeMapping[],
): Promise<void> => {
  await storage.kv.put(attributesKey(storeId), JSON.stringify(attributeMappingsSchema.parse(mappings)));
};
