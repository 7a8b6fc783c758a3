import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

function json(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json', '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout), stdout: result.stdout };
}

const dir = mkdtempSync(join(tmpdir(), 'sm-periods-'));
const tickets = join(dir, 'tickets.csv');
// 22:30 UTC on Oct 25 is 23:30 CET, still Sunday the 25th (week of Oct 19); 23:30 UTC is 00:30 on Monday the 26th.
writeFileSync(tickets, 'id,created_at,first_response_minutes\n1,2026-10-25T22:30:00Z,10\n2,2026-10-25T23:30:00Z,20\n3,2026-10-13T10:00:00Z,5\n');

describe('--period: every metric per period in --tz (issue #13, second part)', () => {
  it('ISO weeks from Monday in Europe/Berlin across the last Sunday of October; an empty week is listed with no data', () => {
    const { report } = json([tickets, '--tz', 'Europe/Berlin', '--since', '2026-10-12', '--until', '2026-11-09', '--period', 'week']);
    const bounds = report.periods.map((p: { start: string; end: string }) => [p.start, p.end]);
    // Mondays at 00:00 Berlin: CEST (UTC+2) until Oct 25 03:00, CET (UTC+1) after: the week of Oct 19 is 169 hours
    expect(bounds).toEqual([
      ['2026-10-11T22:00:00.000Z', '2026-10-18T22:00:00.000Z'],
      ['2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
      ['2026-10-25T23:00:00.000Z', '2026-11-01T23:00:00.000Z'],
      ['2026-11-01T23:00:00.000Z', '2026-11-08T23:00:00.000Z'],
    ]);
    const volumes = report.periods.map((p: { metrics: { ticket_volume: { value: number } } }) => p.metrics.ticket_volume.value);
    expect(volumes).toEqual([1, 1, 1, 0]);
    expect(report.periods[1].metrics.frt.value).toBe(600); // ticket 1: 10 min
    expect(report.periods[2].metrics.frt.value).toBe(1200); // ticket 2: 20 min
    expect(report.periods[3].metrics.frt).toMatchObject({ value: null, status: 'no-data' });
  });

  it('calendar months and days in the zone; the same JSON on every run', () => {
    const months = json([tickets, '--tz', 'Europe/Berlin', '--since', '2026-10-01', '--until', '2026-12-01', '--period', 'month']);
    expect(months.report.periods.map((p: { start: string }) => p.start)).toEqual(['2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z']);
    expect(months.report.periods[0].metrics.ticket_volume.value).toBe(3);
    expect(json([tickets, '--tz', 'Europe/Berlin', '--since', '2026-10-01', '--until', '2026-12-01', '--period', 'month']).stdout).toBe(months.stdout);
    // Without a window: from the first to the last ticket's day
    const days = json([tickets, '--tz', 'Europe/Berlin', '--period', 'day']).report.periods;
    // Ticket 3 on Oct 13, ticket 2 on Oct 26 (00:30 Berlin): the 14 Berlin days Oct 13 … Oct 26, empty ones included
    expect(days).toHaveLength(14);
    expect(days[13].start).toBe('2026-10-25T23:00:00.000Z');
  });
});

// Found by the option fuzzer (issue #16, "a run over 10 s"): ten years of days in the table took 12 s, cli-table3
// laying out each of the 3,652 day blocks (~3 ms each) though all but a few are the same empty block.
describe('--period day over ten years in the table', () => {
  it('is laid out in a few seconds, every day listed, alike blocks the same text', () => {
    const started = performance.now();
    // 13 MB of table: into a file (spawnSync keeps at most 1 MiB of stdout)
    const out = join(dir, 'ten-years.txt');
    const result = runBin(['report', tickets, '--since', '2017-01-01', '--until', '2027-01-01', '--period', 'day', '--quiet', '--out', out]);
    const seconds = (performance.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(0);
    const table = readFileSync(out, 'utf8');
    // 2017 … 2026: 10 · 365 + 2 leap days (2020, 2024) = 3,652 day headings (UTC)
    const headings = table.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2} 00:00 → \d{4}-\d{2}-\d{2} 00:00 \(UTC\)$/.test(line));
    expect(headings).toHaveLength(3652);
    expect(headings[0]).toBe('2017-01-01 00:00 → 2017-01-02 00:00 (UTC)');
    // Oct 13 holds ticket 3 (FRT 5 min), Oct 14 none: their blocks differ; Oct 14 and Oct 15 are alike
    const block = (day: string) => table.split(`\n${day} 00:00 → `)[1]!.split('\n\n')[0]!.split('\n').slice(1).join('\n');
    expect(block('2026-10-13')).toContain('5m 00s');
    expect(block('2026-10-14')).not.toContain('5m 00s');
    expect(block('2026-10-14')).toBe(block('2026-10-15'));
    // 12 s before; a few on a slow run of this machine now
    expect(seconds).toBeLessThan(8);
  });
});
