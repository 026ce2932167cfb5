import { useSyncExternalStore } from 'react';

/** Query of the hash route (`#/?store=us-1&section=listingPrice` → {store, section}); follows `hashchange`. */
const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

const queryOf = (hash: string): string => hash.split('?')[1] ?? '';

export const useHashQuery = (): URLSearchParams =>
  new URLSearchParams(useSyncExternalStore(subscribe, () => queryOf(window.location.hash)));

/** Link to a store's dashboard (home route with `store`), optionally at one settings section. */
export const storeHref = (storeId: string, section?: string): string =>
  `#/?store=${encodeURIComponent(storeId)}${section ? `&section=${encodeURIComponent(section)}` : ''}`;

/** Link to another area's page for one store; those pages read `store` from the hash query. */
export const areaHref = (area: string, storeId: string): string => `#/${area}?store=${encodeURIComponent(storeId)}`;
