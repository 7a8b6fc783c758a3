import { createWriteStream, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import { asInputError, openByteStream, type InputFile } from './input.js';
import type { SheetCell, SheetRow, SheetSource } from './source.js';
import { sheetCellOf, type DateSystem } from './xlsx-cell.js';
import { sheetZipStream } from './xlsx-sheet-stream.js';
import { readWorkbookParts, type WorkbookParts, type WorkbookSheet } from './xlsx-workbook-part.js';
import { readZipDirectory, ZipFormatError, type ZipDirectory, type ZipEntry } from './zip-directory.js';

/**
 * An .xlsx workbook as a SheetSource: one sheet's rows of typed cells, streamed by exceljs's streaming reader.
 *
 * The sheet is chosen by name (`book.xlsx#Tickets`, `--sheet`), else the first one in tab order. Names and the date
 * system come from the workbook part, read through the zip's directory before any sheet (xlsx-workbook-part.ts), so
 * files written by pandas/openpyxl, whose workbook part comes after the sheets, are read like any other.
 */
export async function openXlsxSource(input: InputFile, options: { sheet?: string | null }): Promise<SheetSource> {
  const zipPath = input.gzip ? await gunzipToTemporaryFile(input) : input.path;
  let zip: ZipDirectory;
  let parts: WorkbookParts;
  try {
    zip = await readZipDirectory(zipPath);
    parts = await readWorkbookParts(zip);
  } catch (error) {
    throw unreadable(input, error);
  }
  const sheet = chooseSheet(input, parts.sheets, options.sheet ?? input.sheet);
  return { format: 'xlsx', sheet: sheet.name, encoding: null, rows: () => readSheetRows(input, zip, parts, sheet.cells) };
}

/** The reader's options: shared strings and styles cached (styles tell date cells from numbers), links not needed. */
const READER_OPTIONS = { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' } as const;

async function* readSheetRows(input: InputFile, zip: ZipDirectory, parts: WorkbookParts, cells: ZipEntry): AsyncGenerator<SheetRow> {
  const zipStream = sheetZipStream(zip, parts, cells);
  const untilFailure = waitUnlessFails(zipStream);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(zipStream, READER_OPTIONS);
  try {
    const worksheets = workbook[Symbol.asyncIterator]();
    const worksheet = await untilFailure(worksheets.next());
    if (worksheet.done === true) throw new ZipFormatError('the sheet could not be found in the zip stream');
    const dates: DateSystem = { date1904: parts.date1904, exceljsAssumed1904: exceljsAssumed1904(workbook) };
    // parse() hands over the rows of each chunk of XML at once: one wait per chunk instead of one per row.
    const rowBatches = worksheet.value.parse() as AsyncIterator<{ eventType: string; value: ExcelJS.Row }[]>;
    for (;;) {
      const batch = await untilFailure(rowBatches.next());
      if (batch.done === true) break;
      for (const { eventType, value: row } of batch.value) {
        if (eventType !== 'row') continue;
        const rowCells = cellsOf(row, dates);
        // The row's own number (`<row r="42">`), so skipped empty rows keep Excel's numbering.
        if (rowCells.length > 0) yield { line: row.number, cells: rowCells };
      }
    }
  } catch (error) {
    throw unreadable(input, error);
  } finally {
    zipStream.destroy();
  }
}

/** Cells by 0-based column, gaps null, ending at the last non-empty cell. */
function cellsOf(row: ExcelJS.Row, dates: DateSystem): SheetCell[] {
  const cells: SheetCell[] = [];
  row.eachCell((cell, column) => {
    const value = sheetCellOf(cell, dates);
    if (value === null) return;
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = value;
  });
  return cells;
}

/** Which date system exceljs converted date cells with: it reads `date1904` from the workbook part we stream first. */
function exceljsAssumed1904(workbook: ExcelJS.stream.xlsx.WorkbookReader): boolean {
  const { properties } = workbook as unknown as { properties?: { model?: { date1904?: boolean } } };
  return properties?.model?.date1904 === true;
}

/**
 * exceljs pipes our zip stream into its unzipper, and a pipe does not pass errors on: a read error or a damaged part
 * would leave exceljs's iterator waiting forever. So each wait on exceljs also ends when our stream fails.
 * (Not Promise.race against one failure promise: that promise would keep every row it ever raced.)
 */
function waitUnlessFails(stream: Readable): <T>(promise: Promise<T>) => Promise<T> {
  let failure: Error | null = null;
  let rejectWaiting: ((error: Error) => void) | null = null;
  stream.once('error', (error) => {
    failure = error;
    rejectWaiting?.(error);
  });
  return <T>(promise: Promise<T>) => {
    if (failure !== null) return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      rejectWaiting = reject;
      promise.then(resolve, reject);
    });
  };
}

function chooseSheet(input: InputFile, sheets: WorkbookSheet[], wanted: string | null | undefined): WorkbookSheet & { cells: ZipEntry } {
  const sheetList = () => `sheets: ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`;
  const hint = () => `${sheetList()}; name one with file.xlsx#Sheet or --sheet`;
  if (wanted === null || wanted === undefined || wanted === '') {
    const first = sheets.find(hasCells);
    if (first === undefined) throw new InputError({ file: input.label, reason: 'has no worksheet', hint: sheets.length > 0 ? `${sheetList()} (chart sheets hold no rows)` : undefined });
    return first;
  }
  // Excel itself treats sheet names case-insensitively: "tickets" names the "Tickets" tab.
  const named = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (named === undefined) throw new InputError({ file: input.label, reason: `has no sheet ${JSON.stringify(wanted)}`, hint: hint() });
  if (!hasCells(named)) throw new InputError({ file: input.label, reason: `sheet ${JSON.stringify(named.name)} holds no cells (a chart sheet)`, hint: hint() });
  return named;
}

function hasCells(sheet: WorkbookSheet): sheet is WorkbookSheet & { cells: ZipEntry } {
  return sheet.cells !== null;
}

/** Anything that stops a workbook from being read, as one line; file-system errors keep their own wording. */
function unreadable(input: InputFile, error: unknown): Error {
  if (error instanceof InputError) return error;
  if (isFileSystemError(error)) return asInputError(input.label, error);
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim().slice(0, 200);
  return new InputError({ file: input.label, reason: `is not a readable .xlsx workbook (${detail})`, hint: 'open it in Excel and save it again as .xlsx or CSV' });
}

function isFileSystemError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'syscall' in error;
}

/**
 * A gzip-compressed workbook is unpacked to a temporary file first: the zip's directory is at its end and a sheet is
 * found by seeking, which a gunzip stream cannot do. The copy is about the size of the .gz (a zip barely compresses).
 */
async function gunzipToTemporaryFile(input: InputFile): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'support-metrics-xlsx-'));
  removeAtExit(folder);
  const path = join(folder, 'workbook.xlsx');
  try {
    await pipeline(openByteStream(input), createWriteStream(path));
  } catch (error) {
    throw new InputError({ file: input.label, reason: `is not a readable gzip file (${(error as Error).message})`, hint: 'check the download or unpack it yourself' });
  }
  return path;
}

const temporaryFolders = new Set<string>();

function removeAtExit(folder: string): void {
  if (temporaryFolders.size === 0) process.once('exit', () => temporaryFolders.forEach((f) => rmSync(f, { recursive: true, force: true })));
  temporaryFolders.add(folder);
}
