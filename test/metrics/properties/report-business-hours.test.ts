import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportOptions } from '../../../src/report/build.js';
import { BUSINESS_TWINS, withBusinessTimes, WEEKDAYS, type BusinessCalendarSetting, type BusinessHoursSetting } from '../../../src/report/business-hours.js';
import type { MetricReport, Report } from '../../../src/report/model.js';
import { ValueSource } from '../../../src/value-source.js';
import { expectClose } from './arbitraries.js';
import { byTime, DAY, rejectedRow, removeFiles, report, reportOptions, START, surveys, tickets, ticketsOf, writeTables, type Table } from './csv-datasets.js';
import { expectAddsUp, expectInRange, numbers, shuffle, unnamed } from './report-checks.js';

/**
 * Report-level properties with --business-hours (issue #16), on generated CSV files read with readDatasets and built
 * with buildReport: the business calendar random (zone with or without DST, weekly hours, holidays in the data's
 * span), or none (the export's business-hours columns only), the tickets with or without those columns. Row order, a
 * split into two files and a rejected row change nothing; groups and periods add up (business sources and tickets
 * without a business time too); every value in range; each ticket's computed business time is at most its calendar
 * time and at least its business time with one more holiday; a calendar open around the clock gives calendar time.
 */

afterAll(removeFiles);

// 20 runs a property: ~4 s alone; PROPERTY_RUNS=300 for a longer hunt (300 found nothing more, 55 s).
const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);

/** `HH:MM` of minutes after midnight (1440 = `24:00`). */
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** One weekday's hours as the config writes them: 0–2 intervals on quarter hours, `24:00` allowed. */
const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 4 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const hours: string[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) hours.push(`${hhmm(sorted[i]! * 15)}-${hhmm(sorted[i + 1]! * 15)}`);
  return hours;
});
/** Days of the tickets' span (2026-01-01 + 0 … 104 days), as holidays. */
const holiday = fc.integer({ min: 0, max: 104 }).map((d) => new Date(START + d * DAY).toISOString().slice(0, 10));
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'] as const;

const calendarSetting: fc.Arbitrary<BusinessCalendarSetting> = fc.record({
  timezone: fc.constantFrom(...ZONES),
  week: fc.tuple(...WEEKDAYS.map(() => dayHours)).map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]!]))),
  holidays: fc.uniqueArray(holiday, { maxLength: 8 }),
});
/** --business-hours with a calendar (mostly), or without one (the export's business-hours columns only). */
const businessHours: fc.Arbitrary<BusinessHoursSetting> = fc.oneof({ weight: 4, arbitrary: calendarSetting.map((calendar) => ({ calendar })) }, { weight: 1, arbitrary: fc.constant({ calendar: null }) });

/**
 * Tickets, some files with the export's business-hours minutes beside the timestamps (Zendesk's "… within business
 * hours"): filled, empty, or `0` (beside an unanswered ticket: none, as Freshdesk writes it).
 */
const businessTickets: fc.Arbitrary<Table> = fc.tuple(tickets, fc.subarray([BUSINESS_TWINS.first_response.column, BUSINESS_TWINS.resolution.column])).chain(([table, columns]) =>
  fc.array(fc.array(fc.constantFrom('', '', '0', '7', '45', '180', '1500'), { minLength: columns.length, maxLength: columns.length }), { minLength: table.rows.length, maxLength: table.rows.length }).map((cells) => ({
    ...table,
    header: [...table.header, ...columns],
    rows: table.rows.map((row, i) => [...row, ...cells[i]!]),
  })),
);
const datasets = fc.oneof({ weight: 3, arbitrary: fc.tuple(businessTickets) }, { weight: 1, arbitrary: fc.tuple(businessTickets, surveys) });
const options: fc.Arbitrary<ReportOptions> = fc.tuple(reportOptions, businessHours).map(([o, setting]) => ({ ...o, businessHours: setting }));
const whole = (tables: readonly Table[]) => tables.map((table) => ({ table, parts: [table.rows] }));

describe('report properties with --business-hours', () => {
  it('the order of rows changes no number and no warning', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, options, fc.integer(), async (tables, o, seed) => {
        const one = await report(writeTables(whole(tables)), o);
        const other = await report(writeTables(tables.map((table, i) => ({ table, parts: [shuffle(table.rows, seed + i)] }))), o);
        expectClose(numbers(other.report), numbers(one.report));
        expect(other.report.warnings.map(unnamed)).toEqual(one.report.warnings.map(unnamed));
      }),
      { numRuns: RUNS },
    );
  });

  it('a data set split in two files gives the same report as one file (cut anywhere, or by time)', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, options, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), async (generated, o, cuts, day) => {
        const tables = day === null ? generated : generated.map(byTime);
        const one = await report(writeTables(whole(tables)), o);
        const split = tables.map((table, i) => {
          const at = day === null ? Math.round(cuts[i]! * table.rows.length) : table.times.filter((t) => t < START + day * DAY).length;
          return { table, parts: [table.rows.slice(0, at), table.rows.slice(at)] };
        });
        const two = await report(writeTables(split), o);
        expectClose(numbers(two.report), numbers(one.report));
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a rejected row changes nothing but the rejection count', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, options, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.nat(1), async (tables, o, which, where, reuseId, how) => {
        const table = tables[0];
        const like = table.rows[which % table.rows.length]!;
        const bad = rejectedRow(table, like, reuseId ? like[0]! : '9999', how);
        const at = reuseId ? table.rows.indexOf(like) : Math.round(where * table.rows.length);
        const withBad = tables.map((t, i) => ({ table: t, parts: [i === 0 ? [...t.rows.slice(0, at), bad, ...t.rows.slice(at)] : t.rows] }));
        const clean = await report(writeTables(whole(tables)), o);
        const dirty = await report(writeTables(withBad), o);
        expectClose(numbers(dirty.report), numbers(clean.report));
        expect(dirty.read.rejections.all.length).toBe(clean.read.rejections.all.length + 1);
        expect(dirty.report.inputs[0]!.rejected).toBe(clean.report.inputs[0]!.rejected + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('--by groups and --period slices add up to the whole (business sources and tickets without a business time too), every value in range', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, options, fc.constantFrom('day' as const, 'week' as const, 'month' as const), async (tables, o, period) => {
        const asked: ReportOptions = { ...o, by: ['channel', 'agent', 'category'], period };
        const { report: r } = await report(writeTables(whole(tables)), asked);
        const parts: [string, Record<string, MetricReport>[]][] = [...asked.by!.map((by): [string, Record<string, MetricReport>[]] => [`--by ${by}`, r.groups!.filter((g) => g.by === by).map((g) => g.metrics)]), [`--period ${period}`, r.periods!.map((p) => p.metrics)]];
        for (const [what, slices] of parts) {
          expectAddsUp(slices, r.metrics, what);
          for (const id of ['frt', 'art']) {
            const of = (m: MetricReport | undefined) => m?.details as { withoutBusinessTime?: number; sources: { exportColumn: number; calendar: number } } | undefined;
            const all = of(r.metrics[id]);
            expect(all?.sources, `${id} sources are business ones`).toHaveProperty('calendar');
            for (const field of ['exportColumn', 'calendar'] as const) expect(slices.reduce((n, m) => n + of(m[id])!.sources[field], 0), `${what}: Σ ${id}.sources.${field}`).toBe(all!.sources[field]);
            expect(slices.reduce((n, m) => n + (of(m[id])!.withoutBusinessTime ?? 0), 0), `${what}: Σ ${id}.withoutBusinessTime`).toBe(all!.withoutBusinessTime ?? 0);
          }
          slices.forEach((m, k) => expectInRange(m, `${what} slice ${k}`));
        }
        expectInRange(r.metrics, 'report');
      }),
      { numRuns: RUNS },
    );
  });
});

/** The tickets' business and calendar durations per row (report/business-hours.ts), read as the report reads them. */
function durationsOf(read: Awaited<ReturnType<typeof report>>['read'], setting: BusinessHoursSetting) {
  const ticketsRead = read.datasets.find((d) => d.kind === 'tickets')!;
  const business = withBusinessTimes(ticketsRead, setting);
  return (['first_response', 'resolution'] as const).map((name) => ({ name, calendar: ticketsRead.elapsed[name]!, business: business.elapsed[BUSINESS_TWINS[name].elapsed]! }));
}

/** The statistics of a duration metric that order values: each is monotone in every value of the sample. */
const ORDERED = ['mean', 'median', 'p90', 'min', 'max'] as const;

describe('business time against calendar time, per ticket and in the report', () => {
  const ticketsOnly = fc.tuple(tickets, calendarSetting, reportOptions, fc.option(holiday, { nil: null }));

  it("each ticket's business FRT and ART are at most its calendar ones and at least those with one more holiday; so is every statistic of the report", async () => {
    await fc.assert(
      fc.asyncProperty(ticketsOnly, async ([table, calendar, o, extra]) => {
        const withExtra = { ...calendar, holidays: [...calendar.holidays, extra ?? '2026-02-02'] };
        const inputs = writeTables(whole([table]));
        const { read, report: businessReport } = await report(inputs, { ...o, businessHours: { calendar } });
        const durations = durationsOf(read, { calendar });
        const fewer = durationsOf(read, { calendar: withExtra });
        durations.forEach(({ name, calendar: c, business: b }, k) => {
          for (let row = 0; row < c.seconds.length; row++) {
            const [calendarSeconds, businessSeconds, holidaySeconds] = [c.seconds[row]!, b.seconds[row]!, fewer[k]!.business.seconds[row]!];
            // No export business column here: every answered (resolved) ticket is measured with the calendar.
            expect(Number.isNaN(businessSeconds), `${name} row ${row}`).toBe(Number.isNaN(calendarSeconds));
            if (Number.isNaN(calendarSeconds)) continue;
            expect(b.source[row]).toBe(ValueSource.calendar);
            expect(businessSeconds, `${name} row ${row}: business ≤ calendar`).toBeLessThanOrEqual(calendarSeconds);
            expect(holidaySeconds, `${name} row ${row}: with ${withExtra.holidays.at(-1)} off`).toBeLessThanOrEqual(businessSeconds);
          }
        });
        // The report: same tickets measured, every ordered statistic of business FRT/ART at most the calendar one's.
        const calendarReport = (await report(writeTables(whole([table])), o)).report;
        for (const id of ['frt', 'art']) {
          const [b, c] = [businessReport.metrics[id]!.details, calendarReport.metrics[id]!.details] as Record<string, number | null>[];
          expect(b!.count).toBe(c!.count);
          for (const stat of ORDERED) if (c![stat] !== null) expect(b![stat]!, `${id}.${stat}`).toBeLessThanOrEqual(c![stat]! + 1e-9 * Math.abs(c![stat]!));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a calendar open around the clock every day (any zone, tickets around its DST changes) gives the calendar FRT and ART', async () => {
    // Tickets created within three days before a DST change of the zone (UTC: any day), open up to two and a half
    // days: across days of 23, 24.5, 25 and 25.5 hours, whose hours must meet with no gap and no overlap.
    const changes: Record<(typeof ZONES)[number], string[]> = { UTC: ['2026-03-29'], 'Europe/Berlin': ['2026-03-29', '2026-10-25'], 'America/New_York': ['2026-03-08', '2026-11-01'], 'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'] };
    const aroundChanges = fc.constantFrom(...ZONES).chain((timezone) => fc.tuple(fc.constant(timezone), fc.constantFrom(...changes[timezone]).chain((day) => ticketsOf({ start: Date.parse(`${day}T00:00:00Z`) - 3 * DAY, days: 3 }))));
    await fc.assert(
      fc.asyncProperty(aroundChanges, fc.constantFrom(['00:00-24:00'], ['00:00-09:00', '09:00-24:00']), fc.constantFrom('day' as const, 'week' as const), async ([timezone, table], hours, period) => {
        const o: ReportOptions = { since: null, until: null, timezone: 'UTC', benchmark: 'saas', period, by: ['channel'] };
        const calendar = { timezone, week: Object.fromEntries(WEEKDAYS.map((d) => [d, hours])), holidays: [] };
        const business = (await report(writeTables(whole([table])), { ...o, businessHours: { calendar } })).report;
        const plain = (await report(writeTables(whole([table])), o)).report;
        const durations = (r: Report) => [r.metrics, ...r.groups!.map((g) => g.metrics), ...r.periods!.map((p) => p.metrics)].map((m) => ['frt', 'art'].map((id) => ({ value: m[id]!.value, ...Object.fromEntries(ORDERED.map((s) => [s, (m[id]!.details as Record<string, unknown>)[s]])) })));
        expectClose(durations(business), durations(plain));
      }),
      { numRuns: RUNS },
    );
  });
});
