/**
 * A disposable environment for the quality suites: both emulators on random ports, in-memory storage seeded with
 * the demo stores, and the package inputs an action gets (events verified with the suites' own signing key).
 */
import { createStorage, resetEmbeddedStorage, type Storage } from '../../src/adapters/state';
import { seedLocalDemo } from '../../src/app/local-demo';
import { type AmazonEmulator, startAmazonEmulator } from '../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../src/emulators/amazon/seed';
import { demoIntegration, type RunningCommerceEmulator, startCommerceEmulator } from '../../src/emulators/commerce';
import { buildDemoScenario } from '../../src/emulators/demo';
import { generateEncryptionKey } from '../../src/platform/crypto';
import { eventKeys } from './actions';

export interface QualityEnvironment {
  amazon: AmazonEmulator;
  commerce: RunningCommerceEmulator;
  inputs: Record<string, string>;
  storage: Storage;
  close(): Promise<void>;
}

/** `amazonSpeedUp`: emulated seconds per real second (default 1; chaos comparisons read Amazon at real speed). */
export const startQualityEnvironment = async (
  options: { amazonSpeedUp?: number } = {},
): Promise<QualityEnvironment> => {
  const scenario = buildDemoScenario(1);
  const amazon = await startAmazonEmulator({
    port: 0,
    seed: scenario.amazon ?? DEMO_AMAZON_SEED,
    speedUp: options.amazonSpeedUp ?? 1,
  });
  const commerce = await startCommerceEmulator({ port: 0, seed: scenario.commerce });
  const inputs: Record<string, string> = {
    LOG_LEVEL: 'error',
    ASC_STORAGE: 'memory',
    ASC_LOCK_SETTLE_MS: '0',
    ASC_ENCRYPTION_KEY: generateEncryptionKey(),
    AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.demo',
    AMAZON_LWA_CLIENT_SECRET: 'demo-lwa-client-secret',
    AMAZON_EMULATOR_URL: amazon.url,
    ASC_TIME_SCALE: '1000',
    COMMERCE_BASE_URL: commerce.baseUrl,
    AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: demoIntegration.consumerKey,
    AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: demoIntegration.consumerSecret,
    AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: demoIntegration.accessToken,
    AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: demoIntegration.accessTokenSecret,
    EVENTS_PUBLIC_KEY_PEM: eventKeys.publicKey,
  };
  resetEmbeddedStorage();
  await seedLocalDemo(inputs);
  const storage = await createStorage(inputs);
  return {
    amazon,
    commerce,
    inputs,
    storage,
    close: async () => {
      await Promise.all([amazon.close(), commerce.close()]);
      resetEmbeddedStorage();
    },
  };
};
