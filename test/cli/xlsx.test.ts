import { describe, expect, it } from 'vitest';
import { writeXlsx, type CellSpec } from '../helpers/write-xlsx.js';
import { runBin } from './run-bin.js';

/**
 * Workbooks end to end on the built bin: the header row found below a title, the sheet picked by name, date cells
 * read in --tz, numbers stored as text, formulas' cached results, rich text, rejections with the sheet's row numbers,
 * and the 1904 date system giving the same report.
 */
const at = (day: number, hour: number, minute = 0): CellSpec => ({ value: new Date(Date.UTC(2026, 10, day, hour, minute)), numFmt: 'yyyy-mm-dd hh:mm' });

const TICKETS: CellSpec[][] = [
  ['Ticket export — November 2026'],
  [],
  ['Id', 'Created at', 'Solved at', 'First reply time in minutes', 'Assignee', 'Via'],
  [501, at(2, 9), at(2, 10, 30), 12, 'Max Weber', 'Mail'],
  [502, at(2, 11), null, '5', { richText: [{ text: 'Lea ' }, { font: { bold: true }, text: 'Vogel' }] }, 'Chat'],
  [503, 'not a date', null, 7, 'Max Weber', 'Mail'],
  [504, at(3, 8), at(3, 9), { formula: '10*3', result: 30 }, 'Max Weber', 'Phone'],
  [505, at(3, 12), at(3, 12, 45), null, 'Lea Vogel', 'Chat'],
];

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { ...result, json: JSON.parse(result.stdout) };
}

describe('an .xlsx ticket export', () => {
  it('is read from the sheet named after #, below its title rows, in --tz', async () => {
    const book = await writeXlsx([{ name: 'Summary', rows: [['Total', 5]] }, { name: 'Tickets', rows: TICKETS }]);
    const { json, stderr } = report([`${book}#Tickets`, '--tz', 'Europe/Berlin']);
    expect(json.inputs[0]).toMatchObject({ file: book, format: 'xlsx', sheet: 'Tickets', headerLine: 3, preset: 'zendesk', rows: 5, accepted: 4, rejected: 1 });
    // The text in a date column is rejected with the sheet's row number: row 6, column B.
    expect(stderr).toContain(`${book}#Tickets:6:2: created_at "not a date" is not a timestamp`);
    // First reply 12, "5" (a number stored as text), =10*3 (cached 30) minutes; 505 unanswered: mean (720 + 300 + 1800) / 3 = 940
    expect(json.metrics.frt).toMatchObject({ value: 940, details: { count: 3, median: 720, unanswered: 1 } });
    // Solved − created: 1 h 30, 1 h, 45 min (502 open): mean (5400 + 3600 + 2700) / 3 = 3900
    expect(json.metrics.art).toMatchObject({ value: 3900, details: { count: 3, median: 3600, unresolved: 1, sources: { exportColumn: 0, timestamps: 3 } } });
  });

  it('date cells carry no zone: --tz places them (Berlin is UTC+1 in November)', async () => {
    const book = await writeXlsx([{ name: 'Tickets', rows: TICKETS }]);
    // A bound with its own offset: 3 Nov 07:30 UTC. Ticket 504 shows 3 Nov 08:00.
    // Read in Berlin, 08:00 is 07:00 UTC, before the bound: only 505 (12:00 = 11:00 UTC) is in.
    expect(report([book, '--tz', 'Europe/Berlin', '--since', '2026-11-03T07:30:00Z']).json.metrics.ticket_volume.value).toBe(1);
    // Read in UTC, 08:00 is 08:00 UTC, after it: 504 and 505.
    expect(report([book, '--since', '2026-11-03T07:30:00Z']).json.metrics.ticket_volume.value).toBe(2);
  });

  it('--sheet picks the sheet as file#Sheet does; an unknown one names the sheets there are', async () => {
    const book = await writeXlsx([{ name: 'Summary', rows: [['Total', 5]] }, { name: 'Tickets', rows: TICKETS }]);
    expect(report([book, '--sheet', 'Tickets']).json.metrics.ticket_volume.value).toBe(4);
    const wrong = runBin(['report', `${book}#Tikets`]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/has no sheet "Tikets"; .*"Summary", "Tickets"/);
  });

  it('a 1904-system workbook gives the same report', async () => {
    const book1900 = await writeXlsx([{ name: 'Tickets', rows: TICKETS }]);
    const book1904 = await writeXlsx([{ name: 'Tickets', rows: TICKETS }], { date1904: true });
    expect(report([book1904]).json.metrics).toEqual(report([book1900]).json.metrics);
  });
});
