import { CommerceAuthenticator, demoIntegration } from '../../../src/emulators/commerce/auth';
import {
  CommerceAuthConfigError,
  createAuthProvider,
  createCommerceGateway,
  resolveCommerceAuth,
} from '../../../src/adapters/commerce';
import { startScriptedServer } from './helpers/scripted-server';

const integrationInputs = {
  AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: demoIntegration.consumerKey,
  AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: demoIntegration.consumerSecret,
  AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: demoIntegration.accessToken,
  AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: demoIntegration.accessTokenSecret,
};
const imsInputs = {
  AIO_COMMERCE_AUTH_IMS_CLIENT_ID: 'ims-client',
  AIO_COMMERCE_AUTH_IMS_CLIENT_SECRETS: '["s1"]',
  AIO_COMMERCE_AUTH_IMS_TECHNICAL_ACCOUNT_ID: 'tech@techacct.adobe.com',
  AIO_COMMERCE_AUTH_IMS_TECHNICAL_ACCOUNT_EMAIL: 'tech@example.com',
  AIO_COMMERCE_AUTH_IMS_ORG_ID: 'ORG@AdobeOrg',
  AIO_COMMERCE_AUTH_IMS_SCOPES: 'AdobeID,openid,commerce.accs',
};

describe('choosing the Commerce credential from action inputs', () => {
  it('prefers the OAuth 1.0a integration when both integration and IMS inputs are set (PaaS must not break)', () => {
    expect(resolveCommerceAuth({ ...imsInputs, ...integrationInputs }).strategy).toBe('integration');
  });

  it('falls back to IMS when the integration inputs are dev-mode $VAR placeholders or empty', () => {
    const placeholders = {
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: '$AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY',
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: '$COMMERCE_CONSUMER_SECRET',
      AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: '',
      AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: '',
    };
    const auth = resolveCommerceAuth({ ...placeholders, ...imsInputs });
    expect(auth.strategy).toBe('ims');
    if (auth.strategy !== 'ims') throw new Error('unreachable');
    expect(auth.params.clientSecrets).toEqual(['s1']);
    expect(auth.params.imsOrgId).toBe('ORG@AdobeOrg');
  });

  it('uses a forwarded IMS token when neither full credential is configured', () => {
    expect(resolveCommerceAuth({ AIO_COMMERCE_AUTH_IMS_TOKEN: 'tok' }).strategy).toBe('bearer');
  });

  it('names the missing inputs, never the values, when the integration is half configured', () => {
    const partial = {
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: 'key-value-123',
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: 'secret-value-456',
    };
    let caught: unknown;
    try {
      resolveCommerceAuth(partial);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CommerceAuthConfigError);
    const error = caught as CommerceAuthConfigError;
    expect(error.missingInputs).toEqual([
      'AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN',
      'AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET',
    ]);
    expect(error.message).not.toContain('secret-value-456');
    expect(error.message).not.toContain('key-value-123');
  });

  it('rejects inputs with no credential at all', () => {
    expect(() => resolveCommerceAuth({})).toThrow(CommerceAuthConfigError);
  });

  it('adds the IMS org header for bearer credentials that carry one', async () => {
    const provider = createAuthProvider({
      strategy: 'bearer',
      getToken: () => 't1',
      apiKey: 'k',
      imsOrgId: 'O@AdobeOrg',
    });
    expect(await provider.headersFor('GET', 'http://x/V1/a')).toEqual({
      Authorization: 'Bearer t1',
      'x-api-key': 'k',
      'x-gw-ims-org-id': 'O@AdobeOrg',
    });
  });
});

describe('signing real requests', () => {
  it('sends an HMAC-SHA256 OAuth 1.0a header that Commerce verifies, signing the bracketed searchCriteria query', async () => {
    const verifier = new CommerceAuthenticator(demoIntegration);
    const outcomes: boolean[] = [];
    const server = await startScriptedServer((req) => {
      const [path, query = ''] = req.url.split('?');
      const outcome = verifier.verify({
        method: req.method,
        origin: server.origin,
        path,
        query: new URLSearchParams(query),
        authorization: req.headers.authorization,
        wallClockMs: Date.now(),
      });
      outcomes.push(outcome.ok);
      return outcome.ok
        ? { status: 200, json: { items: [], total_count: 0 } }
        : {
            status: 401,
            json: {
              message: "The consumer isn't authorized to access %resources.",
              parameters: { resources: 'Magento_Catalog::products' },
            },
          };
    });
    try {
      const gateway = createCommerceGateway({ baseUrl: server.baseUrl, params: integrationInputs });
      expect(gateway.authStrategy).toBe('integration');
      const { criteria } = await import('../../../src/adapters/commerce');
      await gateway.searchProducts(
        criteria().where('sku', 'like', 'AB%').where('type_id', 'in', ['simple', 'virtual']).pageSize(5),
      );
      expect(outcomes).toEqual([true]);
      expect(server.requests[0].headers.authorization).toMatch(/^OAuth .*oauth_signature_method="HMAC-SHA256"/);

      const wrong = createCommerceGateway({
        baseUrl: server.baseUrl,
        params: { ...integrationInputs, AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: 'not-the-secret' },
      });
      await expect(wrong.searchProducts()).rejects.toMatchObject({
        status: 401,
        commerceMessage: "The consumer isn't authorized to access Magento_Catalog::products.",
      });
    } finally {
      await server.close();
    }
  });
});
