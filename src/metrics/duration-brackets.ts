import type { BracketReading, DurationBracket } from '../bracket-reading.js';
import type { Threshold } from './threshold.js';

/** One bracket of the distribution: its label as the export writes it, its range (from ≤ t < to), its tickets. */
export interface BracketCount {
  label: string;
  fromSeconds: number;
  /** Null for an open bracket (`>24 hrs`). */
  toSeconds: number | null;
  count: number;
  /** count / the tickets in a bracket with a range (answered or resolved ones); null when there are none. */
  share: number | null;
}

/** A range of durations [low, high] (high null = no upper bound) a statistic is known to lie in. */
export type SecondsRange = [number, number | null];

/** What a duration column given only as brackets tells, and what it cannot: no mean, no exact median. */
export interface BracketDistribution {
  /** The brackets with a range, shortest first, each label once. */
  brackets: BracketCount[];
  /** Tickets in a bracket with a range (answered / resolved). */
  measured: number;
  /** Tickets in a "none" bracket (`No replies`, `Unsolved`). */
  none: number;
  /** Tickets whose bracket cell is empty: nothing known. */
  empty: number;
  /** Labels that name no range this reader knows, with their tickets: left out, and warned about. */
  unrecognised: { label: string; count: number }[];
  /** The bracket that holds the median (both middle ranks fall in it), else null. */
  medianBracket: string | null;
  /** Where the median lies: from the start of the bracket of its lower middle rank to the end of its upper one. */
  medianRange: SecondsRange | null;
  /** Where p90 lies (same rule, ranks ⌊h⌋ and ⌈h⌉ with h = 0.9·(n − 1)). */
  p90Range: SecondsRange | null;
  /**
   * Share of the measured tickets within the target, bounded: [those in brackets wholly within it, those in brackets
   * that reach into it]. The two meet when a bracket boundary is the target (`< 1 h` against `0-1 hrs`).
   */
  withinTargetRange: [number, number] | null;
  /** The share within target when it is known exactly (the bounds meet), else null. */
  withinTarget: number | null;
}

/**
 * The distribution of one duration by bracket, when the export has no exact times (SPEC §3, issue #15): tickets per
 * bracket, the "none" bracket counted apart (unanswered / unresolved), and the statistics the brackets bound — the
 * bracket holding the median, the ranges the median and p90 lie in, the share within target as bounds (exact when a
 * bracket boundary is the target). No mean: the brackets do not hold one, and none is made up.
 * `codes[row]` is the row's bracket code (0 = empty cell); `labels[code]` and `readings[code]` what it says.
 */
export function bracketDistribution(codes: ArrayLike<number>, labels: readonly string[], readings: readonly BracketReading[], target: Threshold | null): BracketDistribution {
  const perCode = new Float64Array(labels.length);
  for (let row = 0; row < codes.length; row++) perCode[codes[row]!]!++;
  const byLabel = new Map<string, BracketCount>();
  const unrecognised = new Map<string, number>();
  let none = 0;
  for (let code = 1; code < labels.length; code++) {
    const count = perCode[code]!;
    const reading = readings[code] ?? null;
    if (reading === 'none') none += count;
    else if (reading === null) {
      if (count > 0) unrecognised.set(labels[code]!, (unrecognised.get(labels[code]!) ?? 0) + count);
    } else {
      // One label in two spellings (` 8-24 hrs`, `8-24 hrs`) was trimmed to one code already; equal ranges are one bracket.
      const key = rangeKey(reading);
      const known = byLabel.get(key);
      if (known === undefined) byLabel.set(key, { label: labels[code]!, fromSeconds: reading.fromSeconds, toSeconds: reading.toSeconds, count, share: null });
      else known.count += count;
    }
  }
  const brackets = [...byLabel.values()].sort((a, b) => a.fromSeconds - b.fromSeconds || (a.toSeconds ?? Infinity) - (b.toSeconds ?? Infinity));
  const measured = brackets.reduce((n, b) => n + b.count, 0);
  for (const b of brackets) b.share = measured === 0 ? null : b.count / measured;
  // Overlapping brackets (two bracket schemes in one column) order no values: no rank falls in a known place.
  const ordered = brackets.every((b, k) => k === 0 || (brackets[k - 1]!.toSeconds !== null && brackets[k - 1]!.toSeconds! <= b.fromSeconds));
  const median = ordered ? quantileRange(brackets, measured, 0.5) : null;
  const p90 = ordered ? quantileRange(brackets, measured, 0.9) : null;
  const within = target === null || measured === 0 ? null : withinBounds(brackets, measured, target);
  return {
    brackets,
    measured,
    none,
    empty: perCode[0] ?? 0,
    unrecognised: [...unrecognised].map(([label, count]) => ({ label, count })),
    medianBracket: median?.bracket ?? null,
    medianRange: median?.range ?? null,
    p90Range: p90?.range ?? null,
    withinTargetRange: within,
    withinTarget: within !== null && within[0] === within[1] ? within[0] : null,
  };
}

/** Brackets with equal ranges are one bracket (`8-24 hrs`, `8-24 hours`). */
function rangeKey(reading: DurationBracket): string {
  return `${reading.fromSeconds}:${reading.toSeconds}`;
}

/**
 * Each code's label as bracketDistribution counts it, for a per-ticket listing that adds up to its counts: a bracket
 * with a range under the label of the first code with that range (where equal ranges merge), a "none" or unrecognised
 * label as written; code 0 (an empty cell) null.
 */
export function countedBracketLabels(labels: readonly string[], readings: readonly BracketReading[]): (string | null)[] {
  const first = new Map<string, string>();
  return labels.map((label, code) => {
    if (code === 0) return null;
    const reading = readings[code] ?? null;
    if (reading === null || reading === 'none') return label;
    const key = rangeKey(reading);
    if (!first.has(key)) first.set(key, label);
    return first.get(key)!;
  });
}

/**
 * The range the q-quantile lies in (linear interpolation between the ranks ⌊h⌋ and ⌈h⌉, h = (n − 1)·q, SPEC §5): from
 * the start of the bracket holding rank ⌊h⌋ to the end of the one holding rank ⌈h⌉; that bracket's label when both are
 * in one.
 */
function quantileRange(brackets: readonly BracketCount[], n: number, q: number): { range: SecondsRange; bracket: string | null } | null {
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lower = bracketOfRank(brackets, Math.floor(h));
  const upper = bracketOfRank(brackets, Math.ceil(h));
  return { range: [lower.fromSeconds, upper.toSeconds], bracket: lower === upper ? lower.label : null };
}

/** The bracket holding the value of 0-based rank `rank` in ascending order. */
function bracketOfRank(brackets: readonly BracketCount[], rank: number): BracketCount {
  let seen = 0;
  for (const b of brackets) {
    seen += b.count;
    if (rank < seen) return b;
  }
  return brackets[brackets.length - 1]!;
}

/** [share surely within the target, share possibly within it] of the measured tickets. */
function withinBounds(brackets: readonly BracketCount[], measured: number, target: Threshold): [number, number] {
  const t = target.value;
  let surely = 0;
  let possibly = 0;
  for (const b of brackets) {
    const to = b.toSeconds ?? Infinity;
    // Every value v of a bracket satisfies from ≤ v < to.
    const [all, some] =
      target.comparator === '<' ? [to <= t, b.fromSeconds < t]
      : target.comparator === '<=' ? [to <= t, b.fromSeconds <= t]
      : target.comparator === '>' ? [b.fromSeconds > t, to > t]
      : [b.fromSeconds >= t, to > t];
    if (all) surely += b.count;
    if (some) possibly += b.count;
  }
  return [surely / measured, possibly / measured];
}
