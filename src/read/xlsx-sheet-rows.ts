import { MAX_COLUMNS } from './markup-stream.js';
import { CellTooLarge } from './limits.js';
import type { SheetCell, SheetRow } from './source.js';
import { SharedStringTooLarge, sheetCellOf, type CellContext } from './xlsx-cell.js';
import { WorksheetScanner } from './xlsx-sheet-scanner.js';
import { StringItemText } from './xlsx-shared-strings.js';
import { isInflateError, parseXmlPart, type XmlPartReader, type XmlPartSink } from './xlsx-xml-part.js';
import { openZipEntryStream, ZipFormatError, type ZipDirectory, type ZipEntry } from './zip-directory.js';

/**
 * A worksheet part's rows, streamed: `<sheetData><row r="3"><c r="B3" s="5" t="s"><v>12</v></c>…</row>…`. Rows are
 * yielded in batches, those each chunk of XML completed (one wait per chunk, not per row); only the workbook's tables
 * (CellContext) are held, never the sheet.
 *
 * - A row's line is its `r`; a row without one follows the row before (the XML spec makes `r` optional, and some
 *   writers leave it out). Likewise a cell's column is the letters of its `r`, else the column after the cell before.
 * - Names are compared without their prefix: some .NET writers bind the main namespace to `x:` (`<x:row>`).
 * - Rows with no value are left out; a row's cells end at its last value, gaps are null.
 *
 * A UTF-8 part (all that Excel, LibreOffice, openpyxl and exceljs write) is scanned as bytes (xlsx-sheet-scanner.ts);
 * one in UTF-16, which ECMA-376 allows and a few converters write, goes through htmlparser2's Tokenizer, which reads
 * it decoded (readSheetRowsWithTokenizer below).
 */
export async function* readSheetRows(zip: ZipDirectory, entry: ZipEntry, context: CellContext): AsyncGenerator<SheetRow[]> {
  let completed: SheetRow[] = [];
  const scanner = new WorksheetScanner(context, entry.name, (row) => completed.push(row));
  const stream = await openZipEntryStream(zip, entry);
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (bytesRead === 0 && startsAsUtf16(chunk)) {
        stream.destroy();
        yield* readSheetRowsWithTokenizer(zip, entry, context);
        return;
      }
      bytesRead += chunk.length;
      if (bytesRead > entry.uncompressedSize) break;
      scanner.push(chunk);
      if (completed.length > 0) {
        const batch = completed;
        completed = [];
        yield batch;
      }
      if (scanner.stopped) return;
    }
    // A part cut short (or longer than it should be) would otherwise pass as a sheet that simply ends early.
    if (bytesRead !== entry.uncompressedSize) throw new ZipFormatError(`${entry.name} is damaged (its size does not match the zip directory)`);
    scanner.end();
    if (completed.length > 0) yield completed;
  } catch (error) {
    if (isInflateError(error)) throw new ZipFormatError(`${entry.name} is damaged (${(error as Error).message})`);
    throw error;
  } finally {
    stream.destroy();
  }
}

/**
 * A byte-order mark FF FE / FE FF, or a first `<` in UTF-16 without one: not the UTF-8 the scanner reads. (What
 * xlsx-xml-part.ts does with the latter, decode it as UTF-8, is left as it was.)
 */
function startsAsUtf16(firstChunk: Buffer): boolean {
  const [first, second] = firstChunk;
  return (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff) || (first === 0x3c && second === 0x00) || (first === 0x00 && second === 0x3c);
}

/**
 * The same rows through htmlparser2's Tokenizer (xlsx-xml-part.ts), which decodes the part first: for UTF-16 parts,
 * and the reference the byte scanner is tested against.
 */
export function readSheetRowsWithTokenizer(zip: ZipDirectory, entry: ZipEntry, context: CellContext): AsyncGenerator<SheetRow[]> {
  return parseXmlPart<SheetRow>(zip, entry, (sink) => new SheetReader(sink, context, entry.name));
}

const OTHER = 0;
const ROW = 1;
const CELL = 2;

/** One pass over a worksheet part; each completed row goes to the sink. */
class SheetReader implements XmlPartReader {
  /** The current row's line; 0 before the first row. */
  private line = 0;
  /** The current row's cells; null outside a `<row>`. */
  private cells: SheetCell[] | null = null;
  private nextColumn = 0;
  /** The element whose attributes are being read. */
  private openElement = OTHER;

  private inCell = false;
  private column = 0;
  private type: string | undefined = undefined;
  private style = 0;
  /** The cell's `<v>` text or inline string, as written. */
  private cellText = '';
  private cellChars = 0;
  private inValue = false;
  private inlineString: StringItemText | null = null;
  private readonly inlineText = new StringItemText();

  constructor(
    private readonly sink: XmlPartSink<SheetRow>,
    private readonly context: CellContext,
    private readonly partName: string,
  ) {}

  open(name: string): boolean {
    this.openElement = OTHER;
    if (this.inlineString !== null) {
      this.inlineString.open(name);
      return false;
    }
    switch (name) {
      case 'row':
        this.openElement = ROW;
        this.line++; // until its `r` says otherwise
        this.cells = [];
        this.nextColumn = 0;
        return true;
      case 'c':
        if (this.cells === null) return false;
        this.openElement = CELL;
        this.column = this.nextColumn; // until its `r` says otherwise
        this.type = undefined;
        this.style = 0;
        this.cellText = '';
        this.cellChars = 0;
        this.inCell = true;
        return true;
      case 'v':
        this.inValue = this.inCell;
        return false;
      case 'is':
        if (this.inCell) this.inlineString = this.inlineText;
        return false;
      default:
        return false;
    }
  }

  attribute(name: string, value: string): void {
    if (this.openElement === CELL) {
      if (name === 'r') this.column = this.columnOf(value);
      else if (name === 't') this.type = value;
      else if (name === 's') this.style = Number(value);
    } else if (this.openElement === ROW && name === 'r') {
      const line = Number(value);
      if (Number.isInteger(line) && line > 0) this.line = line;
    }
  }

  text(text: string): void {
    if (this.inValue) this.cellText += text;
    else if (this.inlineString !== null) this.inlineString.text(text);
    else return;
    // An unclosed `<v>` would otherwise gather the rest of the sheet as one value.
    this.cellChars += text.length;
    if (this.cellChars > this.context.maxCellChars) throw new CellTooLarge(this.line, this.column + 1, this.context.maxCellChars);
  }

  close(name: string): void {
    if (this.inlineString !== null) {
      if (name !== 'is') return this.inlineString.close(name);
      this.cellText = this.inlineString.take();
      this.inlineString = null;
      return;
    }
    switch (name) {
      case 'v':
        this.inValue = false;
        return;
      case 'c':
        if (this.inCell) this.endCell();
        return;
      case 'row':
        if (this.cells !== null && this.cells.length > 0) this.sink.emit({ line: this.line, cells: this.cells });
        this.cells = null;
        return;
      case 'sheetData':
        this.sink.stop(); // merged cells, filters, page setup: nothing a row needs
        return;
    }
  }

  private endCell(): void {
    this.inCell = false;
    this.nextColumn = this.column + 1;
    let value: SheetCell;
    try {
      value = sheetCellOf(this.type, this.cellText, this.style, this.context);
    } catch (error) {
      if (error instanceof SharedStringTooLarge) throw new CellTooLarge(this.line, this.column + 1, this.context.maxCellChars);
      throw new Error(`${this.partName}: row ${this.line}: ${(error as Error).message}`);
    }
    if (value === null) return;
    const cells = this.cells!;
    while (cells.length < this.column) cells.push(null);
    cells[this.column] = value;
  }

  /** `B3` → 1; a reference without letters (not one Excel writes) is taken as the next column. */
  private columnOf(reference: string): number {
    let column = 0;
    let letters = 0;
    for (; letters < reference.length; letters++) {
      const code = reference.charCodeAt(letters) | 0x20; // lower case
      if (code < 0x61 || code > 0x7a) break;
      column = column * 26 + (code - 0x60);
    }
    if (letters === 0) return this.nextColumn;
    // A row as wide as the letters say is an array that long: XFD (16,384) is Excel's last column.
    if (column > MAX_COLUMNS) throw new Error(`${this.partName}: cell ${reference} is beyond column XFD`);
    return column - 1;
  }
}

