import { describe, expect, it } from 'vitest';
import { mannWhitneyU, npsDifference, normalTwoSided, twoProportionZ, welchT } from '../../src/metrics/stats/significance.js';

// Reference values from scipy 1.17.1 on the same numbers (written down here, computed once):
//   stats.mannwhitneyu(a, b, alternative='two-sided', method='asymptotic')            → U 72.5, p 0.7853675274056946
//   stats.ttest_ind(x, y, equal_var=False)                                            → t 1.797434068545834, p 0.09242629694248466
//   two-proportion z, pooled, 45/60 vs 30/55                                          → z 2.3005681116549535, p 0.02141605522326669
//   NPS 30 promoters 10 detractors of 60 vs 20 and 15 of 55, z of the difference       → z 1.6858103500588288, p 0.09183233362039493
describe('significance tests against scipy', () => {
  it('Mann–Whitney U with ties (FRT seconds), normal approximation with tie and continuity corrections', () => {
    const a = [120, 300, 45, 600, 900, 30, 1500, 240, 180, 60, 75, 2000];
    const b = [200, 400, 45, 900, 1200, 30, 2500, 480, 360, 60, 100, 3000, 45];
    const r = mannWhitneyU(a, b);
    expect(r.statistic).toBe(72.5);
    expect(r.pValue).toBeCloseTo(0.7853675274056946, 6);
  });

  it("Welch's t-test of two CSAT samples", () => {
    const r = welchT([5, 4, 4, 3, 5, 2, 5, 4], [3, 4, 2, 3, 5, 2, 1, 3, 4]);
    expect(r.statistic).toBeCloseTo(1.797434068545834, 10);
    expect(r.pValue).toBeCloseTo(0.09242629694248466, 6);
  });

  it('two-proportion z and the NPS difference', () => {
    const shares = twoProportionZ(45, 60, 30, 55);
    expect(shares.statistic).toBeCloseTo(2.3005681116549535, 10);
    expect(shares.pValue).toBeCloseTo(0.02141605522326669, 6);
    const nps = npsDifference(30, 10, 60, 20, 15, 55);
    expect(nps.statistic).toBeCloseTo(1.6858103500588288, 10);
    expect(nps.pValue).toBeCloseTo(0.09183233362039493, 6);
  });

  it('the normal tail at familiar points: 1.96 → 0.05, 0 → 1', () => {
    expect(normalTwoSided(1.959963984540054)).toBeCloseTo(0.05, 6);
    expect(normalTwoSided(0)).toBeCloseTo(1, 6);
  });
});
