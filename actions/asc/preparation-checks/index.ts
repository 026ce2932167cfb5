import { z } from 'zod';
import { createServices } from '../../../src/app/services';
import { preparationChecks } from '../../../src/app/stores/preparation';
import { webAction } from '../../../src/platform/web-action';

/** GET → { checks }: the pre-setup tasks the app can verify itself (Learning & Preparation). */
export const main = webAction({
  name: 'preparation-checks',
  get: {
    input: z.object({}),
    handler: async (_input, ctx) => ({ checks: await preparationChecks(await createServices(ctx.inputs, ctx.clock)) }),
  },
});
