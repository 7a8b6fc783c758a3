import { BUCKETS, bucketOf, highWords } from '../../stats/column-sketch.js';
import type { Slicing } from '../../stats/slicing.js';
import { passes, type Threshold } from '../threshold.js';
import { selectInPlace } from './select.js';
import { roundNano, type DurationTally } from './summary.js';

/** At most this many histogram counters at once (32 MB): more slices are tallied in batches of slices. */
const MAX_COUNTERS = 8 * 1024 * 1024;

/** The quantiles each slice reports; its min and max are found the same way, as the values of ranks 0 and n − 1. */
const QUANTILES = [0.5, 0.9];

/**
 * The tally of every slice of a duration column (tallyDurations of each slice's rows, the same numbers to the last
 * bit), in two passes over the whole column instead of a copy of each slice's rows and two passes over each copy.
 *
 * Why: `--by agent --period week` on a million tickets cut each duration column into 49 copies and tallied each; the
 * copies and the per-slice passes cost ~60 % more than the whole report (issue #13). A pass over a million rows costs
 * here about 5 ns for each counter it updates at a place that depends on the row, so the passes update as few as
 * they can:
 * - the first counts each row into its slice's radix histogram (summary.ts: 65,536 buckets by the top bits of the
 *   double, of which durations use a few hundred, so the counters touched stay in cache) and adds it to its slice's
 *   Neumaier sum, rows in order as the slice's own pass would; a tag is counted only when it is not the column's usual
 *   one. A slice's count is its histogram's total.
 * - the second collects the values of the buckets holding each slice's ranks — the median's, the p90's, and ranks 0
 *   and n − 1 for its min and max — and of the bucket holding its threshold: the values passing it are those of the
 *   buckets on its side, counted from the histogram, and those of its own bucket that pass.
 * Slices are tallied 128 at a time (32 MB of counters).
 */
export function tallyDurationSlices(values: Float64Array, tags: Uint8Array | null, slicing: Slicing, thresholds: readonly (Threshold | null)[]): DurationTally[] {
  return tallyDurationSlicings(values, tags, [slicing], [thresholds])[0]!;
}

/**
 * tallyDurationSlices of several slicings of the same rows (the groups of each `--by` field, the periods), in the
 * same passes: a row is in one slice of each slicing, so each pass updates a slice of two slicings per row instead of
 * going over the column once per slicing (issue #13: the passes are most of what slicing costs, and two slicings
 * tallied together cost ~60 % of them tallied apart). The slices of all slicings are numbered one after another
 * (slicing i's slice k is slice offset_i + k) and tallied in batches of that numbering, as one slicing's are.
 */
export function tallyDurationSlicings(values: Float64Array, tags: Uint8Array | null, slicings: readonly Slicing[], thresholds: readonly (readonly (Threshold | null)[])[]): DurationTally[][] {
  const high = highWords(values);
  const offsets = slicings.map((_, i) => slicings.slice(0, i).reduce((n, s) => n + s.slices, 0));
  const slices = slicings.reduce((n, s) => n + s.slices, 0);
  const allThresholds = slicings.flatMap((s, i) => Array.from({ length: s.slices }, (_, k) => thresholds[i]![k] ?? null));
  const tallies: DurationTally[] = new Array(slices);
  const batch = Math.max(1, Math.floor(MAX_COUNTERS / BUCKETS));
  // The usual tag: the first row's (a column's values mostly come from one place).
  const usualTag = tags === null || tags.length === 0 ? 0 : tags[0]!;
  for (let first = 0; first < slices; first += batch) {
    const last = Math.min(slices, first + batch);
    // The slicings with slices in this batch, two to a pass.
    const inBatch = slicings.flatMap((s, i) => (offsets[i]! < last && offsets[i]! + s.slices > first ? [{ slotOfRow: s.slotOfRow, offset: offsets[i]! - first }] : []));
    const pairs = Array.from({ length: Math.ceil(inBatch.length / 2) }, (_, p) => ({ a: inBatch[2 * p]!, b: inBatch[2 * p + 1] ?? null }));
    const sums = countPasses(values, high, tags, usualTag, pairs, last - first);
    tallyBatch(values, high, pairs, first, sums, allThresholds.slice(first, last), tags === null ? null : usualTag, tallies);
  }
  return slicings.map((s, i) => tallies.slice(offsets[i], offsets[i]! + s.slices));
}

/** One or two slicings a pass goes over: a row of slot k (≥ 0) of `slotOfRow` is in the batch's slice offset + k. */
interface PassSlicings {
  a: { slotOfRow: Int32Array; offset: number };
  b: { slotOfRow: Int32Array; offset: number } | null;
}

/** What the first pass counts for a batch of slices. */
interface SliceSums {
  slices: number;
  /** Per slice its BUCKETS counters. */
  histogram: Uint32Array;
  sum: Float64Array;
  compensation: Float64Array;
  /** Per slice, values per tag other than the usual one (256 counters a slice). */
  unusualTags: Uint32Array;
  /** The lowest and highest bucket that occurs, and every bucket that occurs in some slice, ascending. */
  lowest: number;
  highest: number;
  occupied: Int32Array;
}

// Each pass is a function of its own: one loop per function is optimised as soon as it runs hot, while a later loop
// of a long function would run on an optimisation made before it ever ran, and be thrown away.

/** The first pass over the batch's slices (`slices` of them), one pass per one or two slicings. */
function countPasses(values: Float64Array, high: Uint32Array, tags: Uint8Array | null, usualTag: number, pairs: readonly PassSlicings[], slices: number): SliceSums {
  const sums = { histogram: new Uint32Array(slices * BUCKETS), sum: new Float64Array(slices), compensation: new Float64Array(slices), unusualTags: new Uint32Array(slices * 256) };
  const tagOf = tags ?? new Uint8Array(values.length).fill(usualTag);
  // Buckets some value falls in: a slice's histogram is walked over these only (durations fill a few hundred of the
  // buckets, spread over thousands when some are 0: a walk over all of them per slice cost more than the passes).
  const seen = new Uint8Array(BUCKETS);
  for (const { a, b } of pairs) countPass(values, high, tagOf, usualTag, a.slotOfRow, a.offset, b?.slotOfRow ?? a.slotOfRow, b === null ? -1 : b.offset, b !== null, slices, sums, seen);
  const occupied: number[] = [];
  for (let k = 0; k < BUCKETS; k++) if (seen[k] === 1) occupied.push(k);
  const lowest = occupied.length === 0 ? BUCKETS - 1 : occupied[0]!;
  const highest = occupied.length === 0 ? 0 : occupied[occupied.length - 1]!;
  return { slices, ...sums, lowest, highest, occupied: Int32Array.from(occupied) };
}

/** The first pass of one slicing, or two (`both`): the batch's slice of row r is offset + slotOfRow[r], each's own. */
function countPass(values: Float64Array, high: Uint32Array, tagOf: Uint8Array, usualTag: number, slotsA: Int32Array, offsetA: number, slotsB: Int32Array, offsetB: number, both: boolean, slices: number, sums: { histogram: Uint32Array; sum: Float64Array; compensation: Float64Array; unusualTags: Uint32Array }, seen: Uint8Array): void {
  const { histogram, sum, compensation, unusualTags } = sums;
  for (let row = 0; row < values.length; row++) {
    const v = values[row]!;
    if (v !== v) continue; // NaN: no value
    const b = bucketOf(high[2 * row + 1]!);
    const tag = tagOf[row]!;
    // A row in no slice (slot −1), or in another batch's, is not counted there.
    const slotA = slotsA[row]!;
    const ja = slotA + offsetA;
    if (slotA >= 0 && ja >= 0 && ja < slices) {
      histogram[ja * BUCKETS + b]!++;
      seen[b] = 1;
      const s = sum[ja]!;
      const t = s + v;
      compensation[ja]! += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      sum[ja] = t;
      if (tag !== usualTag) unusualTags[ja * 256 + tag]!++;
    }
    if (!both) continue;
    const slotB = slotsB[row]!;
    const jb = slotB + offsetB;
    if (slotB >= 0 && jb >= 0 && jb < slices) {
      histogram[jb * BUCKETS + b]!++;
      seen[b] = 1;
      const s = sum[jb]!;
      const t = s + v;
      compensation[jb]! += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
      sum[jb] = t;
      if (tag !== usualTag) unusualTags[jb * 256 + tag]!++;
    }
  }
}

/** Per slice its ranks' and its threshold's buckets, the second pass, and each slice's tally. */
function tallyBatch(values: Float64Array, high: Uint32Array, pairs: readonly PassSlicings[], first: number, sums: SliceSums, thresholds: readonly (Threshold | null)[], usualTag: number | null, tallies: DurationTally[]): void {
  const { slices, histogram, lowest, highest } = sums;
  const tagged = usualTag !== null;
  const width = Math.max(0, highest - lowest + 1);
  const wanted = new Int32Array(slices * width).fill(-1);
  const members: Float64Array[] = [];
  // The member array of bucket b of slice j, made when first wanted.
  const memberOf = (j: number, b: number): number => {
    const at = j * width + b - lowest;
    if (wanted[at] === -1) {
      wanted[at] = members.length;
      members.push(new Float64Array(histogram[j * BUCKETS + b]!));
    }
    return wanted[at]!;
  };
  const plans = Array.from({ length: slices }, (_, j) => planSlice(histogram, j * BUCKETS, sums.occupied, thresholds[j] ?? null, (b) => memberOf(j, b)));
  const filled = new Int32Array(members.length);
  for (const { a, b } of pairs) collectPass(values, high, a.slotOfRow, a.offset, b?.slotOfRow ?? a.slotOfRow, b === null ? -1 : b.offset, b !== null, slices, lowest, width, wanted, members, filled);
  for (let j = 0; j < slices; j++) {
    const { n, ranks, passingOutside, boundaries } = plans[j]!;
    const perTag = Array.from(sums.unusualTags.subarray(j * 256, (j + 1) * 256));
    // Without tags nothing is counted per tag (as tallyDurations).
    if (tagged) perTag[usualTag!] = n - perTag.reduce((a, c) => a + c, 0);
    if (n === 0) {
      tallies[first + j] = { summary: { count: 0, mean: null, median: null, p90: null, min: null, max: null }, passing: 0, perTag };
      continue;
    }
    // Counted before selection reorders the member arrays (it never changes their contents, so either order works).
    const threshold = thresholds[j] ?? null;
    const passing = passingOutside + (threshold === null ? 0 : boundaries.reduce((c, m) => c + members[m]!.reduce((k, v) => k + (passes(v, threshold) ? 1 : 0), 0), 0));
    // Selection mutates a bucket's order, never its contents: a second rank in the same bucket is still found right.
    const at = ranks.map(({ member, rank }) => selectInPlace(members[member]!, rank));
    const [median, p90] = QUANTILES.map((q, r) => {
      const h = (n - 1) * q;
      return at[1 + 2 * r]! + (h - Math.floor(h)) * (at[2 + 2 * r]! - at[1 + 2 * r]!);
    }) as [number, number];
    const mean = (sums.sum[j]! + sums.compensation[j]!) / n;
    tallies[first + j] = { summary: { count: n, mean: roundNano(mean), median: roundNano(median), p90: roundNano(p90), min: at[0]!, max: at[at.length - 1]! }, passing, perTag };
  }
}

/**
 * Slice j's count and ranks (ascending: min, median's two, p90's two, max) in its histogram (counters from `offset`),
 * and the values passing its threshold outside the threshold's own bucket, whose values `member` then collects too.
 */
function planSlice(histogram: Uint32Array, offset: number, occupied: Int32Array, threshold: Threshold | null, member: (bucket: number) => number): { n: number; ranks: { member: number; rank: number }[]; passingOutside: number; boundaries: number[] } {
  let n = 0;
  for (let i = 0; i < occupied.length; i++) n += histogram[offset + occupied[i]!]!;
  const ranks: { member: number; rank: number }[] = [];
  if (n === 0) return { n, ranks, passingOutside: 0, boundaries: [] };
  const wantedRanks = [0, ...QUANTILES.flatMap((q) => [Math.floor((n - 1) * q), Math.min(Math.floor((n - 1) * q) + 1, n - 1)]), n - 1];
  // Walked in ascending order (a small slice's p90 rank can come before its median's upper one), kept in list order.
  let below = 0;
  let i = 0;
  for (const r of wantedRanks.map((_, r) => r).sort((a, b) => wantedRanks[a]! - wantedRanks[b]!)) {
    const rank = wantedRanks[r]!;
    while (below + histogram[offset + occupied[i]!]! <= rank) below += histogram[offset + occupied[i++]!]!;
    ranks[r] = { member: member(occupied[i]!), rank: rank - below };
  }
  if (threshold === null) return { n, ranks, passingOutside: 0, boundaries: [] };
  // The values of the buckets on the threshold's side pass; those of its own bucket are checked one by one — of both
  // zeros' buckets for a threshold of 0 (−0 sorts below +0 by bucket and equals it by value).
  const own = threshold.value === 0 ? [ZERO_BUCKETS[0], ZERO_BUCKETS[1]] : [bucketOf(highWords(Float64Array.of(threshold.value))[1]!)];
  let under = 0;
  let inside = 0;
  for (let k = 0; k < occupied.length; k++) {
    const b = occupied[k]!;
    if (b < own[0]!) under += histogram[offset + b]!;
    else if (own.includes(b)) inside += histogram[offset + b]!;
  }
  const passingOutside = threshold.comparator.startsWith('<') ? under : n - under - inside;
  return { n, ranks, passingOutside, boundaries: own.filter((b) => histogram[offset + b]! > 0).map(member) };
}

/** The buckets of −0 and +0. */
const ZERO_BUCKETS = [bucketOf(0x80000000), bucketOf(0)] as const;

/** The second pass, of one slicing or two (`both`): the values of the wanted buckets, each into its member array. */
function collectPass(values: Float64Array, high: Uint32Array, slotsA: Int32Array, offsetA: number, slotsB: Int32Array, offsetB: number, both: boolean, slices: number, lowest: number, width: number, wanted: Int32Array, members: Float64Array[], filled: Int32Array): void {
  for (let row = 0; row < values.length; row++) {
    const v = values[row]!;
    if (v !== v) continue;
    const b = bucketOf(high[2 * row + 1]!) - lowest;
    const slotA = slotsA[row]!;
    const ja = slotA + offsetA;
    if (slotA >= 0 && ja >= 0 && ja < slices) {
      const m = wanted[ja * width + b]!;
      if (m >= 0) members[m]![filled[m]!++] = v;
    }
    if (!both) continue;
    const slotB = slotsB[row]!;
    const jb = slotB + offsetB;
    if (slotB >= 0 && jb >= 0 && jb < slices) {
      const m = wanted[jb * width + b]!;
      if (m >= 0) members[m]![filled[m]!++] = v;
    }
  }
}
