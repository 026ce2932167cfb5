import { type ConditionCode, SELLER_NOTES_MAX_LENGTH } from './condition';
import { type AutomaticListAction, isIncomplete, isListedStatus } from './tabs';
import type {
  FulfillmentMode,
  Listing,
  ListingIssue,
  ListingOverrides,
  ListingStatus,
  ListedStatus,
  MatchCandidate,
  OfferValues,
} from './types';

/**
 * The listing state machine (SPEC 4.2–4.4, decisions #9 and #10). `transition` is pure: it returns the next
 * listing or an error saying why the event does not apply in the listing's current status. It never talks to
 * Amazon; the publishing plan turns the new state into patches.
 */
export type ListingEvent =
  | { type: 'match_found'; asin: string }
  | { type: 'multiple_matches'; candidates: MatchCandidate[] }
  | { type: 'variants_found'; candidates: MatchCandidate[] }
  | { type: 'no_match' }
  | { type: 'condition_set'; condition: ConditionCode }
  | { type: 'eligibility_changed'; eligible: boolean; reason?: string }
  | { type: 'publish_requested' }
  | { type: 'submission_accepted'; sent: OfferValues }
  | { type: 'submission_failed'; issues: ListingIssue[] }
  | {
      type: 'amazon_status_changed';
      status: Array<'BUYABLE' | 'DISCOVERABLE'>;
      issues?: ListingIssue[];
      reason?: string;
    }
  | { type: 'amazon_listing_deleted' }
  | { type: 'end_requested' }
  | { type: 'override_set'; overrides: ListingOverrides }
  | { type: 'override_removed'; fields: Array<keyof ListingOverrides> }
  | { type: 'fulfillment_switched'; to: FulfillmentMode }
  | { type: 'alias_sku_created'; aliasSku: string; removeExisting: boolean }
  | { type: 'asin_reassigned'; asin: string }
  | { type: 'catalog_product_assigned'; productSku: string; eligible: boolean };

export type ListingEventType = ListingEvent['type'];

export interface TransitionContext {
  automaticListAction: AutomaticListAction;
  /** ISO time of the event (time is injected). */
  at: string;
}

export interface TransitionError {
  code: 'invalid_transition' | 'invalid_input';
  event: ListingEventType;
  from: ListingStatus;
  message: string;
}

export type TransitionResult = { ok: true; listing: Listing } | { ok: false; error: TransitionError };

const ASIN_PATTERN = /^[A-Z0-9]{10}$/;
const DECIMAL_PATTERN = /^\d+(\.\d{1,2})?$/;

const done = (listing: Listing, changes: Partial<Listing>, ctx: TransitionContext): TransitionResult => ({
  ok: true,
  listing: { ...listing, ...changes, updatedAt: ctx.at },
});

/** Where a not-yet-published listing stands once its data changed: the first missing piece wins. */
const unpublishedStatus = (l: Listing, ctx: TransitionContext): ListingStatus => {
  if (!l.eligible) return 'ineligible';
  if (!l.asin) return 'unable_to_assign';
  if (!l.condition) return 'missing_condition';
  return ctx.automaticListAction === 'automatic' ? 'list_in_progress' : 'ready_to_list';
};

/** Whether Amazon holds an offer for this SKU. */
const isPublished = (l: Listing): boolean => l.lastAccepted !== undefined || (l.amazonStatus?.length ?? 0) > 0;

/**
 * The listed state Amazon's status means. A merchant-fulfilled listing we set to quantity 0 (sold out or
 * ineligible) is not buyable, yet nothing is wrong with it, so it stays Active.
 */
export const listedStateFromAmazon = (
  status: Array<'BUYABLE' | 'DISCOVERABLE'>,
  issues: ListingIssue[],
  lastAccepted: OfferValues | undefined,
): 'active' | 'inactive' => {
  if (status.includes('BUYABLE')) return 'active';
  const hasErrors = issues.some((i) => i.severity === 'ERROR');
  if (status.includes('DISCOVERABLE') && !hasErrors && lastAccepted?.quantity === 0) return 'active';
  return 'inactive';
};

const resumeListed = (l: Listing): ListedStatus => (isListedStatus(l.previousStatus) ? l.previousStatus : 'active');

export const validateOverrides = (overrides: ListingOverrides, fulfillment: FulfillmentMode): string | undefined => {
  if (overrides.price !== undefined && (!DECIMAL_PATTERN.test(overrides.price) || Number(overrides.price) <= 0))
    return 'Price Override must be an amount greater than 0 with at most 2 decimals';
  if (overrides.handlingTimeDays !== undefined) {
    if (fulfillment === 'FBA') return 'Handling Time Override is not available for Fulfilled by Amazon listings';
    if (
      !Number.isInteger(overrides.handlingTimeDays) ||
      overrides.handlingTimeDays < 0 ||
      overrides.handlingTimeDays > 30
    )
      return 'Handling Time Override must be a whole number of days from 0 to 30';
  }
  if (overrides.condition !== undefined && fulfillment === 'FBA')
    return 'Condition Override is not available for Fulfilled by Amazon listings';
  if (overrides.sellerNotes !== undefined && overrides.sellerNotes.length > SELLER_NOTES_MAX_LENGTH)
    return `Seller Notes Override must be at most ${SELLER_NOTES_MAX_LENGTH} characters`;
  return undefined;
};

export const transition = (listing: Listing, event: ListingEvent, ctx: TransitionContext): TransitionResult => {
  const from = listing.status;
  const refuse = (message: string, code: TransitionError['code'] = 'invalid_transition'): TransitionResult => ({
    ok: false,
    error: { code, event: event.type, from, message },
  });
  const notIn = (what: string): TransitionResult => refuse(`${what} is not possible for a listing in status "${from}"`);
  const listed = isListedStatus(from);

  switch (event.type) {
    case 'match_found': {
      if (!ASIN_PATTERN.test(event.asin))
        return refuse(`"${event.asin}" is not an ASIN (10 letters or digits)`, 'invalid_input');
      if (!isIncomplete(from)) return notIn('Assigning an ASIN');
      const next = { ...listing, asin: event.asin, candidates: undefined };
      return done(listing, { asin: event.asin, candidates: undefined, status: unpublishedStatus(next, ctx) }, ctx);
    }
    case 'multiple_matches':
    case 'variants_found':
    case 'no_match': {
      if (!isIncomplete(from)) return notIn('Re-attempting the automatic match');
      if (event.type === 'no_match') return done(listing, { status: 'unable_to_assign', candidates: undefined }, ctx);
      if (event.candidates.length === 0) return refuse('a match result needs at least one candidate', 'invalid_input');
      const status = event.type === 'multiple_matches' ? 'multiple_matches' : 'has_variants';
      return done(listing, { status, candidates: event.candidates, asin: undefined }, ctx);
    }
    case 'condition_set': {
      if (!isIncomplete(from)) return notIn('Setting the condition (use a Condition Override)');
      const next = { ...listing, condition: event.condition };
      const status = from === 'missing_condition' ? unpublishedStatus(next, ctx) : from;
      return done(listing, { condition: event.condition, status }, ctx);
    }
    case 'eligibility_changed': {
      const reason = event.eligible ? undefined : (event.reason ?? 'Excluded by the listing rules');
      if (!event.eligible) {
        if (
          from === 'ineligible' ||
          from === 'end_in_progress' ||
          from === 'manually_ended' ||
          from === 'new_third_party'
        )
          return done(listing, { eligible: false, ineligibleReason: reason }, ctx);
        const previousStatus = from === 'relist_in_progress' ? resumeListed(listing) : from;
        return done(listing, { eligible: false, ineligibleReason: reason, status: 'ineligible', previousStatus }, ctx);
      }
      if (from !== 'ineligible') return done(listing, { eligible: true, ineligibleReason: undefined }, ctx);
      const next = { ...listing, eligible: true };
      // Decision #9: back on sale with the next sync sending the real quantity.
      if (isPublished(listing))
        return done(
          listing,
          {
            eligible: true,
            ineligibleReason: undefined,
            status: 'relist_in_progress',
            previousStatus: resumeListed(listing),
          },
          ctx,
        );
      return done(
        listing,
        {
          eligible: true,
          ineligibleReason: undefined,
          status: unpublishedStatus(next, ctx),
          previousStatus: undefined,
        },
        ctx,
      );
    }
    case 'publish_requested': {
      if (from !== 'ready_to_list' && from !== 'manually_ended') return notIn('Publishing');
      if (!listing.eligible) return refuse('The product fails the listing rules; change the rules to publish it');
      if (!listing.asin || !listing.condition)
        return refuse('The listing needs an ASIN and a condition before publishing');
      return done(listing, { status: 'list_in_progress', previousStatus: from, issues: [] }, ctx);
    }
    case 'submission_accepted': {
      const lastAccepted = { ...listing.lastAccepted, ...event.sent };
      if (from === 'list_in_progress') return done(listing, { lastAccepted }, ctx);
      if (from === 'relist_in_progress')
        return done(
          listing,
          { lastAccepted, status: resumeListed(listing), previousStatus: undefined, issues: [] },
          ctx,
        );
      if (from === 'end_in_progress')
        return done(listing, { status: 'manually_ended', previousStatus: undefined, issues: [] }, ctx);
      if (listed) return done(listing, { lastAccepted, issues: [] }, ctx);
      return notIn('Recording an accepted submission');
    }
    case 'submission_failed': {
      const issues = event.issues;
      if (from === 'list_in_progress')
        return done(
          listing,
          { status: 'inactive', previousStatus: undefined, issues, inactiveReason: issues[0]?.message },
          ctx,
        );
      if (from === 'relist_in_progress' || from === 'end_in_progress')
        return done(listing, { status: resumeListed(listing), previousStatus: undefined, issues }, ctx);
      if (listed) return done(listing, { issues }, ctx);
      return notIn('Recording a failed submission');
    }
    case 'amazon_status_changed': {
      const issues = event.issues ?? listing.issues;
      const seen = { amazonStatus: event.status, issues };
      const state = listedStateFromAmazon(event.status, issues, listing.lastAccepted);
      const inactiveReason =
        state === 'inactive' ? (event.reason ?? issues.find((i) => i.severity === 'ERROR')?.message) : undefined;
      if (from === 'list_in_progress') {
        if (event.status.length === 0) return done(listing, seen, ctx);
        return done(listing, { ...seen, status: state, previousStatus: undefined, inactiveReason }, ctx);
      }
      if (from === 'active' || from === 'inactive')
        return done(listing, { ...seen, status: state, inactiveReason }, ctx);
      if (from === 'relist_in_progress' && listing.previousStatus !== 'ineligible')
        return done(listing, { ...seen, previousStatus: state, inactiveReason }, ctx);
      return done(listing, seen, ctx);
    }
    case 'amazon_listing_deleted': {
      if (from === 'end_in_progress' || listed || from === 'relist_in_progress')
        return done(
          listing,
          { status: 'manually_ended', previousStatus: undefined, amazonStatus: [], lastAccepted: undefined },
          ctx,
        );
      return notIn('Recording a listing removed from Amazon');
    }
    case 'end_requested': {
      if (from === 'relist_in_progress') return done(listing, { status: 'end_in_progress' }, ctx);
      if (!listed) return notIn('Ending the listing');
      return done(listing, { status: 'end_in_progress', previousStatus: from }, ctx);
    }
    case 'override_set': {
      if (!listed && from !== 'relist_in_progress') return notIn('Creating an override');
      const overrides = { ...listing.overrides, ...event.overrides };
      const invalid = validateOverrides(overrides, listing.fulfillment);
      if (invalid) return refuse(invalid, 'invalid_input');
      return done(
        listing,
        { overrides, status: 'relist_in_progress', previousStatus: listed ? from : listing.previousStatus },
        ctx,
      );
    }
    case 'override_removed': {
      if (!listed && from !== 'relist_in_progress') return notIn('Removing an override');
      const overrides = { ...listing.overrides };
      for (const field of event.fields) delete overrides[field];
      return done(
        listing,
        { overrides, status: 'relist_in_progress', previousStatus: listed ? from : listing.previousStatus },
        ctx,
      );
    }
    case 'fulfillment_switched': {
      if (!listed) return notIn('Switching fulfilment');
      if (event.to === listing.fulfillment) return refuse(`The listing is already ${event.to}`, 'invalid_input');
      // Handling-time and condition overrides do not exist for FBA (SPEC 3.11): switching drops them.
      const overrides =
        event.to === 'FBA'
          ? { ...listing.overrides, handlingTimeDays: undefined, condition: undefined }
          : listing.overrides;
      return done(
        listing,
        { fulfillment: event.to, overrides, status: 'relist_in_progress', previousStatus: from },
        ctx,
      );
    }
    case 'alias_sku_created': {
      if (!listed && from !== 'manually_ended') return notIn('Creating an alias Seller SKU');
      if (event.aliasSku === listing.sellerSku)
        return refuse('The alias Seller SKU must differ from the current one', 'invalid_input');
      if (!event.removeExisting || from === 'manually_ended') return done(listing, {}, ctx);
      return done(listing, { status: 'end_in_progress', previousStatus: from, replacedBy: event.aliasSku }, ctx);
    }
    case 'asin_reassigned': {
      if (!ASIN_PATTERN.test(event.asin))
        return refuse(`"${event.asin}" is not an ASIN (10 letters or digits)`, 'invalid_input');
      if (!listed) return notIn('Editing the assigned ASIN');
      if (event.asin === listing.asin) return refuse('The listing is already assigned to this ASIN', 'invalid_input');
      // The old offer is deleted and the SKU re-created on the new ASIN; the plan sees lastAccepted.asin differ.
      return done(listing, { asin: event.asin, status: 'relist_in_progress', previousStatus: from }, ctx);
    }
    case 'catalog_product_assigned': {
      if (from !== 'new_third_party') return notIn('Assigning a catalog product');
      const state = event.eligible
        ? listedStateFromAmazon(listing.amazonStatus ?? ['BUYABLE'], listing.issues, listing.lastAccepted)
        : 'ineligible';
      return done(
        listing,
        {
          productSku: event.productSku,
          eligible: event.eligible,
          status: state,
          previousStatus: state === 'ineligible' ? 'active' : undefined,
        },
        ctx,
      );
    }
  }
};

/** Applies events in order, stopping at the first error. */
export const transitionAll = (listing: Listing, events: ListingEvent[], ctx: TransitionContext): TransitionResult => {
  let current: TransitionResult = { ok: true, listing };
  for (const event of events) {
    if (!current.ok) return current;
    current = transition(current.listing, event, ctx);
  }
  return current;
};
