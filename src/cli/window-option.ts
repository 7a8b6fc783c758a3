import { UsageError } from '../errors.js';
import type { Zone } from '../read/zone.js';

const DAY_MS = 86_400_000;

/** Midnight in `zone` of the wall date (UTC-based ms of the wall day). */
function midnight(wallDay: number, zone: Zone): number {
  return zone.toUtc(wallDay);
}

/** The Monday (wall day) of ISO week `week` of `year`: week 1 holds January 4th. */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return monday1 + (week - 1) * 7 * DAY_MS;
}

/** ISO weeks in a year: 53 when January 1st is a Thursday, or a Wednesday in a leap year. */
function isoWeeksIn(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/**
 * `--window last-week|last-month|YYYY-Www|YYYY-MM` as [since, until) at midnight in `zone` (issue #13). Relative
 * windows count from the day `asOf` falls on in the zone — today, or `--as-of` for a reproducible CI report: last-week
 * is the ISO week (Monday to Monday) before the one holding it, last-month the calendar month before its month.
 */
export function namedWindow(text: string, zone: Zone, asOf: number): { since: number; until: number } {
  const value = text.trim().toLowerCase();
  const wall = zone.wallDate(asOf);
  const today = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  if (value === 'last-week') {
    const thisMonday = today - ((wall.getUTCDay() + 6) % 7) * DAY_MS;
    return { since: midnight(thisMonday - 7 * DAY_MS, zone), until: midnight(thisMonday, zone) };
  }
  if (value === 'last-month') {
    return { since: midnight(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() - 1, 1), zone), until: midnight(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), 1), zone) };
  }
  const week = /^(\d{4})-w(\d{1,2})$/.exec(value);
  if (week !== null) {
    const year = Number(week[1]);
    const n = Number(week[2]);
    if (n < 1 || n > isoWeeksIn(year)) throw new UsageError(`--window ${text}: ${year} has ISO weeks 1 to ${isoWeeksIn(year)}`);
    const monday = isoWeekMonday(year, n);
    return { since: midnight(monday, zone), until: midnight(monday + 7 * DAY_MS, zone) };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month !== null && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const year = Number(month[1]);
    const m = Number(month[2]) - 1;
    return { since: midnight(Date.UTC(year, m, 1), zone), until: midnight(Date.UTC(year, m + 1, 1), zone) };
  }
  throw new UsageError(`--window ${JSON.stringify(text)} is not a window; use last-week, last-month, YYYY-Www (2026-W45) or YYYY-MM`);
}
