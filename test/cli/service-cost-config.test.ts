import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

function configWith(settings: object): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sm-service-cost-')), 'support-metrics.config.json');
  writeFileSync(path, JSON.stringify(settings));
  return path;
}

interface Metric {
  value: number | null;
  details: Record<string, unknown>;
}

function report(file: string, config: string): { metrics: Record<string, Metric>; warnings: string[] } {
  const run = runBin(['report', file, '--config', config, '--format', 'json', '--tz', 'UTC', '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { metrics: Record<string, Metric>; warnings: string[] };
}

describe('config serviceCostPerCustomerMonth (SPEC §5 ltv: "or config serviceCostPerCustomerMonth")', () => {
  it('stands in for the service cost when the data holds none: Stripe subscriptions', () => {
    const { metrics, warnings } = report(fixture('stripe-subscriptions.csv'), configWith({ serviceCostPerCustomerMonth: 8.6 }));
    // The fixture alone: ARPA 58.6, churn 0.1 → lifetime 10 months, no service cost (LTV 586).
    // With s = 8.6: LTV = (58.6 − 8.6) × 10 = 500.
    expect(metrics.ltv!.details.serviceCostPerCustomerMonth).toBe(8.6);
    expect(metrics.ltv!.value).toBeCloseTo(500, 9);
    expect(warnings.some((w) => w.startsWith('no service cost given'))).toBe(false);
  });

  it('never replaces a cost the data gives: the finance sheet keeps its service_cost, and a warning says the config figure is left out', () => {
    const { metrics, warnings } = report(fixture('finance.csv'), configWith({ serviceCostPerCustomerMonth: 7 }));
    // SPEC §5 worked example: s = (500 + 550) / (100 + 110) = 5, ARPA 50, lifetime 21 → LTV (50 − 5) × 21 = 945.
    expect(metrics.ltv!.details.serviceCostPerCustomerMonth).toBe(5);
    expect(metrics.ltv!.value).toBeCloseTo(945, 9);
    expect(warnings).toContain("the config's serviceCostPerCustomerMonth (7) is left out: the data gives a service cost of 5 per customer-month");
  });

  it('a service_cost column left blank gives no figure (not 0): the config stands in', () => {
    const sheet = join(mkdtempSync(join(tmpdir(), 'sm-service-cost-')), 'finance.csv');
    writeFileSync(sheet, 'month,revenue,active_customers,churned_customers,service_cost\n2026-01,5000,100,5,\n2026-02,5500,110,5,\n');
    const { metrics, warnings } = report(sheet, configWith({ serviceCostPerCustomerMonth: 5 }));
    // SPEC §5 sheet: churn 10/210, lifetime 21, ARPA 10500/210 = 50; s = 5 from the config → LTV (50 − 5) × 21 = 945.
    expect(metrics.ltv!.details.serviceCostPerCustomerMonth).toBe(5);
    expect(metrics.ltv!.value).toBeCloseTo(945, 9);
    expect(warnings.filter((w) => w.includes('serviceCostPerCustomerMonth'))).toEqual([]);
  });

  it('is refused when negative: one line naming the key', () => {
    const run = runBin(['report', fixture('stripe-subscriptions.csv'), '--config', configWith({ serviceCostPerCustomerMonth: -1 }), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^support-metrics: .*support-metrics\.config\.json: serviceCostPerCustomerMonth: .*\n$/);
  });
});

describe('money sums are not rounded to cents (SPEC §5 formulas are exact)', () => {
  it('a yearly plan: ARPA, MRR and LTV as the SPEC computes them, not off by half a cent per customer-month', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-yearly-'));
    const file = join(folder, 'subscriptions.csv');
    writeFileSync(file, 'customer_id,started_at,ended_at,amount,interval,currency\nc1,2026-01-01,2026-02-15,1000,year,USD\nc2,2026-01-01,,10,month,USD\n');
    const run = runBin(['report', file, '--since', '2026-01-01', '--until', '2026-03-01', '--tz', 'UTC', '--format', 'json', '--quiet']);
    expect(run.code).toBe(0);
    const { metrics } = JSON.parse(run.stdout) as { metrics: Record<string, Metric> };
    // Month starts Jan 1 and Feb 1: c1 (1000 / 12 = 83.333333) and c2 (10) active at both → 4 customer-months,
    // Σ MRR = 2 × 93.333333 = 186.666667; ARPA = 186.666667 / 4 = 46.666667 (cents first gave 186.67 / 4 = 46.6675).
    // c1 ends Feb 15: churned in Feb → churn 1 / 4 = 0.25, lifetime 4 months; LTV = 46.666667 × 4 = 186.666667.
    expect(metrics.ltv!.details.arpa).toBeCloseTo(46.666667, 6);
    expect(metrics.ltv!.value).toBeCloseTo(186.666667, 5);
    // MRR at Mar 1: only c2 → 10.
    expect(metrics.mrr!.value).toBe(10);
  });
});
