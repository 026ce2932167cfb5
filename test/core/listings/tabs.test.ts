import { countByTab, tabOf, tabsOf, visibleTabs } from '../../../src/core/listings/tabs';
import { LISTING_STATUSES } from '../../../src/core/listings/types';
import { listing } from './fixtures';

describe('tabs', () => {
  it('maps every status to a tab in both list modes', () => {
    const expected = {
      missing_condition: 'incomplete',
      unable_to_assign: 'incomplete',
      multiple_matches: 'incomplete',
      has_variants: 'incomplete',
      new_third_party: 'new_third_party',
      ready_to_list: 'ready_to_list',
      list_in_progress: 'ready_to_list',
      relist_in_progress: 'inactive',
      end_in_progress: 'inactive',
      active: 'active',
      inactive: 'inactive',
      ineligible: 'ineligible',
      manually_ended: 'ended',
    } as const;
    for (const status of LISTING_STATUSES)
      expect([status, tabOf(listing({ status, previousStatus: 'inactive' }), 'manual')]).toEqual([
        status,
        expected[status],
      ]);
    expect(tabOf(listing({ status: 'list_in_progress' }), 'automatic')).toBe('incomplete');
    expect(tabOf(listing({ status: 'relist_in_progress' }), 'automatic')).toBe('active');
  });

  it('adds Overrides for listings with an override, and hides Ready To List in automatic mode', () => {
    expect(tabsOf(listing({ overrides: { price: '1.00' } }), 'automatic')).toEqual(['active', 'overrides']);
    expect(tabsOf(listing({ overrides: { price: undefined } }), 'automatic')).toEqual(['active']);
    expect(visibleTabs('automatic')).not.toContain('ready_to_list');
    expect(visibleTabs('manual')).toContain('ready_to_list');
    const counts = countByTab(
      [listing(), listing({ overrides: { sellerNotes: 'x' } }), listing({ status: 'has_variants' })],
      'automatic',
    );
    expect(counts).toMatchObject({ active: 2, overrides: 1, incomplete: 1, ended: 0 });
  });
});
