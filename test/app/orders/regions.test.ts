/**
 * Cart addresses carry Commerce's region: the import reads GET V1/directory/countries/{id} from the Commerce
 * emulator (which, like Commerce, refuses a US quote address without a region it knows) and maps Amazon's
 * StateOrRegion, code or name, to region_id and region_code.
 */
import { ordersRepository } from '../../../src/adapters/state/orders/ledger-repository';
import { importStoreOrders } from '../../../src/app/orders/import';
import { type Harness, startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** An Unshipped order whose delivery state reads as Amazon sent it. */
const orderTo = async (stateOrRegion: string) => {
  const id = await h.placeAmazonOrder([{ sku: 'MUG-1', quantity: 1 }], { status: 'UNSHIPPED' });
  const record = h.amazon.state.orders.get(id);
  if (!record) throw new Error(`order ${id} not in the Amazon emulator`);
  record.address = { ...record.address, city: 'Somewhere', stateOrRegion, countryCode: 'US' };
  return id;
};

const importAndRead = async (id: string) => {
  h.clock.advance(3 * 60_000);
  const services = await h.services();
  const store = (await services.storage.stores.get('us'))!;
  await importStoreOrders(services, store);
  const entry = await ordersRepository(services.storage, 'us').get(id);
  const commerceOrderId = entry?.record.commerceOrderId;
  const order = commerceOrderId === undefined ? undefined : await services.commerce().getOrder(commerceOrderId);
  return { entry, order };
};

it("serves Commerce's directory with its region ids", async () => {
  const services = await h.services();
  const us = await services.commerce().getCountry('US');
  expect(us.available_regions).toEqual(
    expect.arrayContaining([
      { id: 12, code: 'CA', name: 'California' },
      { id: 6, code: 'AF', name: 'Armed Forces Africa' },
    ]),
  );
  await expect(services.commerce().getCountry('ZZ')).rejects.toMatchObject({ status: 404 });
});

it.each([
  ['california', 12, 'CA', 'California'],
  ['ca', 12, 'CA', 'California'],
  // Not in the app's own name table: only Commerce's directory knows it.
  ['Armed Forces Africa', 6, 'AF', 'Armed Forces Africa'],
])('an order to %p is created with region_id %p (%p)', async (state, regionId, code, name) => {
  const id = await orderTo(state);
  const { entry, order } = await importAndRead(id);
  expect(entry?.record.status).toBe('created');
  const shipping = (
    order?.extension_attributes as { shipping_assignments?: Array<{ shipping: { address?: Record<string, unknown> } }> }
  )?.shipping_assignments?.[0]?.shipping.address;
  expect(shipping).toMatchObject({ region_id: regionId, region_code: code, region: name, country_id: 'US' });
  expect(order?.billing_address).toMatchObject({ region_id: regionId, region_code: code });
});

it('keeps an order whose state Commerce does not know out of Commerce, with the reason in Order Notes', async () => {
  const id = await orderTo('Atlantis');
  const { entry } = await importAndRead(id);
  expect(entry?.record.commerceOrderId).toBeUndefined();
  expect(entry?.record.status).toBe('failed');
  expect(entry?.record.lastError ?? entry?.record.note).toMatch(/regionId/);
});
