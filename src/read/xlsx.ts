import { CellTooLarge, DEFAULT_LIMITS } from './limits.js';
import { createWriteStream, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../errors.js';
import { asInputError, isFileSystemError, openByteStream, type InputFile } from './input.js';
import type { SheetRow, SheetSource } from './source.js';
import type { CellContext } from './xlsx-cell.js';
import { readSharedStrings } from './xlsx-shared-strings.js';
import { readSheetRows } from './xlsx-sheet-rows.js';
import { readDateStyles } from './xlsx-styles.js';
import { readWorkbookParts, type WorkbookParts, type WorkbookSheet } from './xlsx-workbook-part.js';
import { readZipDirectory, type ZipDirectory, type ZipEntry } from './zip-directory.js';

/**
 * An .xlsx workbook as a SheetSource: one sheet's rows of typed cells, its XML streamed through our own parser
 * (xlsx-sheet-rows.ts) straight from the zip entry.
 *
 * The sheet is chosen by name (`book.xlsx#Tickets`, `--sheet`), else the first one in tab order. Names and the date
 * system come from the workbook part, read through the zip's directory before any sheet (xlsx-workbook-part.ts), so
 * files written by pandas/openpyxl, whose workbook part comes after the sheets, are read like any other. The shared
 * strings and the styles' date formats are read once, here, and held while the source is; the sheet is streamed on
 * each call of rows().
 */
export async function openXlsxSource(input: InputFile, options: { sheet?: string | null; maxCellChars?: number }): Promise<SheetSource> {
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
  // A cell's text is held to --max-field-size as it is read, a shared string's as well (read/limits.ts).
  const maxCellChars = options.maxCellChars ?? DEFAULT_LIMITS.maxFieldBytes;
  let context: CellContext;
  try {
    context = {
      // A workbook of numbers and inline strings has no shared strings; one without styles has no date cells.
      sharedStrings: parts.sharedStrings === null ? [] : await readSharedStrings(zip, parts.sharedStrings, maxCellChars),
      dateStyles: parts.styles === null ? new Uint8Array(0) : await readDateStyles(zip, parts.styles),
      date1904: parts.date1904,
      maxCellChars,
    };
  } catch (error) {
    throw unreadable(input, error);
  }
  return { format: 'xlsx', sheet: sheet.name, encoding: null, rows: () => sheetRows(input, zip, sheet.cells, context) };
}

async function* sheetRows(input: InputFile, zip: ZipDirectory, cells: ZipEntry, context: CellContext): AsyncGenerator<SheetRow> {
  const batches = readSheetRows(zip, cells, context);
  try {
    for (;;) {
      let batch: IteratorResult<SheetRow[]>;
      try {
        batch = await batches.next();
      } catch (error) {
        throw unreadable(input, error);
      }
      if (batch.done === true) return;
      // Yielded outside the try/catch above, so an error thrown into the consumer's loop is not re-labelled.
      for (const row of batch.value) yield row;
    }
  } finally {
    await batches.return(undefined); // the consumer stopped early: close the sheet's stream
  }
}

function chooseSheet(input: InputFile, sheets: WorkbookSheet[], wanted: string | null | undefined): WorkbookSheet & { cells: ZipEntry } {
  const sheetList = () => `sheets: ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`;
  const hint = () => `${sheetList()}; name one with file.xlsx#Sheet or --sheet`;
  if (wanted === null || wanted === undefined || wanted === '') {
    const first = sheets.find(hasCells);
    if (first === undefined) throw new InputError({ code: 'NO_SHEET', file: input.label, reason: 'has no worksheet', hint: sheets.length > 0 ? `${sheetList()} (chart sheets hold no rows)` : undefined });
    return first;
  }
  // Excel itself treats sheet names case-insensitively: "tickets" names the "Tickets" tab.
  const named = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (named === undefined) throw new InputError({ code: 'NO_SHEET', file: input.label, reason: `has no sheet ${JSON.stringify(wanted)}`, hint: hint() });
  if (!hasCells(named)) throw new InputError({ code: 'NO_SHEET', file: input.label, reason: `sheet ${JSON.stringify(named.name)} holds no cells (a chart sheet)`, hint: hint() });
  return named;
}

function hasCells(sheet: WorkbookSheet): sheet is WorkbookSheet & { cells: ZipEntry } {
  return sheet.cells !== null;
}

/** Anything that stops a workbook from being read, as one line; file-system errors keep their own wording. */
function unreadable(input: InputFile, error: unknown): Error {
  if (error instanceof InputError) return error;
  if (error instanceof CellTooLarge) return error.toInputError(input.label);
  if (isFileSystemError(error)) return asInputError(input.label, error);
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim().slice(0, 200);
  return new InputError({ code: 'UNREADABLE', file: input.label, reason: `is not a readable .xlsx workbook (${detail})`, hint: 'open it in Excel and save it again as .xlsx or CSV' });
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
    throw new InputError({ code: 'UNREADABLE', file: input.label, reason: `is not a readable gzip file (${(error as Error).message})`, hint: 'check the download or unpack it yourself' });
  }
  return path;
}

const temporaryFolders = new Set<string>();

function removeAtExit(folder: string): void {
  if (temporaryFolders.size === 0) process.once('exit', () => temporaryFolders.forEach((f) => rmSync(f, { recursive: true, force: true })));
  temporaryFolders.add(folder);
}
