import { BUCKETS, bucketOf, highWords } from '../../stats/column-sketch.js';
import { selectInPlace } from './select.js';

export { BUCKETS, bucketOf, highWords };

/**
 * Exact quantiles of a column without copying or sorting it: a radix select on the bits of the doubles.
 *
 * Why: copying a million durations to select their median and p90 in the copy cost ~70 ms per metric and 8 bytes per
 * row of peak memory (issue #10). A first pass counts each value into one of 65,536 buckets by the top 16 bits of its
 * order-preserving bit pattern (stats/column-sketch.ts); the ranks a quantile needs are then found in the cumulative
 * counts (planQuantiles), a second pass collects only the values of those few buckets (collect), and selection
 * finishes there (quantilesOf). Same order statistics as a full sort, so the same numbers to the last bit.
 */
export interface QuantilePlan {
  qs: readonly number[];
  count: number;
  /** Per bucket: the index of its member array, or -1 when no wanted rank falls in it. */
  wanted: Int8Array;
  members: Float64Array[];
  filled: Int32Array;
  /** Per rank (two per quantile: ⌊h⌋ and the next), its bucket's member array and its rank within it. */
  memberOfRank: Int32Array;
  rankInBucket: Int32Array;
}

/** Where the ranks of quantiles `qs` (h = (n − 1)·q) lie among `count` values counted into `histogram`. */
export function planQuantiles(histogram: Uint32Array, count: number, qs: readonly number[]): QuantilePlan {
  const ranks = qs.flatMap((q) => {
    const lower = Math.floor((count - 1) * q);
    return [lower, Math.min(lower + 1, count - 1)];
  });
  const wanted = new Int8Array(BUCKETS).fill(-1);
  const sizes: number[] = [];
  const memberOfRank = new Int32Array(ranks.length);
  const rankInBucket = new Int32Array(ranks.length);
  ranks.forEach((rank, r) => {
    let below = 0;
    let b = 0;
    while (below + histogram[b]! <= rank) below += histogram[b++]!;
    if (wanted[b] === -1) {
      wanted[b] = sizes.length;
      sizes.push(histogram[b]!);
    }
    memberOfRank[r] = wanted[b]!;
    rankInBucket[r] = rank - below;
  });
  return { qs, count, wanted, members: sizes.map((n) => new Float64Array(n)), filled: new Int32Array(sizes.length), memberOfRank, rankInBucket };
}

/** The second pass: keeps the values of `values` (NaN = none) whose bucket holds a wanted rank. */
export function collect(plan: QuantilePlan, values: Float64Array): void {
  const { wanted, members, filled } = plan;
  const high = highWords(values);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    const slot = wanted[bucketOf(high[2 * i + 1]!)]!;
    if (slot >= 0) members[slot]![filled[slot]!++] = v;
  }
}

/** The quantiles, by linear interpolation between closest ranks (numpy's default, DuckDB's quantile_cont). */
export function quantilesOf(plan: QuantilePlan): number[] {
  // Selection mutates a bucket's order, never its contents: a second rank in the same bucket is still found right.
  const at = Array.from(plan.memberOfRank, (m, r) => selectInPlace(plan.members[m]!, plan.rankInBucket[r]!));
  return plan.qs.map((q, k) => {
    const h = (plan.count - 1) * q;
    const low = at[2 * k]!;
    return low + (h - Math.floor(h)) * (at[2 * k + 1]! - low);
  });
}

/** Quantiles of the non-NaN values of `values`, whose buckets `histogram` counted (`count` values in all). One more pass. */
export function bucketQuantiles(values: Float64Array, histogram: Uint32Array, count: number, qs: readonly number[]): number[] {
  const plan = planQuantiles(histogram, count, qs);
  collect(plan, values);
  return quantilesOf(plan);
}
