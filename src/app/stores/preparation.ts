import { authorizationState } from '../../core/store';
import type { Services } from '../services';
import { loadStoreSettings } from '../store-settings';
import { lastJobRun } from './heartbeat';

/**
 * The pre-setup tasks the app can check by itself (SPEC 2.1 tasks 1, 5, 6 and the Amazon grant): each is
 * done, to do (with what is missing, in the merchant's words) or unknown (the check itself could not run).
 */
export type CheckStatus = 'done' | 'todo' | 'unknown';
export interface PreparationCheck {
  id: 'alarms' | 'identifiers' | 'currency' | 'authorization';
  status: CheckStatus;
  detail: string;
}

const IDENTIFIER_FIELDS = [
  'asinAttribute',
  'eanAttribute',
  'gcidAttribute',
  'isbnAttribute',
  'upcAttribute',
  'gtinAttribute',
  'janAttribute',
  'productIdAttribute',
] as const;

const ALARM_FRESH_MS = 5 * 60_000;

const failure = (error: unknown) =>
  `Commerce could not be asked (${error instanceof Error ? error.message : 'no answer'}).`;

export const preparationChecks = async (services: Services): Promise<PreparationCheck[]> => {
  const now = services.clock.now();
  const stores = await services.storage.stores.list();
  const checks: PreparationCheck[] = [];

  const lastFlush = await lastJobRun(services.storage, 'outbox-flush');
  checks.push(
    lastFlush && now - Date.parse(lastFlush) <= ALARM_FRESH_MS
      ? { id: 'alarms', status: 'done', detail: `Background jobs are running (last run ${lastFlush}).` }
      : {
          id: 'alarms',
          status: 'todo',
          detail: lastFlush
            ? `Background jobs last ran at ${lastFlush}; they should run every minute. Check the app's alarms in I/O Runtime.`
            : 'Background jobs have not run yet. Deploy the app with its alarms (app.config.yaml) and wait a minute.',
        },
  );

  try {
    const commerce = services.commerce();
    const missing: string[] = [];
    for (const store of stores) {
      const { catalogSearch } = (await loadStoreSettings(services.storage, store.id)).listing;
      const codes = [...new Set(IDENTIFIER_FIELDS.map((field) => catalogSearch[field]).filter(Boolean))] as string[];
      const existing: string[] = [];
      for (const code of codes) {
        const found = await commerce.getProductAttribute(code).then(
          () => true,
          () => false,
        );
        if (found) existing.push(code);
      }
      if (existing.length === 0) missing.push(store.name);
    }
    checks.push(
      stores.length === 0
        ? { id: 'identifiers', status: 'todo', detail: 'Add a store, then map its identifier attributes (ASIN, EAN…).' }
        : missing.length === 0
          ? {
              id: 'identifiers',
              status: 'done',
              detail: 'Every store maps at least one identifier attribute that exists in Commerce.',
            }
          : {
              id: 'identifiers',
              status: 'todo',
              detail: `No identifier attribute found in Commerce for: ${missing.join(', ')}. Create amazon_asin (or EAN/UPC/ISBN) and map it under Catalog Search.`,
            },
    );
  } catch (error) {
    checks.push({ id: 'identifiers', status: 'unknown', detail: failure(error) });
  }

  try {
    const currency = await services.commerce().getCurrencyInformation();
    const rates = new Set(currency.exchange_rates.map((rate) => rate.currency_to));
    const lacking = stores.filter(
      (store) => store.currency !== currency.base_currency_code && !rates.has(store.currency),
    );
    checks.push(
      lacking.length === 0
        ? {
            id: 'currency',
            status: 'done',
            detail: `Every store's marketplace currency is ${currency.base_currency_code} or has a rate from it.`,
          }
        : {
            id: 'currency',
            status: 'todo',
            detail: `No ${currency.base_currency_code} rate to ${[...new Set(lacking.map((s) => s.currency))].join(', ')} (${lacking.map((s) => s.name).join(', ')}). Add it in Stores > Currency Rates.`,
          },
    );
  } catch (error) {
    checks.push({ id: 'currency', status: 'unknown', detail: failure(error) });
  }

  const unauthorised = stores.filter((store) => {
    const state = authorizationState(store, now).state;
    return state === 'missing' || state === 'expired';
  });
  const renewal = stores.filter((store) => authorizationState(store, now).state === 'renewal_due');
  checks.push(
    stores.length === 0
      ? { id: 'authorization', status: 'todo', detail: 'Add a store and authorise it in Seller Central.' }
      : unauthorised.length > 0
        ? {
            id: 'authorization',
            status: 'todo',
            detail: `Not authorised with Amazon: ${unauthorised.map((s) => s.name).join(', ')}. Use Authorize on the store card.`,
          }
        : {
            id: 'authorization',
            status: 'done',
            detail:
              renewal.length > 0
                ? `All stores are authorised; renew soon: ${renewal.map((s) => s.name).join(', ')}.`
                : 'All stores are authorised with Amazon.',
          },
  );
  return checks;
};
