import type { ColumnSketch } from '../stats/column-sketch.js';
import { durationDetails, durationDetailsOfSlices, type DurationDetails } from './duration-metric.js';
import type { Slicing } from '../stats/slicing.js';
import type { Threshold } from './threshold.js';

export interface ArtResult {
  /** Headline: mean resolution time in seconds; null without resolved tickets. */
  value: number | null;
  details: DurationDetails & { unresolved: number };
}

/**
 * Average resolution time: resolved_at − created_at per resolved ticket (or the export's full-resolution duration,
 * which wins when filled), in seconds. Unresolved tickets are left out and counted as `unresolved`.
 * SPEC §5 `art`. Seed 000_eed479c8e4db3466.txt: target "< 4 h".
 */
export function art(tickets: { resolutionSeconds: Float64Array; resolutionSource: Uint8Array; resolutionSketch?: ColumnSketch | undefined }, target: Threshold | null = null): ArtResult {
  const details = durationDetails(tickets.resolutionSeconds, tickets.resolutionSource, target, tickets.resolutionSketch);
  return { value: details.mean, details: { ...details, unresolved: tickets.resolutionSeconds.length - details.count } };
}

/** ART of every slice of the tickets (the groups of --by, the periods of --period), each against its own target. */
export function artOfSlices(tickets: { resolutionSeconds: Float64Array; resolutionSource: Uint8Array }, slicing: Slicing, targets: readonly (Threshold | null)[]): ArtResult[] {
  return durationDetailsOfSlices(tickets.resolutionSeconds, tickets.resolutionSource, slicing, targets).map((details, k) => ({ value: details.mean, details: { ...details, unresolved: slicing.rows[k]! - details.count } }));
}
