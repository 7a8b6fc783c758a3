import { summarizeDurations, type DurationSummary } from './stats/summary.js';
import { passes, type Threshold } from './threshold.js';
import { ValueSource } from '../value-source.js';

/** What FRT and ART report: the summary, the share within target, and where the values came from. */
export interface DurationDetails extends DurationSummary {
  /** Fraction of the measured tickets whose duration meets the target; null without a target or values. */
  withinTarget: number | null;
  sources: { exportColumn: number; timestamps: number };
}

/** Summary + withinTarget + sources over one duration column (NaN = no value). */
export function durationDetails(seconds: Float64Array, source: Uint8Array, target: Threshold | null): DurationDetails {
  let within = 0;
  let exportColumn = 0;
  let timestamps = 0;
  const summary = summarizeDurations(seconds, (i, v) => {
    if (target !== null && passes(v, target)) within++;
    const from = source[i];
    if (from === ValueSource.exportColumn) exportColumn++;
    else if (from === ValueSource.timestamps) timestamps++;
  });
  return {
    ...summary,
    withinTarget: target === null || summary.count === 0 ? null : within / summary.count,
    sources: { exportColumn, timestamps },
  };
}
