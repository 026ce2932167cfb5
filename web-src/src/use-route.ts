import { useSyncExternalStore } from 'react';
import { type RouteId, routeFromHash } from './routes';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current page, following `hashchange`. */
export const useRoute = (): RouteId => useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
