import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/report/model.js';
import { runBin } from './run-bin.js';

/**
 * --business-hours (issue #15, SPEC §3), end to end: business times from the export's columns where the vendor gives
 * them, else from the timestamps with the config's businessCalendar; which source each value came from; no value,
 * with what to add, when there is neither.
 */
const calendarConfig = resolve('fixtures/business-calendar.config.json');
const dir = mkdtempSync(join(tmpdir(), 'sm-bhours-'));

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json', '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  const json = JSON.parse(result.stdout);
  // Every report still fits the one JSON contract.
  expect(Report.safeParse(json).success).toBe(true);
  return json;
}

describe('computed with the config calendar (Berlin, Mon–Fri 09:00–17:00, Christmas Day off)', () => {
  const json = report(['fixtures/tickets-business-hours.csv', '--config', calendarConfig, '--business-hours']);

  it('FRT: the business part of each wait, hand-checked', () => {
    // B-1 Fri 27 Mar 16:00 → Mon 30 Mar 09:30 (spring DST weekend): Fri 16–17 + Mon 9–9:30 = 5400 s
    // B-2 Sat 10:00 → Sat 10:05: 0 s; B-3 Thu 24 Dec 16:30 → Mon 28 Dec 09:30, 25 Dec off: 1800 + 1800 = 3600 s
    // B-4 Mon 07:00 → 08:00, before opening: 0 s; B-5 never answered; B-6 Sun 25 Oct 10:00 → Mon 09:15 CET: 900 s
    // mean (5400 + 0 + 3600 + 0 + 900) / 5 = 1980; sorted 0 0 900 3600 5400: median 900,
    // p90 at h = 3.6: 3600 + 0.6 × 1800 = 4680; within "< 15 min": the two 0 s of 5 = 0.4
    expect(json.metrics.frt).toMatchObject({
      label: 'First response time (business hours)',
      value: 1980,
      details: { count: 5, median: 900, p90: 4680, min: 0, max: 5400, withinTarget: 0.4, unanswered: 1, sources: { exportColumn: 0, calendar: 5 }, businessHours: true, withoutBusinessTime: 0 },
      status: 'missed',
    });
  });

  it('ART: across a DST change and over a month', () => {
    // B-1 Fri 16:00 → Mon 11:00: 1 h + 2 h = 10800 s; B-2 Sat 10:00 → Mon 09:45: 2700 s;
    // B-4 Mon 07:00 → 19:00: 8 h = 28800 s; B-6 Sun 25 Oct 10:00 → Wed 25 Nov 12:00: Oct 26–30 (40 h) + Nov 2–20
    // (15 days, 120 h) + Nov 23–24 (16 h) + Nov 25 9–12 (3 h) = 179 h = 644400 s. Mean 686700 / 4 = 171675;
    // median (10800 + 28800) / 2 = 19800; within "< 4 h": 2700 and 10800 = 0.5
    expect(json.metrics.art).toMatchObject({ label: 'Resolution time (business hours)', value: 171675, details: { count: 4, median: 19800, withinTarget: 0.5, unresolved: 2, sources: { exportColumn: 0, calendar: 4 } } });
  });

  it('the report says it is business time and with which calendar; the ticket volume is untouched', () => {
    expect(json.businessHours).toEqual({
      description: "FRT and ART count time within business hours only: the export's business-hours columns where filled, else computed from the timestamps with the calendar Mon–Fri 09:00–17:00 (Europe/Berlin), 1 holiday",
      calendar: { timezone: 'Europe/Berlin', week: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] }, holidays: ['2026-12-25'] },
    });
    expect(json.metrics.ticket_volume.details).toEqual({ resolved: 4, unresolved: 2, unanswered: 1 });
  });

  it('groups are business time too (the slices tallied in one pass)', () => {
    const grouped = report(['fixtures/tickets-business-hours.csv', '--config', calendarConfig, '--business-hours', '--by', 'channel']);
    const frtOf = (key: string) => grouped.groups.find((g: { by: string; key: string }) => g.key === key).metrics.frt;
    // email: B-1 5400, B-3 3600, B-4 0, B-6 900 → 9900 / 4 = 2475; chat: B-2 0, B-5 unanswered
    expect(frtOf('email')).toMatchObject({ label: 'First response time (business hours)', value: 2475, details: { count: 4, unanswered: 0, sources: { exportColumn: 0, calendar: 4 } } });
    expect(frtOf('chat')).toMatchObject({ value: 0, details: { count: 1, unanswered: 1 } });
  });

  it('without --business-hours the same file gives calendar time (the calendar is only a setting)', () => {
    const calendar = report(['fixtures/tickets-business-hours.csv', '--config', calendarConfig]);
    // B-1 15:00Z → 07:30Z Mon = 64.5 h = 232200; B-2 300; B-3 89 h = 320400; B-4 3600; B-6 23.25 h = 83700 → 640200 / 5
    expect(calendar.metrics.frt).toMatchObject({ label: 'First response time', value: 128040, details: { sources: { exportColumn: 0, timestamps: 5 } } });
    expect(calendar.businessHours).toBeUndefined();
    expect(calendar.metrics.frt.details.businessHours).toBeUndefined();
  });

  it('the config can switch it on, and --no-business-hours off again', () => {
    const config = join(dir, 'on.json');
    writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(calendarConfig, 'utf8')), businessHours: true }));
    expect(report(['fixtures/tickets-business-hours.csv', '--config', config]).metrics.frt.value).toBe(1980);
    expect(report(['fixtures/tickets-business-hours.csv', '--config', config, '--no-business-hours']).metrics.frt.value).toBe(128040);
  });

  it("init's starter calendar works as written (Mon–Fri 09:00–17:00 in the config's zone, here --tz)", () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-bhours-init-'));
    expect(runBin(['init'], {}, undefined, folder).code).toBe(0);
    const json = JSON.parse(runBin(['report', resolve('fixtures/tickets-business-hours.csv'), '--business-hours', '--tz', 'Europe/Berlin', '--format', 'json', '--quiet'], {}, undefined, folder).stdout);
    // The same hours as the fixture's calendar; its holidays 25–26 Dec (a Friday and a Saturday): FRT as above
    expect(json.metrics.frt.value).toBe(1980);
    expect(json.businessHours.calendar.timezone).toBe('Europe/Berlin');
  });

  it('periods and the comparison are business time too', () => {
    const json = report(['fixtures/tickets-business-hours.csv', '--config', calendarConfig, '--business-hours', '--window', '2026-11', '--compare', 'previous', '--period', 'month']);
    // November: B-4 (0 s) answered, B-5 not; October: B-6, 900 s business (83700 s calendar)
    expect(json.periods[0].metrics.frt).toMatchObject({ label: 'First response time (business hours)', value: 0, details: { count: 1, unanswered: 1 } });
    expect(json.comparison.metrics.frt).toMatchObject({ delta: -900, previous: { label: 'First response time (business hours)', value: 900 } });
  });

  it('the table and Markdown say "business hours"', () => {
    const table = runBin(['report', 'fixtures/tickets-business-hours.csv', '--config', calendarConfig, '--business-hours', '--quiet']);
    expect(table.code).toBe(0);
    // The label wraps in its cell: "First response time" over "(business hours)"; 1980 s = 33m 00s
    expect(table.stdout).toMatch(/│ First response time │ 33m 00s\s+│\s+5 │ ✗ missed\s+│\n│ \(business hours\)\s+│/);
    expect(table.stdout).toContain('Business hours: FRT and ART count time within business hours only');
    const md = runBin(['report', 'fixtures/tickets-business-hours.csv', '--config', calendarConfig, '--business-hours', '--format', 'md', '--quiet']);
    expect(md.stdout).toContain('| First response time (business hours) (low sample) | 33m 00s (1 unanswered) | 15m 00s | 1h 18m | 5 | 40.0% |');
    expect(md.stdout).toContain('Business hours: FRT and ART count time within business hours only: the export\'s business-hours columns where filled, else computed from the timestamps with the calendar Mon–Fri 09:00–17:00 (Europe/Berlin), 1 holiday');
  });

  it('--details carries both times of each ticket, and breaches are judged on business time', () => {
    const file = join(dir, 'rows.csv');
    const run = runBin(['report', 'fixtures/tickets-business-hours.csv', '--config', calendarConfig, '--business-hours', '--details', file, '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    const columns = header!.split(',');
    expect(columns.slice(11, 15)).toEqual(['frt_seconds', 'art_seconds', 'frt_business_seconds', 'art_business_seconds']);
    const row = (id: string) => Object.fromEntries(columns.map((c, k) => [c, lines.find((l) => l.split(',')[3] === id)!.split(',')[k]]));
    // B-1: 64.5 h calendar (232200 s) but 5400 s business: FRT breached (5400 ≥ 900), ART 10800 < 14400 met
    expect(row('B-1')).toMatchObject({ frt_seconds: '232200', frt_business_seconds: '5400', art_seconds: '237600', art_business_seconds: '10800', breached: 'frt' });
    // B-2: 300 s calendar, 0 business; ART 46.75 h calendar but 2700 s business: nothing breached
    expect(row('B-2')).toMatchObject({ frt_business_seconds: '0', art_seconds: '168300', art_business_seconds: '2700', breached: '' });
    expect(row('B-5')).toMatchObject({ frt_business_seconds: '', art_business_seconds: '' });
  });
});

describe('from the export business-hours columns', () => {
  it('a Zendesk export with only the business twins: --business-hours uses them', () => {
    const json = report(['fixtures/zendesk-business-hours-only.csv', '--business-hours']);
    // "First reply time in minutes within business hours" 12 and 5 → 720 s and 300 s; 2003 has none (unanswered)
    expect(json.metrics.frt).toMatchObject({ value: 510, status: 'met', details: { count: 2, unanswered: 1, sources: { exportColumn: 2, calendar: 0 }, withoutBusinessTime: 0 } });
    // "Full resolution time in minutes within business hours" 150 → 9000 s; 2002 and 2003 not solved
    expect(json.metrics.art).toMatchObject({ value: 9000, details: { count: 1, unresolved: 2, sources: { exportColumn: 1, calendar: 0 } } });
    expect(json.businessHours.calendar).toBeNull();
  });

  it("Freshdesk's (in hrs) cells: 00:00:00 beside no response or resolution is none, not zero", () => {
    const json = report(['fixtures/freshdesk-excel-resave.csv', '--tz', 'Europe/Berlin', '--business-hours']);
    // FRT 0:18:26, 1:05:02, 0:01:20, 0:00:35 = 1106 + 3902 + 80 + 35 = 5123 / 4 = 1280.75; 1303 and 1306 (0:00:00,
    // no Initial response time) unanswered
    expect(json.metrics.frt).toMatchObject({ value: 1280.75, details: { count: 4, unanswered: 2, sources: { exportColumn: 4, calendar: 0 } } });
    // ART 2:27:18, 27:14:51, 0:06:40 = 8838 + 98091 + 400 = 107329 / 3; 1304's 0:00:00 has no Resolved time: unresolved
    expect(json.metrics.art.value).toBeCloseTo(107329 / 3, 6);
    expect(json.metrics.art.details).toMatchObject({ count: 3, unresolved: 3 });
  });

  it("Intercom's office-hours columns, an empty cell computed with the calendar, and the two schedules said", () => {
    const json = JSON.parse(runBin(['report', 'fixtures/intercom-office-hours.csv', '--config', calendarConfig, '--business-hours', '--format', 'json']).stdout);
    // 215470001: 7200 from "First response time, only within office hours"; 215470003: 600; 215470002's cell is
    // empty: Tue 09:00 + "First response time (seconds)" 1200 = 09:20, all within hours → 1200. Mean 9000 / 3 = 3000
    expect(json.metrics.frt).toMatchObject({ value: 3000, details: { count: 3, unanswered: 1, sources: { exportColumn: 2, calendar: 1 } } });
    // ART: 10800 from the column, 215470002 Tue 09:00 + 3600 s = 10:00 → 3600; mean 7200
    expect(json.metrics.art).toMatchObject({ value: 7200, details: { count: 2, unresolved: 2, sources: { exportColumn: 1, calendar: 1 } } });
    expect(json.warnings).toContain('First response time (business hours): 1 value computed from created_at plus the export\'s calendar duration "First response time (seconds)" (its end is known only to that column\'s rounding)');
    expect(json.warnings).toContain('First response time (business hours): 2 values from "First response time, only within office hours (seconds)" (the help desk\'s own schedule) and 1 computed with the config\'s businessCalendar: check that the two schedules agree');
  });

  it('without a calendar, a ticket whose business-hours cell is empty is left out and counted, never taken in calendar time', () => {
    const json = report(['fixtures/intercom-office-hours.csv', '--business-hours']);
    // 7200 and 600 → 3900; 215470002 answered but unmeasured; 215470004 unanswered
    expect(json.metrics.frt).toMatchObject({ value: 3900, details: { count: 2, unanswered: 1, withoutBusinessTime: 1 } });
    expect(json.metrics.art).toMatchObject({ value: 10800, details: { count: 1, unresolved: 2, withoutBusinessTime: 1 } });
    expect(json.warnings[0]).toBe(
      'First response time (business hours): 1 answered ticket without a business-hours value ("First response time, only within office hours (seconds)" empty) and no businessCalendar in the config to compute one: left out (withoutBusinessTime); add a businessCalendar to the config file',
    );
    const table = runBin(['report', 'fixtures/intercom-office-hours.csv', '--business-hours', '--quiet']).stdout;
    expect(table).toContain('1 unanswered, 1 without business');
  });

  it('neither a business-hours column nor a calendar: no value, and what to add', () => {
    const json = report(['fixtures/tickets-business-hours.csv', '--tz', 'Europe/Berlin', '--business-hours']);
    expect(json.metrics.frt).toMatchObject({ value: null, status: 'no-data', label: 'First response time (business hours)', details: { count: 0, unanswered: null, businessHours: true } });
    expect(json.metrics.frt.details.reason).toBe(
      'no business-hours first-response column (first_response_business_minutes: Zendesk "First reply time in minutes within business hours", Freshdesk "First response time (in hrs)", Intercom "First response time, only within office hours (seconds)") and no businessCalendar in the config to compute it from the timestamps; add a businessCalendar to the config file (support-metrics init writes an example), or export that column',
    );
    expect(json.metrics.art).toMatchObject({ value: null, status: 'no-data' });
    // The volume still comes from the calendar columns
    expect(json.metrics.ticket_volume.details).toEqual({ resolved: 4, unresolved: 2, unanswered: 1 });
  });
});

describe('a bad business calendar stops the run with its JSON path (exit 2, one line)', () => {
  const cases: [object, string][] = [
    [{ week: { mon: ['9-17'] } }, 'businessCalendar.week.mon[0]: "9-17" is not opening hours (HH:MM-HH:MM, e.g. "09:00-17:00")'],
    [{ week: { tue: ['09:00-12:00', '17:00-13:00'] } }, 'businessCalendar.week.tue[1]: "17:00-13:00" does not end after it starts'],
    [{ week: { wed: ['09:00-13:00', '12:00-17:00'] } }, 'businessCalendar.week.wed: "12:00-17:00" overlaps "09:00-13:00"'],
    [{ week: { sat: [] } }, 'businessCalendar.week: no opening hours on any day'],
    [{ week: { monday: ['09:00-17:00'] } }, 'businessCalendar.week: Unrecognized key: "monday"'],
    [{ week: { mon: ['09:00-17:00'] }, holidays: ['2026-02-30'] }, 'businessCalendar.holidays[0]: "2026-02-30" is not a date (YYYY-MM-DD)'],
    [{ week: { mon: ['09:00-17:00'] }, timezone: 'Berlin' }, 'businessCalendar.timezone: "Berlin" is not a time zone'],
  ];
  for (const [calendar, message] of cases) {
    it(message, () => {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ businessCalendar: calendar }));
      const result = runBin(['report', 'fixtures/tickets-business-hours.csv', '--config', file, '--business-hours']);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`${file}: ${message}`);
      expect(result.stdout).toBe('');
    });
  }
});
