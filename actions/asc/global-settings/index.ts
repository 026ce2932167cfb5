import { z } from 'zod';
import { createServices } from '../../../src/app/services';
import { applySettingsUpdate, globalSettingsUpdateSchema } from '../../../src/core/settings/global-settings';
import { webAction } from '../../../src/platform/web-action';

const visible = (settings: Record<string, unknown>) => {
  const { commerceUrlFingerprint: _internal, ...shown } = settings;
  return shown;
};

/** GET → { settings }; POST a partial update → { settings }. SPEC 1.2. */
export const main = webAction({
  name: 'global-settings',
  get: {
    input: z.object({}),
    handler: async (_input, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      return { settings: visible(await services.settings()) };
    },
  },
  post: {
    input: globalSettingsUpdateSchema,
    handler: async (update, ctx) => {
      const services = await createServices(ctx.inputs, ctx.clock);
      const current = await services.settings();
      const next = applySettingsUpdate(current, update, new Date(ctx.clock.now()).toISOString());
      await services.storage.settings.save(next);
      const changed = Object.keys(update).filter(
        (key) => current[key as keyof typeof current] !== next[key as keyof typeof next],
      );
      if (changed.length > 0) {
        await services.storage.logs.activity.append({
          action: 'Global settings changed',
          comments: changed.join(', '),
        });
      }
      return { settings: visible(next) };
    },
  },
});
