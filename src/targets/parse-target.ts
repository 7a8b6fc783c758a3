import { UsageError } from '../errors.js';
import type { Comparator, Threshold } from '../metrics/threshold.js';

const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1, с: 1, сек: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60, мин: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, ч: 3600, час: 3600, часа: 3600, часов: 3600,
  d: 86400, day: 86400, days: 86400, д: 86400, дн: 86400,
};

/**
 * Parses a target such as `< 15 min`, `<= 90s`, `≥ 4.5`, `> 500`, `>= 89.47%` into a threshold in the metric's base
 * unit: seconds for durations, a fraction for `%`, the number itself otherwise.
 */
export function parseTarget(text: string): Threshold {
  const m = /^\s*(<=|>=|≤|≥|<|>)\s*([0-9]+(?:[.,][0-9]+)?)\s*([^\s\d]*)\s*$/u.exec(text);
  if (m === null) throw new UsageError(`target ${JSON.stringify(text)} is not a comparison; write it like "< 15 min" or ">= 4.5"`);
  const comparator = ({ '≤': '<=', '≥': '>=' } as Record<string, Comparator>)[m[1]!] ?? (m[1] as Comparator);
  const number = Number(m[2]!.replace(',', '.'));
  const unit = m[3]!.toLowerCase();
  if (unit === '') return { comparator, value: number };
  if (unit === '%') return { comparator, value: number / 100 };
  const scale = UNIT_SECONDS[unit];
  if (scale === undefined) throw new UsageError(`target ${JSON.stringify(text)} has an unknown unit ${JSON.stringify(m[3])}; use s, min, h or d`);
  return { comparator, value: number * scale };
}
