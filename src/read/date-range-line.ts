import { parseTimestampText } from './timestamp.js';
import type { Zone } from './zone.js';

/** A report's date-range line: the days it covers, [since, until) in the zone, or All time (no bounds known). */
export type DateRangeLine = { line: string; since: number; until: number } | { line: string; allTime: true };


/**
 * The date range a report states above its header (Google Ads: `October 1, 2026 - October 31, 2026`, `All time`),
 * both days included; null when no line of the preamble is one.
 */
export function dateRangeLine(preamble: readonly string[], zone: Zone): DateRangeLine | null {
  for (const raw of preamble) {
    const line = raw.trim().replace(/^"|"$/g, '');
    if (/^all time$/i.test(line)) return { line, allTime: true };
    const parts = line.split(/\s+[-–—]\s+/);
    if (parts.length !== 2) continue;
    const since = parseTimestampText(parts[0]!, 'month-name', zone);
    const last = parseTimestampText(parts[1]!, 'month-name', zone);
    if (Number.isNaN(since) || Number.isNaN(last) || last < since) continue;
    // The day after the last one, at midnight in the zone (a DST day is not 24 h).
    const wall = zone.wallDate(last);
    const until = zone.midnight(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + 1);
    return { line, since, until };
  }
  return null;
}
