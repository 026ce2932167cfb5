/**
 * Attributes (SPEC 3.12) through both emulators over real HTTP: Amazon attribute names discovered from the
 * store's listings, a mapping saved, a new Commerce attribute created and mapped, and Re-import Product Attribute
 * Values — a background job invoked through the local runtime's OpenWhisk API — writing Amazon's values into
 * Commerce products, keeping catalog values unless overwrite is on, with the Matching Attribute Values rows.
 */
import { main as listingAttributes } from '../../actions/asc/listing-attributes';
import { main as listingsImport } from '../../actions/asc/listings-import';
import { main as listingsGrid } from '../../actions/asc/listings-grid';
import { createServices } from '../../src/app/services';
import { type LocalRuntime, startLocalRuntime } from '../../src/local/index';
import { type Body, call, env, SELLER, send, setUpListingsEnvironment, US } from './listings/harness';

let runtime: LocalRuntime;

const productValue = async (sku: string, code: string) => {
  const product = await (await (await createServices(env.inputs)).commerce()).getProduct(sku);
  return product.custom_attributes?.find((a) => a.attribute_code === code)?.value;
};

/** The condition Amazon holds for a SKU (condition_type), read from the emulator's control API. */
const amazonCondition = async (sku: string) => {
  const { listings } = (await env.amazon.control.call('GET', `/listings?sellerId=${SELLER}`)).body as {
    listings: Body[];
  };
  return listings.find((l) => l.sku === sku && l.marketplaceId === US)?.attributes.condition_type[0].value;
};

const mapping = (changes: Body) => ({
  marketplaceCountry: 'US',
  amazonAttribute: 'condition_type',
  commerceAttribute: 'amazon_listing_condition',
  overwrite: false,
  active: true,
  ...changes,
});

setUpListingsEnvironment({ thirdPartyAsin: true });

beforeAll(async () => {
  await call(listingsImport, 'post', { storeId: 'demo-us', waitSeconds: 20 });
  // The re-import job is invoked with the openwhisk client: the local runtime serves that API and runs the job
  // in this process (same embedded State), with the app.config.yaml inputs resolved from `env`.
  runtime = await startLocalRuntime({
    port: 0,
    configPath: 'app.config.yaml',
    serveUi: false,
    alarms: false,
    env: env.inputs,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}, 60_000);

/** Starts Re-import Product Attribute Values and waits for the job to finish. */
const reimport = async () => {
  const started = await call(listingAttributes, 'post', { storeId: 'demo-us', action: 'reimport' });
  expect(started.started).toBe(true);
  expect(started.job.status).toBe('queued');
  for (let i = 0; i < 200; i += 1) {
    const { job } = await call(listingAttributes, 'get', { storeId: 'demo-us' });
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the re-import job did not finish');
};

afterAll(async () => {
  await runtime?.close();
});

describe('attributes import and mapping', () => {
  it("discovers the Amazon attribute names of the store's listings as unmapped, inactive rows", async () => {
    const body = await call(listingAttributes, 'get', { storeId: 'demo-us' });
    expect(body.country).toBe('US');
    const names = body.mappings.map((m: Body) => m.amazonAttribute);
    expect(names).toEqual(expect.arrayContaining(['condition_type', 'merchant_suggested_asin', 'purchasable_offer']));
    expect(
      body.mappings.every((m: Body) => m.commerceAttribute === null && !m.active && m.marketplaceCountry === 'US'),
    ).toBe(true);
  }, 30_000);

  it('refuses an active mapping without a Commerce attribute, naming the field', async () => {
    const response = await send(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'save',
      mappings: [mapping({ commerceAttribute: null })],
    });
    expect(response.statusCode).toBe(400);
    expect(response.body.fields).toHaveProperty(['mappings.0.commerceAttribute']);
  });

  it('re-imports mapped values into Commerce, keeping catalog values unless overwrite is on', async () => {
    const grid = await call(listingsGrid, 'get', { storeId: 'demo-us', tab: 'active', pageSize: 200 });
    const matched = grid.rows.filter((r: Body) => r.productSku);
    expect(matched.length).toBeGreaterThan(1);
    const [kept, filled] = matched;
    const services = await createServices(env.inputs);
    await (await services.commerce()).updateProductCustomAttributes(kept.productSku, {
      amazon_listing_condition: 'merchant value',
    });

    const saved = await call(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'save',
      mappings: [mapping({})],
    });
    expect(saved.mappings.find((m: Body) => m.amazonAttribute === 'condition_type')).toMatchObject({
      commerceAttribute: 'amazon_listing_condition',
      active: true,
    });

    expect(await amazonCondition(filled.sellerSku)).toMatch(/^[a-z]+_[a-z_]+$/);
    const first = await reimport();
    expect(first).toMatchObject({ status: 'done', errors: [], failed: 0 });
    expect(first.productsUpdated).toBeGreaterThan(0);
    expect(await productValue(filled.productSku, 'amazon_listing_condition')).toBe(
      await amazonCondition(filled.sellerSku),
    );
    expect(await productValue(kept.productSku, 'amazon_listing_condition')).toBe('merchant value');
    const values = await call(listingAttributes, 'get', { storeId: 'demo-us', view: 'values', pageSize: 200 });
    const keptRow = values.values.items.find((r: Body) => r.sellerSku === kept.sellerSku);
    expect(keptRow).toMatchObject({ status: 'not_imported', commerceValue: 'merchant value' });
    expect(keptRow.reason).toMatch(/kept/);
    expect(values.values.items.find((r: Body) => r.sellerSku === filled.sellerSku)).toMatchObject({
      status: 'imported',
      productSku: filled.productSku,
      amazonValue: await amazonCondition(filled.sellerSku),
    });

    await call(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'save',
      mappings: [mapping({ overwrite: true })],
    });
    const second = await reimport();
    expect(second.valuesWritten).toBe(1);
    expect(await productValue(kept.productSku, 'amazon_listing_condition')).toBe(await amazonCondition(kept.sellerSku));
  }, 60_000);

  it('creates a new Commerce select attribute, adds it to the Default set and maps the Amazon attribute', async () => {
    const created = await call(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'create',
      amazonAttribute: 'condition_type',
      code: 'amazon_condition_code',
      label: 'Amazon condition code',
      frontendInput: 'select',
      attributeSetIds: [4],
      overwrite: true,
    });
    expect(created.mappings.find((m: Body) => m.amazonAttribute === 'condition_type')).toMatchObject({
      commerceAttribute: 'amazon_condition_code',
      active: true,
    });
    const services = await createServices(env.inputs);
    const attribute = await services.commerce().getProductAttribute('amazon_condition_code');
    expect(attribute).toMatchObject({ frontend_input: 'select', default_frontend_label: 'Amazon condition code' });

    const again = await send(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'create',
      amazonAttribute: 'condition_type',
      code: 'amazon_condition_code',
      label: 'Again',
    });
    expect(again.statusCode).toBe(409);
    const badSet = await send(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'create',
      amazonAttribute: 'condition_type',
      code: 'amazon_other_code',
      label: 'Other',
      attributeSetIds: [999],
    });
    expect(badSet.statusCode).toBe(400);
    expect(badSet.body.fields).toHaveProperty('attributeSetIds');
    await expect(services.commerce().getProductAttribute('amazon_other_code')).rejects.toThrow();
  }, 30_000);

  it('matches Amazon values to select options; a missing option is Not Imported until the merchant adds it', async () => {
    const job = await reimport();
    expect(job.status).toBe('done');
    const rowsOf = async () =>
      (await call(listingAttributes, 'get', { storeId: 'demo-us', view: 'values', pageSize: 200 })).values
        .items as Body[];
    const rows = await rowsOf();
    // The attribute starts with no options: no Amazon value has a Commerce option yet.
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.status === 'not_imported')).toBe(true);
    const missing = rows[0];
    expect(missing.reason).toContain(`no option "${missing.amazonValue}"`);
    const same = rows.filter((r) => r.amazonValue === missing.amazonValue).map((r) => r.sellerSku);

    const added = await call(listingAttributes, 'post', {
      storeId: 'demo-us',
      action: 'add-option',
      commerceAttribute: 'amazon_condition_code',
      label: missing.amazonValue,
    });
    expect(added.optionId).toMatch(/^\d+$/);
    await reimport();
    const after = await rowsOf();
    for (const row of after.filter((r) => same.includes(r.sellerSku)))
      expect(row).toMatchObject({ status: 'imported', commerceValue: missing.amazonValue });
    expect(await productValue(missing.productSku, 'amazon_condition_code')).toBe(added.optionId);
  }, 60_000);
});
