import { authenticateWebRequest } from '../../src/platform/auth';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const jwt = (claims: Record<string, unknown>) =>
  ['eyJhbGciOiJSUzI1NiJ9', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'signature'].join('.');
const validToken = jwt({ created_at: String(NOW - 1000), expires_in: String(3600_000) });
const ORG = 'ABCDEF1234567890@AdobeOrg';
const request = (headers: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  __ow_headers: headers,
  ...extra,
});

describe('web action authentication', () => {
  it('accepts a valid IMS bearer token with an org header', () => {
    const auth = authenticateWebRequest(
      request({ authorization: `Bearer ${validToken}`, 'x-gw-ims-org-id': ORG }),
      NOW,
    );
    expect(auth.imsOrgId).toBe(ORG);
  });

  it.each([
    ['no headers at all', {}, /missing authorization/],
    ['no org header', { authorization: `Bearer ${validToken}` }, /x-gw-ims-org-id/],
    ['basic auth', { authorization: 'Basic dXNlcjpwYXNz', 'x-gw-ims-org-id': ORG }, /not a bearer/],
    ['garbage token', { authorization: 'Bearer not-a-token', 'x-gw-ims-org-id': ORG }, /invalid token/],
    [
      'expired token',
      {
        authorization: `Bearer ${jwt({ created_at: String(NOW - 7200_000), expires_in: '3600000' })}`,
        'x-gw-ims-org-id': ORG,
      },
      /expired/,
    ],
    ['token without expiry', { authorization: `Bearer ${jwt({ sub: 'x' })}`, 'x-gw-ims-org-id': ORG }, /no expiry/],
    ['malformed org', { authorization: `Bearer ${validToken}`, 'x-gw-ims-org-id': 'nope' }, /malformed/],
  ])('rejects %s', (_name, headers, reason) => {
    expect(() => authenticateWebRequest(request(headers as Record<string, string>), NOW)).toThrow(reason);
  });

  it('rejects another org when one is configured, and ignores an unresolved placeholder', () => {
    const headers = { authorization: `Bearer ${validToken}`, 'x-gw-ims-org-id': ORG };
    expect(() => authenticateWebRequest(request(headers, { ASC_IMS_ORG_ID: 'OTHER1234567@AdobeOrg' }), NOW)).toThrow(
      /not allowed/,
    );
    expect(authenticateWebRequest(request(headers, { ASC_IMS_ORG_ID: '$ASC_IMS_ORG_ID' }), NOW).token).toBe(validToken);
  });
});
