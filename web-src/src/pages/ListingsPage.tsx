import { ListingsView } from './listings/ListingsView';

/** The Listings area (web-src/src/pages/listings). */
export const ListingsPage = ListingsView;
