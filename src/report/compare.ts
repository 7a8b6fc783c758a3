import type { Dataset } from '../datasets/dataset.js';
import { metricDefinition } from '../metrics/catalog.js';
import { mannWhitneyU, npsDifference, twoProportionZ, welchT, type TestResult } from '../metrics/stats/significance.js';
import type { Zone } from '../read/zone.js';
import type { MetricReport } from './model.js';
import { metricSample } from './registry.js';

/** The metrics a change is tested for (testOf); the others (counts, finance) get no verdict at all. */
export const TESTED_METRICS: ReadonlySet<string> = new Set(['frt', 'art', 'csat', 'ces', 'csat_satisfied', 'nps', 'repeat_contact_rate', 'reopen_rate']);

/** No verdict on a change resting on fewer values than this on either side (issue #13). */
export const MIN_COMPARED = 20;

export interface MetricChange {
  previous: MetricReport;
  delta: number | null;
  relative: number | null;
  /** Whether the change goes the better way (the metric's direction); null when it has none or nothing changed. */
  improved: boolean | null;
  test: TestResult['test'] | null;
  pValue: number | null;
  significant: boolean | null;
  verdict: 'significant' | 'within noise' | null;
  /** FRT and ART: the share of tickets meeting the target (SLA attainment), its change and a two-proportion z-test. */
  withinTarget?: { delta: number | null; pValue: number | null; significant: boolean | null };
}

/**
 * The window before [since, until): the previous calendar month when the window is one (in `zone`); the same number
 * of calendar days before when it runs from midnight to midnight (an ISO week across a DST change is 7 days of 167 or
 * 169 hours, and so is the one before it: never a span of equal hours, which would move an hour of tickets from one
 * week to the other); else the span of equal length just before it.
 */
export function previousWindow(since: number, until: number, zone: Zone): { since: number; until: number } {
  const wall = zone.wallDate(since);
  const [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()];
  if (since === zone.midnight(year, month, 1) && until === zone.midnight(year, month + 1, 1)) return { since: zone.midnight(year, month - 1, 1), until: since };
  const end = zone.wallDate(until);
  if (since === zone.midnight(year, month, day) && until === zone.midnight(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate())) {
    const days = Math.round((Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()) - Date.UTC(year, month, day)) / 86_400_000);
    return { since: zone.midnight(year, month, day - days), until: since };
  }
  return { since: since - (until - since), until: since };
}

/**
 * Each metric against the previous window: its change absolute and relative, whether that is better, and the test
 * that fits it — Mann–Whitney U for FRT and ART, Welch's t for CSAT and CES, two-proportion z for CSAT satisfied,
 * repeat contacts and reopens, the
 * NPS difference for NPS — with `significant` at 5 %, none under 20 values on either side.
 */
export function compareMetrics(current: Record<string, MetricReport>, previous: Record<string, MetricReport>, currentData: readonly Dataset[], previousData: readonly Dataset[]): Record<string, MetricChange> {
  const changes: Record<string, MetricChange> = {};
  for (const [id, now] of Object.entries(current)) {
    const before = previous[id];
    if (before === undefined) continue;
    const delta = now.value === null || before.value === null ? null : now.value - before.value;
    const relative = delta === null || before.value === 0 ? null : delta / Math.abs(before.value!);
    const better = betterOf(now);
    const improved = delta === null || delta === 0 || better === 'neither' ? null : better === 'higher' ? delta > 0 : delta < 0;
    const test = delta === null ? null : testOf(now, before, currentData, previousData);
    changes[id] = { previous: before, delta, relative, improved, test: test?.test ?? null, pValue: test?.pValue ?? null, significant: test === null ? null : test.pValue < 0.05, verdict: test === null ? null : test.pValue < 0.05 ? 'significant' : 'within noise' };
    if (now.id === 'frt' || now.id === 'art') changes[id]!.withinTarget = withinTargetChange(now.details, (before as typeof now).details);
  }
  return changes;
}

/**
 * Which way is better for this metric: the catalog's, except CES, whose direction is its scale's and is carried in its
 * details (SPEC §5 `ces`: 1–5 where lower is better by default, CES 2.0's 1–7 agreement where higher is better; the
 * catalog says `neither` for want of a scale). Without this a CES falling from 3.0 to 2.0 on the default scale was
 * neither better nor worse (improved null).
 */
function betterOf(metric: MetricReport): 'lower' | 'higher' | 'neither' {
  if (metric.id === 'ces') return metric.details.higherIsBetter ? 'higher' : 'lower';
  return metricDefinition(metric.id).better;
}

/** The change of the share within target, tested as two proportions (none under 20 tickets a side). */
function withinTargetChange(now: { withinTarget: number | null; count: number }, before: { withinTarget: number | null; count: number }): MetricChange['withinTarget'] {
  if (now.withinTarget === null || before.withinTarget === null) return { delta: null, pValue: null, significant: null };
  const delta = now.withinTarget - before.withinTarget;
  if (now.count < MIN_COMPARED || before.count < MIN_COMPARED) return { delta, pValue: null, significant: null };
  const test = twoProportionZ(Math.round(now.withinTarget * now.count), now.count, Math.round(before.withinTarget * before.count), before.count);
  return { delta, pValue: test.pValue, significant: test.pValue < 0.05 };
}

function testOf(now: MetricReport, before: MetricReport, currentData: readonly Dataset[], previousData: readonly Dataset[]): TestResult | null {
  switch (now.id) {
    case 'frt':
    case 'art':
    case 'csat':
    case 'ces': {
      const business = 'businessHours' in now.details && now.details.businessHours === true;
      const a = metricSample(now.id, currentData, business);
      const b = metricSample(now.id, previousData, business);
      if (a === null || b === null || a.length < MIN_COMPARED || b.length < MIN_COMPARED) return null;
      return now.id === 'frt' || now.id === 'art' ? mannWhitneyU(a, b) : welchT(a, b);
    }
    case 'csat_satisfied': {
      const d = now.details;
      const p = (before as typeof now).details;
      if (d.responses < MIN_COMPARED || p.responses < MIN_COMPARED) return null;
      return twoProportionZ(d.satisfied, d.responses, p.satisfied, p.responses);
    }
    case 'repeat_contact_rate': {
      const d = now.details;
      const p = (before as typeof now).details;
      if (d.tickets < MIN_COMPARED || p.tickets < MIN_COMPARED) return null;
      return twoProportionZ(d.repeatTickets, d.tickets, p.repeatTickets, p.tickets);
    }
    case 'reopen_rate': {
      const d = now.details;
      const p = (before as typeof now).details;
      if (d.resolved < MIN_COMPARED || p.resolved < MIN_COMPARED) return null;
      return twoProportionZ(d.reopened, d.resolved, p.reopened, p.resolved);
    }
    case 'nps': {
      const d = now.details;
      const p = (before as typeof now).details;
      if (d.responses < MIN_COMPARED || p.responses < MIN_COMPARED) return null;
      return npsDifference(d.promoters, d.detractors, d.responses, p.promoters, p.detractors, p.responses);
    }
    default:
      return null;
  }
}
