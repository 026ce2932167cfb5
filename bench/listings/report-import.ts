/**
 * Benchmark L1: importing a 100 000-row GET_MERCHANT_LISTINGS_ALL_DATA report keeps memory bounded.
 * The report is generated on the fly as a gzip'd cp1252 TSV stream (as Amazon sends EU reports), decoded by the
 * same code as a download (gunzip → iconv-lite → csv-parse) and stored through the listings repository.
 * Heap is sampled every 20 ms; prints `L1 peak-heap-MB <n> (goal <= 256)`. Run: `npx tsx bench/listings/report-import.ts`.
 */
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import iconv from 'iconv-lite';
import { createStorageFromKv } from '../../src/adapters/state';
import { listingsRepository } from '../../src/adapters/state/listings/repository';
import { MERCHANT_LISTINGS_ALL_DATA_COLUMNS } from '../../src/emulators/amazon/reports';
import type { ListingsContext } from '../../src/app/listings/context';
import { decodeDocumentStream } from '../../src/app/listings/documents';
import { applyReport } from '../../src/app/listings/report-import';
import type { Services } from '../../src/app/services';
import { emptyConditionTree } from '../../src/core/conditions';
import type { CatalogProduct } from '../../src/core/listings';
import type { KeyValueStore } from '../../src/core/ports/key-value-store';
import { DEFAULT_LISTING_SETTINGS } from '../../src/core/settings/listing-settings';

const ROWS = Number(process.env.L1_ROWS ?? 100_000);
const PRODUCTS = 2_000;
const HEADER = MERCHANT_LISTINGS_ALL_DATA_COLUMNS;

function* reportLines(): Generator<string> {
  yield `${HEADER.join('\t')}\n`;
  for (let i = 0; i < ROWS; i++) {
    const sku = i < PRODUCTS ? `P-${i}` : `AMZ-${String(i).padStart(7, '0')}`;
    const fba = i % 7 === 0;
    yield `${[
      `Kaffeebecher Größe ${i} – Édition`,
      '',
      `L${i}`,
      sku,
      '19,99',
      fba ? '' : String(i % 40),
      '2026-01-01 10:00:00 UTC',
      '',
      'y',
      '1',
      '',
      '',
      '11',
      '',
      '',
      '',
      `B0${String(i).padStart(8, '0')}`,
      '',
      '',
      '',
      '',
      '',
      `B0${String(i).padStart(8, '0')}`,
      '',
      '',
      '0',
      fba ? 'AMAZON_EU' : 'DEFAULT',
      '',
      'Active',
    ].join('\t')}\n`;
  }
}

/**
 * The bench's stand-in for Adobe State keeps values as Buffers, outside the JS heap: in production the
 * stored listings live in State, not in the action's memory, so only the import's own heap is measured.
 */
class OffHeapKeyValueStore implements KeyValueStore {
  private readonly values = new Map<string, Buffer>();
  async get(key: string) {
    return this.values.get(key)?.toString('utf8');
  }
  async put(key: string, value: string) {
    this.values.set(key, Buffer.from(value, 'utf8'));
  }
  async delete(key: string) {
    return this.values.delete(key);
  }
  async *keys(glob: string) {
    const pattern = new RegExp(`^${glob.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    for (const key of [...this.values.keys()]) if (pattern.test(key)) yield key;
  }
  bytes() {
    let total = 0;
    for (const v of this.values.values()) total += v.length;
    return total;
  }
}

const main = async () => {
  const kv = new OffHeapKeyValueStore();
  const storage = createStorageFromKv(kv, 'memory', { settleMs: 0 });
  const products: CatalogProduct[] = Array.from({ length: PRODUCTS }, (_, i) => ({
    sku: `P-${i}`,
    name: `Product ${i}`,
    typeId: 'simple',
    enabled: true,
    attributes: {},
    stock: { manageStock: true, legacyQuantity: 10 },
  }));
  const lc = {
    services: {} as Services,
    store: { id: 'bench' },
    ctx: {
      storeId: 'bench',
      sellerId: 'S',
      marketplaceId: 'A1PA6795UKMFR9',
      currency: 'EUR',
      region: 'eu',
      country: 'DE',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    settings: DEFAULT_LISTING_SETTINGS,
    repo: listingsRepository(storage, 'bench', 'automatic'),
    rules: emptyConditionTree(),
    at: () => '2026-01-01T00:00:00.000Z',
  } as unknown as ListingsContext;

  const source = Readable.from(reportLines()).pipe(iconv.encodeStream('cp1252')).pipe(createGzip());
  const decoded = decodeDocumentStream(source as unknown as Readable, 'GZIP', 'text/plain;charset=Cp1252');
  global.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  const started = Date.now();
  const result = await applyReport(lc, decoded, { products });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const stored = await lc.repo.counts();
  if (result.added !== ROWS) throw new Error(`expected ${ROWS} listings, imported ${result.added}`);
  console.log(`L1 peak-heap-MB ${Math.round(peak / 1048576)} (goal <= 256)`);
  console.log(
    `L1 detail: ${ROWS} rows in ${Date.now() - started} ms, matched ${result.matched}, unmatched ${result.unmatched}, ` +
      `errors ${result.errors}; tabs ${JSON.stringify(stored)}; heap at start ${Math.round(baseline / 1048576)} MB; ` +
      `State now holds ${Math.round(kv.bytes() / 1048576)} MB (off heap)`,
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
