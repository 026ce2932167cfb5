import { z } from 'zod';
import { createServices } from '../../../src/app/services';
import { readStoreSettings, SETTINGS_SECTIONS, saveSettingsSection } from '../../../src/app/stores/settings';
import { storeIdSchema } from '../../../src/core/stores/new-store';
import { webAction } from '../../../src/platform/web-action';

const storeId = storeIdSchema;

/**
 * GET {storeId} → the store's listing and order settings plus the form descriptions the UI renders;
 * POST {storeId, section, values} → saves one section (one of the eight listing sections or `orderSettings`),
 * 400 naming each invalid field; the activity log records what changed.
 */
export const main = webAction({
  name: 'store-settings',
  get: {
    input: z.object({ storeId }),
    handler: async (input, ctx) => readStoreSettings(await createServices(ctx.inputs, ctx.clock), input.storeId),
  },
  post: {
    input: z.object({
      storeId,
      section: z.enum(SETTINGS_SECTIONS as [string, ...string[]], {
        message: `must be one of ${SETTINGS_SECTIONS.join(', ')}`,
      }),
      values: z.record(z.string(), z.unknown(), { message: 'must be an object of field values' }),
    }),
    handler: async (input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const saved = await saveSettingsSection(
        services,
        input.storeId,
        input.section as (typeof SETTINGS_SECTIONS)[number],
        input.values,
      );
      return {
        storeId: input.storeId,
        listing: saved.listing,
        order: saved.order,
        updatedAt: saved.updatedAt ?? null,
        changes: saved.changes,
      };
    },
  },
});
