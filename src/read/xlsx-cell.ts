import ExcelJS from 'exceljs';
import { WallTime, type SheetCell } from './source.js';

/**
 * One exceljs cell (from its streaming reader) as a SheetCell: numbers, text, booleans, date cells as the wall time they
 * show, formulas as their cached result, rich text as its plain text, error cells as their code (`#N/A`).
 */

/** The date system of one workbook, and the one exceljs converted its date cells with. */
export interface DateSystem {
  /** The workbook's own setting, read from its workbook part. */
  date1904: boolean;
  /** What exceljs assumed when it turned date-formatted values into Dates (it reads only `date1904="1"`). */
  exceljsAssumed1904: boolean;
}

const DAY_MS = 86_400_000;
/**
 * Serial 25569 is 1970-01-01 in the 1900 system (serial 0 is 1899-12-30, which folds in Excel's phantom 1900-02-29
 * for every date from March 1900 on). The 1904 system counts from 1904-01-01, 1462 days later.
 */
const UNIX_EPOCH_SERIAL_1900 = 25569;
const DAYS_1900_TO_1904 = 1462;

/** The wall time an Excel serial shows, read as if UTC; the same arithmetic and rounding as exceljs's excelToDate. */
export function excelSerialToWallMs(serial: number, date1904: boolean): number {
  return Math.round((serial - UNIX_EPOCH_SERIAL_1900 + (date1904 ? DAYS_1900_TO_1904 : 0)) * DAY_MS);
}

/**
 * exceljs's cached formula result when the cached value was an error: it parses `#N/A` with parseFloat and keeps NaN,
 * so the code is lost. We still give text, so the engine reports the cell instead of reading it as empty.
 */
export const LOST_FORMULA_ERROR = '#ERROR';

export function sheetCellOf(cell: ExcelJS.Cell, dates: DateSystem): SheetCell {
  // `cell.result`, not `cell.value.result`: exceljs's copy of a formula value drops a falsy result (0, '').
  if (cell.type === ExcelJS.ValueType.Formula) return formulaResult(cell.result, cell, dates);
  const value: unknown = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return textOrNull(value);
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return wallTimeOfExceljsDate(value, dates);
  if (typeof value !== 'object') return null;
  if ('richText' in value) return textOrNull(plainText(value as ExcelJS.CellRichTextValue));
  if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  // A shared formula's other cells (`<f t="shared" si="0"/>`) have an empty formula text, which exceljs does not take
  // for a formula: they come as a plain object `{ formula: '', result }`.
  if ('formula' in value || 'sharedFormula' in value) return formulaResult((value as { result?: unknown }).result, cell, dates);
  return null;
}

function formulaResult(result: unknown, cell: ExcelJS.Cell, dates: DateSystem): SheetCell {
  if (result === undefined || result === null) return null;
  if (typeof result === 'number') {
    if (Number.isNaN(result)) return LOST_FORMULA_ERROR;
    // exceljs makes Dates of date-formatted values only; a formula's cached serial stays a number.
    return isDateFormat(cell.numFmt) ? new WallTime(excelSerialToWallMs(result, dates.date1904)) : result;
  }
  if (typeof result === 'string') return textOrNull(result);
  if (typeof result === 'boolean') return result;
  if (result instanceof Date) return wallTimeOfExceljsDate(result, dates);
  if (typeof result === 'object' && 'error' in result) return String((result as ExcelJS.CellErrorValue).error);
  return null;
}

/** exceljs's Date holds the wall time as UTC; when it assumed the other date system, shift by the 1462 days between. */
function wallTimeOfExceljsDate(date: Date, dates: DateSystem): WallTime | null {
  const assumedMs = date.getTime();
  if (Number.isNaN(assumedMs)) return null;
  if (dates.date1904 === dates.exceljsAssumed1904) return new WallTime(assumedMs);
  const shift = DAYS_1900_TO_1904 * DAY_MS;
  return new WallTime(dates.date1904 ? assumedMs + shift : assumedMs - shift);
}

/**
 * The rule exceljs applies to a value cell (lib/utils/utils.js `isDateFmt`), so a formula's result is a date exactly
 * when a typed-in value in the same format would be: strip `[…]` (colours, locales, elapsed `[h]`) and `"…"`, then
 * look for a date or time letter.
 */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function plainText(value: ExcelJS.CellRichTextValue): string {
  let text = '';
  for (const run of value.richText) if (typeof run.text === 'string') text += run.text;
  return text;
}

function textOrNull(text: string): string | null {
  return text === '' ? null : text;
}

