import {
  type ListingEvent,
  type TransitionContext,
  transition,
  transitionAll,
} from '../../../src/core/listings/transitions';
import type { Listing } from '../../../src/core/listings/types';
import { AT, listing } from './fixtures';

const auto: TransitionContext = { automaticListAction: 'automatic', at: AT };
const manual: TransitionContext = { automaticListAction: 'manual', at: AT };

const apply = (l: Listing, event: ListingEvent, ctx: TransitionContext = auto): Listing => {
  const result = transition(l, event, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.listing;
};
const refused = (l: Listing, event: ListingEvent, ctx: TransitionContext = auto) => {
  const result = transition(l, event, ctx);
  if (result.ok) throw new Error(`expected ${event.type} to be refused from ${l.status}`);
  return result.error;
};
const issue = { code: '90220', message: "'condition_type' is required but not supplied.", severity: 'ERROR' as const };

describe('Incomplete: matching and condition', () => {
  const unmatched = listing({ status: 'unable_to_assign', asin: undefined });

  it('a match publishes right away with auto-list, or waits on Ready to List in manual mode', () => {
    expect(apply(unmatched, { type: 'match_found', asin: 'B000000009' })).toMatchObject({
      status: 'list_in_progress',
      asin: 'B000000009',
      updatedAt: AT,
    });
    expect(apply(unmatched, { type: 'match_found', asin: 'B000000009' }, manual).status).toBe('ready_to_list');
  });

  it('a match without a condition lands on Missing Condition; setting it completes the listing', () => {
    const noCondition = apply(listing({ status: 'multiple_matches', asin: undefined, condition: undefined }), {
      type: 'match_found',
      asin: 'B000000009',
    });
    expect(noCondition).toMatchObject({ status: 'missing_condition', candidates: undefined });
    expect(apply(noCondition, { type: 'condition_set', condition: 'used_good' }, manual)).toMatchObject({
      status: 'ready_to_list',
      condition: 'used_good',
    });
  });

  it('re-attempted matching records multiple matches, variants or no match', () => {
    const candidates = [{ asin: 'B000000002' }, { asin: 'B000000003' }];
    expect(apply(unmatched, { type: 'multiple_matches', candidates })).toMatchObject({
      status: 'multiple_matches',
      candidates,
    });
    expect(apply(unmatched, { type: 'variants_found', candidates }).status).toBe('has_variants');
    expect(apply(listing({ status: 'multiple_matches', candidates }), { type: 'no_match' })).toMatchObject({
      status: 'unable_to_assign',
      candidates: undefined,
    });
    expect(refused(unmatched, { type: 'multiple_matches', candidates: [] }).code).toBe('invalid_input');
  });

  it('refuses a malformed ASIN and matching outside Incomplete', () => {
    expect(refused(unmatched, { type: 'match_found', asin: 'nope' })).toMatchObject({ code: 'invalid_input' });
    expect(refused(listing(), { type: 'match_found', asin: 'B000000009' })).toMatchObject({
      code: 'invalid_transition',
      from: 'active',
      event: 'match_found',
    });
    expect(refused(listing(), { type: 'no_match' }).code).toBe('invalid_transition');
    expect(refused(listing(), { type: 'condition_set', condition: 'used_good' }).message).toMatch(/Condition Override/);
  });
});

describe('publishing', () => {
  it('Ready to List → List in Progress → Active once Amazon confirms', () => {
    const published = apply(listing({ status: 'ready_to_list' }), { type: 'publish_requested' }, manual);
    expect(published).toMatchObject({ status: 'list_in_progress', previousStatus: 'ready_to_list' });
    const accepted = apply(published, { type: 'submission_accepted', sent: { price: '19.99', quantity: 7 } });
    expect(accepted).toMatchObject({ status: 'list_in_progress', lastAccepted: { price: '19.99', quantity: 7 } });
    expect(apply(accepted, { type: 'amazon_status_changed', status: [] }).status).toBe('list_in_progress');
    expect(apply(accepted, { type: 'amazon_status_changed', status: ['BUYABLE', 'DISCOVERABLE'] })).toMatchObject({
      status: 'active',
      previousStatus: undefined,
    });
  });

  it("a rejected first listing becomes Inactive with Amazon's reason", () => {
    const failed = apply(listing({ status: 'list_in_progress' }), { type: 'submission_failed', issues: [issue] });
    expect(failed).toMatchObject({ status: 'inactive', issues: [issue], inactiveReason: issue.message });
  });

  it('Ended listings can be republished; incomplete or ineligible ones cannot', () => {
    expect(apply(listing({ status: 'manually_ended' }), { type: 'publish_requested' }).status).toBe('list_in_progress');
    expect(
      refused(listing({ status: 'manually_ended', eligible: false }), { type: 'publish_requested' }).message,
    ).toMatch(/listing rules/);
    expect(
      refused(listing({ status: 'ready_to_list', condition: undefined }), { type: 'publish_requested' }).message,
    ).toMatch(/condition/);
    expect(refused(listing(), { type: 'publish_requested' }).code).toBe('invalid_transition');
  });

  it('routine syncs on listed listings record what Amazon accepted or the errors', () => {
    const l = listing({ lastAccepted: { price: '10.00', quantity: 3 } });
    expect(apply(l, { type: 'submission_accepted', sent: { quantity: 2 } }).lastAccepted).toEqual({
      price: '10.00',
      quantity: 2,
    });
    expect(apply(l, { type: 'submission_failed', issues: [issue] })).toMatchObject({
      status: 'active',
      issues: [issue],
    });
    expect(refused(listing({ status: 'ready_to_list' }), { type: 'submission_accepted', sent: {} }).code).toBe(
      'invalid_transition',
    );
    expect(refused(listing({ status: 'unable_to_assign' }), { type: 'submission_failed', issues: [] }).code).toBe(
      'invalid_transition',
    );
  });
});

describe('Amazon status', () => {
  it('Active ↔ Inactive follows Amazon, keeping its reason', () => {
    const inactive = apply(listing(), {
      type: 'amazon_status_changed',
      status: ['DISCOVERABLE'],
      reason: 'Brand approval required',
    });
    expect(inactive).toMatchObject({
      status: 'inactive',
      inactiveReason: 'Brand approval required',
      amazonStatus: ['DISCOVERABLE'],
    });
    expect(apply(inactive, { type: 'amazon_status_changed', status: ['BUYABLE', 'DISCOVERABLE'] })).toMatchObject({
      status: 'active',
      inactiveReason: undefined,
    });
  });

  it('a listing we set to quantity 0 is not buyable but stays Active', () => {
    const soldOut = listing({ lastAccepted: { quantity: 0 } });
    expect(apply(soldOut, { type: 'amazon_status_changed', status: ['DISCOVERABLE'] }).status).toBe('active');
    expect(apply(soldOut, { type: 'amazon_status_changed', status: ['DISCOVERABLE'], issues: [issue] }).status).toBe(
      'inactive',
    );
  });

  it('in-flight relists keep their status and remember the new listed state; Ineligible stays Ineligible', () => {
    const relisting = listing({ status: 'relist_in_progress', previousStatus: 'active' });
    expect(apply(relisting, { type: 'amazon_status_changed', status: ['DISCOVERABLE'] })).toMatchObject({
      status: 'relist_in_progress',
      previousStatus: 'inactive',
    });
    expect(
      apply(listing({ status: 'ineligible' }), { type: 'amazon_status_changed', status: ['BUYABLE'] }).status,
    ).toBe('ineligible');
  });

  it('a listing removed on Amazon moves to Ended', () => {
    expect(apply(listing(), { type: 'amazon_listing_deleted' })).toMatchObject({
      status: 'manually_ended',
      lastAccepted: undefined,
    });
    expect(refused(listing({ status: 'ready_to_list' }), { type: 'amazon_listing_deleted' }).code).toBe(
      'invalid_transition',
    );
  });
});

describe('eligibility (decision #9)', () => {
  it('an excluded listed product becomes Ineligible and returns through a relist when eligible again', () => {
    const excluded = apply(listing({ status: 'inactive', lastAccepted: { quantity: 4 } }), {
      type: 'eligibility_changed',
      eligible: false,
    });
    expect(excluded).toMatchObject({
      status: 'ineligible',
      previousStatus: 'inactive',
      eligible: false,
      ineligibleReason: 'Excluded by the listing rules',
    });
    expect(apply(excluded, { type: 'eligibility_changed', eligible: true })).toMatchObject({
      status: 'relist_in_progress',
      previousStatus: 'inactive',
      eligible: true,
    });
  });

  it('an unpublished product returns to where its data puts it', () => {
    const excluded = apply(listing({ status: 'ready_to_list' }), {
      type: 'eligibility_changed',
      eligible: false,
      reason: 'Stock below the out-of-stock threshold',
    });
    expect(excluded).toMatchObject({
      status: 'ineligible',
      ineligibleReason: 'Stock below the out-of-stock threshold',
    });
    expect(apply(excluded, { type: 'eligibility_changed', eligible: true }, manual).status).toBe('ready_to_list');
    expect(apply({ ...excluded, asin: undefined }, { type: 'eligibility_changed', eligible: true }).status).toBe(
      'unable_to_assign',
    );
  });

  it('ended, ending and third-party listings only record the flag', () => {
    for (const status of ['manually_ended', 'end_in_progress', 'new_third_party'] as const)
      expect(apply(listing({ status }), { type: 'eligibility_changed', eligible: false })).toMatchObject({
        status,
        eligible: false,
      });
    expect(apply(listing({ eligible: false }), { type: 'eligibility_changed', eligible: true })).toMatchObject({
      status: 'active',
      eligible: true,
    });
  });

  it('an excluded in-flight relist keeps the listed state to return to', () => {
    const relisting = listing({ status: 'relist_in_progress', previousStatus: 'inactive' });
    expect(apply(relisting, { type: 'eligibility_changed', eligible: false })).toMatchObject({
      status: 'ineligible',
      previousStatus: 'inactive',
    });
  });
});

describe('ending', () => {
  it('Active/Inactive/Ineligible → End in Progress → Manually Ended', () => {
    for (const status of ['active', 'inactive', 'ineligible'] as const) {
      const ending = apply(listing({ status }), { type: 'end_requested' });
      expect(ending).toMatchObject({ status: 'end_in_progress', previousStatus: status });
      expect(apply(ending, { type: 'submission_accepted', sent: {} }).status).toBe('manually_ended');
      expect(apply(ending, { type: 'amazon_listing_deleted' }).status).toBe('manually_ended');
      expect(apply(ending, { type: 'submission_failed', issues: [issue] })).toMatchObject({ status, issues: [issue] });
    }
    expect(
      apply(listing({ status: 'relist_in_progress', previousStatus: 'inactive' }), { type: 'end_requested' }),
    ).toMatchObject({
      status: 'end_in_progress',
      previousStatus: 'inactive',
    });
    expect(refused(listing({ status: 'ready_to_list' }), { type: 'end_requested' }).code).toBe('invalid_transition');
  });
});

describe('overrides (SPEC 3.11)', () => {
  it('saving an override relists and removing it relists again', () => {
    const overridden = apply(listing(), { type: 'override_set', overrides: { price: '17.50', handlingTimeDays: 4 } });
    expect(overridden).toMatchObject({
      status: 'relist_in_progress',
      previousStatus: 'active',
      overrides: { price: '17.50', handlingTimeDays: 4 },
    });
    const edited = apply(overridden, { type: 'override_set', overrides: { sellerNotes: 'Boxed' } });
    expect(edited).toMatchObject({ previousStatus: 'active', overrides: { price: '17.50', sellerNotes: 'Boxed' } });
    const removed = apply(apply(edited, { type: 'submission_accepted', sent: {} }), {
      type: 'override_removed',
      fields: ['price'],
    });
    expect(removed).toMatchObject({
      status: 'relist_in_progress',
      overrides: { handlingTimeDays: 4, sellerNotes: 'Boxed' },
    });
    expect(removed.overrides.price).toBeUndefined();
  });

  it('refuses handling time and condition overrides on FBA listings, and bad values', () => {
    const fba = listing({ fulfillment: 'FBA' });
    expect(refused(fba, { type: 'override_set', overrides: { handlingTimeDays: 3 } }).message).toMatch(
      /not available for Fulfilled by Amazon/,
    );
    expect(refused(fba, { type: 'override_set', overrides: { condition: 'used_good' } }).code).toBe('invalid_input');
    expect(apply(fba, { type: 'override_set', overrides: { price: '9.99' } }).overrides.price).toBe('9.99');
    expect(refused(listing(), { type: 'override_set', overrides: { price: '-1' } }).code).toBe('invalid_input');
    expect(refused(listing(), { type: 'override_set', overrides: { price: '1.999' } }).code).toBe('invalid_input');
    expect(refused(listing(), { type: 'override_set', overrides: { handlingTimeDays: 31 } }).code).toBe(
      'invalid_input',
    );
    expect(refused(listing(), { type: 'override_set', overrides: { sellerNotes: 'x'.repeat(1001) } }).code).toBe(
      'invalid_input',
    );
    expect(
      refused(listing({ status: 'unable_to_assign' }), { type: 'override_set', overrides: { price: '1' } }).code,
    ).toBe('invalid_transition');
    expect(refused(listing({ status: 'manually_ended' }), { type: 'override_removed', fields: ['price'] }).code).toBe(
      'invalid_transition',
    );
  });
});

describe('fulfilment switch, alias SKU, ASIN reassignment, third-party assignment', () => {
  it('switching to FBA relists and drops the overrides FBA cannot have', () => {
    const switched = apply(listing({ overrides: { price: '5.00', handlingTimeDays: 3, condition: 'used_good' } }), {
      type: 'fulfillment_switched',
      to: 'FBA',
    });
    expect(switched).toMatchObject({ fulfillment: 'FBA', status: 'relist_in_progress', overrides: { price: '5.00' } });
    expect(switched.overrides.handlingTimeDays).toBeUndefined();
    expect(refused(listing(), { type: 'fulfillment_switched', to: 'FBM' }).code).toBe('invalid_input');
    expect(refused(listing({ status: 'ready_to_list' }), { type: 'fulfillment_switched', to: 'FBA' }).code).toBe(
      'invalid_transition',
    );
  });

  it('an alias that removes the existing SKU ends it; otherwise both stay', () => {
    expect(apply(listing(), { type: 'alias_sku_created', aliasSku: 'SKU-1-CA', removeExisting: true })).toMatchObject({
      status: 'end_in_progress',
      replacedBy: 'SKU-1-CA',
    });
    expect(apply(listing(), { type: 'alias_sku_created', aliasSku: 'SKU-1-CA', removeExisting: false }).status).toBe(
      'active',
    );
    expect(
      apply(listing({ status: 'manually_ended' }), { type: 'alias_sku_created', aliasSku: 'X', removeExisting: true })
        .status,
    ).toBe('manually_ended');
    expect(refused(listing(), { type: 'alias_sku_created', aliasSku: 'SKU-1', removeExisting: false }).code).toBe(
      'invalid_input',
    );
    expect(
      refused(listing({ status: 'ready_to_list' }), { type: 'alias_sku_created', aliasSku: 'X', removeExisting: false })
        .code,
    ).toBe('invalid_transition');
  });

  it('Edit Assigned ASIN relists the SKU on the new ASIN', () => {
    const l = listing({ lastAccepted: { asin: 'B000000001' } });
    expect(apply(l, { type: 'asin_reassigned', asin: 'B000000002' })).toMatchObject({
      asin: 'B000000002',
      status: 'relist_in_progress',
      lastAccepted: { asin: 'B000000001' },
    });
    expect(refused(l, { type: 'asin_reassigned', asin: 'B000000001' }).code).toBe('invalid_input');
    expect(refused(l, { type: 'asin_reassigned', asin: 'short' }).code).toBe('invalid_input');
    expect(refused(listing({ status: 'new_third_party' }), { type: 'asin_reassigned', asin: 'B000000002' }).code).toBe(
      'invalid_transition',
    );
  });

  it('a New Third Party listing assigned to a product becomes Active (or Ineligible)', () => {
    const imported = listing({
      status: 'new_third_party',
      origin: 'third_party',
      productSku: undefined,
      amazonStatus: ['BUYABLE'],
    });
    expect(apply(imported, { type: 'catalog_product_assigned', productSku: 'MUG', eligible: true })).toMatchObject({
      status: 'active',
      productSku: 'MUG',
    });
    expect(apply(imported, { type: 'catalog_product_assigned', productSku: 'MUG', eligible: false }).status).toBe(
      'ineligible',
    );
    expect(refused(listing(), { type: 'catalog_product_assigned', productSku: 'MUG', eligible: true }).code).toBe(
      'invalid_transition',
    );
  });
});

it('transitionAll stops at the first refused event', () => {
  const result = transitionAll(listing(), [{ type: 'end_requested' }, { type: 'end_requested' }], auto);
  expect(result).toMatchObject({ ok: false, error: { from: 'end_in_progress', event: 'end_requested' } });
  const fine = transitionAll(listing(), [{ type: 'end_requested' }, { type: 'submission_accepted', sent: {} }], auto);
  expect(fine.ok && fine.listing.status).toBe('manually_ended');
});
