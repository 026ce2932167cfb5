/** The product areas, in navigation order. Hash routes, so the same bundle works from any static host. */
export const ROUTES = [
  { id: 'home', path: '/', label: 'Amazon Stores' },
  { id: 'listings', path: '/listings', label: 'Listings' },
  { id: 'pricing', path: '/pricing', label: 'Pricing' },
  { id: 'orders', path: '/orders', label: 'Orders' },
  { id: 'logs', path: '/logs', label: 'Logs' },
  { id: 'reports', path: '/reports', label: 'Reports' },
  { id: 'settings', path: '/settings', label: 'Settings' },
  { id: 'learning', path: '/learning', label: 'Learning & Preparation' },
] as const;

export type RouteId = (typeof ROUTES)[number]['id'];

/** `#/logs?x=1` → 'logs'. The index route (`''`, `#/`, `#/index.html`) and unknown paths are Home. */
export const routeFromHash = (hash: string): RouteId => {
  const path = hash.replace(/^#/, '').split('?')[0].replace(/\/+$/, '') || '/';
  const match = ROUTES.find((route) => route.path === path);
  return match ? match.id : 'home';
};

/** Where the Admin loads the app to register it: no route, `#/` or `#/index.html`. */
export const isRegistrationHash = (hash: string): boolean => {
  const path = hash.replace(/^#/, '').split('?')[0];
  return path === '' || path === '/' || path === '/index.html' || path === 'index.html';
};

export const hrefOf = (id: RouteId): string => `#${ROUTES.find((route) => route.id === id)?.path ?? '/'}`;
