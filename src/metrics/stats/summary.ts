import { quantileSorted } from './quantile.js';

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
 * Summarises the non-NaN values: one copy, one typed-array sort, every order statistic read from it.
 * The mean sums in ascending order, so the result does not depend on the row order.
 */
export function summarizeDurations(values: Float64Array): DurationSummary {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) count++;
  const sorted = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) sorted[k++] = v;
  }
  sorted.sort();
  if (count === 0) return { count: 0, mean: null, median: null, p90: null, min: null, max: null };
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i]!;
  return {
    count,
    mean: roundNano(sum / count),
    median: roundNano(quantileSorted(sorted, 0.5)!),
    p90: roundNano(quantileSorted(sorted, 0.9)!),
    min: sorted[0]!,
    max: sorted[count - 1]!,
  };
}

/**
 * Rounds to 1e-9: (n − 1)·0.9 is 2.7000000000000006 in binary, which would print a p90 of 1020 s as
 * 1020.0000000000001. Nine decimals keep every real difference and drop that noise.
 */
function roundNano(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
