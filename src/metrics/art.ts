import type { ColumnSketch } from '../stats/column-sketch.js';
import { durationDetails, type DurationDetails } from './duration-metric.js';
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
