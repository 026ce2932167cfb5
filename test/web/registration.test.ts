import { main } from '../../actions/admin-ui-sdk/registration/index';
import { EXTENSION_ID, MARKETING_MENU_ID } from '../../actions/admin-ui-sdk/registration/menu';
import { EXTENSION_ID as WEB_EXTENSION_ID } from '../../web-src/src/host/session';

/** An IMS-shaped access token (the wrapper checks shape and expiry; the gateway checks the signature). */
const imsToken = (expiresInMs: number) => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part({ created_at: String(Date.now()), expires_in: String(expiresInMs) })}.sig`;
};
const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'x-gw-ims-org-id': 'ORG1234567890@AdobeOrg' });

test('registers Marketing > Channels > Amazon Sales Channel and the page title', async () => {
  const response = await main({ __ow_method: 'get', __ow_headers: headers(imsToken(60_000)) });
  expect(response.statusCode).toBe(200);
  const { registration } = response.body as {
    registration: { menuItems: Array<Record<string, unknown>>; page: { title: string } };
  };
  const section = registration.menuItems.find((item) => item.isSection);
  const item = registration.menuItems.find((entry) => !entry.isSection);
  expect(section).toMatchObject({ title: 'Channels', parent: MARKETING_MENU_ID });
  expect(item).toMatchObject({ title: 'Amazon Sales Channel', parent: section?.id });
  expect(registration.page).toEqual({ title: 'Amazon Sales Channel' });
  for (const entry of registration.menuItems) expect(String(entry.id)).toMatch(new RegExp(`^${EXTENSION_ID}::`));
});

test('the web app registers under the id the menu items use', () => {
  expect(WEB_EXTENSION_ID).toBe(EXTENSION_ID);
});

test('refuses a request without the Admin identity', async () => {
  const missing = await main({ __ow_method: 'get', __ow_headers: {} });
  expect(missing.statusCode).toBe(401);
  const expired = await main({ __ow_method: 'get', __ow_headers: headers(imsToken(-1000)) });
  expect(expired.statusCode).toBe(401);
  const noOrg = await main({ __ow_method: 'get', __ow_headers: { authorization: `Bearer ${imsToken(60_000)}` } });
  expect(noOrg.statusCode).toBe(401);
});
