/**
 * Chaos, CI size: held prices replayed by overlapping outbox-flush runs while Amazon fails in every way the
 * emulator can, then Amazon compared with what the merchant set; the connection check under each fault kind.
 * `npm run chaos` runs the same scenarios larger, plus the 10 000-input bad-input campaign.
 */
import {
  connectionCheckUnderFaults,
  formatResults,
  heldPricesReplayedUnderFaults,
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
