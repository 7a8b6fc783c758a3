import ExcelJS from 'exceljs';
import type { DetailCell } from '../report/details.js';
import { text } from './csv-long.js';
import { addTextRow } from './xlsx-text.js';
import { withFixedZipDates } from './zip-fixed-dates.js';

/** The drill-down rows as CSV: text cells defused and quoted as in the report's CSV, numbers as they are. */
export function renderDetailsCsv(columns: readonly string[], rows: readonly DetailCell[][]): string {
  const line = (cells: readonly DetailCell[]) => cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : text(c))).join(',');
  return `${[line(columns), ...rows.map(line)].join('\r\n')}\r\n`;
}

/** The drill-down rows as a workbook: one sheet, frozen header, filter buttons, text as text cells (exact: xlsx-text.ts). */
export async function renderDetailsXlsx(columns: readonly string[], rows: readonly DetailCell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'support-metrics';
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  const sheet = workbook.addWorksheet('Rows', { views: [{ state: 'frozen', ySplit: 1 }] });
  addTextRow(sheet, columns).font = { bold: true };
  for (const row of rows) addTextRow(sheet, row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(10, c.length + 2)));
  return withFixedZipDates(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
