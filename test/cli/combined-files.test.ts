import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

/**
 * Several ticket files read as one, one of them without a first-response column (a Zendesk export with only the
 * business-hours twin): its tickets are not known to be unanswered — left out of FRT and of `unanswered`, counted
 * apart (notMeasured) and said in a warning, in the whole report, its groups, with --business-hours and in --details.
 */
const dir = mkdtempSync(join(tmpdir(), 'sm-combined-'));
const BUSINESS_ONLY = 'fixtures/zendesk-business-hours-only.csv'; // 2001 Mail, 2002 Web form, 2003 Chat; 2001 solved
const FRESHDESK = 'fixtures/freshdesk-excel-resave.csv'; // 1301–1306, calendar first response for 4 of them
const bare = join(dir, 'bare.csv');
writeFileSync(bare, 'id,created_at,channel\n11,2026-11-02 12:00:00,email\n12,2026-11-03 12:00:00,chat\n');

function json(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('a file without a first-response column beside one with it', () => {
  const report = json([BUSINESS_ONLY, FRESHDESK]);

  it('leaves its tickets out of unanswered and counts them apart', () => {
    // Answered (Initial response time): 1301, 1302, 1304, 1305; unanswered 1303, 1306 = 2 (not 2 + the Zendesk file's 3).
    // Resolved: 2001 (Solved at) + 1301, 1302, 1305 = 4; unresolved 2002, 2003 + 1303, 1304, 1306 = 5: both files have it.
    expect(report.metrics.ticket_volume.details).toEqual({ resolved: 4, unresolved: 5, unanswered: 2, firstResponseNotMeasured: 3 });
    // FRT over Freshdesk's 4: (19 + 65 + 1 + 1) min = 5160 s / 4 = 1290 s; the 3 Zendesk tickets not measured.
    expect(report.metrics.frt).toMatchObject({ value: 1290, details: { count: 4, unanswered: 2, notMeasured: 3 } });
    // ART: both files have a resolution column, so no notMeasured key.
    expect(report.metrics.art.details).not.toHaveProperty('notMeasured');
  });

  it('says so, naming the file and the missing column', () => {
    expect(report.warnings).toContain(
      `${BUSINESS_ONLY} has no first-response column (first_response_at or first_response_minutes), which other files of the tickets have: whether its 3 tickets were answered is unknown — left out of FRT and not counted as unanswered (ticket_volume firstResponseNotMeasured, frt notMeasured)`,
    );
  });

  it('does the same in each group', () => {
    const groups = json([BUSINESS_ONLY, FRESHDESK, '--by', 'channel']).groups;
    const of = (key: string) => groups.find((g: { key: string }) => g.key === key).metrics;
    // email: 2001 (Zendesk, unknown), 1301 answered, 1303 and 1306 unanswered.
    expect(of('email').ticket_volume.details).toMatchObject({ unanswered: 2, firstResponseNotMeasured: 1 });
    expect(of('email').frt.details).toMatchObject({ count: 1, unanswered: 2, notMeasured: 1 });
    // chat: 2003 (unknown), 1305 answered in 1 min.
    expect(of('chat').frt.details).toMatchObject({ count: 1, unanswered: 0, notMeasured: 1, mean: 60 });
  });

  it('and in each period', () => {
    const periods = json([BUSINESS_ONLY, FRESHDESK, '--period', 'day']).periods;
    // 2026-11-02 (UTC): the 3 Zendesk tickets (2003 at 23:40 +0100 = 22:40 UTC) and Freshdesk's 1301, 1302, both answered.
    const first = periods.find((p: { start: string }) => p.start.startsWith('2026-11-02')).metrics;
    expect(first.frt.details).toMatchObject({ count: 2, unanswered: 0, notMeasured: 3 });
    expect(first.ticket_volume.details).toMatchObject({ unanswered: 0, firstResponseNotMeasured: 3 });
  });

  it('shows the not-measured tickets beside FRT in the table', () => {
    const result = runBin(['report', BUSINESS_ONLY, FRESHDESK, '--format', 'table']);
    expect(result.stdout).toContain('3 not measured (no column)');
  });

  it('marks its rows in --details: frt_seconds unknown, not none', () => {
    const out = join(dir, 'details.csv');
    const result = runBin(['report', BUSINESS_ONLY, FRESHDESK, '--details', out, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
    expect(header!.at(-1)).toBe('not_measured');
    const byId = new Map(rows.map((r) => [r[3], r.at(-1)]));
    expect([byId.get('2001'), byId.get('2003')]).toEqual(['frt_seconds', 'frt_seconds']);
    // Freshdesk's 1303 is unanswered (none), not unknown.
    expect([byId.get('1301'), byId.get('1303')]).toEqual(['', '']);
  });

  it('changes nothing for one file: unknown stays null with its reason, no new keys', () => {
    const alone = json([BUSINESS_ONLY]);
    expect(alone.metrics.ticket_volume.details).toEqual({ resolved: 1, unresolved: 2, unanswered: null });
    expect(alone.metrics.frt.details).not.toHaveProperty('notMeasured');
  });
});

describe('--business-hours, a file with neither the business-hours nor the calendar column', () => {
  const report = json([BUSINESS_ONLY, bare, '--business-hours']);

  it('leaves its tickets out of FRT and ART in business time, not unanswered or unresolved', () => {
    // Business minutes 12 and 5 → 720 s, 300 s: mean 510; 2003's cell empty → unanswered 1; bare.csv's 2 unknown.
    expect(report.metrics.frt).toMatchObject({ value: 510, details: { count: 2, unanswered: 1, notMeasured: 2, businessHours: true } });
    // 2001's 150 business minutes = 9000 s; 2002, 2003 unresolved (no Solved at); bare.csv's 2 unknown.
    expect(report.metrics.art).toMatchObject({ value: 9000, details: { count: 1, unresolved: 2, notMeasured: 2 } });
    // The calendar volume: no file has a calendar first response (null: unknown); Solved at only in the Zendesk file.
    expect(report.metrics.ticket_volume.details).toEqual({ resolved: 1, unresolved: 2, unanswered: null, resolutionNotMeasured: 2 });
  });

  it('names the file in a warning per duration', () => {
    expect(report.warnings).toContain(
      `${bare} has neither a business-hours nor a calendar first-response column (first_response_business_minutes, first_response_at, first_response_minutes), which other files of the tickets have: whether its 2 tickets were answered is unknown — left out of First response time (business hours) and not counted as unanswered (notMeasured)`,
    );
    expect(report.warnings.some((w: string) => w.startsWith(`${bare} has neither a business-hours nor a calendar resolution column`))).toBe(true);
  });
});
