import { type Harness, SELLER, US, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());

it('serves listings and participations through the real client', async () => {
  const sp = h.sp();
  const parts = await sp.callAPI({ operation: 'getMarketplaceParticipations', endpoint: 'sellers' });
  expect(parts.map((p: { marketplace: { id: string } }) => p.marketplace.id)).toEqual([US, 'A2EUQ1WTGCTBG2']);
  const item = await sp.callAPI({
    operation: 'getListingsItem',
    endpoint: 'listingsItems',
    path: { sellerId: SELLER, sku: 'MUG-1' },
    query: { marketplaceIds: [US], includedData: ['summaries', 'offers', 'fulfillmentAvailability', 'issues'] },
    options: { version: '2021-08-01' },
  });
  expect(item.summaries[0].status).toEqual(['BUYABLE', 'DISCOVERABLE']);
  expect(h.emu.control.violations()).toEqual([]);
});
