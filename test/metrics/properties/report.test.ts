import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/report/model.js';
import type { ReportOptions } from '../../../src/report/build.js';
import { expectClose } from './arbitraries.js';
import { expectAddsUp, expectInRange, numbers, shuffle, unnamed } from './report-checks.js';
import { byTime, DAY, financeSheet, rejectedRow, START, removeFiles, report, reportOptions, spend, subscriptions, surveys, tickets, writeTables, type Table } from './csv-datasets.js';

/**
 * Report-level properties (issue #16), on generated CSV files read with readDatasets and built with buildReport, for
 * every metric of the report (ticket volume, FRT, ART, repeat contacts, reopen rate, CSAT, CSAT satisfied, NPS, CES,
 * CAC, churn, MRR, LTV, LTV:CAC, payback): the order of rows and a split into two files change nothing; a rejected
 * row changes only the rejection counts; groups and periods add up to the whole; every value stays in its range.
 */

afterAll(removeFiles);

// Every kind at once (surveys join the tickets they name), and the finance kinds on their own (the sheet too).
const datasets = fc.oneof(fc.tuple(tickets, surveys, spend, subscriptions), fc.tuple(tickets), fc.tuple(surveys), fc.tuple(spend, subscriptions), fc.tuple(subscriptions), fc.tuple(financeSheet), fc.tuple(spend, financeSheet));
const whole = (tables: readonly Table[]) => tables.map((table) => ({ table, parts: [table.rows] }));
// 80 runs: ~13 s on two cores; PROPERTY_RUNS=500 for a longer hunt.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 80);

describe('report properties on generated CSV files', () => {
  it('the order of rows in the files changes no number (sums within 1e-9 relative) and no warning', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, reportOptions, fc.integer(), async (tables, options, seed) => {
        const one = await report(writeTables(whole(tables)), options);
        const other = await report(writeTables(tables.map((table, i) => ({ table, parts: [shuffle(table.rows, seed + i)] }))), options);
        expectClose(numbers(other.report), numbers(one.report));
        expect(other.report.warnings.map(unnamed)).toEqual(one.report.warnings.map(unnamed));
      }),
      { numRuns: RUNS },
    );
  });

  it('a data set split in two files gives the same report as one file (cut anywhere, or by time as weekly or monthly exports are)', async () => {
    // By time: the first file ends at a day, often within the 1st–12th of a month (whose slash dates prove no order).
    const cutDay = fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 12 })), { nil: null });
    await fc.assert(
      fc.asyncProperty(datasets, reportOptions, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), cutDay, async (generated, options, cuts, day) => {
        const tables = day === null ? generated : generated.map(byTime);
        const one = await report(writeTables(whole(tables)), options);
        const split = tables.map((table, i) => {
          const at = day === null ? Math.round(cuts[i]! * table.rows.length) : table.times.filter((t) => t < START + day * DAY).length;
          return { table, parts: [table.rows.slice(0, at), table.rows.slice(at)] };
        });
        const two = await report(writeTables(split), options);
        expectClose(numbers(two.report), numbers(one.report));
        // Same rows read in all: per kind, the files' counts add up to the one file's.
        for (const kind of new Set(tables.map((t) => t.kind))) {
          const sum = (r: Report, field: 'rows' | 'accepted' | 'rejected') => r.inputs.filter((i) => i.kind === kind).reduce((n, i) => n + i[field], 0);
          for (const field of ['rows', 'accepted', 'rejected'] as const) expect(sum(two.report, field)).toBe(sum(one.report, field));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a rejected row (a time that is no date) changes nothing but the rejection count', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, reportOptions, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.nat(1), async (tables, options, which, where, reuseId, how) => {
        const target = which % tables.length;
        const table = tables[target]!;
        const like = table.rows[which % table.rows.length]!;
        // A fresh ticket id, or the id of a ticket read after it: a rejected row is no first occurrence to keep.
        const bad = rejectedRow(table, like, reuseId ? like[0]! : '9999', how);
        const at = reuseId ? table.rows.indexOf(like) : Math.round(where * table.rows.length);
        const withBad = tables.map((t, i) => (i === target ? { table: t, parts: [[...t.rows.slice(0, at), bad, ...t.rows.slice(at)]] } : { table: t, parts: [t.rows] }));
        const clean = await report(writeTables(whole(tables)), options);
        const dirty = await report(writeTables(withBad), options);
        expectClose(numbers(dirty.report), numbers(clean.report));
        expect(dirty.read.rejections.all.length).toBe(clean.read.rejections.all.length + 1);
        const [before, after] = [clean.report.inputs[target]!, dirty.report.inputs[target]!];
        expect({ rows: after.rows, accepted: after.accepted, rejected: after.rejected, skipped: after.skipped, merged: after.merged }).toEqual({ rows: before.rows + 1, accepted: before.accepted, rejected: before.rejected + 1, skipped: before.skipped, merged: before.merged });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('report breakdowns on generated CSV files', () => {
  const withBreakdowns = fc.tuple(
    fc.oneof(fc.tuple(tickets, surveys), fc.tuple(tickets), fc.tuple(surveys)),
    reportOptions,
    fc.constantFrom('day' as const, 'week' as const, 'month' as const),
  );

  it("--by groups add up to the whole (tickets, answered and resolved, repeats, reopens, survey responses), --period to the window", async () => {
    await fc.assert(
      fc.asyncProperty(withBreakdowns, async ([tables, options, period]) => {
        const asked: ReportOptions = { ...options, by: ['channel', 'agent', 'category'], period };
        const { report: r } = await report(writeTables(whole(tables)), asked);
        for (const by of asked.by!) expectAddsUp(r.groups!.filter((g) => g.by === by).map((g) => g.metrics), r.metrics, `--by ${by}`);
        expectAddsUp(r.periods!.map((p) => p.metrics), r.metrics, `--period ${period}`);
        // Periods tile the window: each ends where the next starts.
        r.periods!.forEach((p, k) => k > 0 && expect(p.start).toBe(r.periods![k - 1]!.end));
      }),
      { numRuns: RUNS },
    );
  });

  it('every value stays in its range in the report, its groups and its periods (rates, NPS, intervals, quantiles)', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, reportOptions, async (tables, options) => {
        const { report: r } = await report(writeTables(whole(tables)), { ...options, by: ['channel'], period: options.period ?? 'week' });
        expectInRange(r.metrics, 'report');
        for (const g of r.groups ?? []) expectInRange(g.metrics, `group ${g.by}=${g.key}`);
        for (const p of r.periods ?? []) expectInRange(p.metrics, `period ${p.start}`);
      }),
      { numRuns: RUNS },
    );
  });
});
