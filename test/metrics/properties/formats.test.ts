import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { KindName } from '../../../src/datasets/kind.js';
import type { ReportOptions } from '../../../src/report/build.js';
import { expectClose } from './arbitraries.js';
import { financeSheet, rejectedRow, removeFiles, report, reportOptions, spend, subscriptions, surveys, tickets, writeInput, writeTables, type Table } from './csv-datasets.js';
import { numbers, unnamed } from './report-checks.js';
import { htmlBytes, htmlStyle, xlsxBytes, xlsxStyle, xmlBytes, xmlStyle, type HtmlStyle, type XlsxStyle, type XmlStyle } from './sheet-formats.js';

/**
 * The same generated tables (csv-datasets.ts, each with rejected rows put in) read from XLSX, from an HTML table saved
 * as ".xls" (Bitrix24) and from XML Spreadsheet 2003 (Freshdesk) give the report the CSV gives (issue #16): every
 * number of every metric, group and period; each input's rows, accepted, rejected, skipped and merged; each rejected
 * row at the same line — its sheet row, its row of the table — with the same field and reason; and, when the cells
 * are text as in the CSV, the same warnings.
 */

afterAll(removeFiles);

// Writing workbooks is slow (exceljs): 15 runs a format, small tables; ~4 s for the three. PROPERTY_RUNS for more.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 15);

/** A Cyrillic agent name: the HTML table's Windows-1251 and every reader's decoding get a letter outside ASCII. */
const withCyrillic = (table: Table): Table => (table.kind !== 'tickets' ? table : { ...table, rows: table.rows.map((row) => row.map((cell, c) => (table.header[c] === 'agent' && cell === 'Max' ? 'Ольга' : cell))) });

/** A table with up to two rejected rows put in (csv-datasets rejectedRow), and the lines they went to (header = 1). */
interface Written {
  table: Table;
  rejectedLines: number[];
}
const withRejected = (table: Table): fc.Arbitrary<Written> =>
  fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(1)), { maxLength: 2 }).map((bad) => {
    const rows = table.rows.map((cells) => ({ cells, rejected: false }));
    bad.forEach(([which, where, how], k) => rows.splice(Math.round(where * rows.length), 0, { cells: rejectedRow(table, table.rows[which % table.rows.length]!, `900${k}`, how), rejected: true }));
    return { table: withCyrillic({ ...table, rows: rows.map((r) => r.cells) }), rejectedLines: rows.flatMap((r, i) => (r.rejected ? [i + 2] : [])) };
  });
const datasets = fc.oneof(fc.tuple(tickets, surveys, spend, subscriptions), fc.tuple(tickets), fc.tuple(surveys, subscriptions), fc.tuple(spend, financeSheet)).chain((tables) => fc.tuple(...tables.map(withRejected)));

type Writer = (table: Table) => Promise<{ name: string; kind: KindName }>;

/**
 * Reads the tables as CSV and through `write`, and checks that the two reports agree in everything a format cannot
 * change; `asText` when every cell is text as in the CSV (then the reasons and warnings agree too).
 */
async function expectSameAsCsv(written: readonly Written[], asked: ReportOptions, write: Writer, asText: boolean): Promise<void> {
  const tables = written.map((w) => w.table);
  // Every grouping: the groups' keys are the text cells as read (a Cyrillic name decoded right, an empty cell empty).
  const options: ReportOptions = { ...asked, by: ['channel', 'agent', 'category'] };
  const fromCsv = await report(writeTables(tables.map((table) => ({ table, parts: [table.rows] }))), options);
  const fromSheet = await report(await Promise.all(tables.map(write)), options);
  expectClose(numbers(fromSheet.report), numbers(fromCsv.report));
  const counts = (r: typeof fromCsv) => r.report.inputs.map(({ kind, rows, accepted, rejected, skipped, merged }) => ({ kind, rows, accepted, rejected, skipped, merged }));
  expect(counts(fromSheet)).toEqual(counts(fromCsv));
  // Every data row is counted: the table's rows, in each format.
  expect(counts(fromSheet).map((c) => c.rows)).toEqual(tables.map((t) => t.rows.length));
  // The same rows rejected, for the same field; for the same reason when the cells are text as in the CSV (a typed
  // date cell is a date even in a column of DD/MM/YYYY text, where the same instant written ISO is no timestamp).
  const rejections = (r: typeof fromCsv) => r.read.rejections.all.map(({ inputIndex, line, field, reason }) => ({ inputIndex, line, field, ...(asText ? { reason } : {}) }));
  expect(rejections(fromSheet)).toEqual(rejections(fromCsv));
  // A rejected row's line is its row of the table (the header is line 1): the cells there are the ones rejected.
  for (const { inputIndex, line, field } of fromSheet.read.rejections.all) {
    const table = tables[inputIndex ?? 0]!;
    expect(line, `rejected ${field} of ${table.kind}`).toBeGreaterThanOrEqual(2);
    expect(line).toBeLessThanOrEqual(table.rows.length + 1);
  }
  // Each row put in as rejected is rejected at its own line, in every format.
  for (const [i, { table, rejectedLines }] of written.entries()) {
    for (const line of rejectedLines) expect(fromSheet.read.rejections.all.some((x) => (x.inputIndex ?? 0) === i && x.line === line), `${table.kind} line ${line} rejected`).toBe(true);
  }
  if (asText) expect(fromSheet.report.warnings.map(unnamed)).toEqual(fromCsv.report.warnings.map(unnamed));
}

describe('XLSX, HTML-table and XML-2003 inputs give the report the CSV gives', () => {
  it('XLSX (exceljs): text cells, or numbers, days and instants as typed cells', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, reportOptions, xlsxStyle, async (tables, options, style: XlsxStyle) => {
        await expectSameAsCsv(tables, options, async (table) => writeInput(table.kind, '.xlsx', await xlsxBytes(table, table.rows, style)), !style.typed);
      }),
      { numRuns: RUNS },
    );
  });

  it('HTML table saved as .xls (Bitrix24): th or td captions, UTF-8 with or without a BOM or Windows-1251, closed, unclosed or cut in its last row', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, reportOptions, htmlStyle, async (tables, options, style: HtmlStyle) => {
        await expectSameAsCsv(tables, options, async (table) => writeInput(table.kind, '.xls', htmlBytes(table, table.rows, style)), true);
      }),
      { numRuns: RUNS },
    );
  });

  it('XML Spreadsheet 2003 (Freshdesk): String cells, ss: prefix or a default namespace, empty cells skipped by ss:Index or written empty', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, reportOptions, xmlStyle, async (tables, options, style: XmlStyle) => {
        await expectSameAsCsv(tables, options, async (table) => writeInput(table.kind, '.xls', xmlBytes(table, table.rows, style)), true);
      }),
      { numRuns: RUNS },
    );
  });
});
