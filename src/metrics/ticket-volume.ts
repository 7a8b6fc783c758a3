export interface TicketVolumeResult {
  /** Tickets created in the window. */
  value: number;
  details: { resolved: number; unresolved: number; unanswered: number };
}

/**
 * Ticket volume: the tickets created in the window (the caller passes only those), with how many have a resolution
 * and how many never got a first response. SPEC §5 `ticket_volume`.
 */
export function ticketVolume(tickets: { createdAt: Float64Array; firstResponseSeconds: Float64Array; resolutionSeconds: Float64Array }): TicketVolumeResult {
  const total = tickets.createdAt.length;
  let resolved = 0;
  let answered = 0;
  for (let i = 0; i < total; i++) {
    if (!Number.isNaN(tickets.resolutionSeconds[i]!)) resolved++;
    if (!Number.isNaN(tickets.firstResponseSeconds[i]!)) answered++;
  }
  return { value: total, details: { resolved, unresolved: total - resolved, unanswered: total - answered } };
}
