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
