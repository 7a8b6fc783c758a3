import { UsageError } from '../errors.js';
import type { Dataset } from '../datasets/dataset.js';
import { sliceDatasets, type SlicedDatasets } from './sliced-datasets.js';
import { kindNamed } from '../datasets/kinds.js';
import type { Zone } from '../read/zone.js';

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
 * those from the first to the last time in the data), period k being slice k of the data sets.
 */
export function periodDatasets(datasets: readonly Dataset[], period: Period, window: { since: number | null; until: number | null }, zone: Zone): { bounds: { start: number; end: number }[]; sliced: SlicedDatasets } {
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
  if (!Number.isFinite(since) || !Number.isFinite(until)) return { bounds: [], sliced: sliceDatasets(sliced, sliced.map((d) => new Int32Array(d.rows).fill(-1)), 0) };
  const bounds = periodBounds(since, until, period, zone);
  // A window that cuts a period cuts its bounds too: a week of which the window holds one day says so, rather than
  // reading as a whole week's volume.
  if (bounds.length > 0 && window.since !== null) bounds[0]!.start = Math.max(bounds[0]!.start, window.since);
  if (bounds.length > 0 && window.until !== null) bounds[bounds.length - 1]!.end = Math.min(bounds[bounds.length - 1]!.end, window.until);
  if (bounds.length > MAX_PERIODS) {
    throw new UsageError(`--period ${period} cuts ${describe(since, until)} into ${bounds.length} periods (at most ${MAX_PERIODS}); choose a longer period or a shorter window (--window, --since/--until)`);
  }
  // Per data set, each row's period.
  const starts = Float64Array.from(bounds, (b) => b.start);
  const end = bounds.length === 0 ? since : bounds[bounds.length - 1]!.end;
  const slots = sliced.map((d) => {
    const time = d.numbers[kindNamed(d.kind).time];
    return time === undefined ? new Int32Array(d.rows).fill(-1) : periodsOfRows(time, starts, end);
  });
  return { bounds, sliced: sliceDatasets(sliced, slots, bounds.length) };
}

/** More periods than this is a mistake (a century of days), not a report: ten years of days. */
const MAX_PERIODS = 3660;

function describe(since: number, until: number): string {
  return `${new Date(since).toISOString().slice(0, 10)} – ${new Date(until).toISOString().slice(0, 10)}`;
}

/**
 * The period of each time (periods start at `starts`, the last ends at `end`), −1 outside them or for NaN. Periods are
 * nearly equal (a month 28–31 days, a day 23–25 hours): the guess by the mean length is off by a step or two at most,
 * walked from there — a binary search per row cost more than the metrics of a period (issue #13).
 */
function periodsOfRows(time: Float64Array, starts: Float64Array, end: number): Int32Array {
  const slots = new Int32Array(time.length);
  const first = starts[0]!;
  const last = starts.length - 1;
  const perMs = starts.length / (end - first);
  for (let row = 0; row < time.length; row++) {
    const t = time[row]!;
    // NaN (no time) fails both tests and lands in no period.
    if (!(t >= first && t < end)) {
      slots[row] = -1;
      continue;
    }
    let k = Math.min(last, Math.floor((t - first) * perMs));
    while (k > 0 && t < starts[k]!) k--;
    while (k < last && t >= starts[k + 1]!) k++;
    slots[row] = k;
  }
  return slots;
}
