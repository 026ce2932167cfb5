/**
 * P3's emulators in their own thread: the Amazon emulator with the backlog placed (clock frozen) and the Commerce
 * emulator with the benchmark catalog. Messages from the main thread: `{ type: 'origin', at }` starts emulated
 * time, `{ type: 'advance', ms, id }` jumps it (answered `{ type: 'ack', id }`), `{ type: 'close' }` stops.
 * Started by bench/orders/p3.ts; not a benchmark by itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startAmazonEmulator } from '../../src/emulators/amazon';
import { DEMO_AMAZON_SEED } from '../../src/emulators/amazon/seed';
import { startCommerceEmulator } from '../../src/emulators/commerce';
import { minimalCommerceSeed } from '../../src/emulators/commerce/seed';
import { twinClock } from './twin-clock';

export interface EmulatorsWorkerData {
  start: number;
  speedUp: number;
  orders: number;
  sellerId: string;
  marketplaceId: string;
  skus: string[];
}

export type ToWorker = { type: 'origin'; at: number } | { type: 'advance'; ms: number; id: number } | { type: 'close' };
export type FromWorker =
  | { type: 'ready'; amazonUrl: string; commerceBaseUrl: string }
  | { type: 'ack'; id: number }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

const main = async () => {
  const data = workerData as EmulatorsWorkerData;
  const port = parentPort;
  if (!port) throw new Error('emulators-worker must run in a worker thread');
  const { clock, startAt } = twinClock(data.start, data.speedUp);
  const { sellerId, marketplaceId, skus } = data;
  const amazon = await startAmazonEmulator({
    port: 0,
    clock,
    seed: {
      ...DEMO_AMAZON_SEED,
      orderStreams: [],
      listings: skus.map((sku, k) => ({
        sellerId,
        marketplaceId,
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
  seed.products = skus.map((sku, k) => ({
    sku,
    name: `Bench ${sku}`,
    typeId: 'simple' as const,
    attributeSetId: 4,
    status: 1 as const,
    visibility: 4 as const,
    websiteIds: [1],
    price: `2${k}.00`,
  }));
  seed.sourceItems = skus.map((sku) => ({ sku, sourceCode: 'default', quantity: 1_000_000, status: 1 as const }));
  const commerce = await startCommerceEmulator({ port: 0, clock, seed });
  // The backlog: every order placed (clock frozen) before the store starts importing. Same control route as
  // POST /__control/orders, called in-process.
  for (let i = 0; i < data.orders; i++) {
    const placed = await amazon.control.call('POST', '/orders', {
      sellerId,
      marketplaceId,
      status: 'UNSHIPPED',
      items: [{ sku: skus[i % skus.length], quantity: 1 + (i % 3) }],
    });
    if (placed.status !== undefined && placed.status !== 201) throw new Error(`control /orders: ${placed.status}`);
  }
  port.on('message', (message: ToWorker) => {
    if (message.type === 'origin') startAt(message.at);
    else if (message.type === 'advance') {
      amazon.control.advance(message.ms);
      port.postMessage({ type: 'ack', id: message.id } satisfies FromWorker);
    } else if (message.type === 'close') {
      void Promise.all([amazon.close(), commerce.close()]).then(() => {
        clock.dispose();
        port.postMessage({ type: 'closed' } satisfies FromWorker);
        port.close();
      });
    }
  });
  port.postMessage({
    type: 'ready',
    amazonUrl: amazon.url,
    commerceBaseUrl: commerce.baseUrl,
  } satisfies FromWorker);
};

main().catch((error: unknown) => {
  parentPort?.postMessage({
    type: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  } satisfies FromWorker);
});
