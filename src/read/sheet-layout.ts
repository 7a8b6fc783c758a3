import { InputError } from '../errors.js';
import { distinctHeaders } from './csv.js';
import { findHeaderRow } from './dialect.js';
import { mergeSecondHeaderRow } from './second-header.js';
import { plainHeader } from './plain-header.js';
import { cellText, type SheetCell, type SheetSource } from './source.js';

/** Rows looked at for the header row, and data rows kept as the sample columns' formats are chosen from. */
const HEADER_SEARCH_ROWS = 50;
const SAMPLE_ROWS = 500;

/** What the top of a sheet told us: the header row (found as in CSV: title rows above it skipped) and a sample. */
export interface SheetLayout {
  headers: string[];
  /** Sheet row number of the header; data rows come after it. */
  headerLine: number;
  /** The rows above the header row (a report's title and date range), as text. */
  preamble: string[];
  sample: SheetCell[][];
}

export async function readSheetLayout(file: string, source: SheetSource, scoreHeader: (cells: readonly string[]) => number): Promise<SheetLayout> {
  const head: { line: number; cells: SheetCell[] }[] = [];
  for await (const row of source.rows()) {
    head.push(row);
    if (head.length >= HEADER_SEARCH_ROWS + SAMPLE_ROWS) break;
  }
  const texts = head.slice(0, HEADER_SEARCH_ROWS).map((row) => ({ cells: row.cells.map(cellText), line: row.line }));
  const nonEmpty = texts.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) {
    throw new InputError({ code: 'EMPTY', file, reason: source.sheet === null ? 'has an empty table' : `has nothing in sheet ${JSON.stringify(source.sheet)}`, hint: 'export the data again with a header row and at least one row' });
  }
  const header = findHeaderRow(nonEmpty, scoreHeader)!;
  // SurveyMonkey: a second header row (`Response`, answer options) under the questions; data start below it.
  const next = nonEmpty[nonEmpty.indexOf(header) + 1];
  const merged = mergeSecondHeaderRow(header.cells, next?.cells);
  const last = merged === null ? header : next!;
  const at = head.findIndex((row) => row.line === last.line);
  return {
    headers: distinctHeaders(trimTrailingEmpty((merged ?? header.cells).map(plainHeader))),
    headerLine: last.line,
    preamble: nonEmpty.slice(0, nonEmpty.indexOf(header)).map((r) => r.cells.filter((c) => c.trim() !== '').join(' ').trim()),
    sample: head.slice(at + 1).map((row) => row.cells),
  };
}

/** Workbooks pad rows with empty cells to the sheet's width; an empty header name past the last real one is not a column. */
function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}
