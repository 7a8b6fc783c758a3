import type { Threshold } from '../threshold.js';
import { bucketOf, highWords, sketchColumn, type ColumnSketch } from '../../stats/column-sketch.js';
import { planQuantiles, quantilesOf } from './bucket-select.js';

/** count, mean, median, p90, min, max of a set of durations (seconds); null statistics when there are none. */
export interface DurationSummary {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

/** A summary and what was counted beside it. */
export interface DurationTally {
  summary: DurationSummary;
  /** Values passing the threshold (0 without one). */
  passing: number;
  /** Values per tag (a small code per row, e.g. where the value came from: ValueSource), indexed by tag. */
  perTag: number[];
}

/** Summarises the non-NaN values (see tallyDurations). */
export function summarizeDurations(values: Float64Array): DurationSummary {
  return tallyDurations(values, null, null).summary;
}

/**
 * Summarises the non-NaN values: count, mean (Neumaier's compensated sum: it does not drift with row order), min and
 * max from the column's sketch (stats/column-sketch.ts: one pass, or none when the reading threads sketched their
 * parts of the column already), then one more pass that collects the values of the buckets holding the median's and
 * p90's ranks (bucket-select.ts) and counts, beside them, the values passing `threshold` and the values per tag. No
 * copy or sort of a million values; two loops, not one per count: in a short-lived process each loop over a million
 * rows runs unoptimised for its first ~15 ms (issue #10).
 */
export function tallyDurations(values: Float64Array, threshold: Threshold | null, tags: Uint8Array | null, sketch: ColumnSketch = sketchColumn(values)): DurationTally {
  const count = sketch.count;
  const perTag = new Float64Array(256);
  if (count === 0) return { summary: { count: 0, mean: null, median: null, p90: null, min: null, max: null }, passing: 0, perTag: Array.from(perTag) };
  const plan = planQuantiles(sketch.histogram, count, [0.5, 0.9]);
  const { wanted, members, filled } = plan;
  const high = highWords(values);
  const bound = threshold === null ? Number.NaN : threshold.value;
  const below = threshold !== null && threshold.comparator.startsWith('<');
  const inclusive = threshold !== null && threshold.comparator.endsWith('=');
  let passing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue; // NaN: no value
    const slot = wanted[bucketOf(high[2 * i + 1]!)]!;
    if (slot >= 0) members[slot]![filled[slot]!++] = v;
    if (tags !== null) {
      const tag = tags[i]!;
      perTag[tag] = perTag[tag]! + 1;
    }
    // NaN bound (no threshold): every comparison is false.
    if (below ? v < bound || (inclusive && v === bound) : v > bound || (inclusive && v === bound)) passing++;
  }
  const [median, p90] = quantilesOf(plan) as [number, number];
  const mean = (sketch.sum + sketch.compensation) / count;
  return { summary: { count, mean: roundNano(mean), median: roundNano(median), p90: roundNano(p90), min: sketch.min, max: sketch.max }, passing, perTag: Array.from(perTag) };
}

/**
 * Rounds to 1e-9: (n − 1)·0.9 is 2.7000000000000006 in binary, which would print a p90 of 1020 s as
 * 1020.0000000000001. Nine decimals keep every real difference and drop that noise.
 */
export function roundNano(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
