import {
  commerceDate,
  FULL_PASS_EVERY_MS,
  OVERLAP_MS,
  planReconcile,
  type ReconcilerMark,
} from '../../../src/app/listings/reconciler';

const T0 = Date.parse('2026-11-27T09:00:00Z');
const mark = (changes: Partial<ReconcilerMark> = {}): ReconcilerMark => ({
  highWaterMark: '2026-11-27 08:58:30',
  lastRunAtMs: T0 - 5 * 60_000,
  lastFullAtMs: T0 - 10 * 60_000,
  fingerprint: 'f1',
  ...changes,
});

describe('listings reconciler plan', () => {
  it('formats times as Commerce datetimes in UTC', () => {
    expect(commerceDate(T0)).toBe('2026-11-27 09:00:00');
  });

  it('reads the whole catalogue on the first run, after settings or rules changed, and once an hour', () => {
    expect(planReconcile(null, T0, 'f1')).toEqual({ mode: 'full', reason: 'first run' });
    expect(planReconcile(mark({ highWaterMark: null }), T0, 'f1').mode).toBe('full');
    expect(planReconcile(mark(), T0, 'f2')).toEqual({ mode: 'full', reason: 'settings or rules changed' });
    expect(planReconcile(mark({ lastFullAtMs: T0 - FULL_PASS_EVERY_MS }), T0, 'f1')).toEqual({
      mode: 'full',
      reason: 'hourly full pass',
    });
  });

  it('otherwise reads products updated since the high-water mark and windows since the last run, with overlap', () => {
    expect(planReconcile(mark(), T0, 'f1')).toEqual({
      mode: 'incremental',
      updatedSince: commerceDate(Date.parse('2026-11-27T08:58:30Z') - OVERLAP_MS),
      windowFrom: commerceDate(T0 - 5 * 60_000 - OVERLAP_MS),
      windowTo: '2026-11-27 09:00:00',
    });
  });
});
