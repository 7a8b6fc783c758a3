import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/metrics/stats/quantile.js';
import { summarizeDurations, tallyDurations } from '../../src/metrics/stats/summary.js';
import { BUCKETS, bucketOf, bucketQuantiles, highWords } from '../../src/metrics/stats/bucket-select.js';

describe('quantileSorted', () => {
  it('interpolates linearly between closest ranks, like numpy and DuckDB quantile_cont', () => {
    // h = (5 − 1)·0.9 = 3.6 → 40 + 0.6·(50 − 40) = 46
    expect(quantileSorted([10, 20, 30, 40, 50], 0.9)).toBeCloseTo(46, 12);
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNull();
  });
});

describe('summarizeDurations (properties)', () => {
  it('matches a full sort and quantileSorted on any data, many equal values included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 300 }), (ints) => {
        const values = Float64Array.from(ints, (m) => m * 60);
        const sorted = Float64Array.from(values).sort();
        const s = summarizeDurations(values);
        expect(s.median).toBeCloseTo(quantileSorted(sorted, 0.5)!, 6);
        expect(s.p90).toBeCloseTo(quantileSorted(sorted, 0.9)!, 6);
        expect([s.min, s.max]).toEqual([sorted[0], sorted[sorted.length - 1]]);
      }),
    );
  });

  const durations = fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 200 });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(durations, fc.integer(), (values, seed) => {
        const shuffled = [...values].sort((a, b) => ((a * 9301 + seed) % 233) - ((b * 9301 + seed) % 233));
        const { mean: meanA, ...a } = summarizeDurations(Float64Array.from(shuffled));
        const { mean: meanB, ...b } = summarizeDurations(Float64Array.from(values));
        expect(a).toEqual(b);
        expect(Math.abs(meanA! - meanB!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(meanB!)));
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

describe('bucketQuantiles (radix select on the bits of the doubles)', () => {
  const anyDouble = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -5, max: 5 }).map((m) => m * 60),
    fc.constantFrom(-0, 0, Number.MIN_VALUE, -Number.MIN_VALUE, 1e308, -1e308, 0.1, 0.30000000000000004),
  );
  it('gives exactly the quantiles of a full sort, whatever the sign, size and ties of the values', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { minLength: 1, maxLength: 400 }), fc.nat(5), fc.double({ min: 0, max: 1, noNaN: true }), (list, gaps, q) => {
        const values = Float64Array.from([...list, ...Array<number>(gaps).fill(Number.NaN)]);
        const histogram = new Uint32Array(BUCKETS);
        const high = highWords(values);
        for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) histogram[bucketOf(high[2 * i + 1]!)]!++;
        const sorted = Float64Array.from(list).sort();
        const [median, atQ] = bucketQuantiles(values, histogram, list.length, [0.5, q]);
        expect(median).toBe(quantileSorted(sorted, 0.5));
        expect(atQ).toBe(quantileSorted(sorted, q));
      }),
      { numRuns: 500 },
    );
  });

  it('orders buckets as the numbers: negative below -0 below 0 below positive', () => {
    const bucket = (x: number) => bucketOf(highWords(Float64Array.of(x))[1]!);
    // 2 and 3 share a bucket (same exponent, top mantissa bits 0 and 1000…); 4 starts the next octave.
    expect([-1e9, -1, -0, 0, 1, 2, 4, 1e9].map(bucket)).toEqual([...[-1e9, -1, -0, 0, 1, 2, 4, 1e9].map(bucket)].sort((a, b) => a - b));
    expect(bucket(2)).toBe(bucket(2.1));
    expect(bucket(-0)).toBeLessThan(bucket(0));
  });
});

describe('tallyDurations: the summary and its counts in one pass', () => {
  it('counts values passing each kind of threshold and values per tag, leaving NaN (no value) out', () => {
    const values = Float64Array.of(60, 900, Number.NaN, 1200, 900);
    const tags = Uint8Array.of(1, 2, 1, 1, 2); // the NaN row's tag is not counted
    // < 900: {60} = 1; <= 900: {60, 900, 900} = 3; > 900: {1200} = 1; >= 900: {900, 1200, 900} = 3
    expect(tallyDurations(values, { comparator: '<', value: 900 }, tags).passing).toBe(1);
    expect(tallyDurations(values, { comparator: '<=', value: 900 }, tags).passing).toBe(3);
    expect(tallyDurations(values, { comparator: '>', value: 900 }, tags).passing).toBe(1);
    expect(tallyDurations(values, { comparator: '>=', value: 900 }, tags).passing).toBe(3);
    const { summary, passing, perTag } = tallyDurations(values, null, tags);
    expect(passing).toBe(0);
    expect([perTag[1], perTag[2]]).toEqual([2, 2]); // tag 1: 60, 1200; tag 2: 900, 900
    // sorted 60, 900, 900, 1200: mean 3060 / 4 = 765; median (900 + 900) / 2; p90 h = 2.7 → 900 + 0.7·300 = 1110
    expect(summary).toEqual({ count: 4, mean: 765, median: 900, p90: 1110, min: 60, max: 1200 });
  });
});
