/**
 * Chaos, CI size: held prices replayed by overlapping outbox-flush runs while Amazon fails in every way the
 * emulator can, then Amazon compared with what the merchant set; the connection check under each fault kind; the
 * order import killed under faults on both emulators (Amazon vs Commerce orders); product-save events overlapping
 * the publish alarm and the publisher killed mid-run (State vs Amazon, price pushes counted).
 * `npm run chaos` runs the same scenarios larger, plus the 10 000-input bad-input campaign.
 */
import {
  COMMERCE_CREATION_FAULTS,
  connectionCheckUnderFaults,
  eventsOverlappingPublishAlarm,
  formatResults,
  heldPricesReplayedUnderFaults,
  MIXED_ORDER_FAULTS,
  orderImportKilledUnderFaults,
} from '../../bench/support/chaos-scenarios';
import { type QualityEnvironment, startQualityEnvironment } from '../../bench/support/environment';

let env: QualityEnvironment;
beforeAll(async () => {
  env = await startQualityEnvironment();
});
afterAll(() => env.close());

describe('chaos (small)', () => {
  it('replays held prices exactly once each, in order, through 5xx, 429, resets and truncated bodies', async () => {
    const result = await heldPricesReplayedUnderFaults(env, {
      skus: 8,
      updatesPerSku: 2,
      overlappingRuns: 1,
      faults: [
        { operation: 'patchListingsItem', kind: 'server-error', status: 503, nextN: 2 },
        { operation: 'patchListingsItem', kind: 'throttle', nextN: 2 },
        { operation: 'patchListingsItem', kind: 'reset', nextN: 1 },
        { operation: 'patchListingsItem', kind: 'malformed', nextN: 1 },
      ],
    });
    const { lines, failed } = formatResults([result]);
    expect(lines.filter((line) => line.includes('FAIL'))).toEqual([]);
    expect(failed).toBe(0);
  }, 60_000);

  it('keeps each price exactly once and the latest one when two alarm runs of the outbox flush overlap', async () => {
    const result = await heldPricesReplayedUnderFaults(env, {
      skus: 8,
      updatesPerSku: 2,
      overlappingRuns: 2,
      faults: [],
    });
    const { lines, failed } = formatResults([result]);
    expect(lines.filter((line) => line.includes('FAIL'))).toEqual([]);
    expect(failed).toBe(0);
  }, 60_000);

  it('answers the connection check through every fault kind without a 5xx', async () => {
    const result = await connectionCheckUnderFaults(env, [
      { operation: '*', kind: 'server-error', status: 503 },
      { operation: '*', kind: 'throttle' },
      { operation: '*', kind: 'reset' },
      { operation: '*', kind: 'malformed' },
    ]);
    const { lines, failed } = formatResults([result]);
    expect(lines.filter((line) => line.includes('FAIL'))).toEqual([]);
    expect(failed).toBe(0);
  }, 60_000);
});

describe('chaos (small): killed runs and overlapping runs, Amazon compared with Commerce', () => {
  it('imports every Amazon order into Commerce exactly once although the import is killed under faults on both sides', async () => {
    const result = await orderImportKilledUnderFaults({
      initialOrders: 3,
      kills: 2,
      amazonFaults: MIXED_ORDER_FAULTS,
      commerceFaults: [...MIXED_ORDER_FAULTS, ...COMMERCE_CREATION_FAULTS],
    });
    expect(formatResults([result]).lines.filter((line) => line.includes('FAIL'))).toEqual([]);
  }, 60_000);

  describe('listings', () => {
    let listingsEnv: QualityEnvironment;
    beforeAll(async () => {
      listingsEnv = await startQualityEnvironment({ amazonSpeedUp: 200 });
    });
    afterAll(() => listingsEnv.close());

    it('pushes each price once when product-save events overlap the publish alarm', async () => {
      const result = await eventsOverlappingPublishAlarm(listingsEnv, {
        skus: 3,
        rounds: 1,
        faults: [{ operation: 'patchListingsItem', kind: 'server-error', status: 503, nextN: 2 }],
      });
      expect(formatResults([result]).lines.filter((line) => line.includes('FAIL'))).toEqual([]);
    }, 60_000);
  });
});
