import { describe, expect, it } from 'vitest';
import { compareMetrics } from '../../src/report/compare.js';
import type { MetricReport } from '../../src/report/model.js';

/** A CES entry of the report as buildReport makes it (no target: CES has no default one). */
function ces(value: number, scale: { min: number; max: number; higherIsBetter: boolean }, responses = 4): MetricReport {
  return { id: 'ces', label: 'CES', unit: 'score', value, details: { responses, scaleMin: scale.min, scaleMax: scale.max, higherIsBetter: scale.higherIsBetter }, target: null, status: 'no-target' } as MetricReport;
}

describe('--compare previous: which way CES is better', () => {
  it('on the default 1–5 scale a lower CES is better (SPEC §5, seed 002)', () => {
    const effort = { min: 1, max: 5, higherIsBetter: false };
    // 3.0 → 2.0: delta 2.0 − 3.0 = −1, relative −1 / |3.0| = −0.3333…; lower is better → improved
    const change = compareMetrics({ ces: ces(2, effort) }, { ces: ces(3, effort) }, [], []).ces!;
    expect(change.delta).toBe(-1);
    expect(change.relative).toBeCloseTo(-1 / 3, 12);
    expect(change.improved).toBe(true);
    // 2.0 → 2.5: +0.5 → worse
    expect(compareMetrics({ ces: ces(2.5, effort) }, { ces: ces(2, effort) }, [], []).ces!.improved).toBe(false);
  });

  it("on CES 2.0's 1–7 agreement scale a higher CES is better", () => {
    const agreement = { min: 1, max: 7, higherIsBetter: true };
    // 5.0 → 5.5: +0.5 → improved; 5.0 → 4.5: −0.5 → worse; 5.0 → 5.0: no change, no direction
    expect(compareMetrics({ ces: ces(5.5, agreement) }, { ces: ces(5, agreement) }, [], []).ces!.improved).toBe(true);
    expect(compareMetrics({ ces: ces(4.5, agreement) }, { ces: ces(5, agreement) }, [], []).ces!.improved).toBe(false);
    expect(compareMetrics({ ces: ces(5, agreement) }, { ces: ces(5, agreement) }, [], []).ces!.improved).toBeNull();
  });
});
