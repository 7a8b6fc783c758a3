import { expect } from 'vitest';
import type { MetricReport, Report } from '../../../src/report/model.js';

/**
 * What the report-level properties check of a report (issue #16), shared by the CSV, business-hours, comparison and
 * format properties: its numbers, its warnings without file names, a replayable shuffle, the counts that add up over
 * groups and periods, and the range every metric entry keeps.
 */

/** The numbers of a report: its metrics, groups and periods (inputs name the files; warnings are compared apart). */
export function numbers(r: Report): unknown {
  return { metrics: r.metrics, groups: r.groups, periods: r.periods };
}

/** A warning without the generated file's names (each run writes new files, in any format). */
export const unnamed = (warning: string) => warning.replace(/\S*sm-props-[^/]+\/[a-z]+-\d+\.[a-z.]+/g, 'FILE');

/** A deterministic shuffle by `seed` (mulberry32), so a failing case replays. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
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

export type Details = Record<string, unknown>;
export const detail = (m: MetricReport | undefined, field: string) => (m?.details as Details | undefined)?.[field] as number | null | undefined;

/** What adds up over groups and periods: per metric, the counts of its details. */
export const ADDITIVE: Record<string, readonly string[]> = {
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

export function expectAddsUp(parts: readonly Record<string, MetricReport>[], all: Record<string, MetricReport>, what: string): void {
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
export function expectInRange(metrics: Record<string, MetricReport>, where: string): void {
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
