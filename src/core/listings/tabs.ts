import {
  INCOMPLETE_STATUSES,
  type Listing,
  type ListingStatus,
  LISTED_STATUSES,
  type ListedStatus,
  STATUS_LABELS,
} from './types';

/** The Product Listings page tabs, left to right (SPEC 4.1). */
export const LISTING_TABS = [
  'incomplete',
  'new_third_party',
  'ready_to_list',
  'inactive',
  'active',
  'overrides',
  'ineligible',
  'ended',
] as const;
export type ListingTab = (typeof LISTING_TABS)[number];

export const TAB_LABELS: Record<ListingTab, string> = {
  incomplete: 'Incomplete',
  new_third_party: 'New Third Party',
  ready_to_list: 'Ready To List',
  inactive: 'Inactive',
  active: 'Active',
  overrides: 'Overrides',
  ineligible: 'Ineligible',
  ended: 'Ended',
};

export type AutomaticListAction = 'automatic' | 'manual';

export const isIncomplete = (status: ListingStatus): boolean =>
  (INCOMPLETE_STATUSES as readonly string[]).includes(status);
export const isListedStatus = (status: ListingStatus | undefined): status is ListedStatus =>
  status !== undefined && (LISTED_STATUSES as readonly string[]).includes(status);

export const hasOverrides = (listing: Pick<Listing, 'overrides'>): boolean =>
  Object.values(listing.overrides).some((v) => v !== undefined);

/** Ready to List is shown only when Automatic List Action is "Do Not Automatically List" (SPEC 4.1). */
export const visibleTabs = (autoList: AutomaticListAction): ListingTab[] =>
  LISTING_TABS.filter((tab) => tab !== 'ready_to_list' || autoList === 'manual');

/**
 * The main tab a listing shows on. In-flight relists and ends stay on the tab of the state they came from;
 * a first listing in flight shows on Ready to List in manual mode and, since that tab is hidden in automatic
 * mode, on Incomplete there (the dashboard's "In Progress Listings" count, SPEC 4.1).
 */
export const tabOf = (
  listing: Pick<Listing, 'status' | 'previousStatus'>,
  autoList: AutomaticListAction,
): ListingTab => {
  const { status } = listing;
  if (isIncomplete(status)) return 'incomplete';
  switch (status) {
    case 'new_third_party':
      return 'new_third_party';
    case 'ready_to_list':
      return autoList === 'manual' ? 'ready_to_list' : 'incomplete';
    case 'list_in_progress':
      return autoList === 'manual' ? 'ready_to_list' : 'incomplete';
    case 'relist_in_progress':
    case 'end_in_progress':
      return isListedStatus(listing.previousStatus) ? listing.previousStatus : 'active';
    case 'manually_ended':
      return 'ended';
    default:
      return status as ListedStatus;
  }
};

/** Every tab a listing appears on: its main tab, plus Overrides when it has at least one override. */
export const tabsOf = (
  listing: Pick<Listing, 'status' | 'previousStatus' | 'overrides'>,
  autoList: AutomaticListAction,
) => {
  const tabs: ListingTab[] = [tabOf(listing, autoList)];
  if (hasOverrides(listing) && tabs[0] !== 'incomplete' && tabs[0] !== 'new_third_party') tabs.push('overrides');
  return tabs;
};

/** The status text a grid shows. */
export const statusLabel = (status: ListingStatus): string => STATUS_LABELS[status];

/** Counts per tab for the tab bar ("Incomplete - 7"). */
export const countByTab = (
  listings: Iterable<Pick<Listing, 'status' | 'previousStatus' | 'overrides'>>,
  autoList: AutomaticListAction,
): Record<ListingTab, number> => {
  const counts = Object.fromEntries(LISTING_TABS.map((t) => [t, 0])) as Record<ListingTab, number>;
  for (const listing of listings) for (const tab of tabsOf(listing, autoList)) counts[tab] += 1;
  return counts;
};

/** Row actions per tab (SPEC 4.4), so the UI and the actions agree on what is allowed where. */
export const ROW_ACTIONS: Record<ListingTab, string[]> = {
  incomplete: ['update_required_info', 'view_details'],
  new_third_party: ['assign_catalog_product', 'create_catalog_product', 'view_details'],
  ready_to_list: ['publish', 'view_details'],
  inactive: [
    'view_details',
    'create_override',
    'edit_assigned_asin',
    'create_alias_sku',
    'switch_fulfillment',
    'end_listing',
  ],
  active: [
    'view_details',
    'create_override',
    'edit_assigned_asin',
    'create_alias_sku',
    'switch_fulfillment',
    'end_listing',
  ],
  overrides: ['edit_overrides', 'view_details'],
  ineligible: [
    'view_details',
    'create_override',
    'edit_assigned_asin',
    'create_alias_sku',
    'switch_fulfillment',
    'end_listing',
  ],
  ended: ['view_details', 'publish', 'create_alias_sku'],
};

export const MASS_ACTIONS: Record<ListingTab, string[]> = {
  incomplete: ['reattempt_auto_match'],
  new_third_party: ['create_catalog_products', 'attempt_automatic_match'],
  ready_to_list: ['publish'],
  inactive: ['end_listings', 'edit_overrides'],
  active: ['end_listings', 'edit_overrides'],
  overrides: ['edit_overrides'],
  ineligible: ['end_listings', 'edit_overrides'],
  ended: ['publish'],
};
