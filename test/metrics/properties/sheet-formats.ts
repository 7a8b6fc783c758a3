import fc from 'fast-check';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Table } from './csv-datasets.js';

/**
 * A generated table (csv-datasets.ts) written as the other inputs the tool reads, each in one of the ways real exports
 * write it: an XLSX workbook (exceljs), Bitrix24's HTML table saved as ".xls", Freshdesk's XML Spreadsheet 2003. The
 * header is row 1 and each data row the next, as in the CSV, so that a row's line is the same in every format.
 */

/**
 * XLSX: every cell text (as the CSV), or typed as a spreadsheet holds it — numbers, dates and instants as date cells,
 * their serial numbers counted from 1900 or (Excel for Mac's old default) from 1904.
 */
export interface XlsxStyle {
  typed: boolean;
  date1904: boolean;
  sheetName: string;
}
export const xlsxStyle: fc.Arbitrary<XlsxStyle> = fc.record({ typed: fc.boolean(), date1904: fc.boolean(), sheetName: fc.constantFrom('Sheet1', 'Tickets export', 'Данные') });

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell as a spreadsheet would type it: an instant or a day as a date cell (UTC wall time) in a column of such dates,
 * a number as a number. A column whose dates are written two ways (a rejected row's ISO reply in a column of
 * DD/MM/YYYY text) stays text: the CSV reads such a column by the format most of its values have, which typed cells
 * need not, so the two would differ by design.
 */
function typedCell(text: string, datesColumn: boolean): ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string } {
  if (datesColumn && ISO_INSTANT.test(text)) return { value: new Date(text), numFmt: 'yyyy-mm-dd hh:mm:ss' };
  if (datesColumn && ISO_DAY.test(text)) return { value: new Date(`${text}T00:00:00Z`), numFmt: 'yyyy-mm-dd' };
  // Ids and counts as numbers, but not an id with leading zeros (Excel would lose them too).
  if (PLAIN_NUMBER.test(text) && !/^0\d/.test(text)) return Number(text);
  return text;
}

export async function xlsxBytes(table: Table, rows: readonly string[][], style: XlsxStyle): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (style.date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet(style.sheetName);
  const datesColumn = table.header.map((_, c) => rows.every((row) => (row[c] ?? '') === '' || ISO_INSTANT.test(row[c]!) || ISO_DAY.test(row[c]!)) && rows.some((row) => (row[c] ?? '') !== ''));
  [table.header, ...rows].forEach((cells, r) => {
    const row = sheet.getRow(r + 1);
    cells.forEach((text, c) => {
      // An empty cell is no cell at all (as Excel saves it).
      if (text === '') return;
      const cell = row.getCell(c + 1);
      const value = style.typed && r > 0 ? typedCell(text, datesColumn[c]!) : text;
      if (typeof value === 'object' && value !== null && 'numFmt' in value) {
        cell.value = value.value;
        cell.numFmt = value.numFmt;
      } else cell.value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Bitrix24's "Excel" download: an HTML table saved as `.xls` (SPEC §2 `bitrix24`): `<meta>` charset (UTF-8 with a BOM
 * on UTF-8 portals, Windows-1251 on old box installs), captions in `<th>` (CRM lists) or `<td>` (Open Lines) in a
 * `<thead>`, rows of `<td>`, an empty cell empty or `&nbsp;`. The end: closed; without `</tbody></table>` (the export
 * is written page by page and only the last page closes them); or cut inside the last row (an interrupted download).
 * Cells and rows closed with `</td>`, `</tr>`, or never (a browser closes them at the next one).
 */
export interface HtmlStyle {
  captions: 'th' | 'td';
  charset: 'utf-8' | 'utf-8-bom' | 'windows-1251';
  end: 'closed' | 'unclosed-table' | 'cut-in-last-row';
  closeCells: boolean;
  emptyAsNbsp: boolean;
}
export const htmlStyle: fc.Arbitrary<HtmlStyle> = fc.record({
  captions: fc.constantFrom('th', 'td'),
  charset: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1251'),
  end: fc.constantFrom('closed', 'unclosed-table', 'cut-in-last-row'),
  closeCells: fc.boolean(),
  emptyAsNbsp: fc.boolean(),
});

const escapeMarkup = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function htmlBytes(table: Table, rows: readonly string[][], style: HtmlStyle): Buffer {
  const cell = (tag: string, text: string, close: boolean) => `<${tag}>${text === '' && style.emptyAsNbsp ? '&nbsp;' : escapeMarkup(text)}${close ? `</${tag}>` : ''}`;
  const row = (tag: string, cells: readonly string[], close: boolean) => `<tr>${cells.map((text) => cell(tag, text, close)).join('')}${close ? '</tr>' : ''}`;
  const charset = style.charset === 'windows-1251' ? 'windows-1251' : 'UTF-8';
  const cut = style.end === 'cut-in-last-row';
  const html = [
    `<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=${charset}">\n<style>td { mso-number-format:"\\@"; }</style>\n</head>\n<body>\n<table border="1">`,
    `<thead>\n${row(style.captions, table.header, style.closeCells || rows.length === 0)}\n</thead>\n<tbody>`,
    ...rows.map((cells, r) => row('td', cells, style.closeCells && !(cut && r === rows.length - 1))),
    style.end === 'closed' ? '</tbody>\n</table>\n</body>\n</html>\n' : '',
  ].join('\n');
  if (style.charset === 'windows-1251') return iconv.encode(html, 'windows-1251');
  return Buffer.from(style.charset === 'utf-8-bom' ? `\ufeff${html}` : html, 'utf8');
}

/**
 * Freshdesk's "xls": XML Spreadsheet 2003, every cell a String, elements with the `ss:` prefix (Freshdesk) or in the
 * default namespace (Excel; attributes `ss:` in both); an empty cell skipped with `ss:Index` on the next one, or
 * written empty.
 */
export interface XmlStyle {
  prefixed: boolean;
  empty: 'index' | 'empty-data' | 'empty-cell';
}
export const xmlStyle: fc.Arbitrary<XmlStyle> = fc.record({ prefixed: fc.boolean(), empty: fc.constantFrom('index', 'empty-data', 'empty-cell') });

export function xmlBytes(table: Table, rows: readonly string[][], style: XmlStyle): Buffer {
  const p = style.prefixed ? 'ss:' : '';
  const row = (cells: readonly string[]) => {
    let out = '';
    let skipped = false;
    cells.forEach((text, c) => {
      if (text === '') {
        if (style.empty === 'index') skipped = true;
        else out += style.empty === 'empty-data' ? `<${p}Cell><${p}Data ss:Type="String"></${p}Data></${p}Cell>` : `<${p}Cell/>`;
        return;
      }
      out += `<${p}Cell${skipped ? ` ss:Index="${c + 1}"` : ''}><${p}Data ss:Type="String">${escapeMarkup(text)}</${p}Data></${p}Cell>`;
      skipped = false;
    });
    return `<${p}Row>${out}</${p}Row>`;
  };
  const namespace = style.prefixed ? 'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"' : 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"';
  return Buffer.from(`<?xml version="1.0"?>\n<${p}Workbook ${namespace}>\n<${p}Worksheet ss:Name="Sheet1">\n<${p}Table>\n${[table.header, ...rows].map(row).join('\n')}\n</${p}Table>\n</${p}Worksheet>\n</${p}Workbook>\n`, 'utf8');
}
