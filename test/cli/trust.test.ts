import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

/**
 * Issue #9, end to end on files laid out like the ones that showed each problem: no confident wrong number — every
 * guess a warning in the report, every gap a reason, every empty cell empty.
 */
const dir = mkdtempSync(join(tmpdir(), 'sm-trust-'));

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { ...result, json: JSON.parse(result.stdout) };
}

describe('a Freshdesk export re-saved by Excel', () => {
  const { json } = report(['fixtures/freshdesk-excel-resave.csv', '--tz', 'Europe/Berlin']);

  it('is read with the freshdesk preset, not taken for Zendesk (it shares only Status, Priority, Group)', () => {
    expect(json.inputs[0].preset).toBe('freshdesk');
  });

  it('reads its 0:00:00 hour cells beside empty timestamps as none, not zero', () => {
    // Resolved time filled for 1301, 1302, 1305 only: 3 resolved, not 6 (1303, 1304, 1306 have 0:00:00 and no Resolved time)
    expect(json.metrics.ticket_volume.details).toEqual({ resolved: 3, unresolved: 3, unanswered: 2 });
    // Calendar ART from the timestamps, not the business-hours "(in hrs)" cells (2:27:18, 27:14:51, 0:06:40):
    // Resolved − Created = 9:12→11:40 (8880 s), Nov 2 14:05→Nov 3 17:20 (98100 s), 16:45→16:52 (420 s) → 107400 / 3
    expect(json.metrics.art.value).toBeCloseTo(107400 / 3, 6);
    expect(json.metrics.art.status).toBe('missed');
    // Initial response − Created: 19 min, 65 min, 1 min, 1 min → 1140 + 3900 + 60 + 60 = 5160 s / 4 = 1290 (the
    // business-hours cells said 1280.75); 1303 and 1306 unanswered; every value from the timestamps
    expect(json.metrics.frt).toMatchObject({ value: 1290, details: { count: 4, unanswered: 2, sources: { exportColumn: 0, timestamps: 4 } } });
  });

  it('says that its slash dates never settle day or month', () => {
    expect(json.warnings).toContain(
      'fixtures/freshdesk-excel-resave.csv: the slash dates of "Created time", "Initial response time", "Resolved time" never show a day above 12; read as month-first (MM/DD/YYYY); pass --date-format DD/MM/YYYY if they are day-first',
    );
  });
});

describe('a Zendesk export with only the business-hours twins', () => {
  it('FRT and ART are no-data with the reason and the column that is there; the counts are unknown, not "all"', () => {
    const { json, stdout } = { ...report(['fixtures/zendesk-business-hours-only.csv']), stdout: runBin(['report', 'fixtures/zendesk-business-hours-only.csv', '--quiet']).stdout };
    expect(json.inputs[0].preset).toBe('zendesk');
    expect(json.metrics.frt).toMatchObject({ value: null, status: 'no-data', details: { unanswered: null, count: 0 } });
    expect(json.metrics.frt.details.reason).toBe(
      'no first-response column (first_response_at or first_response_minutes); the file has only "First reply time in minutes within business hours", time within business hours: pass --business-hours to use it',
    );
    // Solved at is there: ART from the timestamps (11:30 − 09:00 = 9000 s), 2 unresolved
    expect(json.metrics.art).toMatchObject({ value: 9000, details: { unresolved: 2, sources: { exportColumn: 0, timestamps: 1 } } });
    expect(json.metrics.ticket_volume.details).toEqual({ resolved: 1, unresolved: 2, unanswered: null });
    // The table shows the reason where the value would be.
    expect(stdout).toMatch(/First response time\s+│ no data: no first-response\s+│/);
  });
});

describe('numbers and empties', () => {
  it('"1,234" and "2,500" minutes in a ;-separated file: a decimal comma, and a warning that the column never said', () => {
    const { json } = report(['fixtures/tickets-semicolon-minutes.csv', '--tz', 'Europe/Moscow']);
    // 1.234 min = 74.04 s, 3.750 min = 225 s: mean 149.52 s (not 1234 and 3750 minutes)
    expect(json.metrics.frt).toMatchObject({ value: 149.52, details: { count: 2, unanswered: 1 } });
    // 2.5 min = 150 s
    expect(json.metrics.art.value).toBe(150);
    expect(json.warnings[0]).toBe(
      'fixtures/tickets-semicolon-minutes.csv: column "Время первого ответа, мин" has values like "1,234" and none that shows whether "," is a decimal or a thousands separator; read with "," as the decimal (as in the ;-separated files of locales with a decimal comma); pass --decimal to say',
    );
  });

  it('n/a, N/A and — are empty cells: the ticket stays, unanswered and unresolved, not rejected', () => {
    const { json } = report(['fixtures/tickets-semicolon-minutes.csv', '--tz', 'Europe/Moscow']);
    expect(json.inputs[0]).toMatchObject({ rows: 3, accepted: 3, rejected: 0 });
    expect(json.metrics.ticket_volume).toMatchObject({ value: 3, details: { resolved: 1, unresolved: 2, unanswered: 1 } });
  });

  it('text in a number column is rejected naming the column, with a hint that fits (not --decimal)', () => {
    const file = join(dir, 'words.csv');
    writeFileSync(file, 'id,created_at,first_response_minutes\n1,2026-11-02T10:00:00Z,soon\n2,2026-11-02T11:00:00Z,4.5\n');
    const result = runBin(['report', file]);
    expect(result.stderr).toContain(`${file}:2:3: first_response_minutes "soon" is not a number of minutes; fix the row (leave the cell empty when there is no value)`);
  });
});

describe('times and dates', () => {
  it('one column that proves the slash order settles the file\'s other slash columns', () => {
    const file = join(dir, 'slash.csv');
    writeFileSync(file, 'Id,Created at,Resolved at\n1,01/02/2026 10:00,13/02/2026 10:00\n2,03/05/2026 10:00,03/05/2026 11:00\n');
    const { json } = report([file, '--tz', 'UTC']);
    // Day-first everywhere: 1 Feb → 13 Feb = 12 days = 1,036,800 s; 3 May 10:00 → 11:00 = 3600 s; mean 520,200 s
    // (read month-first, Created at would have made ticket 2 last 59 days)
    expect(json.metrics.art.value).toBe(520200);
    expect(json.warnings.some((w: string) => w.includes('slash dates'))).toBe(false);
  });

  const file = join(dir, 'local.csv');
  writeFileSync(file, 'id,created_at,first_response_at\n1,2026-11-02 10:00,2026-11-02 10:20\n2,2026-11-02 11:00,2026-11-02 11:05\n');

  it('times without an offset and no --tz: read as UTC, and a warning says so (kept with --quiet)', () => {
    const { json } = report([file, '--quiet']);
    expect(json.warnings).toContain(`${file}: the times in "created_at", "first_response_at" carry no zone and none was given; read as UTC — pass --tz with the zone the export was made in`);
    expect(report([file, '--tz', 'UTC']).json.warnings.some((w: string) => w.includes('carry no zone'))).toBe(false);
  });

  it('a date-only file: FRT of whole days, and a warning that says why', () => {
    const dates = join(dir, 'dates.csv');
    writeFileSync(dates, 'id,created_at,first_response_at\n1,2026-11-02,2026-11-02\n2,2026-11-02,2026-11-03\n');
    const { json } = report([dates, '--tz', 'UTC']);
    // 0 s and 86,400 s: mean 43,200 s
    expect(json.metrics.frt.value).toBe(43200);
    expect(json.warnings).toContain(`${dates}: "created_at", "first_response_at" hold dates without times: durations between them are whole days (0 s or 86,400 s …), not response or resolution times`);
  });
});

describe('every no-data says why', () => {
  it('a missing column names the header that could serve (Jira "Resolved" for resolved_at)', () => {
    const file = join(dir, 'jira.csv');
    writeFileSync(file, 'Issue key,Summary,Priority,Created,Resolved,Comment\nK-1,x,Medium,2026-01-01 10:00,2026-01-01 12:00,c\n');
    const { json } = report([file, '--tz', 'UTC', '--map', 'id=Issue key']);
    expect(json.metrics.art.details.reason).toBe('no resolution column (resolved_at or resolution_minutes); the file has "Resolved": if it is that, pass --map resolved_at="Resolved"');
    expect(json.metrics.ticket_volume.details).toEqual({ resolved: null, unresolved: null, unanswered: null });
  });

  it('an empty window: FRT and ART null with the reason, not a made-up 0', () => {
    const { json } = report(['fixtures/zendesk-tickets.csv', '--since', '2027-01-01', '--until', '2027-02-01']);
    expect(json.metrics.ticket_volume.value).toBe(0);
    expect(json.metrics.frt).toMatchObject({ value: null, status: 'no-data', details: { count: 0, reason: 'no ticket in the window' } });
    expect(json.metrics.art.details.reason).toBe('no ticket in the window');
  });

  it('validate says where each column\'s zone comes from', () => {
    const result = runBin(['validate', 'fixtures/bitrix24-openlines.csv', '--tz', 'Europe/Moscow']);
    expect(result.stdout).toMatch(/created_at +← column 4 "Дата создания" \(preset\), DD\.MM\.YYYY HH:mm:ss, in --tz/);
    const zendesk = runBin(['validate', 'fixtures/zendesk-tickets.csv']);
    expect(zendesk.stdout).toMatch(/created_at +← column 16 "Created at" \(preset\), YYYY-MM-DD HH:mm:ss\[±hhmm\], offsets in the values/);
  });
});
