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
