import type { ColumnSketch } from '../stats/column-sketch.js';
import { durationDetails, durationDetailsOfSlices, type DurationDetails } from './duration-metric.js';
import type { Slicing } from '../stats/slicing.js';
import type { Threshold } from './threshold.js';

export interface FrtResult {
  /** Headline: mean first response time in seconds (the articles speak of averages); null without answered tickets. */
  value: number | null;
  details: DurationDetails & { unanswered: number };
}

/**
 * First response time: first_response_at − created_at per ticket (or the export's first-reply duration, which wins
 * when filled), in seconds. Tickets without a response are left out of the statistics and counted as `unanswered`.
 * SPEC §5 `frt`. Seed 000_eed479c8e4db3466.txt: target "< 15 min".
 */
export function frt(tickets: { firstResponseSeconds: Float64Array; firstResponseSource: Uint8Array; firstResponseSketch?: ColumnSketch | undefined }, target: Threshold | null = null): FrtResult {
  const details = durationDetails(tickets.firstResponseSeconds, tickets.firstResponseSource, target, tickets.firstResponseSketch);
  return { value: details.mean, details: { ...details, unanswered: tickets.firstResponseSeconds.length - details.count } };
}

/** FRT of every slice of the tickets (the groups of --by, the periods of --period), each against its own target. */
export function frtOfSlices(tickets: { firstResponseSeconds: Float64Array; firstResponseSource: Uint8Array }, slicing: Slicing, targets: readonly (Threshold | null)[]): FrtResult[] {
  return durationDetailsOfSlices(tickets.firstResponseSeconds, tickets.firstResponseSource, slicing, targets).map((details, k) => ({ value: details.mean, details: { ...details, unanswered: slicing.rows[k]! - details.count } }));
}
