import { datasetRows, type Dataset } from '../datasets/dataset.js';
import { kindNamed } from '../datasets/kinds.js';
import type { Zone } from '../read/zone.js';
import { sliceRows } from './slice-rows.js';

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** The wall-clock start (as a UTC-based ms of the wall time) of the period holding wall time w. */
function periodStartWall(w: number, period: Period): number {
  const d = new Date(w);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (period === 'day') return day;
  if (period === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  // ISO weeks start on Monday: getUTCDay() is 0 on Sunday.
  return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
}

function nextWall(wallStart: number, period: Period): number {
  const d = new Date(wallStart);
  if (period === 'day') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  if (period === 'week') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 7);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/**
 * The periods (days, ISO weeks from Monday, calendar months) that cover [since, until), with boundaries at midnight in
 * `zone` — a week across a DST change is 7 days ± 1 hour, not 168 h. Every period is listed, empty ones too.
 */
export function periodBounds(since: number, until: number, period: Period, zone: Zone): { start: number; end: number }[] {
  const bounds: { start: number; end: number }[] = [];
  let wall = periodStartWall(since + zone.offsetAt(since), period);
  for (let start = zone.toUtc(wall); start < until; ) {
    wall = nextWall(wall, period);
    const end = zone.toUtc(wall);
    bounds.push({ start, end });
    start = end;
  }
  return bounds;
}

/**
 * Ticket and survey data sets split into periods by their kind's time field: the window's periods (or, without one,
 * those from the first to the last time in the data), each with every data set restricted to its rows.
 */
export function periodDatasets(datasets: readonly Dataset[], period: Period, window: { since: number | null; until: number | null }, zone: Zone): { start: number; end: number; datasets: Dataset[] }[] {
  const sliced = datasets.filter((d) => d.kind === 'tickets' || d.kind === 'surveys');
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const d of sliced) {
    const time = d.numbers[kindNamed(d.kind).time];
    if (time === undefined) continue;
    for (let i = 0; i < time.length; i++) {
      if (time[i]! < first) first = time[i]!;
      if (time[i]! > last) last = time[i]!;
    }
  }
  const since = window.since ?? first;
  const until = window.until ?? last + 1;
  if (!Number.isFinite(since) || !Number.isFinite(until)) return [];
  const bounds = periodBounds(since, until, period, zone);
  // Per data set, its rows in each period: a binary search of each row's time over the period starts.
  const rowsOf = sliced.map((d) => {
    const time = d.numbers[kindNamed(d.kind).time];
    const slot = new Int32Array(d.rows).fill(-1);
    if (time !== undefined) for (let row = 0; row < d.rows; row++) slot[row] = periodOf(bounds, time[row]!);
    return sliceRows(slot, bounds.length);
  });
  return bounds.map((b, k) => ({ ...b, datasets: sliced.map((d, i) => datasetRows({ ...d, keys: undefined }, rowsOf[i]![k]!)) }));
}

/** The index of the period holding t, or -1. */
function periodOf(bounds: readonly { start: number; end: number }[], t: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t < bounds[mid]!.start) hi = mid - 1;
    else if (t >= bounds[mid]!.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
