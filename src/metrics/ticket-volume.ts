import type { Slicing } from '../stats/slicing.js';
import { ValueSource } from '../value-source.js';
import { unmeasuredRows, unmeasuredRowsOfSlices } from './duration-metric.js';

export interface TicketVolumeResult {
  /** Tickets created in the window. */
  value: number;
  details: { resolved: number; unresolved: number; unanswered: number; firstResponseNotMeasured?: number; resolutionNotMeasured?: number };
}

/** The ticket columns ticket volume reads; the sources only when options ask for the not-measured counts. */
export interface TicketVolumeInput {
  firstResponseSeconds: Float64Array;
  resolutionSeconds: Float64Array;
  firstResponseSource?: Uint8Array;
  resolutionSource?: Uint8Array;
}

/**
 * When several files are read as one and some have no first-response (resolution) column, their tickets are not known
 * to be unanswered (unresolved): counted apart as `firstResponseNotMeasured` (`resolutionNotMeasured`) from the
 * sources (ValueSource.noColumn), and left out of `unanswered` (`unresolved`).
 */
export interface TicketVolumeOptions {
  firstResponseNotMeasured?: boolean;
  resolutionNotMeasured?: boolean;
}

/**
 * Ticket volume: the tickets created in the window (the caller passes only those), with how many have a resolution
 * and how many never got a first response. SPEC §5 `ticket_volume`.
 */
export function ticketVolume(tickets: TicketVolumeInput, options: TicketVolumeOptions = {}): TicketVolumeResult {
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
  const notAnswerable = options.firstResponseNotMeasured === true ? unmeasuredRows(tickets.firstResponseSource!, ValueSource.noColumn) : 0;
  const notResolvable = options.resolutionNotMeasured === true ? unmeasuredRows(tickets.resolutionSource!, ValueSource.noColumn) : 0;
  return { value: total, details: volumeDetails(total, resolved, answered, notAnswerable, notResolvable, options) };
}

/** Ticket volume of every slice of the tickets (ticketVolumeOfSlicings of one slicing). */
export function ticketVolumeOfSlices(tickets: TicketVolumeInput, slicing: Slicing, options: TicketVolumeOptions = {}): TicketVolumeResult[] {
  return ticketVolumeOfSlicings(tickets, [slicing], options)[0]!;
}

/**
 * Ticket volume of every slice of several slicings of the tickets (each --by field's groups, the periods), the
 * slicings two to a pass over both columns (one pass more per source asked for): per slice, its tickets by answered
 * (1) + resolved (2) — one counter a row, not two.
 */
export function ticketVolumeOfSlicings(tickets: TicketVolumeInput, slicings: readonly Slicing[], options: TicketVolumeOptions = {}): TicketVolumeResult[][] {
  const counts = slicings.map((s) => new Uint32Array(s.slices * 4));
  for (let i = 0; i < slicings.length; i += 2) {
    const b = slicings[i + 1];
    countVolumes(tickets.firstResponseSeconds, tickets.resolutionSeconds, slicings[i]!.slotOfRow, counts[i]!, b?.slotOfRow ?? slicings[i]!.slotOfRow, b === undefined ? null : counts[i + 1]!);
  }
  return counts.map((counts, s) => {
    const slicing = slicings[s]!;
    const notAnswerable = options.firstResponseNotMeasured === true ? unmeasuredRowsOfSlices(tickets.firstResponseSource!, slicing, ValueSource.noColumn) : null;
    const notResolvable = options.resolutionNotMeasured === true ? unmeasuredRowsOfSlices(tickets.resolutionSource!, slicing, ValueSource.noColumn) : null;
    return Array.from(slicing.rows, (total, k) => {
      const answered = counts[k * 4 + 1]! + counts[k * 4 + 3]!;
      const resolved = counts[k * 4 + 2]! + counts[k * 4 + 3]!;
      return { value: total, details: volumeDetails(total, resolved, answered, notAnswerable?.[k] ?? 0, notResolvable?.[k] ?? 0, options) };
    });
  });
}

/** The pass of one slicing's counts, or two (countsB not null). */
function countVolumes(firstResponse: Float64Array, resolution: Float64Array, slotsA: Int32Array, countsA: Uint32Array, slotsB: Int32Array, countsB: Uint32Array | null): void {
  const both = countsB !== null;
  const intoB = countsB ?? countsA;
  for (let i = 0; i < slotsA.length; i++) {
    // NaN = none: x === x is 1 for a value.
    const c = (firstResponse[i] === firstResponse[i] ? 1 : 0) + (resolution[i] === resolution[i] ? 2 : 0);
    const ka = slotsA[i]!;
    if (ka >= 0) countsA[ka * 4 + c]!++;
    if (!both) continue;
    const kb = slotsB[i]!;
    if (kb >= 0) intoB[kb * 4 + c]!++;
  }
}

function volumeDetails(total: number, resolved: number, answered: number, notAnswerable: number, notResolvable: number, options: TicketVolumeOptions): TicketVolumeResult['details'] {
  return {
    resolved,
    unresolved: total - resolved - notResolvable,
    unanswered: total - answered - notAnswerable,
    ...(options.firstResponseNotMeasured === true ? { firstResponseNotMeasured: notAnswerable } : {}),
    ...(options.resolutionNotMeasured === true ? { resolutionNotMeasured: notResolvable } : {}),
  };
}
