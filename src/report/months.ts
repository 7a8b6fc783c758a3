import type { Zone } from '../read/zone.js';

/** The instant a calendar month starts in `zone`: month index counted from year 0 (y·12 + m). */
function monthStart(month: number, zone: Zone): number {
  return zone.midnight(Math.floor(month / 12), month % 12, 1);
}

/** The month (y·12 + m) holding instant t in `zone`. */
function monthOf(t: number, zone: Zone): number {
  const wall = zone.wallDate(t);
  return wall.getUTCFullYear() * 12 + wall.getUTCMonth();
}

/**
 * The month starts b0 < … < bn of the full calendar months inside [since, until) in `zone` (SPEC §5: churn and ARPA
 * use the window's full months): n months, [b_i, b_i+1). Empty when no full month fits.
 */
export function fullMonthBoundaries(since: number, until: number, zone: Zone): number[] {
  let month = monthOf(since, zone);
  if (monthStart(month, zone) < since) month++;
  const boundaries: number[] = [];
  for (let start = monthStart(month, zone); start <= until; start = monthStart(++month, zone)) boundaries.push(start);
  return boundaries.length < 2 ? [] : boundaries;
}

/** The start of the month holding t, and of the month after the one holding t. */
export function monthStartOf(t: number, zone: Zone): number {
  return monthStart(monthOf(t, zone), zone);
}
export function nextMonthStartOf(t: number, zone: Zone): number {
  return monthStart(monthOf(t, zone) + 1, zone);
}
