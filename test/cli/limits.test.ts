import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRawXlsx, writeXlsx } from '../helpers/write-xlsx.js';
import { runBin } from './run-bin.js';

/** --max-field-size and --max-columns (issue #16): a file past either is refused in one line naming the option. */
const dir = mkdtempSync(join(tmpdir(), 'sm-limits-'));
const HEADER = 'ticket_id,created_at,first_response_at,resolved_at,agent';
const ROW = (id: number, agent = 'Max') => `T-${id},2026-11-02T09:00:00Z,2026-11-02T09:10:00Z,2026-11-02T11:00:00Z,${agent}`;

const XLSX_HEADER = HEADER.split(',');
const xlsxRow = (id: number, agent?: string) => ROW(id, agent).split(',');

/** A1-style letters of a 0-based column (A … XFD). */
function letters(column: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function inlineCell(column: number, line: number, text: string): string {
  return `<c r="${letters(column)}${line}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A sheet row of inline strings; `index` is 0-based (row r = index + 1). */
function inlineRow(cells: string[], index: number): string {
  return `<row r="${index + 1}">${cells.map((text, c) => inlineCell(c, index + 1, text)).join('')}</row>`;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('--max-field-size', () => {
  it('refuses a 20 MiB field by default (10 MiB), with its line and column, and reads it when raised', () => {
    const path = file('big-field.csv', `${HEADER}\n${ROW(1)}\n${ROW(2)}\n${ROW(3, 'z'.repeat(20 << 20))}\n${ROW(4)}\n`);
    const refused = runBin(['report', path, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`support-metrics: ${path}:4:5: holds a field of more than 10,485,760 bytes, the limit (--max-field-size); if the export really holds such a field, raise the limit with --max-field-size BYTES; else a quote may be left open\n`);
    const read = runBin(['report', path, '--format', 'json', '--max-field-size', '30000000']);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).inputs[0]).toMatchObject({ rows: 4, accepted: 4 });
  });

  it('names the exact size of a finished field over a small limit', () => {
    const path = file('small-limit.csv', `${HEADER}\n${ROW(1)}\n${ROW(2, 'y'.repeat(200))}\n`);
    const run = runBin(['report', path, '--format', 'json', '--max-field-size', '100']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path}:3:5: holds a field of 200 bytes, over the limit of 100 (--max-field-size)`);
  });

  it('refuses a quote left open to the end of a large file at the limit, not at the end of memory', () => {
    const path = file('open-quote.csv', `${HEADER}\n${ROW(1)}\n"T-2,${'x'.repeat(3 << 20)}\n`);
    const run = runBin(['report', path, '--format', 'json', '--max-field-size', String(1 << 20)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^support-metrics: ${path}:3:1: holds a field of more than 1,048,576 bytes, the limit \\(--max-field-size\\);.*quote may be left open\\n$`));
  });

  it('applies to HTML and XML 2003 cells too', () => {
    const html = file('big.html.xls', `<html><body><table><tr><td>ticket_id</td><td>created_at</td></tr><tr><td>T-1</td><td>2026-11-02T09:00:00Z</td></tr><tr><td>T-2${'w'.repeat(500)}</td><td>2026-11-02T09:00:00Z</td></tr></table></body></html>`);
    const run = runBin(['report', html, '--format', 'json', '--max-field-size', '400']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`support-metrics: ${html}:3:1: holds a field of more than 400 bytes, the limit (--max-field-size); if the export really holds such a field, raise the limit with --max-field-size BYTES\n`);
    expect(runBin(['report', html, '--format', 'json', '--max-field-size', '600']).code).toBe(0);
  });

  it('applies to .xlsx cells as to CSV fields: a 2 MB cell is read under a limit above it, refused under one below', async () => {
    // Inline strings (the scanner's own text) and a shared string (sharedStrings.xml), each 1,400,000 characters and
    // 2,100,000 UTF-8 bytes in row 4, column E. Until issue #16 a workbook cell stopped at 1,048,576 characters
    // whatever --max-field-size said.
    const big = 'aé'.repeat(700_000);
    const rows = [XLSX_HEADER, xlsxRow(1), xlsxRow(2, 'Lea'), xlsxRow(3, big), xlsxRow(4)];
    const inline = writeRawXlsx([{ name: 'Tickets', sheetData: rows.map(inlineRow).join('') }]);
    const shared = await writeXlsx([{ name: 'Tickets', rows }]);
    for (const path of [inline, shared]) {
      const read = runBin(['report', path, '--format', 'json', '--max-field-size', '4000000']);
      expect(read.code, read.stderr).toBe(0);
      expect(JSON.parse(read.stdout).inputs[0]).toMatchObject({ format: 'xlsx', rows: 4, accepted: 4 });
      // Counted as CSV counts a field, in bytes: 2,100,000 of them, over 2,099,999 (though 1,400,000 characters).
      const refused = runBin(['report', path, '--format', 'json', '--max-field-size', '2099999']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(`support-metrics: ${path}:4:5: holds a field of 2,100,000 bytes, over the limit of 2,099,999 (--max-field-size); if the export really holds such a field, raise the limit with --max-field-size BYTES\n`);
    }
    // Past the limit in characters as well: the reading stops there, the message says "more than".
    const small = runBin(['report', inline, '--format', 'json', '--max-field-size', '100000']);
    expect(small.code).toBe(2);
    expect(small.stderr).toBe(`support-metrics: ${inline}:4:5: holds a field of more than 100,000 bytes, the limit (--max-field-size); if the export really holds such a field, raise the limit with --max-field-size BYTES\n`);
  });

  it('must be a whole number', () => {
    const run = runBin(['report', 'x.csv', '--max-field-size', '10MB']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('support-metrics: --max-field-size "10MB" must be a whole number of at least 1; write --max-field-size BYTES\n');
  });
});

describe('--max-columns', () => {
  it('refuses a header of 20,000 columns by default (16,384, as Excel), and reads it when raised', () => {
    const extra = Array.from({ length: 19_995 }, (_, i) => `c${i}`).join(',');
    const path = file('wide.csv', `${HEADER},${extra}\n${ROW(1)}\n${ROW(2)}\n`);
    const refused = runBin(['report', path, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`support-metrics: ${path}:1: has a row of 20,000 columns, over the limit of 16,384 (--max-columns); if the export really is that wide, raise the limit with --max-columns N; else check the delimiter (--delimiter)\n`);
    const read = runBin(['report', path, '--format', 'json', '--max-columns', '20000']);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).inputs[0]).toMatchObject({ rows: 2, accepted: 2 });
  });

  it('refuses a data row wider than the limit with its line', () => {
    const path = file('wide-row.csv', `${HEADER}\n${ROW(1)}\n${ROW(2)},a,b,c,d,e,f\n`);
    const run = runBin(['report', path, '--format', 'json', '--max-columns', '8']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path}:3: has a row of 11 columns, over the limit of 8 (--max-columns)`);
    expect(runBin(['report', path, '--format', 'json', '--max-columns', '11']).code).toBe(0);
  });

  it('applies to .xlsx rows: a cell far out in XFD makes its row 16,384 wide, within the default, past a smaller limit', () => {
    const far = `<row r="3">${xlsxRow(2).map((v, c) => inlineCell(c, 3, v)).join('')}<c r="XFD3" t="inlineStr"><is><t>far</t></is></c></row>`;
    const path = writeRawXlsx([{ name: 'Tickets', sheetData: inlineRow(XLSX_HEADER, 0) + inlineRow(xlsxRow(1), 1) + far }]);
    const read = runBin(['report', path, '--format', 'json']);
    expect(read.code, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout).inputs[0]).toMatchObject({ rows: 2, accepted: 2 });
    const refused = runBin(['report', path, '--format', 'json', '--max-columns', '100']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`support-metrics: ${path}:3: has a row of 16,384 columns, over the limit of 100 (--max-columns); if the export really is that wide, raise the limit with --max-columns N\n`);
  });

  it('applies to an .xlsx header of 16,384 cells', () => {
    const wide = [...XLSX_HEADER, ...Array.from({ length: 16_384 - XLSX_HEADER.length }, (_, i) => `c${i}`)];
    const path = writeRawXlsx([{ name: 'Tickets', sheetData: inlineRow(wide, 0) + inlineRow(xlsxRow(1), 1) }]);
    expect(runBin(['report', path, '--format', 'json']).code).toBe(0);
    const refused = runBin(['report', path, '--format', 'json', '--max-columns', '16383']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${path}:1: has a row of 16,384 columns, over the limit of 16,383 (--max-columns)`);
  });

  it('must be a whole number of at least 1', () => {
    const run = runBin(['validate', 'x.csv', '--max-columns', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('support-metrics: --max-columns "0" must be a whole number of at least 1; write --max-columns N\n');
  });
});
