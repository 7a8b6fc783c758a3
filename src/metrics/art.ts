import type { ColumnSketch } from '../stats/column-sketch.js';
import { businessDetails, durationDetails, durationDetailsOfSlicings, notMeasuredDetails, unmeasuredRows, unmeasuredRowsOfSlices, type BusinessDetails, type DurationDetails, type DurationOptions, type NotMeasuredDetails } from './duration-metric.js';
import { ValueSource } from '../value-source.js';
import type { Slicing } from '../stats/slicing.js';
import type { Threshold } from './threshold.js';

export interface ArtResult {
  /** Headline: mean resolution time in seconds; null without resolved tickets. */
  value: number | null;
  details: DurationDetails & { unresolved: number } & BusinessDetails & NotMeasuredDetails;
}

/**
 * Average resolution time: resolved_at − created_at per resolved ticket (or the export's full-resolution duration,
 * which wins when filled), in seconds. Unresolved tickets are left out and counted as `unresolved`; with
 * `notMeasured`, tickets whose file has no column for it (ValueSource.noColumn) are left out and counted apart.
 * SPEC §5 `art`. Seed 000_eed479c8e4db3466.txt: target "< 4 h".
 * With `businessHours` the durations are business time (metrics/business-time.ts): `sources` counts the export's
 * business-hours column and the calendar, and tickets whose business time is unknown are `withoutBusinessTime`.
 */
export function art(tickets: { resolutionSeconds: Float64Array; resolutionSource: Uint8Array; resolutionSketch?: ColumnSketch | undefined }, target: Threshold | null = null, options: DurationOptions = {}): ArtResult {
  const details = durationDetails(tickets.resolutionSeconds, tickets.resolutionSource, target, tickets.resolutionSketch, options);
  const unmeasured = options.businessHours === true ? unmeasuredRows(tickets.resolutionSource) : 0;
  // Tickets of a file without the column: neither measured nor unresolved.
  const notMeasured = options.notMeasured === true ? unmeasuredRows(tickets.resolutionSource, ValueSource.noColumn) : 0;
  return { value: details.mean, details: { ...details, unresolved: tickets.resolutionSeconds.length - details.count - unmeasured - notMeasured, ...businessDetails(options, unmeasured), ...notMeasuredDetails(options, notMeasured) } };
}

/** ART of every slice of the tickets (the groups of --by, the periods of --period), each against its own target. */
export function artOfSlices(tickets: { resolutionSeconds: Float64Array; resolutionSource: Uint8Array }, slicing: Slicing, targets: readonly (Threshold | null)[], options: DurationOptions = {}): ArtResult[] {
  return artOfSlicings(tickets, [slicing], [targets], options)[0]!;
}

/** artOfSlices of several slicings of the tickets (each --by field's groups, the periods), tallied in the same passes. */
export function artOfSlicings(tickets: { resolutionSeconds: Float64Array; resolutionSource: Uint8Array }, slicings: readonly Slicing[], targets: readonly (readonly (Threshold | null)[])[], options: DurationOptions = {}): ArtResult[][] {
  return durationDetailsOfSlicings(tickets.resolutionSeconds, tickets.resolutionSource, slicings, targets, options).map((slices, i) => {
    const slicing = slicings[i]!;
    const unmeasured = options.businessHours === true ? unmeasuredRowsOfSlices(tickets.resolutionSource, slicing) : null;
    const noColumn = options.notMeasured === true ? unmeasuredRowsOfSlices(tickets.resolutionSource, slicing, ValueSource.noColumn) : null;
    return slices.map((details, k) => {
      const without = unmeasured === null ? 0 : unmeasured[k]!;
      const notMeasured = noColumn === null ? 0 : noColumn[k]!;
      return { value: details.mean, details: { ...details, unresolved: slicing.rows[k]! - details.count - without - notMeasured, ...businessDetails(options, without), ...notMeasuredDetails(options, notMeasured) } };
    });
  });
}
