import { selectInPlace } from './select.js';

/**
 * Exact quantiles of a column without copying or sorting it: a radix select on the bits of the doubles.
 *
 * Why: copying a million durations to select their median and p90 in the copy cost ~70 ms per metric and 8 bytes per
 * row of peak memory (issue #10). Here the caller's one pass over the column also counts each value into one of 65,536
 * buckets by the top 16 bits of its order-preserving bit pattern (bucketOf); the ranks a quantile needs are then
 * found in the cumulative counts, and a second pass collects only the values of those few buckets, where selection
 * finishes. Same order statistics as a full sort, so the same numbers to the last bit.
 */
export const BUCKETS = 65536;

/** The high 32 bits of each double of `values` (little-endian: every second word), for bucketOf. */
export function highWords(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
}

/** Bucket of a double from its high word: sign flipped (positive) or all bits flipped (negative), so buckets sort as numbers. */
export function bucketOf(high: number): number {
  return (high & 0x80000000 ? ~high : high | 0x80000000) >>> 16;
}

/**
 * Quantiles by linear interpolation between closest ranks (h = (n − 1)·q: numpy's default, DuckDB's quantile_cont)
 * of the non-NaN values of `values`, whose buckets `histogram` counted (`count` values in all). One more pass.
 */
export function bucketQuantiles(values: Float64Array, histogram: Uint32Array, count: number, qs: readonly number[]): number[] {
  const ranks = qs.flatMap((q) => {
    const h = (count - 1) * q;
    const lower = Math.floor(h);
    return [lower, Math.min(lower + 1, count - 1)];
  });
  // The bucket of each rank, and the rank within it.
  const bucketOfRank = new Int32Array(ranks.length);
  const rankInBucket = new Int32Array(ranks.length);
  const wanted = new Int8Array(BUCKETS).fill(-1);
  const chosen: number[] = [];
  ranks.forEach((rank, r) => {
    let below = 0;
    let b = 0;
    while (below + histogram[b]! <= rank) below += histogram[b++]!;
    bucketOfRank[r] = b;
    rankInBucket[r] = rank - below;
    if (wanted[b] === -1) {
      wanted[b] = chosen.length;
      chosen.push(b);
    }
  });
  const members = chosen.map((b) => new Float64Array(histogram[b]!));
  const filled = new Int32Array(chosen.length);
  const high = highWords(values);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue; // NaN: no value
    const slot = wanted[bucketOf(high[2 * i + 1]!)]!;
    if (slot >= 0) members[slot]![filled[slot]!++] = v;
  }
  // Selection mutates a bucket's order, never its contents: a second rank in the same bucket is still found right.
  const at = ranks.map((_, r) => {
    const bucket = members[wanted[bucketOfRank[r]!]!]!;
    return selectInPlace(bucket, rankInBucket[r]!);
  });
  return qs.map((q, k) => {
    const h = (count - 1) * q;
    const low = at[2 * k]!;
    return low + (h - Math.floor(h)) * (at[2 * k + 1]! - low);
  });
}
