import type { Dataset } from '../datasets/dataset.js';
import { UsageError } from '../errors.js';
import { businessDurations, calendarSpan, compileCalendar, MAX_CALENDAR_DAYS, type BusinessCalendar, type DayHours } from '../metrics/business-time.js';
import { Zone } from '../read/zone.js';
import type { BusinessHoursReport } from './model.js';

/**
 * --business-hours (SPEC §3, issue #15): FRT and ART in business time. Each ticket's business duration is the
 * export's business-hours cell when filled (Zendesk "… within business hours", Freshdesk "(in hrs)", Intercom "…
 * within office hours"), else computed with the config's business calendar from the timestamps
 * (metrics/business-time.ts businessDurations). Made over whole data sets before any window, as the repeat flags are,
 * and kept beside the calendar durations (the ticket volume and --details still read those).
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The config file's business calendar as written (validated by cli/config-file.ts), its zone settled. */
export interface BusinessCalendarSetting {
  timezone: string;
  /** Opening hours per weekday, `HH:MM-HH:MM` (end `24:00` allowed); a day left out is off. */
  week: Partial<Record<Weekday, string[]>>;
  /** Whole days off, `YYYY-MM-DD`. */
  holidays: string[];
}

/** What --business-hours brings to the report: the calendar, or null when the config has none (export columns only). */
export interface BusinessHoursSetting {
  calendar: BusinessCalendarSetting | null;
}

/** The business twin of each calendar duration: its elapsed column, and the export's business-hours field it reads. */
export const BUSINESS_TWINS = {
  first_response: { elapsed: 'first_response_business', column: 'first_response_business_minutes', calendarFields: ['first_response_at', 'first_response_minutes'] },
  resolution: { elapsed: 'resolution_business', column: 'resolution_business_minutes', calendarFields: ['resolved_at', 'resolution_minutes'] },
} as const;

/** The ticket fields --business-hours reads beside the calendar ones. */
export const BUSINESS_FIELDS = [BUSINESS_TWINS.first_response.column, BUSINESS_TWINS.resolution.column];

/** `09:00-17:30` → [540, 1050] minutes after midnight (`24:00` ends the day); null when it is not such an interval. */
export function parseHours(text: string): [number, number] | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (m === null) return null;
  const [open, close] = [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])];
  if (Number(m[2]) > 59 || Number(m[4]) > 59 || open > 1440 || close > 1440) return null;
  return [open, close];
}

/** The calendar in minutes, Monday first, as metrics/business-time.ts reads it. */
export function calendarOf(setting: BusinessCalendarSetting): BusinessCalendar {
  return { week: WEEKDAYS.map((day): DayHours => (setting.week[day] ?? []).map((h) => parseHours(h)!)), holidays: setting.holidays };
}

/**
 * The tickets with their business durations as elapsed columns (BUSINESS_TWINS) where they can be had — an export
 * business-hours column, or a calendar and a calendar duration; other data sets as they are. A twin that cannot be
 * had is absent, and the metric says why (registry.ts).
 */
export function withBusinessTimes(dataset: Dataset, setting: BusinessHoursSetting): Dataset {
  if (dataset.kind !== 'tickets') return dataset;
  const created = dataset.numbers.created_at!;
  const twins = Object.entries(BUSINESS_TWINS).filter(([calendarName, twin]) => dataset.numbers[twin.column] !== undefined || (setting.calendar !== null && dataset.elapsed[calendarName] !== undefined));
  if (twins.length === 0) return dataset;
  let compiled = null;
  if (setting.calendar !== null) {
    const span = calendarSpan(created, twins.map(([calendarName]) => dataset.elapsed[calendarName]?.seconds ?? null));
    if (span !== null) {
      const days = (span.to - span.from) / 86_400_000;
      if (days > MAX_CALENDAR_DAYS - 3) {
        throw new UsageError(`the tickets span ${Math.round(days)} days (${new Date(span.from).toISOString().slice(0, 10)} to ${new Date(span.to).toISOString().slice(0, 10)}), too long for a business calendar; check the dates of the export`);
      }
      compiled = compileCalendar(calendarOf(setting.calendar), new Zone(setting.calendar.timezone), span.from, span.to);
    }
  }
  const elapsed = { ...dataset.elapsed };
  const noColumnIn = { ...dataset.noColumnIn };
  for (const [calendarName, twin] of twins) {
    const calendarDuration = dataset.elapsed[calendarName];
    const exportMissing = rowsOfInputs(dataset, dataset.noColumnIn?.[twin.column]?.inputs);
    elapsed[twin.elapsed] = businessDurations({ createdAt: created, calendarSeconds: calendarDuration?.seconds ?? null, calendarSource: calendarDuration?.source ?? null, exportSeconds: dataset.numbers[twin.column] ?? null, exportMissing }, compiled);
    const neither = filesWithNeither(dataset, calendarName, twin.column);
    if (neither !== undefined) noColumnIn[twin.elapsed] = neither;
  }
  return { ...dataset, elapsed, ...(Object.keys(noColumnIn).length === 0 ? {} : { noColumnIn }) };
}

/** Per row, 1 when it comes from one of `inputs`; null without any. */
function rowsOfInputs(dataset: Dataset, inputs: readonly number[] | undefined): Uint8Array | null {
  if (inputs === undefined || inputs.length === 0) return null;
  const flags = new Uint8Array(dataset.rows);
  const inputOfRow = dataset.inputOfRow;
  for (let row = 0; row < flags.length; row++) if (inputs.includes(inputOfRow[row]!)) flags[row] = 1;
  return flags;
}

/** The files of the tickets that have neither the calendar duration nor its business-hours column (others have one). */
function filesWithNeither(dataset: Dataset, calendarName: string, column: string): { inputs: number[]; files: string[] } | undefined {
  const withoutCalendar = dataset.noColumnIn?.[calendarName];
  const withoutColumn = dataset.noColumnIn?.[column];
  // A column no file has leaves the other's list; a column every file has, no file without both.
  if (dataset.elapsed[calendarName] === undefined) return withoutColumn;
  if (dataset.numbers[column] === undefined) return withoutCalendar;
  if (withoutCalendar === undefined || withoutColumn === undefined) return undefined;
  const inputs = withoutCalendar.inputs.filter((i) => withoutColumn.inputs.includes(i));
  return inputs.length === 0 ? undefined : { inputs, files: inputs.map((i) => withoutCalendar.files[withoutCalendar.inputs.indexOf(i)]!) };
}

/** The report's `businessHours`: the calendar as written and a sentence saying where the business times come from. */
export function businessHoursReport(setting: BusinessHoursSetting): BusinessHoursReport {
  const calendar = setting.calendar;
  if (calendar === null) {
    return { description: 'FRT and ART count time within business hours only, from the export\'s business-hours columns (the config has no businessCalendar: a ticket without such a value has none)', calendar: null };
  }
  const holidays = calendar.holidays.length === 0 ? 'no holidays' : `${calendar.holidays.length} holiday${calendar.holidays.length === 1 ? '' : 's'}`;
  return {
    description: `FRT and ART count time within business hours only: the export's business-hours columns where filled, else computed from the timestamps with the calendar ${describeWeek(calendar.week)} (${calendar.timezone}), ${holidays}`,
    calendar: { timezone: calendar.timezone, week: Object.fromEntries(WEEKDAYS.filter((d) => (calendar.week[d] ?? []).length > 0).map((d) => [d, calendar.week[d]!])), holidays: calendar.holidays },
  };
}

const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** `Mon–Fri 09:00–17:00, Sat 10:00–14:00`: runs of days with the same hours; days off left out. */
function describeWeek(week: Partial<Record<Weekday, string[]>>): string {
  const hoursOf = (d: Weekday) => (week[d] ?? []).map((h) => h.replace(/\s/g, '').replace('-', '–')).join(', ');
  const runs: string[] = [];
  for (let i = 0; i < WEEKDAYS.length; i++) {
    const hours = hoursOf(WEEKDAYS[i]!);
    if (hours === '') continue;
    let j = i;
    while (j + 1 < WEEKDAYS.length && hoursOf(WEEKDAYS[j + 1]!) === hours) j++;
    runs.push(`${DAY_NAMES[WEEKDAYS[i]!]}${j > i ? `–${DAY_NAMES[WEEKDAYS[j]!]}` : ''} ${hours}`);
    i = j;
  }
  return runs.join(', ');
}
