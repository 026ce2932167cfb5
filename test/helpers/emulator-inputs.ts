import { generateEncryptionKey } from '../../src/platform/crypto';

/**
 * The action inputs of an app wired to the two emulators: in-memory State, a fresh encryption key, the demo LWA
 * client and Commerce integration credentials. `extra` adds or overrides inputs (ASC_TIME_SCALE…).
 */
export const emulatorInputs = (
  amazonUrl: string,
  commerceBaseUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> => ({
  ASC_STORAGE: 'memory',
  ASC_ENCRYPTION_KEY: generateEncryptionKey(),
  AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.demo',
  AMAZON_LWA_CLIENT_SECRET: 'demo-lwa-client-secret',
  AMAZON_EMULATOR_URL: amazonUrl,
  COMMERCE_BASE_URL: commerceBaseUrl,
  AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: 'demo-consumer-key',
  AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: 'demo-consumer-secret',
  AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: 'demo-access-token',
  AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: 'demo-access-token-secret',
  LOG_LEVEL: 'error',
  ...extra,
});
