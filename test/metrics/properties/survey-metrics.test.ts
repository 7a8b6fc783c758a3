import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ces } from '../../../src/metrics/ces.js';
import { csat, csatSatisfied } from '../../../src/metrics/csat.js';
import { nps } from '../../../src/metrics/nps.js';
import { wilsonInterval } from '../../../src/metrics/stats/wilson.js';
import type { SurveyScale } from '../../../src/survey/scale.js';
import { expectClose, withShuffle } from './arbitraries.js';

/**
 * Properties of the survey metrics (issue #16): answer order changes nothing, a mean stays on its scale, a share in
 * [0, 1] and NPS in [−100, 100], every interval (Wilson, NPS) holds its point value, and the counts add up.
 */

// The usual scales (1–5, 1–7, 1–10, 0–10) and CES 2.0's 1–7 agreement; answers on the scale, half points too ("4,5").
const scale = fc.constantFrom<SurveyScale>({ min: 1, max: 5, higherIsBetter: true }, { min: 1, max: 7, higherIsBetter: true }, { min: 1, max: 10, higherIsBetter: true }, { min: 0, max: 10, higherIsBetter: true }, { min: 1, max: 3, higherIsBetter: true }, { min: 1, max: 5, higherIsBetter: false });
const answersOn = (s: SurveyScale) =>
  withShuffle(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: s.min, max: s.max }) }, { weight: 1, arbitrary: fc.integer({ min: 2 * s.min, max: 2 * s.max }).map((h) => h / 2) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }), { maxLength: 80 }).map((a) => ({ scale: s, ...a }));
const scaled = scale.chain(answersOn);
const binary = fc.option(fc.nat(30).chain((responses) => fc.nat(responses).map((satisfied) => ({ satisfied, responses }))), { nil: undefined });

function expectHolds(interval: [number, number] | null, value: number | null, low: number, high: number): void {
  if (value === null) {
    expect(interval).toBeNull();
    return;
  }
  expect(interval).not.toBeNull();
  const [from, to] = interval!;
  expect(low).toBeLessThanOrEqual(from);
  expect(from).toBeLessThanOrEqual(value);
  expect(value).toBeLessThanOrEqual(to);
  expect(to).toBeLessThanOrEqual(high);
}

describe('CSAT (properties)', () => {
  it('is the same in any answer order, lies on its scale, and its distribution counts every answer', () => {
    fc.assert(
      fc.property(scaled, ({ scale: s, rows, shuffled }) => {
        const result = csat({ scores: rows, scale: s });
        const other = csat({ scores: shuffled, scale: s });
        expectClose(other, result);
        const answered = rows.filter((x) => !Number.isNaN(x)).length;
        expect(result.details.responses).toBe(answered);
        expect(Object.values(result.details.distribution).reduce((n, c) => n + c, 0)).toBe(answered);
        if (answered === 0) expect(result.value).toBeNull();
        else {
          expect(result.value).toBeGreaterThanOrEqual(s.min);
          expect(result.value).toBeLessThanOrEqual(s.max);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSAT satisfied (properties)', () => {
  it('is the same in any answer order, stays in [0, 1], and its Wilson ci95 holds it inside [0, 1]', () => {
    fc.assert(
      fc.property(scaled, binary, ({ scale: s, rows, shuffled }, ratings) => {
        const result = csatSatisfied({ scores: rows, scale: s, ...(ratings === undefined ? {} : { binary: ratings }) });
        expect(csatSatisfied({ scores: shuffled, scale: s, ...(ratings === undefined ? {} : { binary: ratings }) })).toEqual(result);
        const { satisfied, responses, ci95 } = result.details;
        expect(responses).toBe(rows.filter((x) => !Number.isNaN(x)).length + (ratings?.responses ?? 0));
        expect(satisfied).toBeLessThanOrEqual(responses);
        if (result.value !== null) {
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(1);
        }
        expectHolds(ci95, result.value, 0, 1);
      }),
      { numRuns: 300 },
    );
  });

  it('Wilson interval: for every k of n it holds k/n, inside [0, 1], lower ≤ upper', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), ([k, n]) => {
        expectHolds(wilsonInterval(k, n), k / n, 0, 1);
      }),
      { numRuns: 500 },
    );
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('NPS (properties)', () => {
  const zeroToTen = withShuffle(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }), { maxLength: 120 });
  it('is the same in any answer order, stays in [−100, 100], its ci95 holds it inside ±100, and the three groups add up', () => {
    fc.assert(
      fc.property(zeroToTen, ({ rows, shuffled }) => {
        const result = nps(rows);
        expect(nps(shuffled)).toEqual(result);
        const { promoters, passives, detractors, responses, ci95 } = result.details;
        expect(promoters + passives + detractors).toBe(responses);
        expect(responses).toBe(rows.filter((x) => !Number.isNaN(x)).length);
        if (result.value !== null) {
          expect(result.value).toBeGreaterThanOrEqual(-100);
          expect(result.value).toBeLessThanOrEqual(100);
        }
        expectHolds(ci95, result.value, -100, 100);
      }),
      { numRuns: 300 },
    );
  });
});

describe('CES (properties)', () => {
  it('is the same in any answer order (within 1e-9 relative) and lies on its scale', () => {
    fc.assert(
      fc.property(scaled, ({ scale: s, rows, shuffled }) => {
        const result = ces(rows, s);
        expectClose(ces(shuffled, s), result);
        expect(result.details).toMatchObject({ scaleMin: s.min, scaleMax: s.max, higherIsBetter: s.higherIsBetter, responses: rows.filter((x) => !Number.isNaN(x)).length });
        if (result.value !== null) {
          expect(result.value).toBeGreaterThanOrEqual(s.min);
          expect(result.value).toBeLessThanOrEqual(s.max);
        } else expect(result.details.responses).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
