import type { Slicing } from '../stats/slicing.js';

export interface TicketVolumeResult {
  /** Tickets created in the window. */
  value: number;
  details: { resolved: number; unresolved: number; unanswered: number };
}

/**
 * Ticket volume: the tickets created in the window (the caller passes only those), with how many have a resolution
 * and how many never got a first response. SPEC §5 `ticket_volume`.
 */
export function ticketVolume(tickets: { firstResponseSeconds: Float64Array; resolutionSeconds: Float64Array }): TicketVolumeResult {
  // One entry per ticket in every column: the durations' length is the count.
  const total = tickets.firstResponseSeconds.length;
  let resolved = 0;
  let answered = 0;
  const resolution = tickets.resolutionSeconds;
  const firstResponse = tickets.firstResponseSeconds;
  for (let i = 0; i < total; i++) {
    if (resolution[i] === resolution[i]) resolved++; // NaN = none
    if (firstResponse[i] === firstResponse[i]) answered++;
  }
  return { value: total, details: { resolved, unresolved: total - resolved, unanswered: total - answered } };
}

/** Ticket volume of every slice of the tickets, in one pass over both columns. */
export function ticketVolumeOfSlices(tickets: { firstResponseSeconds: Float64Array; resolutionSeconds: Float64Array }, { slotOfRow, slices, rows }: Slicing): TicketVolumeResult[] {
  // Per slice, its tickets by answered (1) + resolved (2): one counter a row, not two.
  const counts = new Uint32Array(slices * 4);
  const resolution = tickets.resolutionSeconds;
  const firstResponse = tickets.firstResponseSeconds;
  for (let i = 0; i < slotOfRow.length; i++) {
    const k = slotOfRow[i]!;
    // NaN = none: x === x is 1 for a value.
    if (k >= 0) counts[k * 4 + (firstResponse[i] === firstResponse[i] ? 1 : 0) + (resolution[i] === resolution[i] ? 2 : 0)]!++;
  }
  return Array.from(rows, (total, k) => {
    const answered = counts[k * 4 + 1]! + counts[k * 4 + 3]!;
    const resolved = counts[k * 4 + 2]! + counts[k * 4 + 3]!;
    return { value: total, details: { resolved, unresolved: total - resolved, unanswered: total - answered } };
  });
}
