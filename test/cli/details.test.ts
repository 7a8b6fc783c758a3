import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'sm-details-'));

function run(args: string[]) {
  const result = runBin(['report', 'fixtures/zendesk-tickets.csv', '--tz', 'UTC', '--format', 'json', '--quiet', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('--details: the rows behind the numbers (issue #14)', () => {
  it('one row per ticket that adds up to the report: volume, FRT and ART counts, breaches, repeats', () => {
    const path = join(dir, 'rows.csv');
    const report = run(['--details', path]);
    const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    const columns = head!.split(',');
    expect(columns).toEqual(['kind', 'file', 'line', 'id', 'at', 'channel', 'agent', 'team', 'priority', 'category', 'customer', 'frt_seconds', 'art_seconds', 'repeat_contact', 'reopens', 'answer', 'score', 'breached', 'mrr_at_end', 'acquired']);
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [columns[i]!, c]))).filter((r) => r.kind === 'ticket');
    const m = report.metrics;
    expect(rows).toHaveLength(m.ticket_volume.value);
    const answered = rows.filter((r) => r.frt_seconds !== '');
    expect(answered).toHaveLength(m.frt.details.count);
    // FRT < 15 min: 1003 (30 min), 1006 (45 min), 1008 (exactly 15 min) breach — 3 of 7, so 4/7 within.
    expect(rows.filter((r) => r.breached!.split(' ').includes('frt')).map((r) => r.id)).toEqual(['1003', '1006', '1008']);
    expect(answered.length - 3).toBe(Math.round(m.frt.details.withinTarget * m.frt.details.count));
    expect(rows.filter((r) => r.breached!.split(' ').includes('art'))).toHaveLength(m.art.details.count - Math.round(m.art.details.withinTarget * m.art.details.count));
    expect(rows.filter((r) => r.repeat_contact === 'repeat')).toHaveLength(m.repeat_contact_rate.details.repeatTickets);
    // Where each row was read: the file and its physical line (1004's subject spans two lines: 1003 is on line 5).
    expect(rows.find((r) => r.id === '1003')).toMatchObject({ file: 'fixtures/zendesk-tickets.csv', line: '5', channel: 'chat', agent: 'Max Weber' });
  });

  it('the window restricts the rows; .xlsx gives the same rows in a sheet; another extension is refused', async () => {
    const path = join(dir, 'rows.xlsx');
    const report = run(['--since', '2026-11-03', '--details', path]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Rows')!;
    // The tickets' inline Good/Bad ratings are no survey file: ticket rows only.
    expect(sheet.rowCount - 1).toBe(report.metrics.ticket_volume.value);
    expect(sheet.getRow(2).getCell(4).value).toBe(1004);
    const bad = runBin(['report', 'fixtures/zendesk-tickets.csv', '--details', join(dir, 'rows.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^support-metrics: --details .* \.csv or \.xlsx/);
  });

  it('a row per survey answer too, with the ticket it answers and its score: as many as CSAT satisfied counts', () => {
    const path = join(dir, 'answers.csv');
    const result = runBin(['report', 'fixtures/surveys.csv', 'fixtures/zendesk-tickets.csv', '--tz', 'UTC', '--details', path, '--format', 'json', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    const columns = head!.split(',');
    const csat = lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [columns[i]!, c]))).filter((r) => r.kind === 'csat');
    expect(csat).toHaveLength(report.metrics.csat_satisfied.details.responses);
    // Mean of the scores listed = the report's CSAT.
    const scores = csat.map((r) => Number(r.score));
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeCloseTo(report.metrics.csat.value, 12);
  });

  it('a row per subscription customer: their MRR at the end adds up to MRR, those above 0 to the active customers, the acquired to CAC\'s', () => {
    const path = join(dir, 'customers.csv');
    const result = runBin(['report', 'fixtures/stripe-subscriptions.csv', 'fixtures/spend-hand-2026.csv', '--since', '2026-02-01', '--until', '2026-06-01', '--details', path, '--format', 'json', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const m = JSON.parse(result.stdout).metrics;
    const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    const columns = head!.split(',');
    const customers = lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [columns[i]!, c]))).filter((r) => r.kind === 'customer');
    // MRR 477.50 = 99 + 82.50 + 49 + 99 + 99 + 49 over the 6 active customers; 3 acquired Feb–May (Mar 1, Mar 3, Apr 2).
    expect(customers.reduce((sum, r) => sum + Number(r.mrr_at_end), 0)).toBeCloseTo(m.mrr.value, 9);
    expect(customers.filter((r) => Number(r.mrr_at_end) > 0)).toHaveLength(m.mrr.details.activeCustomers);
    expect(customers.filter((r) => r.acquired === 'yes')).toHaveLength(m.cac.details.newCustomers);
  });
});
