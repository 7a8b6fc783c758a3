import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSketches, sketchColumn } from '../../src/stats/column-sketch.js';
import { tallyDurations } from '../../src/metrics/stats/summary.js';

const column = fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 50 }).map((m) => m * 60), fc.constant(Number.NaN)), { maxLength: 200 });

describe('column sketches: the parts of a column sketched apart merge into the sketch of the whole', () => {
  it('gives the same count, min, max and histogram, and the same total to rounding, however the column is cut', () => {
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 4 }), (parts) => {
        const whole = sketchColumn(Float64Array.from(parts.flat()));
        const merged = mergeSketches(parts.map((p) => sketchColumn(Float64Array.from(p))));
        expect([merged.count, merged.min, merged.max]).toEqual([whole.count, whole.min, whole.max]);
        expect(Buffer.from(merged.histogram.buffer).equals(Buffer.from(whole.histogram.buffer))).toBe(true); // toEqual on 65,536 counts is slow
        const total = merged.sum + merged.compensation;
        expect(Math.abs(total - (whole.sum + whole.compensation))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(total)));
      }),
    );
  });

  it('lets a duration summary skip its first pass: the same numbers with the parts’ merged sketch as without', () => {
    fc.assert(
      fc.property(column, column, (a, b) => {
        const values = Float64Array.from([...a, ...b]);
        const sketch = mergeSketches([sketchColumn(Float64Array.from(a)), sketchColumn(Float64Array.from(b))]);
        const target = { comparator: '<=' as const, value: 600 };
        const given = tallyDurations(values, target, null, sketch);
        const own = tallyDurations(values, target, null);
        expect({ ...given.summary, mean: null }).toEqual({ ...own.summary, mean: null });
        expect(given.passing).toBe(own.passing);
        if (own.summary.mean !== null) expect(Math.abs(given.summary.mean! - own.summary.mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(own.summary.mean)));
      }),
    );
  });

  it('sketches by hand: 60, NaN, 120, 30', () => {
    // count 3 (NaN is no value), min 30, max 120, sum 210
    const s = sketchColumn(Float64Array.of(60, Number.NaN, 120, 30));
    expect([s.count, s.min, s.max, s.sum + s.compensation]).toEqual([3, 30, 120, 210]);
    expect(s.histogram.reduce((n, c) => n + c, 0)).toBe(3);
  });
});
