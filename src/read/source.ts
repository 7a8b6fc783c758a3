/**
 * The seam between file formats and the data set engine (STYLE: "a file format is a source").
 *
 * CSV keeps its own byte fast path (csv.ts: records as byte spans, read in two halves). Every other format — XLSX,
 * the HTML table Bitrix24 saves as ".xls", XML Spreadsheet 2003 — is a SheetSource: rows of typed cells from the top
 * of the sheet (title rows included; the engine finds the header row as it does in CSV).
 */

/**
 * A date/time cell of a workbook: the wall-clock time it shows, as milliseconds since 1970-01-01 read as if UTC.
 * Workbook dates carry no zone; the engine applies `--tz` (SPEC §3).
 */
export class WallTime {
  constructor(readonly wallMs: number) {}
}

/**
 * One cell as the format gives it: text, a number (an Excel serial when the column is a date column), a boolean, a
 * date cell, or null for an empty cell. Formulas give their cached result; rich text its plain text.
 */
export type SheetCell = string | number | boolean | WallTime | null;

export interface SheetRow {
  /** Row number in the sheet (1-based, as Excel shows it; in HTML/XML the position of the `<tr>`/`<Row>`). */
  line: number;
  /** Cells by 0-based column; a skipped cell (`ss:Index`, a gap in XLSX) is null. */
  cells: SheetCell[];
}

export type SheetFormat = 'xlsx' | 'html' | 'xml2003';

export interface SheetSource {
  format: SheetFormat;
  /** The sheet that is read (XLSX, XML 2003), for messages (`file.xlsx#Tickets:42:3`); null for an HTML table. */
  sheet: string | null;
  /** The text encoding of an HTML/XML file (from its BOM or `<meta charset>`); null for XLSX. */
  encoding: string | null;
  /** Every row from the top of the sheet, in order. Can be called again to read the sheet once more. */
  rows(): AsyncIterable<SheetRow>;
}

/** The text of a cell as a person would see it (numbers in plain notation, dates as ISO); '' for empty. */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (cell instanceof WallTime) return new Date(cell.wallMs).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  return String(cell);
}
