import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDurations, businessSeconds, compileCalendar, type BusinessCalendar, type DayHours } from '../../../src/metrics/business-time.js';
import { Zone } from '../../../src/read/zone.js';
import { ValueSource } from '../../../src/value-source.js';

/**
 * Properties of business time over random calendars (issue #16; test/metrics/business-time.test.ts checks one fixed
 * calendar minute by minute): a span's business time lies in [0, its calendar time] and adds up over a split point;
 * a span inside one opening interval is all business time; a holiday takes away exactly that day's business time of
 * the span and never adds any; each ticket's computed business duration is at most its calendar duration.
 */

const DAY = 86_400_000;
// Zones with DST (an hour in Berlin and New York, half an hour on Lord Howe Island), a half-hour offset without DST
// (Kolkata), +13:45/+12:45 (Chatham), and UTC.
const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham'].map((name) => new Zone(name));
const zone = fc.constantFrom(...zones);

/** One day's opening hours: sorted, disjoint [open, close) minute pairs within 0–1440 (whole days, quarter hours, any minute). */
const dayHours: fc.Arbitrary<DayHours> = fc
  .uniqueArray(fc.oneof(fc.constantFrom(0, 60, 120, 180, 540, 720, 780, 1020, 1380, 1440), fc.integer({ min: 0, max: 96 }).map((q) => q * 15), fc.integer({ min: 0, max: 1440 })), { maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i]!, sorted[i + 1]!]);
    return pairs;
  });

// Both 2026 DST seasons of the zones above: Mar 1 – Apr 30 (Berlin, New York forward; Lord Howe, Chatham back) and
// Sep 20 – Nov 10 (Berlin, New York back; Lord Howe, Chatham forward).
const SEASONS = [
  [Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 30)],
  [Date.UTC(2026, 8, 20), Date.UTC(2026, 10, 10)],
] as const;
const FIRST_DAY = Date.UTC(2026, 1, 25);
const LAST_DAY = Date.UTC(2026, 11, 1);
const dayName = (day: number) => new Date(FIRST_DAY + day * DAY).toISOString().slice(0, 10);
/** Days of the span as `YYYY-MM-DD`, each a holiday now and then. */
const holidays = fc.uniqueArray(fc.integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY }).map(dayName), { maxLength: 12 });

const calendar: fc.Arbitrary<BusinessCalendar> = fc.record({ week: fc.array(dayHours, { minLength: 7, maxLength: 7 }), holidays });

// The 2026 DST changes of those zones (New York Mar 8 / Nov 1, Berlin Mar 29 / Oct 25, Lord Howe and Chatham Apr 5 /
// Oct 4 and Sep 27): half the instants and days are drawn within three days of one, where a calendar is easiest to get
// wrong.
const CHANGES = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01'].map((d) => Date.parse(`${d}T00:00:00Z`));
/** Whole minutes, whole seconds or any millisecond. */
const step = fc.constantFrom(60_000, 1000, 1);
/** An instant in one of the seasons, or within three days of a DST change. */
const instant = fc.oneof(
  fc.tuple(fc.constantFrom(...SEASONS), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), step).map(([[from, to], at, unit]) => from + Math.floor(((to - from) * at) / unit) * unit),
  fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * DAY, max: 3 * DAY }), step).map(([change, offset, unit]) => change + Math.floor(offset / unit) * unit),
);
/** A day of the span (days after FIRST_DAY, 1 … span − 2), or a day near a DST change. */
const spanDays = (LAST_DAY - FIRST_DAY) / DAY;
const someDay = fc.oneof(fc.integer({ min: 1, max: spanDays - 2 }), fc.tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -1, max: 1 })).map(([change, d]) => (change - FIRST_DAY) / DAY + d));
/** Three instants in order: a ticket's created_at and two later ones up to three days on (most tickets), or any three. */
const threeInstants = fc.tuple(instant, instant, instant, fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: 3 * DAY }), step, fc.boolean()).map(([a, b, c, d1, d2, unit, near]) => {
  const [first, second] = [Math.floor(d1 / unit) * unit, Math.floor(d2 / unit) * unit];
  const sorted = near ? [a, a + first, a + first + second] : [a, b, c].sort((x, y) => x - y);
  return sorted as [number, number, number];
});

/** Whole milliseconds of a business time in seconds (a whole number of ms over 1000). */
const ms = (seconds: number) => Math.round(seconds * 1000);

function compiled(c: BusinessCalendar, z: Zone) {
  return compileCalendar(c, z, FIRST_DAY, LAST_DAY);
}

describe('business seconds over random calendars and zones (properties)', () => {
  it('lie in [0, the calendar time] and add up over a split point: span(a, c) = span(a, b) + span(b, c)', () => {
    fc.assert(
      fc.property(calendar, zone, threeInstants, (c, z, [a, b, end]) => {
        const compiledCalendar = compiled(c, z);
        const whole = businessSeconds(compiledCalendar, a, end);
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual((end - a) / 1000);
        // Business time is a difference of sums of whole milliseconds: the parts add up exactly in milliseconds (in
        // seconds, x/1000 + y/1000 may differ from (x + y)/1000 in the last bit).
        expect(ms(businessSeconds(compiledCalendar, a, b)) + ms(businessSeconds(compiledCalendar, b, end))).toBe(ms(whole));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('a span inside one opening interval is all business time (created and answered within the same hours)', () => {
    fc.assert(
      fc.property(calendar, zone, someDay, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (c, z, day, which, p, q) => {
        const date = FIRST_DAY + day * DAY;
        const weekday = (new Date(date).getUTCDay() + 6) % 7;
        const hours = c.week[weekday]!;
        fc.pre(hours.length > 0 && !c.holidays.includes(new Date(date).toISOString().slice(0, 10)));
        const [open, close] = hours[which % hours.length]!;
        // The interval on the zone's wall clock as instants (read/zone.ts); a DST gap may leave nothing of it.
        const [start, end] = [z.toUtc(date + open * 60_000), z.toUtc(date + close * 60_000)];
        fc.pre(end > start);
        const [from, to] = [start + Math.floor((end - start) * Math.min(p, q)), start + Math.floor((end - start) * Math.max(p, q))];
        expect(businessSeconds(compiled(c, z), from, to)).toBe((to - from) / 1000);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('a span inside the closed hours of a day (before, between and after its intervals; all of a holiday) has none', () => {
    fc.assert(
      fc.property(calendar, zone, someDay, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (c, z, day, which, p, q) => {
        const date = FIRST_DAY + day * DAY;
        const weekday = (new Date(date).getUTCDay() + 6) % 7;
        const hours = c.holidays.includes(new Date(date).toISOString().slice(0, 10)) ? [] : c.week[weekday]!;
        // The day's closed stretches in wall minutes: 00:00 to the first opening, each closing to the next opening, the
        // last closing to 24:00.
        const edges = [0, ...hours.flat(), 1440];
        const gaps = Array.from({ length: edges.length / 2 }, (_, k) => [edges[2 * k]!, edges[2 * k + 1]!] as const);
        const [open, close] = gaps[which % gaps.length]!;
        const [start, end] = [z.toUtc(date + open * 60_000), z.toUtc(date + close * 60_000)];
        fc.pre(end > start);
        const [from, to] = [start + Math.floor((end - start) * Math.min(p, q)), start + Math.floor((end - start) * Math.max(p, q))];
        expect(businessSeconds(compiled(c, z), from, to)).toBe(0);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('a holiday takes away exactly the business time of its day within the span, and never adds any', () => {
    fc.assert(
      fc.property(calendar, zone, threeInstants, someDay, (c, z, [from, , to], day) => {
        const holiday = dayName(day);
        const withHoliday = { ...c, holidays: [...c.holidays, holiday] };
        const without = compiled(c, z);
        const before = businessSeconds(without, from, to);
        const after = businessSeconds(compiled(withHoliday, z), from, to);
        expect(after).toBeLessThanOrEqual(before);
        // The holiday's wall day as instants, cut to the span: what the calendar without it counted there is lost.
        const dayStart = Math.min(Math.max(z.toUtc(FIRST_DAY + day * DAY), from), to);
        const dayEnd = Math.min(Math.max(z.toUtc(FIRST_DAY + (day + 1) * DAY), from), to);
        expect(ms(before) - ms(after)).toBe(ms(businessSeconds(without, dayStart, dayEnd)));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});

describe('businessDurations over random tickets (properties)', () => {
  // A ticket: created in a season, its calendar duration (whole seconds or milliseconds, from timestamps or an export
  // column) or none, and the export's business-hours cell or none.
  const ticket = fc.record({
    created: instant,
    calendarMs: fc.option(fc.oneof(fc.integer({ min: 0, max: 5 * 86_400 }).map((s) => s * 1000), fc.integer({ min: 0, max: 5 * DAY })), { nil: null }),
    fromColumn: fc.boolean(),
    exportSeconds: fc.option(fc.integer({ min: 0, max: 86_400 }), { nil: null, freq: 3 }),
  });

  it("each ticket's computed business duration is at most its calendar duration, and none is made up", () => {
    fc.assert(
      fc.property(calendar, zone, fc.array(ticket, { maxLength: 40 }), fc.boolean(), (c, z, rows, withExportColumn) => {
        const input = {
          createdAt: Float64Array.from(rows, (r) => r.created),
          calendarSeconds: Float64Array.from(rows, (r) => (r.calendarMs === null ? Number.NaN : r.calendarMs / 1000)),
          calendarSource: Uint8Array.from(rows, (r) => (r.calendarMs === null ? ValueSource.none : r.fromColumn ? ValueSource.exportColumn : ValueSource.timestamps)),
          exportSeconds: withExportColumn ? Float64Array.from(rows, (r) => r.exportSeconds ?? Number.NaN) : null,
        };
        const compiledCalendar = compiled(c, z);
        const { seconds, source } = businessDurations(input, compiledCalendar);
        rows.forEach((r, i) => {
          const cell = withExportColumn ? r.exportSeconds : null;
          // The export's cell wins when filled (its own schedule), unless it is a 0 beside no event (Freshdesk: none).
          if (cell !== null && !(cell === 0 && r.calendarMs === null)) {
            expect([seconds[i], source[i]]).toEqual([cell, ValueSource.exportColumn]);
          } else if (r.calendarMs === null) {
            expect([seconds[i], source[i]]).toEqual([Number.NaN, ValueSource.none]);
          } else {
            expect(source[i]).toBe(r.fromColumn ? ValueSource.calendarFromDuration : ValueSource.calendar);
            expect(seconds[i]).toBeGreaterThanOrEqual(0);
            expect(seconds[i]).toBeLessThanOrEqual(r.calendarMs / 1000);
            expect(seconds[i]).toBe(businessSeconds(compiledCalendar, r.created, r.created + r.calendarMs));
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
