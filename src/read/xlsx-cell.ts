import { WallTime, type SheetCell } from './source.js';
import { unescapeExcelText } from './xlsx-shared-strings.js';
import { DateStyle } from './xlsx-styles.js';

/**
 * One `<c>` of a sheet as a SheetCell, from its type `t`, its text (`<v>`, or an inline string's `<is>`) and its
 * style's date kind. A formula's `<f>` is not read: the cell's `<v>` is the result Excel last calculated.
 */

/** What a sheet's cells are read against: its workbook's tables. */
export interface CellContext {
  /** undefined where a string is longer than maxCellChars: left out, so that a cell pointing to it is refused. */
  sharedStrings: readonly (string | undefined)[];
  /** Per style index (`s="5"`), from xlsx-styles.ts. */
  dateStyles: Uint8Array;
  /** `<workbookPr date1904="1">`: serial 0 is 1904-01-01 (old Mac Excel) instead of 1899-12-30. */
  date1904: boolean;
  /**
   * `--max-field-size` (read/limits.ts), held against a cell's text as stored (references decoded, `_x000D_` as
   * written) while it is read: more characters than the limit has bytes is more bytes too.
   */
  maxCellChars: number;
}

/** A cell points to a shared string left out for its length: the sheet's reader refuses the cell with its place. */
export class SharedStringTooLarge extends Error {}

/** ECMA-376 Part 1, §18.18.11 ST_CellType; absent is `n`. */
export function sheetCellOf(type: string | undefined, text: string, style: number, context: CellContext): SheetCell {
  if (text === '') return null; // `<v/>`, no `<v>`, an empty string
  switch (type) {
    case undefined:
    case 'n':
      return numberCell(text, context.dateStyles[style] ?? DateStyle.None, context.date1904);
    case 's':
      return sharedString(text, context);
    case 'str': // a formula's text result
    case 'inlineStr':
      return unescapeExcelText(text);
    case 'b':
      return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : text;
    case 'd':
      return wallTimeOfIso(text) ?? text;
    default:
      return text; // `e`: the error code as Excel shows it (`#N/A`, `#DIV/0!`)
  }
}

function numberCell(text: string, dateStyle: number, date1904: boolean): SheetCell {
  const serial = Number(text);
  // Not a number after all: the text, so the engine names the cell instead of reading it as empty.
  if (!Number.isFinite(serial)) return text;
  if (dateStyle === DateStyle.None) return serial;
  return new WallTime(dateStyle === DateStyle.Time ? timeWallMs(serial) : dateWallMs(serial, date1904));
}

function sharedString(text: string, context: CellContext): string | null {
  const { sharedStrings } = context;
  const index = Number(text);
  const string = sharedStrings[index];
  if (string !== undefined) return string === '' ? null : string;
  if (Number.isInteger(index) && index >= 0 && index < sharedStrings.length) throw new SharedStringTooLarge(`shared string ${index} is longer than ${context.maxCellChars} characters`);
  throw new Error(`a cell points to shared string ${JSON.stringify(text)}, but the workbook has ${sharedStrings.length}`);
}

const DAY_MS = 86_400_000;
/** Serial 25569 is 1970-01-01 in the 1900 system, whose serial 0 is 1899-12-30. */
const UNIX_EPOCH_SERIAL_1900 = 25569;
/** The 1904 system counts from 1904-01-01, 1462 days later. */
const DAYS_1900_TO_1904 = 1462;
/** Serial 60 is 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug, kept by Excel). */
const PHANTOM_LEAP_DAY_SERIAL = 60;

/**
 * The wall time a date-formatted serial shows, read as if UTC. In the 1900 system, counting from 1899-12-30 is right
 * from 1900-03-01 (serial 61) on, because it counts the phantom 1900-02-29; serials 1–60 are a day later than that
 * count. Below 1 is Excel's day 0 ("1900-01-00"), a time of day: kept on 1899-12-30, where the engine looks for it.
 */
export function dateWallMs(serial: number, date1904: boolean): number {
  if (date1904) return Math.round((serial + DAYS_1900_TO_1904 - UNIX_EPOCH_SERIAL_1900) * DAY_MS);
  const beforePhantomDay = serial >= 1 && serial < PHANTOM_LEAP_DAY_SERIAL + 1;
  return Math.round((serial - UNIX_EPOCH_SERIAL_1900 + (beforePhantomDay ? 1 : 0)) * DAY_MS);
}

/**
 * A time-formatted serial (`h:mm`, `[h]:mm:ss`) is a time of day or a length of time, which no date system shifts:
 * 1899-12-30 plus the serial in days, so the engine reads `[h]:mm` durations of any length back by subtracting that.
 */
export function timeWallMs(serial: number): number {
  return Math.round((serial - UNIX_EPOCH_SERIAL_1900) * DAY_MS);
}

/**
 * A `t="d"` cell's ISO 8601 text (`2026-11-02T14:05:09`, `2026-11-02`, a time alone `14:05:09`) as the wall time it
 * shows; a zone suffix (`Z`, `+02:00`) is not applied, as workbook dates carry none (SPEC §3). A time alone is on
 * Excel's day 0, as a time-formatted serial is.
 */
function wallTimeOfIso(text: string): WallTime | null {
  const trimmed = text.trim();
  const match = ISO_DATE_TIME.exec(TIME_ALONE.test(trimmed) ? `1899-12-30T${trimmed}` : trimmed);
  if (match === null) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0'] = match;
  const milliseconds = Number(fraction.padEnd(3, '0'));
  return new WallTime(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), milliseconds));
}

const TIME_ALONE = /^\d{2}:/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
