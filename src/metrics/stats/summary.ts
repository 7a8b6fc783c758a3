import type { Threshold } from '../threshold.js';
import { BUCKETS, bucketOf, bucketQuantiles, highWords } from './bucket-select.js';

/** count, mean, median, p90, min, max of a set of durations (seconds); null statistics when there are none. */
export interface DurationSummary {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
}

/** A summary and what the same pass counted beside it. */
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
 * Summarises the non-NaN values in one pass — count, min, max, a compensated sum (Neumaier: the mean does not drift
 * with row order), the bucket counts of a radix select, and, beside them, the values passing `threshold` and the
 * values per tag — then median and p90 from the few buckets that hold their ranks (bucket-select.ts): no copy or
 * sort of a million values. One loop, not one per count: in a short-lived process each loop over a million rows
 * runs unoptimised for its first ~15 ms (issue #10).
 */
export function tallyDurations(values: Float64Array, threshold: Threshold | null, tags: Uint8Array | null): DurationTally {
  const histogram = new Uint32Array(BUCKETS);
  const high = highWords(values);
  const perTag = new Float64Array(256);
  const bound = threshold === null ? Number.NaN : threshold.value;
  const below = threshold !== null && threshold.comparator.startsWith('<');
  const inclusive = threshold !== null && threshold.comparator.endsWith('=');
  let passing = 0;
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue; // NaN: no value
    count++;
    const bucket = bucketOf(high[2 * i + 1]!);
    histogram[bucket] = histogram[bucket]! + 1;
    if (tags !== null) {
      const tag = tags[i]!;
      perTag[tag] = perTag[tag]! + 1;
    }
    // NaN bound (no threshold): every comparison is false.
    if (below ? v < bound || (inclusive && v === bound) : v > bound || (inclusive && v === bound)) passing++;
    if (v < min) min = v;
    if (v > max) max = v;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  const tagCounts = Array.from(perTag);
  if (count === 0) return { summary: { count: 0, mean: null, median: null, p90: null, min: null, max: null }, passing: 0, perTag: tagCounts };
  const [median, p90] = bucketQuantiles(values, histogram, count, [0.5, 0.9]) as [number, number];
  return { summary: { count, mean: roundNano((sum + compensation) / count), median: roundNano(median), p90: roundNano(p90), min, max }, passing, perTag: tagCounts };
}

/**
 * Rounds to 1e-9: (n − 1)·0.9 is 2.7000000000000006 in binary, which would print a p90 of 1020 s as
 * 1020.0000000000001. Nine decimals keep every real difference and drop that noise.
 */
function roundNano(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
