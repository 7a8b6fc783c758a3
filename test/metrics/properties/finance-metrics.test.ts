import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cac } from '../../../src/metrics/cac.js';
import { churnRate } from '../../../src/metrics/churn-rate.js';
import { activeCustomersAt, customersAcquired, subscriptionMonths } from '../../../src/metrics/finance/subscription-months.js';
import { cacPaybackMonths, ltv, ltvToCac } from '../../../src/metrics/unit-economics.js';
import { expectClose, expectFiniteOrNull, withShuffle } from './arbitraries.js';

/**
 * Properties of the finance metrics (issue #16): the order of subscription rows and of months changes nothing (MRR
 * sums within 1e-9 relative), churn stays in [0, 1], a customer is counted once however many subscriptions it has,
 * and a value that cannot be computed is null — never NaN, 0 for "unknown", or ±Infinity.
 */

const DAY = 86_400_000;
const JAN_2026 = Date.UTC(2026, 0, 1);
const monthStarts = Array.from({ length: 7 }, (_, m) => Date.UTC(2026, m, 1));
// Subscriptions over half a year: a few customers with one or more subscriptions, running or ended (an end on a
// month start too), MRR with cents, now and then unknown (NaN, counted as no revenue).
const subscription = fc
  .record({
    customer: fc.integer({ min: 1, max: 8 }),
    startDay: fc.integer({ min: 0, max: 180 }),
    lengthDays: fc.option(fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constantFrom(31, 28, 59)), { nil: null }),
    mrr: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 50_000 }).map((c) => c / 100) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }),
  })
  .map((s) => ({ customer: s.customer, startedAt: JAN_2026 + s.startDay * DAY, endedAt: s.lengthDays === null ? Number.NaN : JAN_2026 + (s.startDay + s.lengthDays) * DAY, mrr: s.mrr }));
type Subscription = typeof subscription extends fc.Arbitrary<infer T> ? T : never;

function columns(rows: readonly Subscription[]) {
  return { customer: rows.map((r) => r.customer), startedAt: rows.map((r) => r.startedAt), endedAt: rows.map((r) => r.endedAt), mrr: rows.map((r) => r.mrr) };
}

describe('subscriptions month by month (properties)', () => {
  it('give the same months, MRR, acquisitions and churn in any row order; churn in [0, 1], churned ≤ active', () => {
    fc.assert(
      fc.property(withShuffle(subscription, { maxLength: 30 }), fc.integer({ min: 0, max: 200 }), ({ rows, shuffled }, atDay) => {
        const months = subscriptionMonths(columns(rows), monthStarts);
        expectClose(subscriptionMonths(columns(shuffled), monthStarts), months);
        const at = JAN_2026 + atDay * DAY;
        const active = activeCustomersAt(columns(rows), at);
        const again = activeCustomersAt(columns(shuffled), at);
        expect(again.customers).toEqual(active.customers);
        expectClose(again.mrr, active.mrr);
        expect(active.mrr).toBeGreaterThanOrEqual(0);
        expect(customersAcquired(columns(shuffled), monthStarts[1]!, monthStarts[4]!)).toBe(customersAcquired(columns(rows), monthStarts[1]!, monthStarts[4]!));
        for (const m of months) expect(m.churned).toBeLessThanOrEqual(m.active);
        const churn = churnRate(months);
        expectFiniteOrNull(churn.value, 'churn');
        if (churn.value !== null) {
          expect(churn.value).toBeGreaterThanOrEqual(0);
          expect(churn.value).toBeLessThanOrEqual(1);
        } else expect(churn.details.reason).toBeTruthy();
      }),
      { numRuns: 150 },
    );
  });

  it('count a customer once: active customers ≤ distinct customers, acquisitions over consecutive spans add up', () => {
    fc.assert(
      fc.property(fc.array(subscription, { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (rows, middle) => {
        const distinct = new Set(rows.map((r) => r.customer)).size;
        for (const m of subscriptionMonths(columns(rows), monthStarts)) expect(m.active).toBeLessThanOrEqual(distinct);
        const whole = customersAcquired(columns(rows), monthStarts[0]!, monthStarts[6]!);
        const parts = customersAcquired(columns(rows), monthStarts[0]!, monthStarts[middle]!) + customersAcquired(columns(rows), monthStarts[middle]!, monthStarts[6]!);
        expect(parts).toBe(whole);
        expect(whole).toBe(new Set(rows.filter((r) => r.startedAt < monthStarts[6]!).map((r) => r.customer)).size);
      }),
      { numRuns: 150 },
    );
  });
});

describe('churn rate (properties)', () => {
  const month = fc.integer({ min: 0, max: 500 }).chain((active) => fc.integer({ min: 0, max: active }).map((churned) => ({ active, churned })));
  it('is the same in any order of months, in [0, 1], pooled (Σ churned / Σ active), null with a reason otherwise', () => {
    fc.assert(
      fc.property(withShuffle(month, { maxLength: 24 }), ({ rows, shuffled }) => {
        const result = churnRate(rows);
        expect(churnRate(shuffled)).toEqual(result);
        const active = rows.reduce((n, m) => n + m.active, 0);
        if (active === 0) {
          expect(result.value).toBeNull();
          expect(result.details.reason).toBeTruthy();
        } else {
          expect(result.value).toBe(rows.reduce((n, m) => n + m.churned, 0) / active);
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('CAC, LTV, LTV:CAC and payback (properties)', () => {
  const money = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100));
  const rate = fc.option(fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-6, max: 1, noNaN: true })), { nil: null });
  it('are finite or null with a reason — never NaN or Infinity — whatever the spend, customers, churn and costs', () => {
    fc.assert(
      fc.property(money, money, fc.integer({ min: 0, max: 1000 }), fc.option(money, { nil: null }), rate, money, (marketing, sales, newCustomers, arpa, churn, s) => {
        const c = cac({ marketingSpend: marketing, salesSpend: sales, newCustomers, currency: 'USD' });
        expectFiniteOrNull(c.value, 'CAC');
        if (c.value === null) expect(c.details.reason).toBeTruthy();
        else expect(c.value).toBeCloseTo((marketing + sales) / newCustomers, 9);
        const l = ltv({ arpa, churnRate: churn, serviceCostPerCustomerMonth: s });
        expectFiniteOrNull(l.value, 'LTV');
        if (l.value === null) expect(l.details.reason).toBeTruthy();
        // A lifetime value only for a positive margin over a known, non-zero churn: (ARPA − s) / churn > 0.
        else expect(l.value).toBeGreaterThan(0);
        const ratio = ltvToCac(l.value, c.value, {});
        expectFiniteOrNull(ratio.value, 'LTV:CAC');
        if (ratio.value === null) expect(ratio.details.reason).toBeTruthy();
        const payback = cacPaybackMonths(c.value, arpa, s, {});
        expectFiniteOrNull(payback.value, 'CAC payback');
        if (payback.value === null) expect(payback.details.reason).toBeTruthy();
        else expect(payback.value).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});
