import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'sm-compare-'));

/** Tickets: one per FRT value (minutes), created an hour apart from `start`. */
function tickets(start: string, minutes: number[], first: number): string {
  return minutes.map((m, i) => `${first + i},${new Date(Date.parse(`${start}T00:00:00Z`) + i * 3_600_000).toISOString()},${m}`).join('\n');
}

function compare(file: string) {
  const result = runBin(['report', file, '--window', '2026-W46', '--compare', 'previous', '--format', 'json', '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('--compare previous: the change and whether it is real (issue #13)', () => {
  it('FRT 20–44 min this week against 10–34 min the week before: worse, and significant by Mann–Whitney U', () => {
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const file = join(dir, 'slower.csv');
    writeFileSync(file, `id,created_at,first_response_minutes\n${tickets('2026-11-02', range(10, 34), 1)}\n${tickets('2026-11-09', range(20, 44), 100)}\n`);
    const report = compare(file);
    // 2026-W46 is Nov 9–16; the previous window is W45, Nov 2–9
    expect(report.comparison).toMatchObject({ since: '2026-11-02T00:00:00.000Z', until: '2026-11-09T00:00:00.000Z' });
    const frt = report.comparison.metrics.frt;
    // Means 32 min against 22 min: +600 s, +45.45 %; FRT lower is better → worse
    expect(frt).toMatchObject({ delta: 600, improved: false, test: 'mann-whitney u', significant: true, verdict: 'significant' });
    expect(frt.relative).toBeCloseTo(600 / 1320, 12);
    // scipy.stats.mannwhitneyu(cur, prev, method='asymptotic') → U 512.5, p 0.00010782933074802627
    expect(frt.pValue).toBeCloseTo(0.00010782933074802627, 6);
    expect(frt.previous).toMatchObject({ id: 'frt', value: 1320 });
    // SLA attainment against < 15 min: 5 of 25 (10–14 min) before, 0 of 25 now → −0.2; pooled two-proportion z
    // (scipy: z −2.3570226039551585, p 0.018422125454099002)
    expect(frt.withinTarget.delta).toBeCloseTo(-0.2, 12);
    expect(frt.withinTarget.pValue).toBeCloseTo(0.018422125454099002, 6);
    expect(frt.withinTarget.significant).toBe(true);
  });

  it('a half-minute shift is within noise; fewer than 20 values on a side get no verdict', () => {
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const file = join(dir, 'same.csv');
    writeFileSync(file, `id,created_at,first_response_minutes\n${tickets('2026-11-02', range(10, 34), 1)}\n${tickets('2026-11-09', range(10, 34).map((m) => m + 0.5), 100)}\n`);
    // scipy: U 325.0, p 0.8158901548607471
    const frt = compare(file).comparison.metrics.frt;
    expect(frt).toMatchObject({ significant: false, verdict: 'within noise' });
    expect(frt.pValue).toBeCloseTo(0.8158901548607471, 6);
    const few = join(dir, 'few.csv');
    writeFileSync(few, `id,created_at,first_response_minutes\n${tickets('2026-11-02', [10, 20], 1)}\n${tickets('2026-11-09', [30, 40], 100)}\n`);
    expect(compare(few).comparison.metrics.frt).toMatchObject({ delta: 1200, test: null, pValue: null, verdict: null });
  });

  it('a calendar month compares with the previous calendar month; no window is a usage error', () => {
    const result = runBin(['report', 'fixtures/zendesk-tickets.csv', '--window', '2026-03', '--compare', 'previous', '--format', 'json', '--quiet']);
    expect(JSON.parse(result.stdout).comparison).toMatchObject({ since: '2026-02-01T00:00:00.000Z', until: '2026-03-01T00:00:00.000Z' });
    const none = runBin(['report', 'fixtures/zendesk-tickets.csv', '--compare', 'previous']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--compare previous needs a window to compare: --window, or --since and --until');
  });
});

describe('support-metrics metrics documents each comparison test', () => {
  it('names the test of every kind of metric', () => {
    const result = runBin(['metrics']);
    expect(result.code).toBe(0);
    for (const line of ['frt, art: Mann–Whitney U', "csat, ces: Welch's t-test", 'csat_satisfied, repeat_contact_rate, reopen_rate, and the share within target of frt and art: two-proportion z-test', 'nps: the difference of the two NPS']) expect(result.stdout).toContain(line);
  });

  it('the workbook shows a duration that went down as a signed number of seconds (Excel shows no negative time)', async () => {
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const file = join(dir, 'faster.csv');
    writeFileSync(file, `id,created_at,first_response_minutes\n${tickets('2026-11-02', range(20, 44), 1)}\n${tickets('2026-11-09', range(10, 34), 100)}\n`);
    const out = join(dir, 'faster.xlsx');
    const run = runBin(['report', file, '--window', '2026-W46', '--compare', 'previous', '--out', out, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Comparison')!;
    let frt: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'First response time') frt = row;
    });
    // Means 22 min now against 32 min before: −600 s, as seconds (not −0.0069 days, which Excel shows as #####);
    expect(frt!.getCell(4).value).toBe(-600);
    expect(frt!.getCell(4).numFmt).toBe('+#,##0" s";-#,##0" s";0" s"');
    // Now and Before stay Excel times (exceljs reads them back as times of Excel's day 0): 22 and 32 minutes.
    expect((frt!.getCell(2).value as Date).toISOString()).toBe('1899-12-30T00:22:00.000Z');
    expect((frt!.getCell(3).value as Date).toISOString()).toBe('1899-12-30T00:32:00.000Z');
  });
});
