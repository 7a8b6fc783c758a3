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

/**
 * Summarises the non-NaN values: one pass for count, min, max, a compensated sum (Neumaier: the mean does not drift
 * with row order) and the bucket counts of a radix select, then median and p90 from the few buckets that hold their
 * ranks (bucket-select.ts) — no copy or sort of a million values. `onValue` sees every counted value in that same
 * pass (callers count what they need without a second loop).
 */
export function summarizeDurations(values: Float64Array, onValue?: (index: number, value: number) => void): DurationSummary {
  const histogram = new Uint32Array(BUCKETS);
  const high = highWords(values);
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    count++;
    const bucket = bucketOf(high[2 * i + 1]!);
    histogram[bucket] = histogram[bucket]! + 1;
    if (onValue !== undefined) onValue(i, v);
    if (v < min) min = v;
    if (v > max) max = v;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  if (count === 0) return { count: 0, mean: null, median: null, p90: null, min: null, max: null };
  const [median, p90] = bucketQuantiles(values, histogram, count, [0.5, 0.9]) as [number, number];
  return { count, mean: roundNano((sum + compensation) / count), median: roundNano(median), p90: roundNano(p90), min, max };
}

/**
 * Rounds to 1e-9: (n − 1)·0.9 is 2.7000000000000006 in binary, which would print a p90 of 1020 s as
 * 1020.0000000000001. Nine decimals keep every real difference and drop that noise.
 */
function roundNano(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
