import { InputError } from '../errors.js';

/**
 * How large a field and how wide a row may be before a file is refused (issue #16): a download that went wrong (a
 * quote never closed, a binary dump, a zip bomb) must end in one clear line, not a process that eats the machine.
 * Plain data, so a plan carries it to a reading thread.
 */
export interface ReadLimits {
  /** Bytes of one field (one cell): `--max-field-size`. */
  maxFieldBytes: number;
  /** Fields of one row, the header's too: `--max-columns`. */
  maxColumns: number;
}

/**
 * 10 MiB per field: 320 times the most text an Excel cell holds (32,767 characters), far above any help-desk comment
 * field, and low enough that a quote never closed is caught within a few reads. 16,384 columns: Excel's own maximum
 * (XFD), so every sheet Excel can save is read.
 */
export const DEFAULT_LIMITS: ReadLimits = { maxFieldBytes: 10 * 1024 * 1024, maxColumns: 16_384 };

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The kind of file past a limit: a CSV's wide row or huge field is most often a wrong delimiter or a quote left open,
 * which the message suggests; a sheet (XLSX, HTML, XML 2003) has neither, and its message names the option alone.
 */
export type LimitedFormat = 'csv' | 'sheet';

/**
 * `tickets.csv:4:6: holds a field of 20,971,522 bytes, over the limit of 10,485,760 …; raise it with --max-field-size`.
 * A CSV field is counted in bytes of the file (UTF-16 read as UTF-8), a sheet cell in UTF-8 bytes of its text.
 */
export function fieldTooLarge(file: string, line: number, column: number | undefined, bytes: number, limits: ReadLimits, atLeast = false, format: LimitedFormat = 'csv'): InputError {
  const raise = 'if the export really holds such a field, raise the limit with --max-field-size BYTES';
  return new InputError({
    code: 'FIELD_TOO_LARGE',
    file,
    line,
    column,
    reason: atLeast ? `holds a field of more than ${count(limits.maxFieldBytes)} bytes, the limit (--max-field-size)` : `holds a field of ${count(bytes)} bytes, over the limit of ${count(limits.maxFieldBytes)} (--max-field-size)`,
    hint: format === 'csv' ? `${raise}; else a quote may be left open` : raise,
  });
}

/** `tickets.csv:1: has 20,007 columns, over the limit of 16,384 (--max-columns); …`. */
export function tooManyColumns(file: string, line: number, columns: number, limits: ReadLimits, atLeast = false, format: LimitedFormat = 'csv'): InputError {
  const raise = 'if the export really is that wide, raise the limit with --max-columns N';
  return new InputError({
    code: 'TOO_MANY_COLUMNS',
    file,
    line,
    reason: `has a row of ${atLeast ? 'at least ' : ''}${count(columns)} columns, over the limit of ${count(limits.maxColumns)} (--max-columns)`,
    hint: format === 'csv' ? `${raise}; else check the delimiter (--delimiter)` : raise,
  });
}

/**
 * Thrown by a sheet reader (XLSX, HTML, XML 2003) on a cell longer than the limit while it reads it, where it knows
 * the row and (but in HTML) the column, not the file: the source turns it into fieldTooLarge's line. Characters are
 * counted there, and a cell of more characters than the byte limit is over it in bytes too; a cell under the limit in
 * characters but over it in UTF-8 bytes is refused with its exact size when its row is read (datasets/read-part.ts).
 */
export class CellTooLarge extends Error {
  constructor(
    readonly line: number,
    readonly column: number | undefined,
    readonly limit: number,
  ) {
    super(`row ${line}${column === undefined ? '' : `, column ${column},`} has a cell of more than ${limit} characters`);
  }

  toInputError(file: string): InputError {
    return fieldTooLarge(file, this.line, this.column, this.limit, { maxFieldBytes: this.limit, maxColumns: DEFAULT_LIMITS.maxColumns }, true, 'sheet');
  }
}
