import { ValueSource } from '../value-source.js';

/**
 * Business time (SPEC §3 "Business hours", issue #15): the part of a span [start, end) that falls within a business
 * calendar's opening hours — weekly hours per weekday on the wall clock of one time zone, minus whole-day holidays.
 * A ticket opened on Friday at 16:00 and answered on Monday at 10:00, open 09:00–17:00 on weekdays, waited 2 business
 * hours (Friday 16–17, Monday 9–10), not 66 calendar hours.
 *
 * Pure: instants in, seconds out; the zone arrives as a WallClock (read/zone.ts `Zone` is one), so that opening hours
 * are placed on the wall clock day by day — a DST day is 23 or 25 hours, and 09:00 is 09:00 on both sides of the
 * change. A wall time that does not exist (skipped by a spring-forward gap) is read with the offset in force before
 * the gap, and a repeated autumn hour is its first occurrence, as everywhere else (read/zone.ts).
 */

/** Opening hours of one weekday: [start, end) pairs in minutes after the wall clock's midnight, sorted, disjoint, end ≤ 1440. */
export type DayHours = readonly (readonly [number, number])[];

export interface BusinessCalendar {
  /** Opening hours per ISO weekday, Monday first (7 entries); an empty list is a day off. */
  week: readonly DayHours[];
  /** Whole days off on the calendar's wall clock, `YYYY-MM-DD`. */
  holidays: readonly string[];
}

/** What business time needs of a time zone: a wall-clock time (its fields read as UTC) → its instant, and the offset at an instant. */
export interface WallClock {
  toUtc(wallMs: number): number;
  offsetAt(utcMs: number): number;
}

/**
 * A calendar laid out over a span of days as instants: every opening interval of every day, in order, and the
 * business time before each. Made once per data set (compileCalendar); then the business time of any span inside it
 * costs a lookup and no allocation (businessSeconds).
 */
export interface CompiledCalendar {
  /** Instant of the wall midnight starting each day of the span, and one after the last: a guess of the day of an instant. */
  dayStart: Float64Array;
  /** Per day, the index of its first interval (one entry after the last day = the number of intervals). */
  firstInterval: Uint32Array;
  /** Opening intervals [starts[i], ends[i]) as instants, ascending and disjoint. */
  starts: Float64Array;
  ends: Float64Array;
  /** Business milliseconds in the intervals before interval i (length = intervals + 1). */
  before: Float64Array;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A span of more than this many days is refused (a year 1900 next to a year 2200 is a broken cell, not a span). */
export const MAX_CALENDAR_DAYS = 200 * 366;

/**
 * The calendar's opening intervals over every wall day from the one before `from` to the one after `to` (instants,
 * epoch ms), each day's hours placed on its own wall clock (calendar arithmetic on days, never 24-hour steps).
 */
export function compileCalendar(calendar: BusinessCalendar, clock: WallClock, from: number, to: number): CompiledCalendar {
  const dayOf = (t: number) => Math.floor((t + clock.offsetAt(t)) / DAY_MS);
  const firstDay = dayOf(Math.min(from, to)) - 1;
  const days = dayOf(Math.max(from, to)) + 1 - firstDay + 1;
  if (!(days > 0 && days <= MAX_CALENDAR_DAYS)) throw new RangeError(`a business calendar over ${days} days`);
  const holidays = new Set(calendar.holidays.map(dayNumber));
  const dayStart = new Float64Array(days + 1);
  const firstInterval = new Uint32Array(days + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k <= days; k++) {
    const day = firstDay + k;
    dayStart[k] = clock.toUtc(day * DAY_MS);
    firstInterval[k] = starts.length;
    if (k === days || holidays.has(day)) continue;
    // Day 0 (1970-01-01) was a Thursday: ISO weekday index 3 with Monday = 0.
    const weekday = (((day + 3) % 7) + 7) % 7;
    for (const [open, close] of calendar.week[weekday] ?? []) {
      // Kept ascending even where a DST gap moves a wall time (an interval that would run backwards is empty).
      const start = Math.max(clock.toUtc(day * DAY_MS + open * MINUTE_MS), ends.length === 0 ? -Infinity : ends[ends.length - 1]!);
      const end = clock.toUtc(day * DAY_MS + close * MINUTE_MS);
      if (end > start) {
        starts.push(start);
        ends.push(end);
      }
    }
  }
  const before = new Float64Array(starts.length + 1);
  for (let i = 0; i < starts.length; i++) before[i + 1] = before[i]! + (ends[i]! - starts[i]!);
  return { dayStart, firstInterval, starts: Float64Array.from(starts), ends: Float64Array.from(ends), before };
}

/**
 * Business seconds in [start, end) (instants, epoch ms): B(end) − B(start), where B(t) is the business time of the
 * compiled span before t — so spans add up exactly (B is a sum of whole milliseconds). 0 when end ≤ start; NaN when
 * either end lies outside the compiled span or is NaN (compile over the data's span: calendarSpan).
 */
export function businessSeconds(calendar: CompiledCalendar, start: number, end: number): number {
  const first = calendar.dayStart[0]!;
  const last = calendar.dayStart[calendar.dayStart.length - 1]!;
  if (!(start >= first && end <= last && start <= last && end >= first)) return Number.NaN;
  if (end <= start) return 0;
  return (businessBefore(calendar, end) - businessBefore(calendar, start)) / 1000;
}

/** Business milliseconds of the compiled span before instant t (t inside the span). */
function businessBefore(calendar: CompiledCalendar, t: number): number {
  const { dayStart, firstInterval, starts, ends, before } = calendar;
  const n = starts.length;
  const days = dayStart.length - 1;
  // The day of t, guessed from 24-hour steps (a DST change can put it one day off) and then corrected by the scans.
  let k = Math.floor((t - dayStart[0]!) / DAY_MS);
  if (k < 0) k = 0;
  else if (k >= days) k = days - 1;
  let j = firstInterval[k]!;
  // j = the number of intervals that start at or before t.
  while (j < n && starts[j]! <= t) j++;
  while (j > 0 && starts[j - 1]! > t) j--;
  if (j === 0) return 0;
  const stillOpen = ends[j - 1]! - t;
  return before[j]! - (stillOpen > 0 ? stillOpen : 0);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Per-row inputs of business durations, in one data set's row order. */
export interface BusinessDurationInput {
  /** created_at, epoch ms. */
  createdAt: Float64Array;
  /** The calendar duration (seconds, NaN = none) and where it came from (ValueSource); null when the file has no column for it. */
  calendarSeconds: Float64Array | null;
  calendarSource: Uint8Array | null;
  /** The export's business-hours duration (seconds, NaN = empty cell); null without the column. */
  exportSeconds: Float64Array | null;
  /** Per row, 1 when its file has no business-hours column though another file has (several files read as one). */
  exportMissing?: Uint8Array | null;
}

/**
 * Each row's business duration in seconds (NaN = none) and where it came from (ValueSource), by this rule:
 * 1. the export's business-hours cell when filled (the help desk's own schedule) — except a 0 beside no event
 *    (Freshdesk writes `00:00:00` in its "(in hrs)" columns for a ticket never answered or resolved: none, not zero);
 * 2. else, when the event happened (the calendar duration is there) and a calendar is given, the business time of
 *    [created_at, created_at + calendar duration]: the end is the timestamp itself when the duration came from the
 *    timestamps (`calendar`), or created_at plus the export's calendar duration when the file has no end timestamp
 *    (`calendarFromDuration`, as exact as that column's rounding);
 * 3. else, when the event happened, `unmeasured` (NaN): no cell and no calendar — never the calendar time instead;
 * 4. else, when the row's file has neither a business-hours column nor a calendar one, `noColumn` (NaN): unknown;
 * 5. else none.
 * One pass, no allocation per row.
 */
export function businessDurations(input: BusinessDurationInput, calendar: CompiledCalendar | null): { seconds: Float64Array; source: Uint8Array } {
  const { createdAt, calendarSeconds, calendarSource, exportSeconds } = input;
  const exportMissing = input.exportMissing ?? null;
  const rows = createdAt.length;
  const seconds = new Float64Array(rows);
  const source = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const business = exportSeconds === null ? Number.NaN : exportSeconds[i]!;
    const elapsed = calendarSeconds === null ? Number.NaN : calendarSeconds[i]!;
    const noEvent = calendarSource !== null && calendarSource[i] === ValueSource.none;
    if (business === business && !(business === 0 && noEvent)) {
      seconds[i] = business;
      source[i] = ValueSource.exportColumn;
    } else if (elapsed === elapsed && calendar !== null) {
      const start = createdAt[i]!;
      seconds[i] = businessSeconds(calendar, start, start + Math.round(elapsed * 1000));
      source[i] = calendarSource !== null && calendarSource[i] === ValueSource.exportColumn ? ValueSource.calendarFromDuration : ValueSource.calendar;
    } else if (elapsed === elapsed) {
      seconds[i] = Number.NaN;
      source[i] = ValueSource.unmeasured;
    } else if ((calendarSource === null || calendarSource[i] === ValueSource.noColumn) && (exportSeconds === null || (exportMissing !== null && exportMissing[i] === 1))) {
      seconds[i] = Number.NaN;
      source[i] = ValueSource.noColumn;
    } else {
      seconds[i] = Number.NaN;
      source[i] = ValueSource.none;
    }
  }
  return { seconds, source };
}

/**
 * The instants a calendar must cover to measure these rows: from the earliest created_at to the latest created_at +
 * duration (NaN durations left out); null without rows.
 */
export function calendarSpan(createdAt: Float64Array, durations: readonly (Float64Array | null)[]): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < createdAt.length; i++) {
    const t = createdAt[i]!;
    if (t < from) from = t;
    if (t > to) to = t;
    for (const d of durations) {
      const end = d === null ? Number.NaN : t + d[i]! * 1000;
      if (end > to) to = end;
    }
  }
  return from <= to ? { from, to } : null;
}
