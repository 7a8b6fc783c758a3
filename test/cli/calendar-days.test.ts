import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previousWindow } from '../../src/report/compare.js';
import { Zone } from '../../src/read/zone.js';
import { runBin } from './run-bin.js';

// Found by a new user's trial (issue #13): spans of equal hours where the calendar means days.
const berlin = new Zone('Europe/Berlin');

describe('days are calendar days in --tz, across DST changes', () => {
  it('the week before an ISO week is the calendar week before, 167 or 169 hours as it falls', () => {
    // W44 2026 in Berlin: Mon Oct 26 00:00 CET (Oct 25 23:00Z) – Nov 2 00:00 CET; the week before starts Mon Oct 19
    // 00:00 CEST = Oct 18 22:00Z and is 169 hours long (the clocks went back on Oct 25).
    const w44 = { since: Date.parse('2026-10-25T23:00:00Z'), until: Date.parse('2026-11-01T23:00:00Z') };
    expect(previousWindow(w44.since, w44.until, berlin)).toEqual({ since: Date.parse('2026-10-18T22:00:00Z'), until: w44.since });
    // W43 (169 h) → W42, 168 h of CEST: Oct 12 00:00 CEST = Oct 11 22:00Z.
    const w43 = { since: Date.parse('2026-10-18T22:00:00Z'), until: Date.parse('2026-10-25T23:00:00Z') };
    expect(previousWindow(w43.since, w43.until, berlin)).toEqual({ since: Date.parse('2026-10-11T22:00:00Z'), until: w43.since });
    // Not midnight to midnight: the span of equal length before.
    expect(previousWindow(Date.parse('2026-10-20T10:00:00Z'), Date.parse('2026-10-20T12:00:00Z'), berlin)).toEqual({ since: Date.parse('2026-10-20T08:00:00Z'), until: Date.parse('2026-10-20T10:00:00Z') });
  });

  const dir = mkdtempSync(join(tmpdir(), 'sm-days-'));
  const tickets = join(dir, 'tickets.csv');
  // Sunday Oct 18 10:00 CEST and Sunday Oct 25 10:00 CET: 7 calendar days, 169 hours. The customer is written in
  // two cases (one customer); the third ticket is Sunday Mar 1.
  writeFileSync(tickets, ['id,created_at,customer_id', '1,2026-10-18T10:00:00+02:00,Anna@Example.com', '2,2026-10-25T10:00:00+01:00,anna@example.com', '3,2026-03-01T10:00:00+01:00,bob', ''].join('\n'));

  it('a ticket 7 calendar days after the same customer\'s last one is a repeat also across the change (169 h), the customer\'s case aside', () => {
    const report = JSON.parse(runBin(['report', tickets, '--tz', 'Europe/Berlin', '--format', 'json', '--quiet']).stdout);
    expect(report.metrics.repeat_contact_rate.details).toMatchObject({ repeatTickets: 1, tickets: 3, customers: 2 });
  });

  it('a window that cuts a period cuts its bounds: the week of Mar 1 holds only that Sunday of March', () => {
    const report = JSON.parse(runBin(['report', tickets, '--tz', 'Europe/Berlin', '--window', '2026-03', '--period', 'week', '--format', 'json', '--quiet']).stdout);
    // Mar 1 00:00 CET = Feb 28 23:00Z, not the Monday Feb 23 the ISO week starts on; the last week ends Apr 1 00:00 CEST.
    expect(report.periods[0]).toMatchObject({ start: '2026-02-28T23:00:00.000Z', end: '2026-03-01T23:00:00.000Z' });
    expect(report.periods.at(-1).end).toBe('2026-03-31T22:00:00.000Z');
  });

  it('a century of days is refused, not written (exit 2)', () => {
    const result = runBin(['report', tickets, '--since', '2000-01-01', '--until', '2100-01-01', '--period', 'day']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^support-metrics: --period day cuts 2000-01-01 – 2100-01-01 into 36525 periods \(at most 3660\)/);
  });
});
