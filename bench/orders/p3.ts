/**
 * Benchmark P3: an order backlog imported into Commerce through both emulators over HTTP, timed on the emulator
 * clock, against the bound the SP-API usage plans set for the calls such an import needs (searchOrders pages of
 * 100 with includedData: max(0, pages − burst) / rate). Prints `P3 <elapsed / bound> (goal <= 1.2)` and a detail
 * line with the duplicates count (must be 0).
 * Size and speed are parameters: P3_ORDERS (default 4000, ~4.5 min real; 10 000 is the goal's size but takes far longer here),
 * P3_SPEEDUP (default 20 emulated ms per real ms; the app limiter is scaled the same with ASC_TIME_SCALE). The whole
 * stack (app + both emulators) runs in this one process at ~15 orders/s, so the speed-up must leave it time to keep up.
 * Run: `npx tsx bench/orders/p3.ts`.
 */
import { resetEmbeddedStorage } from '../../src/adapters/state';
import { ordersRepository } from '../../src/adapters/state/orders/ledger-repository';
import { amazonOrderIdOf } from '../../src/app/orders/commerce-orders';
import { runOrderImport } from '../../src/app/orders/import';
import { createServices } from '../../src/app/services';
import { startAmazonEmulator } from '../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../src/emulators/amazon/seed';
import { usagePlanFor } from '../../src/adapters/amazon/usage-plans';
import { startCommerceEmulator } from '../../src/emulators/commerce';
import { minimalCommerceSeed } from '../../src/emulators/commerce/seed';
import { EmulatorClock } from '../../src/emulators/shared/clock';
import { generateEncryptionKey, SecretBox } from '../../src/platform/crypto';
import { criteria } from '../../src/adapters/commerce';

const ORDERS = Number(process.env.P3_ORDERS ?? 4000);
const SPEEDUP = Number(process.env.P3_SPEEDUP ?? 20);
const PAGE = 100;
const SELLER = 'A1DEMOSELLER0001';
const US = 'ATVPDKIKX0DER';
const SKUS = ['BENCH-1', 'BENCH-2', 'BENCH-3', 'BENCH-4'];

const main = async () => {
  const start = Date.parse('2026-03-02T10:00:00.000Z');
  const clock = new EmulatorClock({ start, speedUp: 0 });
  const amazon = await startAmazonEmulator({
    port: 0,
    clock,
    seed: {
      ...DEMO_AMAZON_SEED,
      orderStreams: [],
      listings: SKUS.map((sku, k) => ({
        sellerId: SELLER,
        marketplaceId: US,
        sku,
        asin: `B0BENCH00${k}`,
        productType: 'HOME',
        price: `2${k}.00`,
        currency: 'USD',
        quantity: 1_000_000,
        fulfillmentChannel: 'DEFAULT' as const,
        condition: 'new_new',
        status: ['BUYABLE', 'DISCOVERABLE'] as Array<'BUYABLE' | 'DISCOVERABLE'>,
      })),
    },
  });
  const seed = minimalCommerceSeed();
  seed.products = SKUS.map((sku, k) => ({
    sku,
    name: `Bench ${sku}`,
    typeId: 'simple' as const,
    attributeSetId: 4,
    status: 1 as const,
    visibility: 4 as const,
    websiteIds: [1],
    price: `2${k}.00`,
  }));
  seed.sourceItems = SKUS.map((sku) => ({ sku, sourceCode: 'default', quantity: 1_000_000, status: 1 as const }));
  const commerce = await startCommerceEmulator({ port: 0, clock, seed });
  try {
    // The backlog: every order placed (clock frozen) before the store starts importing.
    for (let i = 0; i < ORDERS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, ORDERS - i) }, (_, k) =>
          fetch(`${amazon.url}/__control/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              sellerId: SELLER,
              marketplaceId: US,
              status: 'UNSHIPPED',
              items: [{ sku: SKUS[(i + k) % SKUS.length], quantity: 1 + ((i + k) % 3) }],
            }),
          }).then((r) => {
            if (r.status !== 201) throw new Error(`control /orders: HTTP ${r.status}`);
            return r.arrayBuffer();
          }),
        ),
      );
    }
    clock.advance(3 * 60_000); // Amazon lists changes 2 minutes late
    const key = generateEncryptionKey();
    const inputs: Record<string, string> = {
      ASC_STORAGE: 'memory',
      ASC_ENCRYPTION_KEY: key,
      ASC_LOCK_SETTLE_MS: '0',
      AMAZON_LWA_CLIENT_ID: 'amzn1.application-oa2-client.demo',
      AMAZON_LWA_CLIENT_SECRET: 'demo-lwa-client-secret',
      AMAZON_EMULATOR_URL: amazon.url,
      ASC_TIME_SCALE: String(SPEEDUP),
      COMMERCE_BASE_URL: commerce.baseUrl,
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_KEY: 'demo-consumer-key',
      AIO_COMMERCE_AUTH_INTEGRATION_CONSUMER_SECRET: 'demo-consumer-secret',
      AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN: 'demo-access-token',
      AIO_COMMERCE_AUTH_INTEGRATION_ACCESS_TOKEN_SECRET: 'demo-access-token-secret',
      LOG_LEVEL: 'error',
    };
    resetEmbeddedStorage();
    const services = await createServices(inputs, clock);
    const connected = new Date(start - 60_000).toISOString();
    await services.storage.stores.save({
      id: 'bench',
      name: 'Bench store',
      sellerId: SELLER,
      marketplaceId: US,
      country: 'US',
      currency: 'USD',
      region: 'na',
      websiteCode: 'base',
      status: 'active',
      createdAt: connected,
      updatedAt: connected,
      authorizedAt: connected,
      encryptedRefreshToken: new SecretBox(key).encrypt('Atzr|demo-refresh-token-1', 'bench'),
    });
    const repo = ordersRepository(services.storage, 'bench');
    clock.setSpeedUp(SPEEDUP);
    const began = clock.now();
    const realBegan = Date.now();
    let created = 0;
    while (created < ORDERS) {
      const [summary] = await runOrderImport(services, { maxPages: 1_000, concurrency: 16 });
      if (summary?.errors.length) console.log(`import errors: ${summary.errors.join('; ')}`);
      created = (await repo.grid.count()) > 0 ? await countCreated(repo) : 0;
      if (Date.now() - realBegan > 15 * 60_000) throw new Error(`gave up: ${created}/${ORDERS} created`);
    }
    const elapsedMs = clock.now() - began;
    clock.setSpeedUp(0);
    const plan = usagePlanFor('searchOrders', '2026-01-01');
    const pages = Math.ceil(ORDERS / PAGE);
    const boundMs = Math.max(1, (Math.max(0, pages - plan.burst) / plan.rate) * 1000);
    const perAmazon = new Map<string, number>();
    for await (const o of services.commerce().iterateOrders(criteria().sortBy('entity_id', 'ASC'), 100)) {
      const id = amazonOrderIdOf(o);
      if (id) perAmazon.set(id, (perAmazon.get(id) ?? 0) + 1);
    }
    const duplicates = [...perAmazon.values()].reduce((n, c) => n + (c - 1), 0);
    console.log(`P3 ${(elapsedMs / boundMs).toFixed(2)} (goal <= 1.2)`);
    console.log(
      `orders ${ORDERS}, duplicates ${duplicates}, missing ${ORDERS - perAmazon.size}, emulated ${(elapsedMs / 60_000).toFixed(1)} min vs usage-plan bound ${(boundMs / 60_000).toFixed(1)} min (${pages} searchOrders pages, rate ${plan.rate}/s, burst ${plan.burst}), real ${((Date.now() - realBegan) / 1000).toFixed(1)} s at ${SPEEDUP}x`,
    );
  } finally {
    await amazon.close();
    await commerce.close();
    clock.dispose();
  }
};

const countCreated = async (repo: ReturnType<typeof ordersRepository>): Promise<number> => {
  let n = 0;
  for await (const row of repo.grid.scan()) if (row.ledgerStatus === 'created') n++;
  return n;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
