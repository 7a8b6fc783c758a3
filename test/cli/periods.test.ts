import { mkdtempSync, writeFileSync } from 'node:fs';
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
