import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDurations, businessSeconds, calendarSpan, compileCalendar, type BusinessCalendar } from '../../src/metrics/business-time.js';
import { Zone } from '../../src/read/zone.js';
import { ValueSource } from '../../src/value-source.js';

const berlin = new Zone('Europe/Berlin');
const H = 60; // minutes
const nineToFive: [number, number][] = [[9 * H, 17 * H]];
/** Monday to Friday 09:00–17:00, Christmas Day and Buß- und Bettag (Saxony) off. */
const office: BusinessCalendar = { week: [nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, [], []], holidays: ['2026-12-25', '2026-11-18'] };

/** A Berlin wall time `YYYY-MM-DD HH:mm` as an instant. */
const at = (wall: string) => berlin.toUtc(Date.parse(`${wall.replace(' ', 'T')}:00Z`));
/** Business seconds of [from, to) (Berlin wall times), the calendar compiled over a span around them. */
function business(calendar: BusinessCalendar, from: string, to: string): number {
  return businessSeconds(compileCalendar(calendar, berlin, at(from), at(to)), at(from), at(to));
}

describe('business seconds of hand-checked spans (Europe/Berlin, Mon–Fri 09:00–17:00)', () => {
  it('over a weekend: Fri 16:00 → Mon 10:00 is Fri 16–17 + Mon 9–10', () => {
    // 2026-11-06 is a Friday, 2026-11-09 a Monday: 3600 + 3600 = 7200 s (the calendar span is 66 h)
    expect(business(office, '2026-11-06 16:00', '2026-11-09 10:00')).toBe(7200);
  });

  it('over a holiday: Thu 24 Dec 16:30 → Mon 28 Dec 09:30, Christmas Day (Fri) off', () => {
    // Thu 16:30–17:00 (1800) + Fri 25 holiday + Sat, Sun + Mon 09:00–09:30 (1800) = 3600 s
    expect(business(office, '2026-12-24 16:30', '2026-12-28 09:30')).toBe(3600);
    // Without the holiday Friday would add 8 h: 3600 + 28800 = 32400 s
    expect(business({ ...office, holidays: [] }, '2026-12-24 16:30', '2026-12-28 09:30')).toBe(32400);
  });

  it('starting and ending outside hours', () => {
    // Mon 07:00 → Mon 19:00: the whole day's 09:00–17:00 = 28800 s
    expect(business(office, '2026-11-09 07:00', '2026-11-09 19:00')).toBe(28800);
    // Mon 18:00 → Tue 08:00, Sat 10:00 → Sun 20:00: nothing open
    expect(business(office, '2026-11-09 18:00', '2026-11-10 08:00')).toBe(0);
    expect(business(office, '2026-11-07 10:00', '2026-11-08 20:00')).toBe(0);
    // Mon 12:00 → Mon 12:00: an empty span
    expect(business(office, '2026-11-09 12:00', '2026-11-09 12:00')).toBe(0);
  });

  it('several intervals a day: Mon 09:00–12:00 and 13:00–17:00, Mon 11:00 → 14:00 is 11–12 + 13–14', () => {
    const lunch: BusinessCalendar = { week: [[[9 * H, 12 * H], [13 * H, 17 * H]], [], [], [], [], [], []], holidays: [] };
    expect(business(lunch, '2026-11-09 11:00', '2026-11-09 14:00')).toBe(7200);
    // Mon 12:15 → 12:45 lies in the lunch break
    expect(business(lunch, '2026-11-09 12:15', '2026-11-09 12:45')).toBe(0);
  });

  it('across the spring DST change (Sun 29 Mar 2026, 02:00 CET → 03:00 CEST): Monday 09:00 is 07:00 UTC', () => {
    // Fri 27 Mar 16:00 CET (15:00Z) → Mon 30 Mar 07:30Z = 09:30 CEST: Fri 16–17 (3600) + Mon 9–9:30 (1800) = 5400 s.
    // Read with Friday's +01:00, Monday would open at 08:00Z and the span would hold 3600 s only.
    const from = at('2026-03-27 16:00');
    const to = Date.parse('2026-03-30T07:30:00Z');
    expect(businessSeconds(compileCalendar(office, berlin, from, to), from, to)).toBe(5400);
  });

  it('across the autumn DST change (Sun 25 Oct 2026, 03:00 CEST → 02:00 CET): Monday 09:00 is 08:00 UTC', () => {
    // Fri 23 Oct 16:00 CEST (14:00Z) → Mon 26 Oct 08:30Z = 09:30 CET: 3600 + 1800 = 5400 s (with +02:00 kept: 9000)
    const from = at('2026-10-23 16:00');
    const to = Date.parse('2026-10-26T08:30:00Z');
    expect(businessSeconds(compileCalendar(office, berlin, from, to), from, to)).toBe(5400);
  });

  it('a day open around the clock is 23 h on the spring Sunday and 25 h on the autumn one', () => {
    const sundays: BusinessCalendar = { week: [[], [], [], [], [], [], [[0, 24 * H]]], holidays: [] };
    // Sun 29 Mar 00:00 CET (23:00Z Sat) → Mon 30 Mar 00:00 CEST (22:00Z Sun): 23 h = 82800 s
    expect(business(sundays, '2026-03-29 00:00', '2026-03-30 00:00')).toBe(82800);
    // Sun 25 Oct 00:00 CEST (22:00Z Sat) → Mon 26 Oct 00:00 CET (23:00Z Sun): 25 h = 90000 s
    expect(business(sundays, '2026-10-25 00:00', '2026-10-26 00:00')).toBe(90000);
    // Open 01:00–04:00 on the spring Sunday: 01:00–02:00 CET and 03:00–04:00 CEST = 7200 s (the hour 02–03 never was)
    const early: BusinessCalendar = { week: [[], [], [], [], [], [], [[1 * H, 4 * H]]], holidays: [] };
    expect(business(early, '2026-03-28 12:00', '2026-03-30 12:00')).toBe(7200);
    // …and on the autumn one 01:00–04:00 holds the repeated hour: 02:00–03:00 twice, 4 h = 14400 s
    expect(business(early, '2026-10-24 12:00', '2026-10-26 12:00')).toBe(14400);
  });

  it('spanning a month: November 2026 and October 2026 (with the DST change inside)', () => {
    // November 2026: 1st a Sunday; weekdays 2–6, 9–13, 16–20, 23–27, 30 = 21, less Wed 18 (holiday) = 20 days × 8 h
    // = 160 h = 576000 s, of a calendar month of 30 × 24 h = 2592000 s
    expect(business(office, '2026-11-01 00:00', '2026-12-01 00:00')).toBe(576000);
    // October 2026: 1st a Thursday; weekdays 1–2, 5–9, 12–16, 19–23, 26–30 = 22 days × 8 h = 176 h = 633600 s, of
    // 31 × 24 + 1 = 745 calendar hours (25 Oct has 25)
    const from = at('2026-10-01 00:00');
    const to = at('2026-11-01 00:00');
    expect((to - from) / 3600_000).toBe(745);
    expect(businessSeconds(compileCalendar(office, berlin, from, to), from, to)).toBe(633600);
  });

  it('outside the compiled span there is no value (NaN), never a guess', () => {
    const compiled = compileCalendar(office, berlin, at('2026-11-09 00:00'), at('2026-11-10 00:00'));
    expect(businessSeconds(compiled, at('2026-11-09 10:00'), at('2026-11-20 10:00'))).toBeNaN();
  });
});

/** Business seconds counted minute by minute on the wall clock: the oracle the compiled calendar must agree with. */
function minuteByMinute(calendar: BusinessCalendar, from: number, to: number): number {
  let minutes = 0;
  for (let t = from; t < to; t += 60_000) {
    const wall = berlin.wallDate(t);
    const date = wall.toISOString().slice(0, 10);
    if (calendar.holidays.includes(date)) continue;
    const weekday = (wall.getUTCDay() + 6) % 7;
    const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
    if (calendar.week[weekday]!.some(([a, b]) => minute >= a && minute < b)) minutes++;
  }
  return minutes * 60;
}

describe('business seconds, properties', () => {
  // Weekdays with a lunch break, a Saturday morning, a Sunday night shift across the DST hours, a holiday.
  const shifts: BusinessCalendar = {
    week: [[[8 * H, 12 * H], [13 * H, 18 * H]], nineToFive, nineToFive, nineToFive, [[9 * H, 15 * H + 30]], [[10 * H, 14 * H]], [[1 * H, 4 * H], [22 * H, 24 * H]]],
    holidays: ['2026-03-26', '2026-10-22'],
  };
  const minute = 60_000;
  /** Minute-aligned instants in the weeks around both 2026 DST changes. */
  const instant = fc.oneof(fc.integer({ min: 0, max: 20 * 1440 }).map((m) => Date.parse('2026-03-18T00:00:00Z') + m * minute), fc.integer({ min: 0, max: 20 * 1440 }).map((m) => Date.parse('2026-10-14T00:00:00Z') + m * minute));
  const compiled = compileCalendar(shifts, berlin, Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-11-30T00:00:00Z'));

  it('equals the wall-clock count minute by minute (spans up to 4 days, across both DST changes)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 4 * 1440 }), (from, length) => {
        const to = from + length * minute;
        expect(businessSeconds(compiled, from, to)).toBe(minuteByMinute(shifts, from, to));
      }),
      { numRuns: 60 },
    );
  });

  it('is at most the calendar time, and adds up over a split point', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [from, split, to] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const whole = businessSeconds(compiled, from, to);
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual((to - from) / 1000);
        expect(businessSeconds(compiled, from, split) + businessSeconds(compiled, split, to)).toBe(whole);
      }),
    );
  });
});

describe('businessDurations: which value each row gets', () => {
  const compiled = compileCalendar(office, berlin, at('2026-11-01 00:00'), at('2026-11-30 00:00'));
  const created = Float64Array.from([at('2026-11-06 16:00'), at('2026-11-06 16:00'), at('2026-11-09 08:00'), at('2026-11-09 08:00'), at('2026-11-09 08:00'), at('2026-11-09 08:00')]);
  const N = Number.NaN;
  const input = {
    createdAt: created,
    // Row 0: from the timestamps, Fri 16:00 → Mon 10:00 (66 h); 1: from the export's calendar minutes (66 h);
    // 2: the export's business cell wins (7 min); 3: business 0 beside no event → none; 4: never answered;
    // 5: business 0 beside an answer at 08:30 (before opening): a real 0
    calendarSeconds: Float64Array.from([66 * 3600, 66 * 3600, 600, N, N, 1800]),
    calendarSource: Uint8Array.from([ValueSource.timestamps, ValueSource.exportColumn, ValueSource.timestamps, ValueSource.none, ValueSource.none, ValueSource.timestamps]),
    exportSeconds: Float64Array.from([N, N, 420, 0, N, 0]),
  };

  it('the export cell when filled, else the calendar; a 0 beside no event is none', () => {
    const { seconds, source } = businessDurations(input, compiled);
    // Row 0/1: Fri 16–17 + Mon 9–10 = 7200 s; row 2: 420 s as the export says (its own schedule)
    expect(Array.from(seconds)).toEqual([7200, 7200, 420, N, N, 0]);
    expect(Array.from(source)).toEqual([ValueSource.calendar, ValueSource.calendarFromDuration, ValueSource.exportColumn, ValueSource.none, ValueSource.none, ValueSource.exportColumn]);
  });

  it('without a calendar, an answered ticket without a business cell is unmeasured, never its calendar time', () => {
    const { seconds, source } = businessDurations(input, null);
    expect(Array.from(seconds)).toEqual([N, N, 420, N, N, 0]);
    expect(Array.from(source)).toEqual([ValueSource.unmeasured, ValueSource.unmeasured, ValueSource.exportColumn, ValueSource.none, ValueSource.none, ValueSource.exportColumn]);
  });

  it("a row whose file has neither a business-hours nor a calendar column is noColumn (unknown), not none", () => {
    // Rows: 0 the file has the business column, cell empty, no calendar column anywhere for it → none (unanswered);
    // 1 its file has neither (calendar source noColumn, business column missing) → noColumn;
    // 2 its file has the calendar column only, never answered → none; 3 its file lacks the business column but the
    // calendar says answered (600 s) → computed with the calendar: Mon 08:00 → 08:10 is before opening (9:00) = 0 s.
    const mixed = {
      createdAt: created.slice(0, 4),
      calendarSeconds: Float64Array.from([N, N, N, 600]),
      calendarSource: Uint8Array.from([ValueSource.noColumn, ValueSource.noColumn, ValueSource.none, ValueSource.timestamps]),
      exportSeconds: Float64Array.from([N, N, N, N]),
      exportMissing: Uint8Array.from([0, 1, 1, 1]),
    };
    const { seconds, source } = businessDurations(mixed, compiled);
    expect(Array.from(source)).toEqual([ValueSource.none, ValueSource.noColumn, ValueSource.none, ValueSource.calendar]);
    expect(Array.from(seconds)).toEqual([N, N, N, 0]);
    // No calendar column in any file (null): only the files without the business column are unknown.
    expect(Array.from(businessDurations({ ...mixed, calendarSeconds: null, calendarSource: null }, null).source)).toEqual([ValueSource.none, ValueSource.noColumn, ValueSource.noColumn, ValueSource.noColumn]);
  });

  it('calendarSpan covers every created_at and every end', () => {
    // The latest end: row 0/1, Fri 16:00 + 66 h = Mon 10:00
    expect(calendarSpan(created, [input.calendarSeconds, null])).toEqual({ from: at('2026-11-06 16:00'), to: at('2026-11-09 10:00') });
    expect(calendarSpan(new Float64Array(0), [])).toBeNull();
  });
});
