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

/** The reopen rate of every slice of the tickets, in one pass. */
export function reopenRateOfSlices(tickets: { resolutionSeconds: Float64Array; reopens: Float64Array }, { slotOfRow, slices }: Slicing): ReopenRateResult[] {
  // Per slice: resolved tickets not reopened (0) and reopened (1).
  const counts = new Uint32Array(slices * 2);
  const { resolutionSeconds, reopens } = tickets;
  for (let i = 0; i < slotOfRow.length; i++) {
    const k = slotOfRow[i]!;
    if (k < 0 || resolutionSeconds[i] !== resolutionSeconds[i]) continue;
    counts[k * 2 + (reopens[i]! >= 1 ? 1 : 0)]!++;
  }
  return Array.from({ length: slices }, (_, k) => {
    const reopened = counts[k * 2 + 1]!;
    const resolved = counts[k * 2]! + reopened;
    return { value: resolved === 0 ? null : reopened / resolved, details: { reopened, resolved } };
  });
}
