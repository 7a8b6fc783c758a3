import { CellTooLarge, DEFAULT_LIMITS } from './limits.js';
import type { Handler } from 'htmlparser2';
import { InputError, UsageError } from '../errors.js';
import { detectEncoding, normaliseEncodingName } from './encoding.js';
import { readInputHead, type InputFile } from './input.js';
import { MAX_COLUMNS, streamMarkup, type MarkupFormat, type MarkupSink } from './markup-stream.js';
import type { SheetCell, SheetRow, SheetSource } from './source.js';

/**
 * The HTML table Bitrix24 saves as ".xls" for its "Excel" downloads (SPEC §2 `bitrix24`): Open Lines statistics
 * (imopenlines.statistics.detail, template excel.php) and CRM lists (crm.*.list, excel.php). Their shape, from those
 * templates: `<meta http-equiv="Content-Type" content="text/html; charset=…">`, `<style>` with mso-number-format
 * classes, one `<table border="1">`, a `<thead>` row of captions (`<td>` in Open Lines, `<th>` in CRM), then
 * `<tr><td>…</td></tr>` rows. The export is written page by page and only the last page closes `</tbody></table>`,
 * so an interrupted export simply stops: every row that is there is read, the last partial one too.
 *
 * Cells: text as Excel shows it. Entities decoded; runs of white space (source line breaks, tabs, `&nbsp;`) are one
 * space; `<br>` is a line break ("\n"); trimmed; empty → null. Markup inside a cell (`<a>`, `<span>`, `<b>`) gives
 * its text; `x:num`/`x:str`/mso-number-format attributes are ignored (the text is the value). A cell with
 * `colspan="n"` fills n columns (the extra ones null) so later columns stay aligned; `rowspan` is ignored (the rows
 * below are not shifted; Bitrix24 does not write it). Only the first `<table>` is read; a table nested in one of its
 * cells is text of that cell. `line` is the position of the `<tr>` in the table (1 = the caption row).
 */
export async function openHtmlTableSource(input: InputFile, options: { encoding?: string; maxCellChars?: number }): Promise<SheetSource> {
  const head = await readInputHead(input, HEAD_BYTES);
  const encoding = htmlEncoding(head, options.encoding);
  const rows = () => readHtmlTableRows(input, encoding, options.maxCellChars ?? DEFAULT_LIMITS.maxFieldBytes);
  // Read up to the first row now, so that a file without a table fails when it is opened, not later mid-report.
  const probe = rows();
  await probe.next();
  await probe.return(undefined);
  return { format: 'html', sheet: null, encoding, rows };
}

/** How much of the file's head is searched for the charset (the `<meta>` comes first in every Bitrix24 template). */
const HEAD_BYTES = 4096;

const HTML_TABLE: MarkupFormat = {
  readableAs: 'HTML table',
  hint: 'open it in Excel and save it as .xlsx or .csv',
  xmlMode: false,
};

/**
 * The encoding to decode with: the user's `--encoding` wins; else a BOM (UTF-8 portals write one); else the charset
 * the page declares in its `<meta>`; else UTF-8 when the head is valid UTF-8, else Windows-1251 (old Russian box
 * installs, SPEC §3).
 */
function htmlEncoding(head: Buffer, userEncoding: string | undefined): string {
  if (userEncoding !== undefined) return normaliseEncodingName(userEncoding);
  const sniffed = detectEncoding(head);
  if (sniffed.bomLength > 0) return sniffed.encoding;
  return declaredCharset(head) ?? sniffed.encoding;
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="text/html; charset=…">` in the head. */
function declaredCharset(head: Buffer): string | null {
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head.toString('latin1'));
  if (!match) return null;
  // A page cannot really be UTF-16 when its ASCII head was readable byte by byte; browsers read it as UTF-8 (HTML spec).
  if (/^utf-?16/i.test(match[1]!)) return 'utf-8';
  try {
    return normaliseEncodingName(match[1]!);
  } catch (error) {
    if (error instanceof UsageError) return null; // a charset iconv-lite does not know: fall back to sniffing
    throw error;
  }
}

/** Rows of the first table, read afresh from the start of the file on each call. */
function readHtmlTableRows(input: InputFile, encoding: string, maxCellChars: number): AsyncGenerator<SheetRow> {
  return streamMarkup<SheetRow>(input, encoding, HTML_TABLE, (sink) => tableRowHandler(input, sink, maxCellChars));
}

/** A cell being read: its text as lines (a `<br>` starts a new one) and the columns it spans. */
interface OpenCell {
  lines: string[];
  length: number;
  colspan: number;
}

/** The parser handler that turns the first table's `<tr>`/`<td>` events into rows. */
function tableRowHandler(input: InputFile, sink: MarkupSink<SheetRow>, maxCellChars: number): Partial<Handler> {
  let sawTable = false;
  let tableDepth = 0; // 0 outside the table, 1 in it, more inside a table nested in one of its cells
  let rowNumber = 0;
  let cells: SheetCell[] | null = null;
  let cell: OpenCell | null = null;

  const appendText = (text: string) => {
    if (cell === null) return;
    cell.length += text.length;
    // The open cell's column: the cells (and colspans) before it in the row, plus one.
    if (cell.length > maxCellChars) throw new CellTooLarge(rowNumber, (cells?.length ?? 0) + 1, maxCellChars);
    cell.lines[cell.lines.length - 1] += text;
  };
  const lineBreak = () => cell?.lines.push('');

  const startRow = () => {
    rowNumber++;
    cells = [];
  };
  const finishCell = () => {
    if (cell === null || cells === null) return;
    cells.push(cellValue(cell.lines));
    for (let extra = 1; extra < cell.colspan; extra++) cells.push(null);
    cell = null;
    if (cells.length > MAX_COLUMNS) throw new Error(`row ${rowNumber} has more than ${MAX_COLUMNS} cells`);
  };
  const finishRow = () => {
    finishCell();
    if (cells !== null && cells.length > 0) sink.emit({ line: rowNumber, cells });
    cells = null;
  };

  return {
    onopentag(name, attributes) {
      if (name === 'table') {
        if (tableDepth === 0 && !sawTable) {
          sawTable = true;
          tableDepth = 1;
        } else if (tableDepth > 0) {
          tableDepth++;
          appendText(' ');
        }
        return;
      }
      if (tableDepth === 0) return;
      if (name === 'br') return lineBreak();
      if (tableDepth > 1) {
        // Inside a nested table: its cells and rows are only separators in the outer cell's text.
        if (name === 'td' || name === 'th') appendText(' ');
        else if (name === 'tr') lineBreak();
        return;
      }
      if (name === 'tr') {
        finishRow();
        startRow();
      } else if (name === 'td' || name === 'th') {
        finishCell(); // an unclosed `<td>` ends where the next one starts
        if (cells === null) startRow(); // a `<td>` with no `<tr>` before it still starts a row, as in a browser
        cell = { lines: [''], length: 0, colspan: colspanOf(attributes.colspan) };
      }
    },
    onclosetag(name) {
      if (name === 'table' && tableDepth > 0) {
        tableDepth--;
        if (tableDepth === 0) {
          finishRow();
          sink.stop();
        }
        return;
      }
      if (tableDepth !== 1) return;
      if (name === 'td' || name === 'th') finishCell();
      else if (name === 'tr') finishRow();
    },
    ontext(text) {
      appendText(text);
    },
    onend() {
      finishRow(); // the export was interrupted inside the table: its last row, as far as it goes
      if (!sawTable) {
        throw new InputError({
          file: input.label,
          reason: 'has no table',
          code: 'NO_HEADER',
          hint: 'an ".xls" saved by Bitrix24 is an HTML page with one <table>; this one has none (an empty export?)',
        });
      }
    },
  };
}

/** The cell as Excel shows it: white space runs are one space (HTML), `<br>` a line break, trimmed; '' is empty. */
function cellValue(lines: string[]): string | null {
  // JavaScript's \s includes U+00A0, so `&nbsp;` counts as white space here as it does in a table cell on screen.
  const text = lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
  return text === '' ? null : text;
}

/** `colspan`, as HTML reads it: a positive whole number, at most 1000; anything else is 1. */
function colspanOf(value: string | undefined): number {
  const span = value === undefined ? 1 : Number.parseInt(value, 10);
  return Number.isFinite(span) && span >= 1 ? Math.min(span, 1000) : 1;
}
