/**
 * The listings integration suites' shared world: both emulators seeded with the demo scenario (seed 1, Amazon
 * sped up 2000×), fresh embedded storage with the demo stores, demo-us's listing settings pointed at the demo
 * catalogue's identifier attributes, and helpers to call actions as the merchant.
 */
import { resetEmbeddedStorage } from '../../../src/adapters/state';
import { seedLocalDemo } from '../../../src/app/local-demo';
import { createServices } from '../../../src/app/services';
import { loadStoreSettings, saveStoreSettings } from '../../../src/app/store-settings';
import { type AmazonEmulator, startAmazonEmulator } from '../../../src/emulators/amazon';
import { type RunningCommerceEmulator, startCommerceEmulator } from '../../../src/emulators/commerce';
import { buildDemoScenario, type DemoScenario } from '../../../src/emulators/demo';
import { authHeaders } from '../../helpers/auth';
import { emulatorInputs } from '../../helpers/emulator-inputs';

export const SELLER = 'A1DEMOSELLER0001';
export const US = 'ATVPDKIKX0DER';
export const STORE = 'demo-us';

/** Filled by setUpListingsEnvironment's beforeAll; read it inside tests and hooks only. */
export const env = {} as { amazon: AmazonEmulator; commerce: RunningCommerceEmulator; inputs: Record<string, string> };

export interface ListingsEnvironmentOptions {
  /** Changes the demo scenario before the emulators start (extra listings, special prices…). */
  scenario?: (scenario: DemoScenario) => DemoScenario;
  /** Catalog Search (SPEC 3.7) reads the demo catalogue's ASINs from `asin` and identifiers from ean / upc / isbn. */
  catalogSearch?: boolean;
  /** Third-party listings are matched to Commerce products by the `asin` attribute. */
  thirdPartyAsin?: boolean;
}

/** Starts both emulators and seeds storage once per file (beforeAll), and closes them after the file (afterAll). */
export const setUpListingsEnvironment = (options: ListingsEnvironmentOptions = {}): void => {
  beforeAll(async () => {
    const scenario = (options.scenario ?? ((s) => s))(buildDemoScenario(1));
    [env.amazon, env.commerce] = await Promise.all([
      startAmazonEmulator({ port: 0, speedUp: 2000, seed: scenario.amazon }),
      startCommerceEmulator({ port: 0, seed: scenario.commerce }),
    ]);
    env.inputs = emulatorInputs(env.amazon.url, env.commerce.baseUrl, { ASC_TIME_SCALE: '2000' });
    resetEmbeddedStorage();
    await seedLocalDemo(env.inputs);
    if (!options.catalogSearch && !options.thirdPartyAsin) return;
    const services = await createServices(env.inputs);
    const settings = await loadStoreSettings(services.storage, STORE);
    const listing = { ...settings.listing };
    if (options.catalogSearch) {
      listing.catalogSearch = {
        ...listing.catalogSearch,
        asinAttribute: 'asin',
        eanAttribute: 'ean',
        upcAttribute: 'upc',
        isbnAttribute: 'isbn',
      };
    }
    if (options.thirdPartyAsin) {
      listing.thirdPartyListings = { ...listing.thirdPartyListings, asinAttribute: 'asin' };
    }
    await saveStoreSettings(services.storage, STORE, { ...settings, listing });
  }, 30_000);

  afterAll(async () => {
    await Promise.all([env.amazon?.close(), env.commerce?.close()]);
  });
};

// biome-ignore lint/suspicious/noExplicitAny: action answers are read field by field in assertions
export type Body = Record<string, any>;
type Action = (p: Record<string, unknown>) => Promise<unknown>;

/** Calls an action as the signed-in merchant and returns its whole answer. */
export const send = async (action: Action, method: string, params: Body) =>
  (await action({ ...env.inputs, __ow_method: method, __ow_headers: authHeaders(), ...params })) as {
    statusCode: number;
    body: Body;
  };

/** Calls an action and returns its body, throwing on anything but 200. */
export const call = async (action: Action, method: string, params: Body) => {
  const response = await send(action, method, params);
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${JSON.stringify(response.body)}`);
  return response.body;
};

/** The seller's listings Amazon holds in the US marketplace, read from the emulator's control API. */
export const amazonListings = async (): Promise<Body[]> =>
  ((await env.amazon.control.call('GET', `/listings?sellerId=${SELLER}`)).body as { listings: Body[] }).listings.filter(
    (l) => l.marketplaceId === US,
  );
