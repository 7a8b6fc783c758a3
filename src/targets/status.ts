import { passes, type Threshold } from '../metrics/threshold.js';

/** A metric's verdict against its target (SPEC §6). */
export type Status = 'met' | 'missed' | 'no-data' | 'no-target';

export function statusOf(value: number | null, target: Threshold | null): Status {
  if (value === null) return 'no-data';
  if (target === null) return 'no-target';
  return passes(value, target) ? 'met' : 'missed';
}
