import { z } from 'zod';
import { SearchCriteria } from '../../../src/adapters/commerce';
import { createServices } from '../../../src/app/services';
import { webAction } from '../../../src/platform/web-action';

/**
 * GET → what the Add Store dialog and the settings pickers choose from, read live from Commerce:
 * websites, store views, product attributes (code, label, input type) and currency rates from the base currency.
 * Currency information is PaaS-only; on SaaS `currency` is null and the picker says rates are unavailable.
 */
export const main = webAction({
  name: 'commerce-options',
  get: {
    input: z.object({}),
    handler: async (_input, ctx) => {
      const commerce = (await createServices(ctx.inputs, ctx.clock)).commerce();
      const [websites, storeViews, attributes, currency] = await Promise.all([
        commerce.listWebsites(),
        commerce.listStoreViews(),
        commerce.searchProductAttributes(SearchCriteria.create().pageSize(500)),
        commerce.getCurrencyInformation().catch(() => null),
      ]);
      return {
        websites: websites
          .filter((website) => website.id !== 0)
          .map((website) => ({ code: website.code, name: website.name, id: website.id })),
        storeViews: storeViews
          .filter((view) => view.id !== 0)
          .map((view) => ({ code: view.code, name: view.name, websiteId: view.website_id })),
        attributes: attributes.items
          .map((attribute) => ({
            code: attribute.attribute_code,
            label: attribute.default_frontend_label || attribute.attribute_code,
            input: attribute.frontend_input ?? 'text',
          }))
          .sort((a, b) => a.label.localeCompare(b.label)),
        currency: currency && {
          base: currency.base_currency_code,
          rates: currency.exchange_rates
            .filter((rate) => rate.currency_to !== currency.base_currency_code)
            .map((rate) => ({ from: currency.base_currency_code, to: rate.currency_to, rate: String(rate.rate) })),
        },
      };
    },
  },
});
