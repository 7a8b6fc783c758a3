/**
 * A one-pass sketch of a numeric column: count, compensated sum, min, max, and the counts of a radix histogram on
 * the bits of the doubles — everything a mean and exact quantiles need except the values of the few buckets that
 * hold the wanted ranks (metrics/stats/bucket-select.ts). Sketches of parts of a column merge into the sketch of the
 * whole, so the threads that read the parts of a file sketch them in parallel and the report's serial tail keeps one
 * pass (issue #10). Shared by datasets/ (which sketches) and metrics/ (which reads): neither imports the other.
 */
export interface ColumnSketch {
  /** Values that are not NaN (NaN = no value). */
  count: number;
  /** Neumaier's compensated sum: sum + compensation is the exact-as-can-be total, whatever the row order. */
  sum: number;
  compensation: number;
  min: number;
  max: number;
  /** Values per bucket (bucketOf). */
  histogram: Uint32Array;
}

export const BUCKETS = 65536;

/** The high 32 bits of each double of `values` (little-endian: every second word), for bucketOf. */
export function highWords(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
}

/**
 * Bucket of a double from its high word: the top 16 bits of its order-preserving pattern (sign flipped for a
 * positive number, all bits flipped for a negative one), so buckets sort as the numbers do.
 */
export function bucketOf(high: number): number {
  return (high & 0x80000000 ? ~high : high | 0x80000000) >>> 16;
}

export function sketchColumn(values: Float64Array): ColumnSketch {
  const histogram = new Uint32Array(BUCKETS);
  const high = highWords(values);
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
    if (v < min) min = v;
    if (v > max) max = v;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return { count, sum, compensation, min, max, histogram };
}

/** The sketch of the parts' values taken together, in order. */
export function mergeSketches(parts: readonly ColumnSketch[]): ColumnSketch {
  const histogram = new Uint32Array(BUCKETS);
  let count = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let compensation = 0;
  for (const part of parts) {
    count += part.count;
    if (part.min < min) min = part.min;
    if (part.max > max) max = part.max;
    const t = sum + part.sum;
    compensation += part.compensation + (Math.abs(sum) >= Math.abs(part.sum) ? sum - t + part.sum : part.sum - t + sum);
    sum = t;
    for (let b = 0; b < BUCKETS; b++) histogram[b] = histogram[b]! + part.histogram[b]!;
  }
  return { count, sum, compensation, min, max, histogram };
}
