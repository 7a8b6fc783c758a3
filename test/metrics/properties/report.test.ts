import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetricReport, Report } from '../../../src/report/model.js';
import type { ReportOptions } from '../../../src/report/build.js';
import { expectClose } from './arbitraries.js';
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

/** The numbers of a report: its metrics, groups and periods (inputs name the files; warnings are compared apart). */
function numbers(r: Report): unknown {
  return { metrics: r.metrics, groups: r.groups, periods: r.periods };
}

/** A warning without the generated file's name it may start with (each run writes new files). */
const unnamed = (warning: string) => warning.replace(/\S*sm-props-[^/]+\/[a-z]+-\d+\.csv/g, 'FILE');

/** A deterministic shuffle by `seed` (mulberry32), so a failing case replays. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

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

type Details = Record<string, unknown>;
const detail = (m: MetricReport | undefined, field: string) => (m?.details as Details | undefined)?.[field] as number | null | undefined;

/** What adds up over groups and periods: per metric, the counts of its details. */
const ADDITIVE: Record<string, readonly string[]> = {
  ticket_volume: ['value', 'resolved', 'unresolved', 'unanswered'],
  frt: ['count', 'unanswered'],
  art: ['count', 'unresolved'],
  repeat_contact_rate: ['repeatTickets', 'tickets', 'withoutCustomer'],
  reopen_rate: ['reopened', 'resolved'],
  csat: ['responses'],
  csat_satisfied: ['responses', 'satisfied'],
  nps: ['responses', 'promoters', 'passives', 'detractors'],
  ces: ['responses'],
};

function expectAddsUp(parts: readonly Record<string, MetricReport>[], all: Record<string, MetricReport>, what: string): void {
  for (const [id, fields] of Object.entries(ADDITIVE)) {
    if (all[id] === undefined) continue;
    for (const field of fields) {
      const of = (m: MetricReport | undefined) => (field === 'value' ? m?.value : detail(m, field));
      const total = of(all[id]);
      // A count the data cannot tell (no column) is null in the whole and in every part.
      if (total === null) continue;
      const sum = parts.reduce((n, p) => n + (of(p[id]) ?? 0), 0);
      expect(sum, `${what}: Σ ${id}.${field}`).toBe(total);
    }
  }
}

/** Ranges every metric entry keeps: rates in [0, 1], NPS in ±100, intervals around their value, quantiles in [min, max]. */
function expectInRange(metrics: Record<string, MetricReport>, where: string): void {
  for (const m of Object.values(metrics)) {
    const d = m.details as Details;
    const v = m.value;
    if (v !== null) expect(Number.isFinite(v), `${where} ${m.id} is ${v}`).toBe(true);
    if (['repeat_contact_rate', 'reopen_rate', 'csat_satisfied', 'churn_rate'].includes(m.id) && v !== null) {
      expect(v, `${where} ${m.id}`).toBeGreaterThanOrEqual(0);
      expect(v, `${where} ${m.id}`).toBeLessThanOrEqual(1);
    }
    if (m.id === 'nps' && v !== null) {
      expect(v).toBeGreaterThanOrEqual(-100);
      expect(v).toBeLessThanOrEqual(100);
    }
    const ci = d.ci95 as [number, number] | null | undefined;
    if (ci !== undefined && ci !== null && v !== null) {
      const [low, high] = m.id === 'nps' ? [-100, 100] : [0, 1];
      expect(ci[0], `${where} ${m.id} ci95 ${ci} around ${v}`).toBeGreaterThanOrEqual(low);
      expect(ci[0], `${where} ${m.id} ci95 ${ci} around ${v}`).toBeLessThanOrEqual(v);
      expect(ci[1], `${where} ${m.id} ci95 ${ci} around ${v}`).toBeGreaterThanOrEqual(v);
      expect(ci[1], `${where} ${m.id} ci95 ${ci} around ${v}`).toBeLessThanOrEqual(high);
    }
    if ((m.id === 'frt' || m.id === 'art') && typeof d.min === 'number') {
      for (const q of ['median', 'p90', 'mean']) {
        expect(d[q] as number, `${where} ${m.id}.${q}`).toBeGreaterThanOrEqual((d.min as number) - 1e-9);
        expect(d[q] as number, `${where} ${m.id}.${q}`).toBeLessThanOrEqual((d.max as number) + 1e-9);
      }
      if (d.withinTarget !== null) expect(d.withinTarget as number).toBeLessThanOrEqual(1);
    }
    if ((m.id === 'csat' || m.id === 'ces') && v !== null) {
      expect(v).toBeGreaterThanOrEqual(d.scaleMin as number);
      expect(v).toBeLessThanOrEqual(d.scaleMax as number);
    }
    if (m.id === 'mrr' && v !== null) expect(v).toBeGreaterThanOrEqual(0);
  }
}

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
