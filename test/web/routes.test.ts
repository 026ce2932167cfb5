import { hrefOf, isRegistrationHash, ROUTES, routeFromHash } from '../../web-src/src/routes';

test('every product area has a route and a link to it', () => {
  expect(ROUTES.map((route) => route.id)).toEqual([
    'home',
    'listings',
    'pricing',
    'orders',
    'logs',
    'reports',
    'settings',
    'learning',
  ]);
  for (const route of ROUTES) expect(routeFromHash(hrefOf(route.id))).toBe(route.id);
});

test('hashes map to pages; unknown ones land on Home', () => {
  expect(routeFromHash('#/logs?storeId=s1')).toBe('logs');
  expect(routeFromHash('#/settings/')).toBe('settings');
  expect(routeFromHash('#/nope')).toBe('home');
  expect(routeFromHash('')).toBe('home');
});

test('the index route is where the Admin registers the extension', () => {
  expect(isRegistrationHash('')).toBe(true);
  expect(isRegistrationHash('#/')).toBe(true);
  expect(isRegistrationHash('#/index.html')).toBe(true);
  expect(isRegistrationHash('#/settings')).toBe(false);
});
