import { monthNameTable, type MonthName } from './month-names.js';
import type { Zone } from './zone.js';

/**
 * Timestamp formats of real exports (SPEC §3), each with a byte-level parser chosen once per column:
 * - `iso`: `2026-11-02T14:05:09Z`, `2026-11-02 14:05:09 +0100`, `2026-11-02 14:05`, `2026-11-02`, fractions, `+01:00`
 * - `dmy-dotted`: `02.11.2026 14:05:09`, `02.11.2026 14:05`, `02.11.2026` (Bitrix24 ru, Russian Excel)
 * - `mdy-slash` / `dmy-slash`: `11/02/2026 2:05:09 pm`, `12/25/25 20:18`, `02/11/2026 14:05` (resolved per column)
 * - `dmy-month-abbr`: `18/jul/26 9:10 AM`, `18/Jul/2026 21:10`, `18/juil./26 9:10 a. m.` (Jira's `dd/MMM/yy h:mm a`,
 *   month names in the user's language: read/month-names.ts)
 * - `unix-s` / `unix-ms`: epoch seconds or milliseconds
 * A value without an offset is wall-clock time in the given zone (`--tz`).
 */
export type TimestampFormat = 'iso' | 'dmy-dotted' | 'mdy-slash' | 'dmy-slash' | 'month-name' | 'dmy-month-abbr' | 'unix-s' | 'unix-ms';

/** Parses bytes [start, end) to epoch milliseconds; NaN when the value is not in the format; UNSET for "no time". */
export type TimestampParser = (bytes: Uint8Array, start: number, end: number) => number;

/** Zendesk full exports write `1900-01-01 00:00:00` for a time that was never set (SPEC §3): it means empty. */
export const UNSET = Number.NEGATIVE_INFINITY;

export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ['iso', 'dmy-dotted', 'mdy-slash', 'dmy-slash', 'month-name', 'dmy-month-abbr', 'unix-s', 'unix-ms'];

/** How a format looks, for error messages and `--date-format`. */
export const TIMESTAMP_FORMAT_LABELS: Record<TimestampFormat, string> = {
  iso: 'YYYY-MM-DD HH:mm:ss[±hhmm]',
  'dmy-dotted': 'DD.MM.YYYY HH:mm:ss',
  'mdy-slash': 'MM/DD/YYYY h:mm[:ss] [AM/PM]',
  'dmy-slash': 'DD/MM/YYYY HH:mm[:ss]',
  'month-name': 'Thu, 5 Feb 2026 / Feb 5, 2026 [HH:mm]',
  'dmy-month-abbr': 'DD/MMM/YY h:mm [AM/PM] (month names en, es, pt, fr, de, it, ru)',
  'unix-s': 'Unix seconds',
  'unix-ms': 'Unix milliseconds',
};

const ZERO = 0x30;
const SPACE = 0x20;

/** Up to `max` digits at `pos` (at least one): returns the value and advances; -1 when no digit. */
function readDigits(bytes: Uint8Array, pos: number, end: number, max: number, out: { pos: number }): number {
  let value = 0;
  let count = 0;
  while (pos < end && count < max) {
    const d = bytes[pos]! - ZERO;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    pos++;
    count++;
  }
  out.pos = pos;
  return count === 0 ? -1 : value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : DAYS_IN_MONTH[month - 1]!;
}

/** Validates the fields and turns them into epoch ms; `offsetMinutes` null means "wall time in `zone`". */
function assemble(zone: Zone, year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offsetMinutes: number | null): number {
  // Written so that NaN fields (a non-digit in a fixed-width form) fail too.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  if (!(hour <= 23 && minute <= 59 && second <= 59 && year >= 0)) return Number.NaN;
  if (year === 1900 && month === 1 && day === 1 && hour === 0 && minute === 0 && second === 0) return UNSET;
  const wall = (daysBeforeMonth(year, month) + day - 1) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
  return offsetMinutes === null ? zone.toUtc(wall) : wall - offsetMinutes * 60_000;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm): Date.UTC without the call. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Days since 1970 of the first of each month of 1900–2199, filled on first use: one look-up per timestamp. */
const MONTH_START_FIRST_YEAR = 1900;
const monthStartDays = new Float64Array(300 * 12).fill(Number.NaN);

function daysBeforeMonth(year: number, month: number): number {
  const slot = (year - MONTH_START_FIRST_YEAR) * 12 + month - 1;
  if (slot < 0 || slot >= monthStartDays.length) return daysFromCivil(year, month, 1);
  let days = monthStartDays[slot]!;
  if (Number.isNaN(days)) {
    days = daysFromCivil(year, month, 1);
    monthStartDays[slot] = days;
  }
  return days;
}

/** Two ASCII digits at i as a number; NaN when either is not a digit. */
function twoDigits(bytes: Uint8Array, i: number): number {
  const a = bytes[i]! - ZERO;
  const b = bytes[i + 1]! - ZERO;
  return a >>> 0 > 9 || b >>> 0 > 9 ? Number.NaN : a * 10 + b;
}

/**
 * The fixed-width forms most exports write — `YYYY-MM-DD HH:MM:SS`, with `Z`, ` +hhmm` (Zendesk) or `+hh:mm` —
 * read by position, with no scanning. Undefined when the value has another shape (the general parser then reads it).
 */
function fixedIso(bytes: Uint8Array, s: number, e: number, zone: Zone): number | undefined {
  const length = e - s;
  if (length !== 19 && length !== 20 && length !== 25) return undefined;
  const t = bytes[s + 10];
  if (bytes[s + 4] !== 0x2d || bytes[s + 7] !== 0x2d || (t !== SPACE && t !== 0x54) || bytes[s + 13] !== 0x3a || bytes[s + 16] !== 0x3a) return undefined;
  let offset: number | null = null;
  if (length === 20) {
    if (bytes[s + 19] !== 0x5a) return undefined;
    offset = 0;
  } else if (length === 25) {
    // ` +0100` or `+01:00`
    const spaced = bytes[s + 19] === SPACE;
    const sign = bytes[s + (spaced ? 20 : 19)];
    if (sign !== 0x2b && sign !== 0x2d) return undefined;
    const hh = twoDigits(bytes, s + (spaced ? 21 : 20));
    const mm = spaced ? twoDigits(bytes, s + 23) : bytes[s + 22] === 0x3a ? twoDigits(bytes, s + 23) : Number.NaN;
    offset = (sign === 0x2d ? -1 : 1) * (hh * 60 + mm);
    if (Number.isNaN(offset)) return Number.NaN;
  }
  const year = twoDigits(bytes, s) * 100 + twoDigits(bytes, s + 2);
  const value = assemble(zone, year, twoDigits(bytes, s + 5), twoDigits(bytes, s + 8), twoDigits(bytes, s + 11), twoDigits(bytes, s + 14), twoDigits(bytes, s + 17), 0, offset);
  return value;
}

/** `DD.MM.YYYY HH:MM:SS` (Bitrix24, Russian Excel) read by position; undefined for other shapes. */
function fixedDotted(bytes: Uint8Array, s: number, e: number, zone: Zone): number | undefined {
  if (e - s !== 19 || bytes[s + 2] !== 0x2e || bytes[s + 5] !== 0x2e || bytes[s + 10] !== SPACE || bytes[s + 13] !== 0x3a || bytes[s + 16] !== 0x3a) return undefined;
  const year = twoDigits(bytes, s + 6) * 100 + twoDigits(bytes, s + 8);
  return assemble(zone, year, twoDigits(bytes, s + 3), twoDigits(bytes, s), twoDigits(bytes, s + 11), twoDigits(bytes, s + 14), twoDigits(bytes, s + 17), 0, null);
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offsetMinutes: number | null;
}

/**
 * Reads `[T| ]H:mm[:ss[.fff]][ ][AM|PM][ ][Z|±hh[:]mm|UTC|GMT]` up to `end`. Returns false when anything is off.
 * `allowMeridiem` admits the 12-hour clock of US-style exports.
 */
function readClock(bytes: Uint8Array, pos: number, end: number, allowMeridiem: boolean, clock: Clock, cursor: { pos: number }): boolean {
  clock.hour = 0;
  clock.minute = 0;
  clock.second = 0;
  clock.ms = 0;
  clock.offsetMinutes = null;
  if (pos >= end) return true;
  const sep = bytes[pos];
  if (sep !== SPACE && sep !== 0x54 /* T */) return false;
  pos++;
  while (pos < end && bytes[pos] === SPACE) pos++;
  clock.hour = readDigits(bytes, pos, end, 2, cursor);
  pos = cursor.pos;
  if (clock.hour < 0 || bytes[pos] !== 0x3a /* : */) return false;
  clock.minute = readDigits(bytes, pos + 1, end, 2, cursor);
  if (cursor.pos !== pos + 3) return false;
  pos = cursor.pos;
  if (pos < end && bytes[pos] === 0x3a) {
    clock.second = readDigits(bytes, pos + 1, end, 2, cursor);
    if (cursor.pos !== pos + 3) return false;
    pos = cursor.pos;
    if (pos < end && (bytes[pos] === 0x2e || bytes[pos] === 0x2c)) {
      // Fractions of a second: keep milliseconds, ignore finer digits.
      let scale = 100;
      pos++;
      const fractionStart = pos;
      while (pos < end && bytes[pos]! >= ZERO && bytes[pos]! <= ZERO + 9) {
        if (scale >= 1) clock.ms += (bytes[pos]! - ZERO) * scale;
        scale /= 10;
        pos++;
      }
      if (pos === fractionStart) return false;
      clock.ms = Math.floor(clock.ms);
    }
  }
  while (pos < end && bytes[pos] === SPACE) pos++;
  if (allowMeridiem && pos + 1 < end && (bytes[pos + 1]! | 0x20) === 0x6d /* m */) {
    const m = bytes[pos]! | 0x20;
    if (m !== 0x61 /* a */ && m !== 0x70 /* p */) return false;
    if (clock.hour < 1 || clock.hour > 12) return false;
    clock.hour = (clock.hour % 12) + (m === 0x70 ? 12 : 0);
    pos += 2;
    while (pos < end && bytes[pos] === SPACE) pos++;
  }
  if (pos < end) {
    const c = bytes[pos]!;
    if (c === 0x5a /* Z */ && pos + 1 === end) {
      clock.offsetMinutes = 0;
      pos++;
    } else if (c === 0x2b /* + */ || c === 0x2d /* - */) {
      const hh = readDigits(bytes, pos + 1, end, 2, cursor);
      if (cursor.pos !== pos + 3) return false;
      pos = cursor.pos;
      let mm = 0;
      if (pos < end && bytes[pos] === 0x3a) pos++;
      if (pos < end) {
        mm = readDigits(bytes, pos, end, 2, cursor);
        if (cursor.pos !== pos + 2) return false;
        pos = cursor.pos;
      }
      if (hh > 18 || mm > 59) return false;
      clock.offsetMinutes = (c === 0x2d ? -1 : 1) * (hh * 60 + mm);
    } else if (end - pos === 3 && isWord(bytes, pos, 'utc')) {
      clock.offsetMinutes = 0;
      pos += 3;
    } else if (end - pos === 3 && isWord(bytes, pos, 'gmt')) {
      clock.offsetMinutes = 0;
      pos += 3;
    }
  }
  return pos === end;
}

function isWord(bytes: Uint8Array, pos: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) if ((bytes[pos + i]! | 0x20) !== lower.charCodeAt(i)) return false;
  return true;
}

/** Leading and trailing spaces (Zendesk Explore pads, Excel leaves them) are not part of the value. */
function trim(bytes: Uint8Array, start: number, end: number, out: { start: number; end: number }): void {
  while (start < end && (bytes[start] === SPACE || bytes[start] === 0x09)) start++;
  while (end > start && (bytes[end - 1] === SPACE || bytes[end - 1] === 0x09)) end--;
  out.start = start;
  out.end = end;
}

/** The parser for one column's format, in `zone` for values without an offset. */
export function timestampParser(format: TimestampFormat, zone: Zone): TimestampParser {
  const cursor = { pos: 0 };
  const span = { start: 0, end: 0 };
  const clock: Clock = { hour: 0, minute: 0, second: 0, ms: 0, offsetMinutes: null };
  switch (format) {
    case 'iso':
      return (bytes, s, e) => {
        const fixed = fixedIso(bytes, s, e, zone);
        if (fixed !== undefined) return fixed;
        trim(bytes, s, e, span);
        s = span.start;
        e = span.end;
        const year = readDigits(bytes, s, e, 4, cursor);
        if (cursor.pos !== s + 4 || bytes[s + 4] !== 0x2d) return Number.NaN;
        const month = readDigits(bytes, s + 5, e, 2, cursor);
        if (cursor.pos !== s + 7 || bytes[s + 7] !== 0x2d) return Number.NaN;
        const day = readDigits(bytes, s + 8, e, 2, cursor);
        if (cursor.pos !== s + 10) return Number.NaN;
        if (!readClock(bytes, s + 10, e, false, clock, cursor)) return Number.NaN;
        return assemble(zone, year, month, day, clock.hour, clock.minute, clock.second, clock.ms, clock.offsetMinutes);
      };
    case 'dmy-dotted':
      return (bytes, s, e) => {
        const fixed = fixedDotted(bytes, s, e, zone);
        if (fixed !== undefined) return fixed;
        trim(bytes, s, e, span);
        s = span.start;
        e = span.end;
        const day = readDigits(bytes, s, e, 2, cursor);
        if (day < 0 || bytes[cursor.pos] !== 0x2e) return Number.NaN;
        const month = readDigits(bytes, cursor.pos + 1, e, 2, cursor);
        if (month < 0 || bytes[cursor.pos] !== 0x2e) return Number.NaN;
        const yearStart = cursor.pos + 1;
        const year = readDigits(bytes, yearStart, e, 4, cursor);
        if (cursor.pos !== yearStart + 4) return Number.NaN;
        if (!readClock(bytes, cursor.pos, e, false, clock, cursor)) return Number.NaN;
        return assemble(zone, year, month, day, clock.hour, clock.minute, clock.second, clock.ms, clock.offsetMinutes);
      };
    case 'mdy-slash':
    case 'dmy-slash': {
      const dayFirst = format === 'dmy-slash';
      return (bytes, s, e) => {
        trim(bytes, s, e, span);
        s = span.start;
        e = span.end;
        const first = readDigits(bytes, s, e, 2, cursor);
        if (first < 0 || bytes[cursor.pos] !== 0x2f) return Number.NaN;
        const second = readDigits(bytes, cursor.pos + 1, e, 2, cursor);
        if (second < 0 || bytes[cursor.pos] !== 0x2f) return Number.NaN;
        const yearStart = cursor.pos + 1;
        let year = readDigits(bytes, yearStart, e, 4, cursor);
        const yearDigits = cursor.pos - yearStart;
        if (yearDigits === 2) year += 2000; // Excel's `12/25/25 20:18`
        else if (yearDigits !== 4) return Number.NaN;
        if (!readClock(bytes, cursor.pos, e, true, clock, cursor)) return Number.NaN;
        const day = dayFirst ? first : second;
        const month = dayFirst ? second : first;
        return assemble(zone, year, month, day, clock.hour, clock.minute, clock.second, clock.ms, clock.offsetMinutes);
      };
    }
    case 'month-name':
      // Google Ads' `Thu, 5 Feb 2026`, `Feb 5, 2026`, `5 February 2026`: few rows (a report per day), read as text.
      return (bytes, s, e) => parseMonthName(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', s, e), zone);
    case 'dmy-month-abbr':
      return (bytes, s, e) => parseDayMonthAbbr(bytes, s, e, zone, clock, cursor, span);
    case 'unix-s':
    case 'unix-ms': {
      const scale = format === 'unix-s' ? 1000 : 1;
      return (bytes, s, e) => {
        trim(bytes, s, e, span);
        let value = 0;
        let digits = 0;
        let p = span.start;
        for (; p < span.end; p++) {
          const d = bytes[p]! - ZERO;
          if (d < 0 || d > 9) break;
          value = value * 10 + d;
          digits++;
        }
        if (digits === 0) return Number.NaN;
        if (p < span.end) {
          // Seconds with a fraction: `1762092309.5`.
          if (bytes[p] !== 0x2e || scale === 1) return Number.NaN;
          let fraction = 0;
          let divisor = 1;
          for (p++; p < span.end; p++) {
            const d = bytes[p]! - ZERO;
            if (d < 0 || d > 9) return Number.NaN;
            fraction = fraction * 10 + d;
            divisor *= 10;
          }
          value += fraction / divisor;
        }
        return Math.round(value * scale);
      };
    }
  }
}

let monthNames: readonly (readonly MonthName[])[] | undefined;

/** The month a name at [s, e) spells (ASCII case folded), or -1: a bucket of a few names by first byte, no allocation. */
function monthAt(bytes: Uint8Array, s: number, e: number): number {
  monthNames ??= monthNameTable();
  const b = bytes[s]!;
  for (const name of monthNames[b >= 0x41 && b <= 0x5a ? b | 0x20 : b]!) {
    if (name.bytes.length !== e - s) continue;
    let i = 0;
    for (; i < e - s; i++) {
      const c = bytes[s + i]!;
      if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== name.bytes[i]) break;
    }
    if (i === e - s) return name.month;
  }
  return -1;
}

/**
 * `18/jul/26 9:10 AM` — day, month name, two- or four-digit year (Jira's `dd/MMM/yy`), `/` `-` or a space between,
 * then a clock of 12 hours with AM/PM (also Spanish `a. m.`/`p. m.`) or of 24. Only columns whose sample is in this
 * format get this parser.
 */
function parseDayMonthAbbr(bytes: Uint8Array, s: number, e: number, zone: Zone, clock: Clock, cursor: { pos: number }, span: { start: number; end: number }): number {
  trim(bytes, s, e, span);
  s = span.start;
  e = span.end;
  const day = readDigits(bytes, s, e, 2, cursor);
  const sep = bytes[cursor.pos];
  if (day < 0 || (sep !== 0x2f && sep !== 0x2d && sep !== SPACE)) return Number.NaN;
  const nameStart = cursor.pos + 1;
  let nameEnd = nameStart;
  while (nameEnd < e && bytes[nameEnd] !== sep && nameEnd - nameStart < 16) nameEnd++;
  if (nameEnd >= e || nameEnd === nameStart) return Number.NaN;
  const month = monthAt(bytes, nameStart, bytes[nameEnd - 1] === 0x2e ? nameEnd - 1 : nameEnd);
  if (month < 0) return Number.NaN;
  const yearStart = nameEnd + 1;
  let year = readDigits(bytes, yearStart, e, 4, cursor);
  const yearDigits = cursor.pos - yearStart;
  if (yearDigits === 2) year += 2000;
  else if (yearDigits !== 4) return Number.NaN;
  // `a. m.` / `p. m.` (Spanish, Portuguese locales) at the end: read here, the clock before it as 24-hour digits.
  let end = e;
  let meridiem = 0;
  if (end - cursor.pos > 5 && (bytes[end - 1] === 0x2e || (bytes[end - 1]! | 0x20) === 0x6d)) {
    let p = end - 1;
    if (bytes[p] === 0x2e) p--;
    if ((bytes[p]! | 0x20) === 0x6d && bytes[p - 1] !== undefined) {
      let q = p - 1;
      while (q > cursor.pos && (bytes[q] === SPACE || bytes[q] === 0x2e)) q--;
      const m = bytes[q]! | 0x20;
      if (q < p - 1 && (m === 0x61 || m === 0x70) && bytes[q - 1] === SPACE) {
        meridiem = m === 0x70 ? 2 : 1;
        end = q - 1;
      }
    }
  }
  if (!readClock(bytes, cursor.pos, end, meridiem === 0, clock, cursor)) return Number.NaN;
  if (meridiem !== 0) {
    if (clock.hour < 1 || clock.hour > 12) return Number.NaN;
    clock.hour = (clock.hour % 12) + (meridiem === 2 ? 12 : 0);
  }
  return assemble(zone, year, month, day, clock.hour, clock.minute, clock.second, clock.ms, clock.offsetMinutes);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:(\d{1,2})\s+([a-z]{3,9})\.?|([a-z]{3,9})\.?\s+(\d{1,2}),?)\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i;

/** `Thu, 5 Feb 2026`, `Feb 5, 2026`, `5 February 2026 14:05` (English month names) in `zone`; NaN otherwise. */
function parseMonthName(text: string, zone: Zone): number {
  const m = MONTH_NAME.exec(text.trim());
  if (m === null) return Number.NaN;
  const name = (m[2] ?? m[3]!).toLowerCase();
  const month = MONTHS.indexOf(name.slice(0, 3)) + 1;
  if (month === 0 || (name.length > 3 && !FULL_MONTHS[month - 1]!.startsWith(name.replace(/\.$/, '')))) return Number.NaN;
  const day = Number(m[1] ?? m[4]);
  const year = Number(m[5]);
  if (day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return assemble(zone, year, month, day, Number(m[6] ?? 0), Number(m[7] ?? 0), Number(m[8] ?? 0), 0, null);
}

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Parses one timestamp given as text (tests, `--since`, samples). */
export function parseTimestampText(text: string, format: TimestampFormat, zone: Zone): number {
  const bytes = Buffer.from(text, 'utf8');
  return timestampParser(format, zone)(bytes, 0, bytes.length);
}

export interface DetectedTimestampFormat {
  format: TimestampFormat;
  /** Slash dates whose samples never have a part above 12: month-first is assumed until the column says otherwise. */
  ambiguousSlash: boolean;
}

/**
 * Picks the format that reads the most of a column's sample values (ties: the order of TIMESTAMP_FORMATS, so
 * month-first wins an undecided slash column). Unix numbers count only when they look like epoch values
 * (10 digits for seconds, 13 for milliseconds), so a column of small numbers is not taken for 1970 dates.
 * Returns null when no value of the sample is a timestamp in any format. `prefer` (the format of the file's time
 * field) wins a tie: one export writes its dates one way, so of a two-row file whose rows read one ISO and one
 * DD/MM/YYYY, the odd one is the row unlike the file's other dates — not the other row (issue #16).
 */
export function detectTimestampFormat(samples: readonly string[], zone: Zone, prefer?: TimestampFormat): DetectedTimestampFormat | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  let best: TimestampFormat | null = null;
  let bestCount = 0;
  for (const format of TIMESTAMP_FORMATS) {
    const parser = timestampParser(format, zone);
    let count = 0;
    for (const v of values) {
      if (format === 'unix-s' && !/^\d{9,10}(\.\d+)?$/.test(v)) continue;
      if (format === 'unix-ms' && !/^\d{12,13}$/.test(v)) continue;
      const bytes = Buffer.from(v, 'utf8');
      if (!Number.isNaN(parser(bytes, 0, bytes.length))) count++;
    }
    if (count > bestCount || (count === bestCount && count > 0 && format === prefer)) {
      best = format;
      bestCount = count;
    }
    // A later format can only win by reading more (none can), or the preferred one by a tie.
    if (bestCount === values.length && (prefer === undefined || best === prefer)) break;
  }
  if (best === null) return null;
  const ambiguousSlash = (best === 'mdy-slash' || best === 'dmy-slash') && !values.some((v) => slashPartsAbove12(v));
  return { format: best, ambiguousSlash };
}

/** True when a slash date's first or second part is above 12, which settles the column's order. */
export function slashPartsAbove12(value: string): boolean {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\//.exec(value);
  return m !== null && (Number(m[1]) > 12 || Number(m[2]) > 12);
}

/** Which order a slash date with a part above 12 proves: `dmy-slash` when the first part is above 12. */
export function slashOrderOf(value: string): TimestampFormat | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\//.exec(value);
  if (m === null) return null;
  if (Number(m[1]) > 12) return 'dmy-slash';
  if (Number(m[2]) > 12) return 'mdy-slash';
  return null;
}
