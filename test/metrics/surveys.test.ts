import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ces } from '../../src/metrics/ces.js';
import { csat, csatSatisfied } from '../../src/metrics/csat.js';
import { nps } from '../../src/metrics/nps.js';
import { wilsonInterval } from '../../src/metrics/stats/wilson.js';
import { DEFAULT_SCALES, topBoxFrom } from '../../src/survey/scale.js';

describe('CSAT (SPEC §5 worked example)', () => {
  const scores = Float64Array.of(5, 4, 4, 3, 5, 2, 5, 4, Number.NaN); // the NaN: a survey sent, not answered
  it('csat is the mean score: (5+4+4+3+5+2+5+4)/8 = 32/8 = 4.0, with the distribution by score', () => {
    const result = csat({ scores, scale: DEFAULT_SCALES.csat });
    expect(result.value).toBe(4);
    expect(result.details).toEqual({ responses: 8, scaleMin: 1, scaleMax: 5, distribution: { '1': 0, '2': 1, '3': 1, '4': 3, '5': 3 } });
  });

  it('csat_satisfied is the top-2 share 6/8 = 0.75 with the Wilson interval ≈ [0.4093, 0.9285]', () => {
    // z² = 3.8416; centre (0.75 + 3.8416/16)/(1 + 3.8416/8) = 0.99010/1.48020 = 0.66890;
    // half 1.96·√(0.1875/8 + 3.8416/256)/1.48020 = 1.96·0.196071/1.48020 = 0.25963 → [0.40927, 0.92853]
    const result = csatSatisfied({ scores, scale: DEFAULT_SCALES.csat });
    expect(result.value).toBe(0.75);
    expect(result.details.satisfied).toBe(6);
    expect(result.details.topBoxFrom).toBe(4);
    expect(result.details.ci95![0]).toBeCloseTo(0.4093, 4);
    expect(result.details.ci95![1]).toBeCloseTo(0.9285, 4);
  });

  it('binary ratings count toward csat_satisfied only, never toward the mean', () => {
    // Zendesk Good/Bad: 3 good of 4, beside the 8 scored answers: satisfied (6 + 3)/(8 + 4) = 0.75; csat stays 4.0
    const answers = { scores, scale: DEFAULT_SCALES.csat, binary: { satisfied: 3, responses: 4 } };
    expect(csat(answers).value).toBe(4);
    expect(csat(answers).details.responses).toBe(8);
    expect(csatSatisfied(answers).value).toBe(9 / 12);
    expect(csatSatisfied(answers).details.responses).toBe(12);
    expect(csatSatisfied({ scores: [], scale: DEFAULT_SCALES.csat, binary: { satisfied: 1, responses: 2 } }).value).toBe(0.5);
  });

  it('has no value and no interval without answers', () => {
    expect(csat({ scores: [Number.NaN], scale: DEFAULT_SCALES.csat }).value).toBeNull();
    expect(csatSatisfied({ scores: [], scale: DEFAULT_SCALES.csat }).details.ci95).toBeNull();
  });
});

describe('top box by scale length (SPEC §5)', () => {
  it('is the top point of 2- and 3-point scales, the top 2 of 4- to 7-point, the top 3 of 10- and 11-point', () => {
    const from = (min: number, max: number) => topBoxFrom({ min, max, higherIsBetter: true });
    expect([from(0, 1), from(1, 3), from(1, 4), from(1, 5), from(1, 7), from(1, 10), from(0, 10)]).toEqual([1, 3, 3, 4, 6, 8, 8]);
  });
});

describe('NPS (SPEC §5 worked example)', () => {
  it('10, 10, 9, 9, 9, 8, 7, 6, 2, 10: 6 promoters, 2 passives, 2 detractors, NPS 40, ci95 ≈ [−9.58, 89.58]', () => {
    // p = 0.6, d = 0.2: 100·(0.6 − 0.2) = 40; half 1.96·100·√((0.8 − 0.16)/10) = 196·0.252982 = 49.584
    const result = nps(Float64Array.of(10, 10, 9, 9, 9, 8, 7, 6, 2, 10));
    expect(result.value).toBeCloseTo(40, 10);
    expect([result.details.promoters, result.details.passives, result.details.detractors, result.details.responses]).toEqual([6, 2, 2, 10]);
    expect(result.details.ci95![0]).toBeCloseTo(-9.58, 2);
    expect(result.details.ci95![1]).toBeCloseTo(89.58, 2);
  });

  it('clamps the interval to ±100 and has none without answers', () => {
    // two promoters, one detractor: 100·(2/3 − 1/3) = 33.333; half 196·√((1 − 1/9)/3) = 196·0.544331 = 106.689
    // → [−73.356, 139.022], the upper end clamped to 100
    const result = nps([10, 10, 0]);
    expect(result.details.ci95![0]).toBeCloseTo(-73.356, 3);
    expect(result.details.ci95![1]).toBe(100);
    // all detractors: NPS −100, variance 0 → [−100, −100]
    expect(nps([0, 3, 6]).details.ci95).toEqual([-100, -100]);
    expect(nps([Number.NaN]).value).toBeNull();
  });

  it('stays within −100…100 with an interval around it, whatever the answers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), (answers) => {
        const { value, details } = nps(answers);
        expect(value!).toBeGreaterThanOrEqual(-100);
        expect(value!).toBeLessThanOrEqual(100);
        expect(details.ci95![0]).toBeLessThanOrEqual(value! + 1e-9);
        expect(details.ci95![1]).toBeGreaterThanOrEqual(value! - 1e-9);
        expect(details.promoters + details.passives + details.detractors).toBe(answers.length);
      }),
    );
  });
});

describe('Wilson interval', () => {
  it('stays within [0, 1] and contains the share, for any k of n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const [low, high] = wilsonInterval(k, n)!;
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(k / n);
        expect(high).toBeGreaterThanOrEqual(k / n);
      }),
    );
  });

  it('holds a share of 0 or 1 exactly: 0 of 11 starts at 0, 5941 of 5941 ends at 1 (found by the property tests, issue #16)', () => {
    // In doubles centre − half was 2.7755575615628914e-17 and centre + half 0.9999999999999999: the share left out.
    expect(wilsonInterval(0, 11)![0]).toBe(0);
    expect(wilsonInterval(5941, 5941)![1]).toBe(1);
    for (let n = 1; n <= 2000; n++) {
      expect(wilsonInterval(0, n)![0]).toBe(0);
      expect(wilsonInterval(n, n)![1]).toBe(1);
    }
  });
});

describe('CES', () => {
  it('is the mean effort on its scale and says which end is good: 2, 3, 1, 2 on 1–5 (lower better) = 2; 6, 7, 5 on 1–7 agreement = 6', () => {
    expect(ces([2, 3, 1, 2, Number.NaN], DEFAULT_SCALES.ces)).toEqual({ value: 2, details: { responses: 4, scaleMin: 1, scaleMax: 5, higherIsBetter: false } });
    expect(ces([6, 7, 5], { min: 1, max: 7, higherIsBetter: true }).value).toBe(6);
    expect(ces([], DEFAULT_SCALES.ces).value).toBeNull();
  });
});
