import { summarizeDurations, type DurationSummary } from './stats/summary.js';
import type { Threshold } from './threshold.js';
import { ValueSource } from '../value-source.js';

/** What FRT and ART report: the summary, the share within target, and where the values came from. */
export interface DurationDetails extends DurationSummary {
  /** Fraction of the measured tickets whose duration meets the target; null without a target or values. */
  withinTarget: number | null;
  sources: { exportColumn: number; timestamps: number };
}

/**
 * Summary + withinTarget + sources over one duration column (NaN = no value). Counted in loops of their own, not in a
 * callback of the summary's pass: a plain loop is optimised at once, a callback per value ran ~100 ms per million
 * rows in a cold process before it was (issue #10).
 */
export function durationDetails(seconds: Float64Array, source: Uint8Array, target: Threshold | null): DurationDetails {
  const summary = summarizeDurations(seconds);
  let exportColumn = 0;
  let timestamps = 0;
  for (let i = 0; i < source.length; i++) {
    const from = source[i];
    if (from === ValueSource.exportColumn) exportColumn++;
    else if (from === ValueSource.timestamps) timestamps++;
  }
  return {
    ...summary,
    withinTarget: target === null || summary.count === 0 ? null : countPassing(seconds, target) / summary.count,
    sources: { exportColumn, timestamps },
  };
}

/** How many values (not NaN) pass the threshold; NaN fails every comparison, so it is never counted. */
function countPassing(values: Float64Array, target: Threshold): number {
  const bound = target.value;
  let n = 0;
  switch (target.comparator) {
    case '<':
      for (let i = 0; i < values.length; i++) if (values[i]! < bound) n++;
      break;
    case '<=':
      for (let i = 0; i < values.length; i++) if (values[i]! <= bound) n++;
      break;
    case '>':
      for (let i = 0; i < values.length; i++) if (values[i]! > bound) n++;
      break;
    case '>=':
      for (let i = 0; i < values.length; i++) if (values[i]! >= bound) n++;
      break;
  }
  return n;
}
