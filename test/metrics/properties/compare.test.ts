import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { metricDefinition } from '../../../src/metrics/catalog.js';
import { Zone } from '../../../src/read/zone.js';
import { buildReport, type ReportOptions } from '../../../src/report/build.js';
import { MIN_COMPARED, TESTED_METRICS } from '../../../src/report/compare.js';
import type { MetricReport, Report } from '../../../src/report/model.js';
import { expectClose } from './arbitraries.js';
import { removeFiles, report, surveysOf, ticketsOf, writeTables, type Table } from './csv-datasets.js';
import { shuffle } from './report-checks.js';

/**
 * Properties of --compare previous (issue #16; SPEC §8), on generated CSV files read with readDatasets and built with
 * buildReport: each metric's `previous` is the metric of a report over the previous window; delta = current −
 * previous, relative = delta / |previous| (null when previous is 0), improved by the metric's direction and the sign of
 * delta, nothing of a change when either side is null; a test only with 20 values or more on both sides, its pValue in
 * [0, 1] and `significant` at 5 %; the order of rows and a split into two files change nothing of the comparison.
 */

afterAll(removeFiles);

// 20 runs a property: ~4 s on two cores; PROPERTY_RUNS=300 for a longer hunt.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
// A failure shrinks over files written and read again, which takes minutes for tables of a hundred rows: shrinking
// stops after 20 s with the smallest counterexample found by then (fast-check interruptAfterTimeLimit), within the
// test's time.
const PARAMETERS = { numRuns: RUNS, interruptAfterTimeLimit: 20_000 };
const SHRINK_TIMEOUT = 60_000;

const FEB = Date.UTC(2026, 1, 1);
// Tickets and responses over February and March 2026, dense enough that a window of two weeks or more often holds
// 20 values a side (and a short one does not).
const [denseTickets, denseSurveys] = [ticketsOf({ start: FEB, days: 59, minLength: 60, maxLength: 150 }), surveysOf({ start: FEB, days: 59, minLength: 90, maxLength: 240 })];
const datasets = fc.oneof(fc.tuple(denseTickets, denseSurveys), fc.tuple(denseTickets), fc.tuple(denseSurveys));

/**
 * A window and the previous one as SPEC §8 and compare.ts previousWindow say, worked out here on the zone's wall
 * clock: March → February; whole days from midnight → as many days before (across the DST change of Mar 29 in Berlin);
 * any other span → the span of equal length before.
 */
const windows = fc
  .tuple(fc.constantFrom('UTC', 'Europe/Berlin'), fc.constantFrom('month', 'days', 'hours'), fc.integer({ min: 5, max: 29 }), fc.integer({ min: 0, max: 58 }), fc.integer({ min: 1, max: 23 }), fc.nat(3).map((n) => n === 0))
  .map(([timezone, mode, length, from, hours, early]) => {
    const zone = new Zone(timezone);
    if (mode === 'month') return { timezone, since: zone.midnight(2026, 2, 1), until: zone.midnight(2026, 3, 1), previous: { since: zone.midnight(2026, 1, 1), until: zone.midnight(2026, 2, 1) } };
    // Mostly a previous window within the data (20 values a side are likely); else any (the previous may be empty).
    const day = early ? Math.min(from, 59 - length) : Math.min(length + (from % 30), 59 - length);
    if (mode === 'days') return { timezone, since: zone.midnight(2026, 1, 1 + day), until: zone.midnight(2026, 1, 1 + day + length), previous: { since: zone.midnight(2026, 1, 1 + day - length), until: zone.midnight(2026, 1, 1 + day) } };
    const since = zone.midnight(2026, 1, 1 + day) + hours * 3_600_000;
    const until = since + length * 86_400_000;
    return { timezone, since, until, previous: { since: since - (until - since), until: since } };
  });

/** Options with --compare previous; FRT and ART in business time now and then (Mon–Fri 09:00–17:00 in the zone). */
const compared = fc.tuple(windows, fc.boolean()).map(([w, business]): { options: ReportOptions; previous: { since: number; until: number } } => ({
  options: {
    since: w.since,
    until: w.until,
    timezone: w.timezone,
    benchmark: 'saas',
    compare: 'previous',
    ...(business ? { businessHours: { calendar: { timezone: w.timezone, week: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] }, holidays: [] } } } : {}),
  },
  previous: w.previous,
}));

const whole = (tables: readonly Table[]) => tables.map((table) => ({ table, parts: [table.rows] }));

type Details = Record<string, unknown>;
/** The values a metric's test rests on (compare.ts testOf): durations, scores, answers, tickets, resolved tickets. */
const SAMPLE: Record<string, (d: Details) => number> = {
  frt: (d) => d.count as number,
  art: (d) => d.count as number,
  csat: (d) => d.responses as number,
  ces: (d) => d.responses as number,
  csat_satisfied: (d) => d.responses as number,
  nps: (d) => d.responses as number,
  repeat_contact_rate: (d) => d.tickets as number,
  reopen_rate: (d) => d.resolved as number,
};

/**
 * Which way is better: the catalog's, and for CES its scale's (SPEC §5: 1–5 lower is better by default, CES 2.0 1–7
 * higher), which its details carry.
 */
function direction(m: MetricReport): 'lower' | 'higher' | 'neither' {
  if (m.id === 'ces') return (m.details as Details).higherIsBetter === true ? 'higher' : 'lower';
  return metricDefinition(m.id).better;
}

describe('--compare previous (properties)', () => {
  it('each change is current against a report over the previous window: delta, relative, improved, and a test only with 20 values a side', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, compared, async (tables, { options, previous }) => {
        const { read, report: r } = await report(writeTables(whole(tables)), options);
        const comparison = r.comparison!;
        expect([comparison.since, comparison.until]).toEqual([new Date(previous.since).toISOString(), new Date(previous.until).toISOString()]);
        // The previous window's own report, built from the same read.
        const before: Report = buildReport(read, { ...options, compare: undefined, since: previous.since, until: previous.until });
        // Every ticket and survey metric is compared (finance metrics read whole data sets: none).
        expect(Object.keys(comparison.metrics).sort()).toEqual(Object.keys(r.metrics).filter((id) => !['cac', 'churn_rate', 'mrr', 'ltv', 'ltv_to_cac', 'cac_payback_months'].includes(id)).sort());
        for (const [id, change] of Object.entries(comparison.metrics)) {
          const now = r.metrics[id]!;
          const was = change.previous;
          expect(was, `${id}.previous`).toEqual(before.metrics[id]);
          const where = `${id}: ${was.value} → ${now.value}`;
          if (now.value === null || was.value === null) {
            // Nothing to compare: no change, no direction, no test.
            expect({ ...change, previous: null, withinTarget: null }, where).toEqual({ previous: null, delta: null, relative: null, improved: null, test: null, pValue: null, significant: null, verdict: null, withinTarget: null });
          } else {
            expect(change.delta, where).toBe(now.value - was.value);
            expect(change.relative, where).toBe(was.value === 0 ? null : change.delta! / Math.abs(was.value));
            const better = direction(now);
            expect(change.improved, `${where}: improved (${better} is better)`).toBe(change.delta === 0 || better === 'neither' ? null : better === 'higher' ? change.delta! > 0 : change.delta! < 0);
          }
          // A test only for the metrics that have one, with a change and 20 values or more on both sides.
          const sampled = SAMPLE[id] !== undefined && TESTED_METRICS.has(id);
          const enough = sampled && change.delta !== null && SAMPLE[id]!(now.details as Details) >= MIN_COMPARED && SAMPLE[id]!(was.details as Details) >= MIN_COMPARED;
          expect(change.test !== null, `${where}: tested (sizes ${sampled ? `${SAMPLE[id]!(now.details as Details)}, ${SAMPLE[id]!(was.details as Details)}` : '-'})`).toBe(enough);
          if (change.test === null) {
            expect([change.pValue, change.significant, change.verdict], where).toEqual([null, null, null]);
          } else {
            expect(change.pValue, where).toBeGreaterThanOrEqual(0);
            expect(change.pValue, where).toBeLessThanOrEqual(1);
            expect(change.significant, where).toBe(change.pValue! < 0.05);
            expect(change.verdict, where).toBe(change.significant ? 'significant' : 'within noise');
          }
          if (id === 'frt' || id === 'art') {
            // SLA attainment: its change, tested with 20 tickets a side.
            const [a, b] = [(now.details as Details).withinTarget as number | null, (was.details as Details).withinTarget as number | null];
            const sla = change.withinTarget!;
            expect(sla.delta, `${id}.withinTarget`).toBe(a === null || b === null ? null : a - b);
            const testable = sla.delta !== null && SAMPLE[id]!(now.details as Details) >= MIN_COMPARED && SAMPLE[id]!(was.details as Details) >= MIN_COMPARED;
            expect(sla.pValue !== null, `${id}.withinTarget tested`).toBe(testable);
            if (sla.pValue !== null) {
              expect(sla.pValue).toBeGreaterThanOrEqual(0);
              expect(sla.pValue).toBeLessThanOrEqual(1);
              expect(sla.significant).toBe(sla.pValue < 0.05);
            } else expect(sla.significant).toBeNull();
          }
        }
      }),
      PARAMETERS,
    );
  }, SHRINK_TIMEOUT);

  it('the order of rows and a split into two files change nothing of the comparison', async () => {
    await fc.assert(
      fc.asyncProperty(datasets, compared, fc.constantFrom('shuffle', 'split', 'both'), fc.integer(), fc.double({ min: 0, max: 1, noNaN: true }), async (tables, { options }, how, seed, cut) => {
        const one = await report(writeTables(whole(tables)), options);
        const other = await report(
          writeTables(
            tables.map((table, i) => {
              const rows = how === 'split' ? table.rows : shuffle(table.rows, seed + i);
              const at = Math.round(cut * rows.length);
              return { table, parts: how === 'shuffle' ? [rows] : [rows.slice(0, at), rows.slice(at)] };
            }),
          ),
          options,
        );
        expectClose(other.report.comparison, one.report.comparison);
      }),
      PARAMETERS,
    );
  }, SHRINK_TIMEOUT);
});
