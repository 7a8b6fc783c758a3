import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

// SPEC §5's worked example as a help desk's CSV: anna (A) Billing Jan 1 10:00, Jan 5 09:00, Jan 20 10:00; anna Login
// Jan 6; jonas (B, no category) Jan 2 10:00 and Jan 9 10:00; one ticket without a customer (Jan 3).
const FIXTURE = 'fixtures/tickets-repeat-contacts.csv';

function metrics(args: string[], cwd?: string) {
  const result = runBin(['report', FIXTURE, '--tz', 'UTC', '--format', 'json', '--quiet', ...args], {}, undefined, cwd);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('repeat contacts and reopens in the report (issue #13)', () => {
  it('the SPEC §5 example: 2 repeat tickets of 6 with a customer → 0.3333; reopens 2 of 4 resolved → 0.5', () => {
    const { metrics: m } = metrics([]);
    // Jan 5 is 3 d 23 h after Jan 1 (same customer and category): a repeat; Jan 9 is exactly 7 days after Jan 2 (the
    // bound included); Jan 20 is 15 days after Jan 5; Login on Jan 6 is anna's first login ticket.
    expect(m.repeat_contact_rate.value).toBeCloseTo(2 / 6, 12);
    expect(m.repeat_contact_rate.details).toEqual({ repeatTickets: 2, tickets: 6, customersWithRepeats: 2, customers: 2, windowDays: 7, withoutCustomer: 1 });
    // Resolved: tickets 1 (1 reopen), 2 (0), 4 (0), 6 (2) → 2 / 4.
    expect(m.reopen_rate).toMatchObject({ value: 0.5, details: { reopened: 2, resolved: 4 }, unit: 'fraction', status: 'no-target' });
  });

  it('an earlier ticket before the window still makes a ticket in it a repeat', () => {
    // Window Jan 4 – Jan 11: tickets 4 (repeat of Jan 1), 5 (first Login), 6 (repeat of Jan 2) → 2 / 3.
    const { metrics: m } = metrics(['--since', '2026-01-04', '--until', '2026-01-11']);
    expect(m.repeat_contact_rate.details).toMatchObject({ repeatTickets: 2, tickets: 3, customers: 2, withoutCustomer: 0 });
  });

  it('--repeat-window 3: neither 4 days nor 7 days is a repeat any more; the config file sets it too, the option wins', () => {
    expect(metrics(['--repeat-window', '3']).metrics.repeat_contact_rate).toMatchObject({ value: 0, details: { repeatTickets: 0, windowDays: 3 } });
    const dir = mkdtempSync(join(tmpdir(), 'sm-repeat-'));
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify({ repeatWindowDays: 4 }));
    const fixture = join(process.cwd(), FIXTURE);
    const run = (extra: string[]) => JSON.parse(runBin(['report', fixture, '--tz', 'UTC', '--format', 'json', '--quiet', ...extra], {}, undefined, dir).stdout).metrics.repeat_contact_rate.details;
    // 4 days: Jan 1 10:00 → Jan 5 09:00 (3 d 23 h) repeats, Jan 2 → Jan 9 does not.
    expect(run([])).toMatchObject({ repeatTickets: 1, windowDays: 4 });
    expect(run(['--repeat-window', '7'])).toMatchObject({ repeatTickets: 2, windowDays: 7 });
  });

  it('per category, the groups add up to the whole: Billing 1 of 3, Login 0 of 1, (none) 1 of 2', () => {
    const report = metrics(['--by', 'category']);
    const byKey = Object.fromEntries(report.groups.map((g: { key: string; metrics: { repeat_contact_rate: { details: unknown } } }) => [g.key, g.metrics.repeat_contact_rate.details]));
    expect(byKey.Billing).toMatchObject({ repeatTickets: 1, tickets: 3, withoutCustomer: 1 });
    expect(byKey.Login).toMatchObject({ repeatTickets: 0, tickets: 1 });
    expect(byKey['(none)']).toMatchObject({ repeatTickets: 1, tickets: 2 });
  });

  it('without a customer column: no value and why; without a reopen count: no reopen rate at all', () => {
    const { metrics: m } = JSON.parse(runBin(['report', 'fixtures/tickets-semicolon-minutes.csv', '--format', 'json', '--quiet']).stdout);
    expect(m.repeat_contact_rate).toMatchObject({ value: null, status: 'no-data' });
    expect(m.repeat_contact_rate.details.reason).toMatch(/no customer column \(customer_id\)/);
    expect(m.reopen_rate).toBeUndefined();
  });

  it('refuses a repeat window that is not whole days, exit 2', () => {
    const result = runBin(['report', FIXTURE, '--repeat-window', '1.5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--repeat-window "1.5" is not a number of days/);
  });
});
