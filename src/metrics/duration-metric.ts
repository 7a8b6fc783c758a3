import type { ColumnSketch } from '../stats/column-sketch.js';
import { tallyDurations, type DurationSummary, type DurationTally } from './stats/summary.js';
import { tallyDurationSlicings } from './stats/slice-tally.js';
import type { Slicing } from '../stats/slicing.js';
import type { Threshold } from './threshold.js';
import { ValueSource } from '../value-source.js';

/** What FRT and ART report: the summary, the share within target, and where the values came from. */
export interface DurationDetails extends DurationSummary {
  /** Fraction of the measured tickets whose duration meets the target; null without a target or values. */
  withinTarget: number | null;
  sources: DurationSources;
}

/**
 * How many values came from each source: the export's duration column or the timestamps (calendar time); with
 * --business-hours, the export's business-hours column or the business calendar (SPEC §5 `sources`).
 */
export type DurationSources = { exportColumn: number; timestamps: number } | { exportColumn: number; calendar: number };

/**
 * With --business-hours, FRT and ART say so (`businessHours: true`) and count the tickets whose event happened but
 * whose business time is unknown (`withoutBusinessTime`): left out of the statistics, not counted as unanswered.
 */
export type BusinessDetails = { businessHours?: true; withoutBusinessTime?: number };

/** The business-hours part of a duration metric's details, over `unmeasured` rows; nothing without business hours. */
export function businessDetails(options: DurationOptions, unmeasured: number): BusinessDetails {
  return options.businessHours === true ? { businessHours: true, withoutBusinessTime: unmeasured } : {};
}

/**
 * When several files are read as one and some have no column for the duration (ValueSource.noColumn), their tickets
 * are neither measured nor unanswered/unresolved: left out and counted as `notMeasured`.
 */
export type NotMeasuredDetails = { notMeasured?: number };

/** The not-measured part of a duration metric's details; nothing unless the data set can have such rows. */
export function notMeasuredDetails(options: DurationOptions, notMeasured: number): NotMeasuredDetails {
  return options.notMeasured === true ? { notMeasured } : {};
}

/**
 * Options of FRT and ART: `businessHours` when the durations are business time (metrics/business-time.ts);
 * `notMeasured` when some rows' files have no column for the duration (ValueSource.noColumn), to count them apart.
 */
export interface DurationOptions {
  businessHours?: boolean;
  notMeasured?: boolean;
}

/**
 * Summary + withinTarget + sources over one duration column (NaN = no value), in one or two passes (tallyDurations);
 * `sketch`, when given, must be the sketch of exactly these values.
 */
export function durationDetails(seconds: Float64Array, source: Uint8Array, target: Threshold | null, sketch?: ColumnSketch, options: DurationOptions = {}): DurationDetails {
  return detailsOfTally(tallyDurations(seconds, target, source, sketch), target, options);
}

/** Each slice's details (durationDetails of its rows), the column tallied once for all slices (slice-tally.ts). */
export function durationDetailsOfSlices(seconds: Float64Array, source: Uint8Array, slicing: Slicing, targets: readonly (Threshold | null)[], options: DurationOptions = {}): DurationDetails[] {
  return durationDetailsOfSlicings(seconds, source, [slicing], [targets], options)[0]!;
}

/** durationDetailsOfSlices of several slicings of the same rows, tallied in the same passes (slice-tally.ts). */
export function durationDetailsOfSlicings(seconds: Float64Array, source: Uint8Array, slicings: readonly Slicing[], targets: readonly (readonly (Threshold | null)[])[], options: DurationOptions = {}): DurationDetails[][] {
  return tallyDurationSlicings(seconds, source, slicings, targets).map((tallies, i) => tallies.map((tally, k) => detailsOfTally(tally, targets[i]![k] ?? null, options)));
}

function detailsOfTally({ summary, passing, perTag }: DurationTally, target: Threshold | null, options: DurationOptions): DurationDetails {
  const exportColumn = perTag[ValueSource.exportColumn]!;
  return {
    ...summary,
    withinTarget: target === null || summary.count === 0 ? null : passing / summary.count,
    sources: options.businessHours === true ? { exportColumn, calendar: perTag[ValueSource.calendar]! + perTag[ValueSource.calendarFromDuration]! } : { exportColumn, timestamps: perTag[ValueSource.timestamps]! },
  };
}

/**
 * Business time only: the rows whose event happened but whose business time is unknown (ValueSource.unmeasured: no
 * business-hours cell and no calendar) — neither measured nor unanswered/unresolved. In all rows, or per slice.
 */
export function unmeasuredRows(source: Uint8Array, tag: ValueSource = ValueSource.unmeasured): number {
  let n = 0;
  for (let i = 0; i < source.length; i++) if (source[i] === tag) n++;
  return n;
}

/** Per slice, its rows whose source is `tag` (default `unmeasured`; `noColumn` for the not-measured rows). */
export function unmeasuredRowsOfSlices(source: Uint8Array, { slotOfRow, slices }: Slicing, tag: ValueSource = ValueSource.unmeasured): Uint32Array {
  const counts = new Uint32Array(slices);
  for (let i = 0; i < source.length; i++) {
    const k = slotOfRow[i]!;
    if (k >= 0 && source[i] === tag) counts[k]!++;
  }
  return counts;
}
