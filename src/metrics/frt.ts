import type { ColumnSketch } from '../stats/column-sketch.js';
import { businessDetails, durationDetails, durationDetailsOfSlicings, notMeasuredDetails, unmeasuredRows, unmeasuredRowsOfSlices, type BusinessDetails, type DurationDetails, type DurationOptions, type NotMeasuredDetails } from './duration-metric.js';
import { ValueSource } from '../value-source.js';
import type { Slicing } from '../stats/slicing.js';
import type { Threshold } from './threshold.js';

export interface FrtResult {
  /** Headline: mean first response time in seconds (the articles speak of averages); null without answered tickets. */
  value: number | null;
  details: DurationDetails & { unanswered: number } & BusinessDetails & NotMeasuredDetails;
}

/**
 * First response time: first_response_at − created_at per ticket (or the export's first-reply duration, which wins
 * when filled), in seconds. Tickets without a response are left out of the statistics and counted as `unanswered`;
 * with `notMeasured`, tickets whose file has no column for it (ValueSource.noColumn) are left out and counted apart.
 * SPEC §5 `frt`. Seed 000_eed479c8e4db3466.txt: target "< 15 min".
 * With `businessHours` the durations are business time (metrics/business-time.ts): `sources` counts the export's
 * business-hours column and the calendar, and tickets whose business time is unknown are `withoutBusinessTime`.
 */
export function frt(tickets: { firstResponseSeconds: Float64Array; firstResponseSource: Uint8Array; firstResponseSketch?: ColumnSketch | undefined }, target: Threshold | null = null, options: DurationOptions = {}): FrtResult {
  const details = durationDetails(tickets.firstResponseSeconds, tickets.firstResponseSource, target, tickets.firstResponseSketch, options);
  const unmeasured = options.businessHours === true ? unmeasuredRows(tickets.firstResponseSource) : 0;
  // Tickets of a file without the column: neither measured nor unanswered.
  const notMeasured = options.notMeasured === true ? unmeasuredRows(tickets.firstResponseSource, ValueSource.noColumn) : 0;
  return { value: details.mean, details: { ...details, unanswered: tickets.firstResponseSeconds.length - details.count - unmeasured - notMeasured, ...businessDetails(options, unmeasured), ...notMeasuredDetails(options, notMeasured) } };
}

/** FRT of every slice of the tickets (the groups of --by, the periods of --period), each against its own target. */
export function frtOfSlices(tickets: { firstResponseSeconds: Float64Array; firstResponseSource: Uint8Array }, slicing: Slicing, targets: readonly (Threshold | null)[], options: DurationOptions = {}): FrtResult[] {
  return frtOfSlicings(tickets, [slicing], [targets], options)[0]!;
}

/** frtOfSlices of several slicings of the tickets (each --by field's groups, the periods), tallied in the same passes. */
export function frtOfSlicings(tickets: { firstResponseSeconds: Float64Array; firstResponseSource: Uint8Array }, slicings: readonly Slicing[], targets: readonly (readonly (Threshold | null)[])[], options: DurationOptions = {}): FrtResult[][] {
  return durationDetailsOfSlicings(tickets.firstResponseSeconds, tickets.firstResponseSource, slicings, targets, options).map((slices, i) => {
    const slicing = slicings[i]!;
    const unmeasured = options.businessHours === true ? unmeasuredRowsOfSlices(tickets.firstResponseSource, slicing) : null;
    const noColumn = options.notMeasured === true ? unmeasuredRowsOfSlices(tickets.firstResponseSource, slicing, ValueSource.noColumn) : null;
    return slices.map((details, k) => {
      const without = unmeasured === null ? 0 : unmeasured[k]!;
      const notMeasured = noColumn === null ? 0 : noColumn[k]!;
      return { value: details.mean, details: { ...details, unanswered: slicing.rows[k]! - details.count - without - notMeasured, ...businessDetails(options, without), ...notMeasuredDetails(options, notMeasured) } };
    });
  });
}
