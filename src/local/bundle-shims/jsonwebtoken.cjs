// Bundles only: webpack-config.cjs aliases `jsonwebtoken` here for aio-lib-ims-jwt alone, which calls only
// `sign(payload, key, { algorithm: 'RS256' }, null)` to build the JWT it exchanges for an IMS token (and turns any
// throw into its INVALID_KEY error). jsonwebtoken with semver, jws and the lodash helpers is ~80 kB of every bundle;
// this signs the same token with node:crypto (RS256 is deterministic: test/local/bundle-shims.test.ts compares the
// tokens byte for byte).
const crypto = require('node:crypto');

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

const sign = (payload, secretOrPrivateKey, options) => {
  if (options?.algorithm !== 'RS256' || typeof payload !== 'object' || payload === null) {
    throw new Error('only RS256 object payloads are bundled (aio-lib-ims-jwt)');
  }
  const key =
    typeof secretOrPrivateKey === 'string'
      ? crypto.createPrivateKey(secretOrPrivateKey)
      : crypto.createPrivateKey({ key: secretOrPrivateKey.key, passphrase: secretOrPrivateKey.passphrase });
  if (key.asymmetricKeyType !== 'rsa') throw new Error('secretOrPrivateKey must be an RSA key for RS256');
  const claims = { ...payload };
  claims.iat = payload.iat || Math.floor(Date.now() / 1000);
  const signingInput = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}`;
  const signature = crypto.sign('RSA-SHA256', Buffer.from(signingInput), key).toString('base64url');
  return `${signingInput}.${signature}`;
};

module.exports = { sign };
