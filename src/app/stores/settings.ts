import { describeOrderSettingsForm, describeSettingsForm } from '../../core/listings/settings-form';
import {
  LISTING_SETTINGS_SECTIONS,
  type ListingSettingsSection,
  type SettingsFieldError,
  validateSettingsUpdate,
} from '../../core/settings/listing-settings';
import { validateOrderSettingsUpdate } from '../../core/settings/order-settings';
import { describeChanges, diffSettings } from '../../core/stores/settings-changes';
import { ValidationError } from '../../platform/errors';
import type { Services } from '../services';
import { loadStoreSettings, type StoreSettings, saveStoreSettings } from '../store-settings';
import { requireStore } from './lifecycle';

/** Listing settings (SPEC 3.1–3.8) and order settings (SPEC 6.1) of one store: read, validate, save, log. */

export type SettingsSection = ListingSettingsSection | 'orderSettings';
export const SETTINGS_SECTIONS: SettingsSection[] = [...LISTING_SETTINGS_SECTIONS, 'orderSettings'];

export const readStoreSettings = async (services: Services, storeId: string) => {
  const store = await requireStore(services.storage, storeId);
  const settings = await loadStoreSettings(services.storage, storeId);
  return {
    storeId,
    country: store.country,
    listing: settings.listing,
    order: settings.order,
    updatedAt: settings.updatedAt ?? null,
    listingForm: describeSettingsForm(),
    orderForm: describeOrderSettingsForm(),
  };
};

/** Field path → the label the merchant sees, so messages read "Maximum Listed Quantity must be at least 1". */
const FIELD_LABELS = new Map(
  [...(describeSettingsForm().sections ?? []), ...(describeOrderSettingsForm().sections ?? [])].flatMap((section) =>
    section.fields.map((field) => [field.id, field.label] as const),
  ),
);

const inMerchantWords = (error: SettingsFieldError): string => {
  const label = FIELD_LABELS.get(error.field);
  return label && error.message.startsWith(error.field)
    ? `${label}${error.message.slice(error.field.length)}`
    : error.message;
};

const refuse = (errors: SettingsFieldError[]): never => {
  const worded = errors.map((error) => ({ ...error, message: inMerchantWords(error) }));
  const fields = Object.fromEntries(worded.map((error) => [error.field || '(request)', error.message]));
  throw new ValidationError(`The settings were not saved: ${worded.map((e) => e.message).join('; ')}`, fields);
};

/** Saves one section; nothing is written unless every field is valid. The activity log says what changed. */
export const saveSettingsSection = async (
  services: Services,
  storeId: string,
  section: SettingsSection,
  values: Record<string, unknown>,
): Promise<StoreSettings & { changes: string }> => {
  const store = await requireStore(services.storage, storeId);
  const current = await loadStoreSettings(services.storage, storeId);
  let next: StoreSettings;
  if (section === 'orderSettings') {
    const result = validateOrderSettingsUpdate(current.order, values);
    if (!result.ok) return refuse(result.errors);
    next = { ...current, order: result.settings };
  } else {
    const result = validateSettingsUpdate(current.listing, { [section]: values }, { country: store.country });
    if (!result.ok) return refuse(result.errors);
    next = { ...current, listing: result.settings };
  }
  const changes =
    section === 'orderSettings'
      ? diffSettings({ orderSettings: current.order }, { orderSettings: next.order })
      : diffSettings(current.listing, next.listing);
  const updatedAt = new Date(services.clock.now()).toISOString();
  if (changes.length === 0) return { ...current, changes: '' };
  const saved = { ...next, updatedAt };
  await saveStoreSettings(services.storage, storeId, saved);
  const description = describeChanges(changes);
  await services.storage.logs.activity.append({
    storeId,
    action: section === 'orderSettings' ? 'Order settings changed' : 'Listing settings changed',
    comments: description,
  });
  return { ...saved, changes: description };
};
