/** Headers a web action accepts: an unexpired JWT-shaped IMS token and an org id. */
export const TEST_ORG = 'TESTORG1234567890@AdobeOrg';

export const imsToken = (nowMs = Date.now(), lifetimeMs = 3600_000): string =>
  [
    Buffer.from(JSON.stringify({ alg: 'RS256' })).toString('base64url'),
    Buffer.from(
      JSON.stringify({ created_at: String(nowMs), expires_in: String(lifetimeMs), type: 'access_token' }),
    ).toString('base64url'),
    'signature',
  ].join('.');

export const authHeaders = (nowMs = Date.now()) => ({
  authorization: `Bearer ${imsToken(nowMs)}`,
  'x-gw-ims-org-id': TEST_ORG,
});
