/**
 * The per-ticket durations the ticket metrics read: plain typed arrays, one entry per ticket, same order.
 * Durations are seconds; NaN means none (unanswered, unresolved). Instants are epoch milliseconds.
 */
export interface TicketTimes {
  createdAt: Float64Array;
  firstResponseSeconds: Float64Array;
  /** Where each first-response value came from (ValueSource). */
  firstResponseSource: Uint8Array;
  resolutionSeconds: Float64Array;
  resolutionSource: Uint8Array;
}

/**
 * Per row, an export's own duration column wins when filled; timestamps are the fall-back (SPEC §3).
 * The report counts values from each source.
 */
export const ValueSource = { none: 0, exportColumn: 1, timestamps: 2 } as const;
export type ValueSource = (typeof ValueSource)[keyof typeof ValueSource];

/** The tickets whose created_at lies in [since, until); null bounds are open. Returns new arrays. */
export function ticketsInWindow(times: TicketTimes, since: number | null, until: number | null): TicketTimes {
  if (since === null && until === null) return times;
  const keep: number[] = [];
  const created = times.createdAt;
  for (let i = 0; i < created.length; i++) {
    const t = created[i]!;
    if ((since === null || t >= since) && (until === null || t < until)) keep.push(i);
  }
  const pick = <T extends Float64Array | Uint8Array>(source: T, make: (n: number) => T): T => {
    const out = make(keep.length);
    for (let k = 0; k < keep.length; k++) out[k] = source[keep[k]!]!;
    return out;
  };
  return {
    createdAt: pick(times.createdAt, (n) => new Float64Array(n)),
    firstResponseSeconds: pick(times.firstResponseSeconds, (n) => new Float64Array(n)),
    firstResponseSource: pick(times.firstResponseSource, (n) => new Uint8Array(n)),
    resolutionSeconds: pick(times.resolutionSeconds, (n) => new Float64Array(n)),
    resolutionSource: pick(times.resolutionSource, (n) => new Uint8Array(n)),
  };
}
