import type { Slicing } from '../stats/slicing.js';

export interface ReopenRateResult {
  /** Share of resolved tickets reopened at least once; null without resolved tickets. */
  value: number | null;
  details: { reopened: number; resolved: number };
}

/**
 * Reopen rate (SPEC §5 `reopen_rate`): resolved tickets whose reopen count is 1 or more / resolved tickets. A ticket is
 * resolved when it has a resolution time (NaN = none); an empty reopen count is no reopen (Zendesk writes 0 or leaves
 * the cell empty for a ticket never reopened).
 */
export function reopenRate(tickets: { resolutionSeconds: Float64Array; reopens: Float64Array }): ReopenRateResult {
  let resolved = 0;
  let reopened = 0;
  const { resolutionSeconds, reopens } = tickets;
  for (let i = 0; i < resolutionSeconds.length; i++) {
    if (resolutionSeconds[i] !== resolutionSeconds[i]) continue; // NaN: not resolved
    resolved++;
    if (reopens[i]! >= 1) reopened++;
  }
  return { value: resolved === 0 ? null : reopened / resolved, details: { reopened, resolved } };
}

/** The reopen rate of every slice of the tickets (reopenRateOfSlicings of one slicing). */
export function reopenRateOfSlices(tickets: { resolutionSeconds: Float64Array; reopens: Float64Array }, slicing: Slicing): ReopenRateResult[] {
  return reopenRateOfSlicings(tickets, [slicing])[0]!;
}

/**
 * The reopen rate of every slice of several slicings of the tickets (each --by field's groups, the periods), the
 * slicings two to a pass: per slice, its resolved tickets not reopened (0) and reopened (1).
 */
export function reopenRateOfSlicings(tickets: { resolutionSeconds: Float64Array; reopens: Float64Array }, slicings: readonly Slicing[]): ReopenRateResult[][] {
  const counts = slicings.map((s) => new Uint32Array(s.slices * 2));
  for (let i = 0; i < slicings.length; i += 2) {
    const b = slicings[i + 1];
    countReopens(tickets.resolutionSeconds, tickets.reopens, slicings[i]!.slotOfRow, counts[i]!, b?.slotOfRow ?? slicings[i]!.slotOfRow, b === undefined ? null : counts[i + 1]!);
  }
  return counts.map((counts, s) =>
    Array.from({ length: slicings[s]!.slices }, (_, k) => {
      const reopened = counts[k * 2 + 1]!;
      const resolved = counts[k * 2]! + reopened;
      return { value: resolved === 0 ? null : reopened / resolved, details: { reopened, resolved } };
    }),
  );
}

/** The pass of one slicing's counts, or two (countsB not null). */
function countReopens(resolutionSeconds: Float64Array, reopens: Float64Array, slotsA: Int32Array, countsA: Uint32Array, slotsB: Int32Array, countsB: Uint32Array | null): void {
  const both = countsB !== null;
  const intoB = countsB ?? countsA;
  for (let i = 0; i < slotsA.length; i++) {
    if (resolutionSeconds[i] !== resolutionSeconds[i]) continue; // NaN: not resolved
    const c = reopens[i]! >= 1 ? 1 : 0;
    const ka = slotsA[i]!;
    if (ka >= 0) countsA[ka * 2 + c]!++;
    if (!both) continue;
    const kb = slotsB[i]!;
    if (kb >= 0) intoB[kb * 2 + c]!++;
  }
}
