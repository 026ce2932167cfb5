/**
 * Create New Catalog Product (SPEC 4.2 New Third Party) through both emulators over real HTTP: a Seller Central
 * listing with no catalog match becomes a Commerce product (ASIN → SKU, name, price, quantity, website, attribute
 * set, visibility, status) and the listing is matched to it; a taken SKU and a second create are refused.
 */
import { main as createProduct } from '../../actions/asc/listing-catalog-product';
import { main as listingsGrid } from '../../actions/asc/listings-grid';
import { main as listingsImport } from '../../actions/asc/listings-import';
import { createServices } from '../../src/app/services';
import { type Body, call, env, SELLER, send, setUpListingsEnvironment, US } from './listings/harness';

const takenSku = 'B0CLASH001';

const thirdParty = (sku: string, asin: string, title: string, price: string, quantity: number) => ({
  catalog: { asin, marketplaceId: US, title, productType: 'HOME', identifiers: [] },
  listing: {
    sellerId: SELLER,
    marketplaceId: US,
    sku,
    asin,
    productType: 'HOME',
    title,
    price,
    currency: 'USD',
    quantity,
    fulfillmentChannel: 'DEFAULT' as const,
    condition: 'new_new',
    status: ['BUYABLE' as const, 'DISCOVERABLE' as const],
  },
});

const gridRow = async (sku: string) => {
  const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', filter: sku });
  return grid.rows.find((r: Body) => r.sellerSku === sku);
};

setUpListingsEnvironment({
  thirdPartyAsin: true,
  scenario: (scenario) => {
    const fresh = thirdParty('SC-LAMP-1', 'B0NEWLAMP1', 'Seller Central desk lamp', '24.90', 7);
    // Its ASIN is also the SKU of a product the merchant already has (no ASIN attribute, so nothing matched it):
    // creating must not overwrite that product.
    const clash = thirdParty('SC-CLASH-1', takenSku, 'Seller Central clash', '9.99', 2);
    return {
      ...scenario,
      amazon: {
        ...scenario.amazon,
        catalog: [...(scenario.amazon.catalog ?? []), fresh.catalog, clash.catalog],
        listings: [...(scenario.amazon.listings ?? []), fresh.listing, clash.listing],
      },
    };
  },
});

beforeAll(async () => {
  const services = await createServices(env.inputs);
  await services.commerce().createProduct({
    sku: takenSku,
    name: 'Merchant product',
    price: 5,
    attributeSetId: 4,
    status: 1,
    visibility: 4,
    websiteIds: [1],
  });
  await call(listingsImport, 'post', { storeId: 'demo-us', waitSeconds: 20 });
}, 60_000);

describe('Create New Catalog Product', () => {
  it('lists the unmatched Seller Central listing on New Third Party', async () => {
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'new_third_party', filter: 'SC-LAMP-1' });
    expect(grid.rows).toHaveLength(1);
    expect(grid.rows[0]).toMatchObject({ productSku: null, asin: 'B0NEWLAMP1', price: '24.90', quantity: 7 });
  }, 30_000);

  it('refuses a junk visibility, naming the field', async () => {
    const response = await send(createProduct, 'post', { storeId: 'demo-us', skus: ['SC-LAMP-1'], visibility: 'x' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.body)).toContain('visibility');
  });

  it('creates the product from the listing and matches the listing to it', async () => {
    const result = await call(createProduct, 'post', {
      storeId: 'demo-us',
      skus: ['SC-LAMP-1'],
      enabled: true,
      attributeSetId: 4,
      visibility: 'catalog_and_search',
    });
    expect(result.errors).toEqual([]);
    expect(result.created).toEqual([{ sellerSku: 'SC-LAMP-1', productSku: 'B0NEWLAMP1', quantity: 7 }]);

    const services = await createServices(env.inputs);
    const gateway = services.commerce();
    const product = await gateway.getProduct('B0NEWLAMP1');
    expect(product).toMatchObject({
      sku: 'B0NEWLAMP1',
      name: 'Seller Central desk lamp',
      price: '24.9',
      attribute_set_id: 4,
      status: 1,
      visibility: 4,
      type_id: 'simple',
    });
    expect(product.extension_attributes?.website_ids).toEqual([1]);
    expect(product.custom_attributes?.find((a) => a.attribute_code === 'asin')?.value).toBe('B0NEWLAMP1');
    const stock = await gateway.resolveStock('website', 'base');
    expect(await gateway.getSalableQuantity('B0NEWLAMP1', stock.stock_id)).toBe(7);

    const row = await gridRow('SC-LAMP-1');
    expect(row).toMatchObject({ productSku: 'B0NEWLAMP1', status: 'active' });
  }, 30_000);

  it('does not create twice, and never overwrites a product that already has the SKU', async () => {
    const again = await call(createProduct, 'post', { storeId: 'demo-us', skus: ['SC-LAMP-1'] });
    expect(again.created).toEqual([]);
    expect(again.errors[0].message).toMatch(/New Third Party/);

    const services = await createServices(env.inputs);
    const before = await services.commerce().getProduct(takenSku);
    const clash = await call(createProduct, 'post', { storeId: 'demo-us', skus: ['SC-CLASH-1'] });
    expect(clash.created).toEqual([]);
    expect(clash.errors).toEqual([
      { sellerSku: 'SC-CLASH-1', message: expect.stringContaining('use Assign Catalog Product') },
    ]);
    const after = await services.commerce().getProduct(takenSku);
    expect(after.name).toBe(before.name);
    expect(after.price).toBe(before.price);
  }, 30_000);
});
