import type { ColumnSketch } from '../stats/column-sketch.js';
import { tallyDurations, type DurationSummary, type DurationTally } from './stats/summary.js';
import { tallyDurationSlices } from './stats/slice-tally.js';
import type { Slicing } from '../stats/slicing.js';
import type { Threshold } from './threshold.js';
import { ValueSource } from '../value-source.js';

/** What FRT and ART report: the summary, the share within target, and where the values came from. */
export interface DurationDetails extends DurationSummary {
  /** Fraction of the measured tickets whose duration meets the target; null without a target or values. */
  withinTarget: number | null;
  sources: { exportColumn: number; timestamps: number };
}

/**
 * Summary + withinTarget + sources over one duration column (NaN = no value), in one or two passes (tallyDurations);
 * `sketch`, when given, must be the sketch of exactly these values.
 */
export function durationDetails(seconds: Float64Array, source: Uint8Array, target: Threshold | null, sketch?: ColumnSketch): DurationDetails {
  return detailsOfTally(tallyDurations(seconds, target, source, sketch), target);
}

/** Each slice's details (durationDetails of its rows), the column tallied once for all slices (slice-tally.ts). */
export function durationDetailsOfSlices(seconds: Float64Array, source: Uint8Array, slicing: Slicing, targets: readonly (Threshold | null)[]): DurationDetails[] {
  return tallyDurationSlices(seconds, source, slicing, targets).map((tally, k) => detailsOfTally(tally, targets[k] ?? null));
}

function detailsOfTally({ summary, passing, perTag }: DurationTally, target: Threshold | null): DurationDetails {
  return {
    ...summary,
    withinTarget: target === null || summary.count === 0 ? null : passing / summary.count,
    sources: { exportColumn: perTag[ValueSource.exportColumn]!, timestamps: perTag[ValueSource.timestamps]! },
  };
}
