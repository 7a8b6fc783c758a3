import { describe, expect, it } from 'vitest';
import { cac } from '../../src/metrics/cac.js';
import { churnRate } from '../../src/metrics/churn-rate.js';
import { activeCustomersAt, customersAcquired, subscriptionMonths } from '../../src/metrics/finance/subscription-months.js';
import { cacPaybackMonths, ltv, ltvToCac } from '../../src/metrics/unit-economics.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('SPEC §5 worked examples', () => {
  it('CAC: marketing 3000 + sales 1000, 40 new customers → 100', () => {
    expect(cac({ marketingSpend: 3000, salesSpend: 1000, newCustomers: 40, currency: 'USD' }).value).toBe(100);
  });

  it('finance sheet Jan (100, 5, 5000, 500), Feb (110, 5, 5500, 550): churn 0.047619, L 21, ARPA 50, s 5, LTV 945', () => {
    const churn = churnRate([{ active: 100, churned: 5 }, { active: 110, churned: 5 }]);
    // 10 / 210
    expect(churn.value).toBeCloseTo(0.047619, 6);
    expect(churn.details).toEqual({ months: 2, customerMonths: 210, churned: 10 });
    // ARPA = (5000 + 5500) / 210 = 50; s = (500 + 550) / 210 = 5; LTV = (50 − 5) · 21 = 945
    const result = ltv({ arpa: 10500 / 210, churnRate: churn.value, serviceCostPerCustomerMonth: 1050 / 210 });
    expect(result.details.lifetimeMonths).toBeCloseTo(21, 10);
    expect(result.value).toBeCloseTo(945, 9);
    // LTV:CAC with CAC 100: 9.45; payback 100 / 45 = 2.22 months
    expect(ltvToCac(result.value, 100, {}).value).toBeCloseTo(9.45, 9);
    expect(cacPaybackMonths(100, 50, 5, {}).value).toBeCloseTo(100 / 45, 12);
  });
});

describe('values that cannot be computed are null with a reason, never 0 or infinity', () => {
  it('CAC without customers acquired', () => {
    expect(cac({ marketingSpend: 500, salesSpend: 0, newCustomers: 0, currency: null })).toMatchObject({ value: null, details: { reason: 'no customer acquired in the window' } });
  });
  it('LTV without churn, and with service cost above ARPA', () => {
    expect(ltv({ arpa: 50, churnRate: 0, serviceCostPerCustomerMonth: 0 }).details.reason).toBe('no churn observed in the window: the lifetime is unknown (not infinite)');
    expect(ltv({ arpa: 50, churnRate: 0.1, serviceCostPerCustomerMonth: 60 }).details.reason).toBe('the service cost per customer-month (60) is not below ARPA (50): no margin to live on');
    expect(ltv({ arpa: 50, churnRate: null, churnReason: 'no ended subscriptions in the file', serviceCostPerCustomerMonth: 0 }).details.reason).toBe('churn is unknown: no ended subscriptions in the file');
  });
  it('churn without a full month, or without customers', () => {
    expect(churnRate([]).details.reason).toBe('the window holds no full calendar month');
    expect(churnRate([{ active: 0, churned: 0 }]).details.reason).toBe('no customer was active at the start of a month');
  });
  it('ratios name what is unknown', () => {
    expect(ltvToCac(null, 100, { ltv: 'no churn observed' }).details.reason).toBe('LTV is unknown: no churn observed');
    expect(cacPaybackMonths(null, 50, 0, { cac: 'no customer acquired in the window' }).details.reason).toBe('CAC is unknown: no customer acquired in the window');
  });
});

describe('subscriptions month by month', () => {
  // Customer 1: monthly 100 from Jan 10, ended Mar 20.       Customer 2: annual 1200 (→ 100/month) from Jan 1, running.
  // Customer 3: two subscriptions, 50 from Jan 5 (ends Feb 15) and 30 from Jan 20 (running): never churns.
  // Customer 4: starts Feb 3 and ends Feb 25 — never active at a month start.
  // Customer 5: 40 from Jan 1, ends Feb 1 exactly (not active at Feb 1); comes back Mar 10 with 40, running.
  const subs = {
    customer: [1, 2, 3, 3, 4, 5, 5],
    startedAt: [day('2026-01-10'), day('2026-01-01'), day('2026-01-05'), day('2026-01-20'), day('2026-02-03'), day('2026-01-01'), day('2026-03-10')],
    endedAt: [day('2026-03-20'), Number.NaN, day('2026-02-15'), Number.NaN, day('2026-02-25'), day('2026-02-01'), Number.NaN],
    mrr: [100, 100, 50, 30, 70, 40, 40],
  };
  const boundaries = [day('2026-02-01'), day('2026-03-01'), day('2026-04-01'), day('2026-05-01')];

  it('counts active customers, MRR and churn at each month start', () => {
    const months = subscriptionMonths(subs, boundaries);
    // Feb 1: customers 1 (100), 2 (100), 3 (50 + 30) → 3 active, MRR 280; 5 ended at Feb 1 exactly (t < end fails)
    // Mar 1: 1 (100), 2 (100), 3 (30) → 3, MRR 230: nobody left during Feb (3 kept its second subscription; 4 never counted)
    // Apr 1: 2 (100), 3 (30), 5 (40, back) → 3, MRR 170; 1 left during Mar → churned(Mar) = 1
    // May 1: the same three → churned(Apr) = 0
    expect(months).toEqual([
      { start: boundaries[0], active: 3, mrr: 280, churned: 0 },
      { start: boundaries[1], active: 3, mrr: 230, churned: 1 },
      { start: boundaries[2], active: 3, mrr: 170, churned: 0 },
    ]);
    // Pooled: 1 / 9
    expect(churnRate(months).value).toBeCloseTo(1 / 9, 12);
  });

  it('MRR at an instant and customers acquired by their first subscription', () => {
    expect(activeCustomersAt(subs, day('2026-05-01'))).toEqual({ customers: new Set([2, 3, 5]), mrr: 170 });
    // First starts: 1 Jan 10, 2 Jan 1, 3 Jan 5, 4 Feb 3, 5 Jan 1 → in [Feb 1, May 1): only 4 (5's return is no acquisition)
    expect(customersAcquired(subs, day('2026-02-01'), day('2026-05-01'))).toBe(1);
    expect(customersAcquired(subs, day('2026-01-01'), day('2026-02-01'))).toBe(4);
  });
});
