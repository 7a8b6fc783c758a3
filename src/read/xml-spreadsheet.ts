import { CellTooLarge, DEFAULT_LIMITS } from './limits.js';
import type { Handler } from 'htmlparser2';
import { InputError } from '../errors.js';
import { detectEncoding, normaliseEncodingName } from './encoding.js';
import { readInputHead, type InputFile } from './input.js';
import { MAX_COLUMNS, localName, streamMarkup, type MarkupFormat, type MarkupSink } from './markup-stream.js';
import { WallTime, type SheetCell, type SheetRow, type SheetSource } from './source.js';

/**
 * XML Spreadsheet 2003, the "Excel" export of Freshdesk (SPEC §3). Freshdesk's template
 * (support/tickets/export_csv.xls.erb) writes `<?xml version="1.0"?>`, then `<ss:Workbook>` → `<ss:Worksheet
 * ss:Name="Sheet1">` → `<ss:Table>` → `<ss:Row>` → `<ss:Cell><ss:Data ss:Type="String">…</ss:Data></ss:Cell>`, one
 * Row per ticket; Excel itself writes the same elements unprefixed under a default namespace. Both spellings are read
 * (names are matched by their local part).
 *
 * Cells by `ss:Type`: String → text (empty → null), Number → number, DateTime (`2026-11-02T14:05:09.000`) → WallTime,
 * Boolean (`1`/`0`) → true/false, Error and anything else → the text; a value that does not read as its type is kept
 * as text. Rich text (`<Data><B>…</B><Font>…</Font></Data>`) gives all its text; a cell comment (`<Comment><Data>`) is
 * not the value. `ss:Index` (1-based) puts a Cell in that column, the columns skipped being null, and a Row at that row
 * number; `ss:MergeAcross="n"` fills n more columns with null. `line` is the row number in the sheet.
 */
export async function openXmlSpreadsheetSource(
  input: InputFile,
  options: { sheet?: string | null; encoding?: string; maxCellChars?: number },
): Promise<SheetSource> {
  const head = await readInputHead(input, HEAD_BYTES);
  const encoding = xmlEncoding(head, options.encoding);
  const sheet = await findSheet(input, encoding, options.sheet ?? input.sheet);
  const maxCellChars = options.maxCellChars ?? DEFAULT_LIMITS.maxFieldBytes;
  return { format: 'xml2003', sheet, encoding, rows: () => readSheetRows(input, encoding, sheet, maxCellChars) };
}

const HEAD_BYTES = 4096;

const XML_SPREADSHEET: MarkupFormat = {
  readableAs: 'XML Spreadsheet 2003 file',
  hint: 'open it in Excel and save it as .xlsx or .csv',
  xmlMode: true,
};

/**
 * The encoding to decode with: the user's `--encoding` wins; else a BOM; else UTF-16 told by the first bytes of
 * `<?xml` (XML 1.0, appendix F); else the declaration's `encoding="…"`; else UTF-8, the XML default.
 */
function xmlEncoding(head: Buffer, userEncoding: string | undefined): string {
  if (userEncoding !== undefined) return normaliseEncodingName(userEncoding);
  const sniffed = detectEncoding(head);
  if (sniffed.bomLength > 0) return sniffed.encoding;
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return 'utf-16le';
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return 'utf-16be';
  const declared = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head.toString('latin1'));
  if (declared) {
    try {
      return normaliseEncodingName(declared[1]!);
    } catch {
      // An encoding iconv-lite does not know: read it as UTF-8 rather than refuse the file.
    }
  }
  return 'utf-8';
}

/**
 * The name of the sheet to read, as the file spells it: the one named (Excel compares sheet names case-insensitively),
 * else the first. Reads only as far as that sheet's start; an unknown name is an error listing every sheet.
 */
async function findSheet(input: InputFile, encoding: string, wanted: string | null): Promise<string> {
  const seen: string[] = [];
  const worksheetNames = streamMarkup<string>(input, encoding, XML_SPREADSHEET, (sink) => ({
    onopentag(name, attributes) {
      if (localName(name) !== 'Worksheet') return;
      const sheetName = worksheetName(attributes, seen.length);
      seen.push(sheetName);
      if (wanted === null || sameSheetName(sheetName, wanted)) {
        sink.emit(sheetName);
        sink.stop();
      }
    },
  }));
  for await (const found of worksheetNames) return found;

  if (seen.length === 0) {
    throw new InputError({
      file: input.label,
      reason: 'has no table',
      code: 'NO_HEADER',
      hint: 'an XML Spreadsheet 2003 file holds its rows in <Worksheet> elements; this one has none',
    });
  }
  throw new InputError({
    file: input.label,
    reason: `has no sheet ${JSON.stringify(wanted)}`,
    code: 'NO_SHEET',
    hint: `sheets: ${seen.map((name) => JSON.stringify(name)).join(', ')}; name one with file.xls#Sheet or --sheet`,
  });
}

function worksheetName(attributes: Record<string, string>, index: number): string {
  return attribute(attributes, 'Name') ?? `Sheet${index + 1}`;
}

function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The rows of the sheet named `sheet` (the first Worksheet of that name), read afresh from the start of the file. */
function readSheetRows(input: InputFile, encoding: string, sheet: string, maxCellChars: number): AsyncGenerator<SheetRow> {
  return streamMarkup<SheetRow>(input, encoding, XML_SPREADSHEET, (sink) => sheetRowHandler(sheet, sink, maxCellChars));
}

/** A cell being read: where it goes, how far it spans and its `<Data>` (type and text) once seen. */
interface OpenCell {
  column: number;
  mergeAcross: number;
  type: string | null;
  text: string;
}

/** The parser handler that turns the chosen Worksheet's Row/Cell/Data events into rows. */
function sheetRowHandler(sheet: string, sink: MarkupSink<SheetRow>, maxCellChars: number): Partial<Handler> {
  let sheetIndex = -1;
  let inSheet = false;
  let sheetDone = false;
  let rowNumber = 0;
  let cells: SheetCell[] | null = null;
  let nextColumn = 0;
  let cell: OpenCell | null = null;
  let inData = false;
  let commentDepth = 0;

  const finishCell = () => {
    if (cell === null || cells === null) return;
    // Cells skipped by ss:Index are empty; a cell may also land on an earlier column (out-of-order Index): it wins.
    while (cells.length < cell.column) cells.push(null);
    cells[cell.column] = cell.type === null ? null : typedValue(cell.type, cell.text);
    for (let extra = 1; extra <= cell.mergeAcross; extra++) {
      if (cells.length <= cell.column + extra) cells.push(null);
    }
    nextColumn = cell.column + 1 + cell.mergeAcross;
    cell = null;
  };
  const finishRow = () => {
    finishCell();
    if (cells !== null && cells.length > 0) sink.emit({ line: rowNumber, cells });
    cells = null;
  };

  return {
    onopentag(name, attributes) {
      const element = localName(name);
      if (element === 'Worksheet') {
        sheetIndex++;
        inSheet = !sheetDone && worksheetName(attributes, sheetIndex) === sheet;
        return;
      }
      if (!inSheet) return;
      switch (element) {
        case 'Row': {
          finishRow();
          const index = positiveIndex(attribute(attributes, 'Index'));
          rowNumber = index !== null && index > rowNumber ? index : rowNumber + 1;
          cells = [];
          nextColumn = 0;
          return;
        }
        case 'Cell': {
          if (cells === null) return; // a Cell outside a Row is not part of the table
          finishCell();
          const index = positiveIndex(attribute(attributes, 'Index'));
          const column = index !== null ? index - 1 : nextColumn;
          const mergeAcross = positiveIndex(attribute(attributes, 'MergeAcross')) ?? 0;
          if (column + 1 + mergeAcross > MAX_COLUMNS) {
            throw new Error(`row ${rowNumber} has a cell beyond column ${MAX_COLUMNS}, Excel's last`);
          }
          cell = { column, mergeAcross, type: null, text: '' };
          inData = false; // in case the previous cell's </Data> was missing
          return;
        }
        case 'Comment':
          if (cell !== null) commentDepth++; // a cell comment has a <Data> of its own: not the cell's value
          return;
        case 'Data':
          if (cell !== null && commentDepth === 0) {
            cell.type = attribute(attributes, 'Type') ?? 'String';
            inData = true;
          }
          return;
      }
    },
    onclosetag(name) {
      const element = localName(name);
      if (element === 'Worksheet' && inSheet) {
        finishRow();
        inSheet = false;
        sheetDone = true;
        sink.stop();
        return;
      }
      if (!inSheet) return;
      if (element === 'Data' && commentDepth === 0) inData = false;
      else if (element === 'Comment' && commentDepth > 0) commentDepth--;
      else if (element === 'Cell') finishCell();
      else if (element === 'Row') finishRow();
    },
    ontext(text) {
      if (!inData || cell === null) return;
      cell.text += text;
      if (cell.text.length > maxCellChars) throw new CellTooLarge(rowNumber, cell.column + 1, maxCellChars);
    },
  };
}

/** A Data element's text read as its ss:Type says; text that does not read as that type is kept as text. */
function typedValue(type: string, raw: string): SheetCell {
  // Line breaks inside a value are `&#10;`; a CR from Windows-written files is dropped, as XML parsers do.
  const text = raw.replace(/\r\n?/g, '\n');
  if (text === '') return null;
  switch (type) {
    case 'Number': {
      const number = text.trim() === '' ? Number.NaN : Number(text);
      return Number.isFinite(number) ? number : text;
    }
    case 'DateTime':
      return wallTime(text) ?? text;
    case 'Boolean':
      if (text.trim() === '1' || text.trim().toLowerCase() === 'true') return true;
      if (text.trim() === '0' || text.trim().toLowerCase() === 'false') return false;
      return text;
    default:
      return text; // String, Error (`#N/A`) and types this reader does not know
  }
}

/** `2026-11-02T14:05:09.000`: the wall-clock time the cell shows (no zone in the file; `--tz` applies later). */
function wallTime(text: string): WallTime | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*$/.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0'] = match;
  const milliseconds = Number(fraction.padEnd(3, '0'));
  return new WallTime(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), milliseconds));
}

/** An `ss:`-prefixed attribute (as Excel and Freshdesk write it), or the same name unprefixed. */
function attribute(attributes: Record<string, string>, name: string): string | undefined {
  return attributes[`ss:${name}`] ?? attributes[name];
}

/** A 1-based index attribute: a positive whole number, else null (ignored). */
function positiveIndex(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  const index = Number(value);
  return index >= 1 && Number.isSafeInteger(index) ? index : null;
}
