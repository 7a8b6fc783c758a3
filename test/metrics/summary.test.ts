import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/metrics/stats/quantile.js';
import { summarizeDurations } from '../../src/metrics/stats/summary.js';

describe('quantileSorted', () => {
  it('interpolates linearly between closest ranks, like numpy and DuckDB quantile_cont', () => {
    // h = (5 − 1)·0.9 = 3.6 → 40 + 0.6·(50 − 40) = 46
    expect(quantileSorted([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46, 12);
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNull();
  });
});

describe('summarizeDurations (properties)', () => {
  const durations = fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 200 });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(durations, fc.integer(), (values, seed) => {
        const shuffled = [...values].sort((a, b) => ((a * 9301 + seed) % 233) - ((b * 9301 + seed) % 233));
        expect(summarizeDurations(Float64Array.from(shuffled))).toEqual(summarizeDurations(Float64Array.from(values)));
      }),
    );
  });

  it('keeps median and p90 between min and max, and leaves NaN (no value) out', () => {
    fc.assert(
      fc.property(durations, fc.nat(20), (values, missing) => {
        const withGaps = Float64Array.from([...values, ...Array<number>(missing).fill(Number.NaN)]);
        const s = summarizeDurations(withGaps);
        expect(s.count).toBe(values.length);
        expect(s.median!).toBeGreaterThanOrEqual(s.min! - 1e-9);
        expect(s.p90!).toBeLessThanOrEqual(s.max! + 1e-9);
        expect(s.p90!).toBeGreaterThanOrEqual(s.median! - 1e-9);
      }),
    );
  });
});
