/**
 * Assign Catalog Product (SPEC 4.2 New Third Party) against both emulators over real HTTP: the product grid
 * searches the store website's Commerce products by SKU or name, a SKU Commerce does not have is refused before
 * anything changes, and a real one ties the imported listing to the product, which leaves New Third Party.
 */
import { main as catalogProducts } from '../../actions/asc/catalog-products';
import { main as listingActions } from '../../actions/asc/listing-actions';
import { main as listingsGrid } from '../../actions/asc/listings-grid';
import { main as listingsImport } from '../../actions/asc/listings-import';
import { type Body, send, setUpListingsEnvironment } from './listings/harness';

setUpListingsEnvironment({ catalogSearch: true, thirdPartyAsin: true });

describe('assign catalog product', () => {
  it('searches the catalog, refuses an unknown SKU, and ties a New Third Party listing to a real product', async () => {
    const imported = await send(listingsImport, 'post', { storeId: 'demo-us', waitSeconds: 20 });
    expect(imported.statusCode).toBe(200);
    const thirdParty = (await send(listingsGrid, 'get', { storeId: 'demo-us', tab: 'new_third_party', pageSize: 200 }))
      .body.rows as Body[];
    expect(thirdParty.length).toBeGreaterThan(0);
    const listing = thirdParty[0];

    const found = await send(catalogProducts, 'get', { storeId: 'demo-us', search: 'DEMO-00' });
    expect([found.statusCode, found.body]).toEqual([200, expect.anything()]);
    const products = found.body.products as Body[];
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((p) => /DEMO-00/i.test(`${p.sku} ${p.name}`))).toBe(true);
    const tooShort = await send(catalogProducts, 'get', { storeId: 'demo-us', search: 'D' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body.fields).toHaveProperty('search');

    const unknown = await send(listingActions, 'post', {
      storeId: 'demo-us',
      action: 'assign_catalog_product',
      skus: [listing.sellerSku],
      productSku: 'NO-SUCH-PRODUCT',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.fields).toHaveProperty('productSku');
    const still = await send(listingsGrid, 'get', {
      storeId: 'demo-us',
      tab: 'new_third_party',
      filter: listing.sellerSku,
    });
    expect(still.body.rows.map((r: Body) => r.sellerSku)).toContain(listing.sellerSku);

    const assigned = await send(listingActions, 'post', {
      storeId: 'demo-us',
      action: 'assign_catalog_product',
      skus: [listing.sellerSku],
      productSku: products[0].sku,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.body.errors).toEqual([]);
    expect(['active', 'inactive', 'relist_in_progress']).toContain(assigned.body.updated[0].status);
    const gone = await send(listingsGrid, 'get', {
      storeId: 'demo-us',
      tab: 'new_third_party',
      filter: listing.sellerSku,
    });
    expect(gone.body.rows.map((r: Body) => r.sellerSku)).not.toContain(listing.sellerSku);
    const active = await send(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', filter: listing.sellerSku });
    const inactive = await send(listingsGrid, 'get', {
      storeId: 'demo-us',
      tab: 'inactive',
      filter: listing.sellerSku,
    });
    const row = [...active.body.rows, ...inactive.body.rows].find((r: Body) => r.sellerSku === listing.sellerSku);
    expect(row).toMatchObject({ productSku: products[0].sku, origin: 'third_party' });
  }, 90_000);
});
