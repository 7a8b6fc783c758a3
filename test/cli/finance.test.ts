import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../helpers/write-xlsx.js';
import { runBin } from './run-bin.js';

function run(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const dir = mkdtempSync(join(tmpdir(), 'sm-finance-'));

/** A small input written for one test, in the test's temporary folder. */
function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('a finance sheet (SPEC §5 worked examples)', () => {
  it('January alone: marketing 3000 + sales 1000, 40 new customers → CAC 100, missed against < 100', () => {
    const report = run(['fixtures/finance.csv', '--since', '2026-01-01', '--until', '2026-02-01']);
    expect(report.metrics.cac).toMatchObject({ value: 100, status: 'missed', details: { marketingSpend: 3000, salesSpend: 1000, newCustomers: 40 } });
  });

  it('Jan (100, 5, 5000, 500) and Feb (110, 5, 5500, 550): churn 10/210, L 21, ARPA 50, s 5, LTV 945', () => {
    const report = run(['fixtures/finance.csv']);
    expect(report.metrics.churn_rate.value).toBeCloseTo(10 / 210, 12);
    expect(report.metrics.churn_rate.details).toMatchObject({ customerMonths: 210, churned: 10 });
    expect(report.metrics.ltv.value).toBeCloseTo(945, 9);
    expect(report.metrics.ltv.details.arpa).toBeCloseTo(50, 12);
    expect(report.metrics.ltv.details.serviceCostPerCustomerMonth).toBeCloseTo(5, 12);
    expect(report.metrics.ltv.details.lifetimeMonths).toBeCloseTo(21, 9);
    // CAC over both months: (3000 + 1000 + 2500 + 900) / (40 + 20) = 123.33; payback 123.33 / 45 = 2.74
    expect(report.metrics.cac.value).toBeCloseTo(7400 / 60, 9);
    expect(report.metrics.cac_payback_months.value).toBeCloseTo(7400 / 60 / 45, 9);
    expect(report.metrics.ltv_to_cac.value).toBeCloseTo(945 / (7400 / 60), 9);
    // No input names a currency: the USD targets are compared as they are, and the report says so.
    expect(report.warnings).toContain('the CAC and LTV targets are in USD (seed 000) and the amounts name no currency: compared as they are');
    expect(report.metrics.mrr).toBeUndefined();
  });
});

describe('a Russian finance sheet in a workbook', () => {
  it('Месяц as text (Январь 2026) or a date cell, Russian headers: the same figures as the SPEC example', async () => {
    const book = await writeXlsx([
      {
        name: 'Финансы',
        rows: [
          ['Месяц', 'Расходы на маркетинг', 'Расходы на продажи', 'Новые клиенты', 'Выручка', 'Активные клиенты', 'Ушедшие клиенты', 'Расходы на поддержку'],
          ['Январь 2026', 3000, 1000, 40, 5000, 100, 5, 500],
          [{ value: new Date(Date.UTC(2026, 1, 1)), numFmt: 'mmmm yyyy' }, 2500, 900, 20, 5500, 110, 5, 550],
        ],
      },
    ]);
    const report = run([book]);
    expect(report.inputs[0]).toMatchObject({ kind: 'finance', rows: 2, accepted: 2 });
    expect(report.metrics.ltv.value).toBeCloseTo(945, 9);
    expect(report.metrics.cac.value).toBeCloseTo(7400 / 60, 9);
  });
});

describe('Stripe subscriptions (Excel re-save) and a hand-kept spend sheet, February to May 2026', () => {
  const report = run(['fixtures/stripe-subscriptions.csv', 'fixtures/spend-hand-2026.csv', '--since', '2026-02-01', '--until', '2026-06-01']);

  it('skips the rows that never paid, and reads month-first two-digit-year dates', () => {
    // 14 rows: trialing (Felix), incomplete (Grace), incomplete_expired (Marco) skipped
    expect(report.inputs[0]).toMatchObject({ preset: 'stripe', rows: 14, accepted: 11, skipped: 3, rejected: 0 });
    // 9 lines after the header: 8 rows and the Total line (skipped)
    expect(report.inputs[1]).toMatchObject({ rows: 9, accepted: 8, skipped: 1, rejected: 0 });
  });

  it('churn, MRR and LTV month by month', () => {
    // Active at Feb 1, Mar 1, Apr 1, May 1: 6, 6, 6, 6 (Hana starts exactly Mar 1 0:00; Katya ends exactly May 1 0:00;
    // Chen ends Apr 20 by Ended At, not its earlier Canceled At; Bianca's add-on ends but her plan runs on)
    // churned: Dana in Feb, Chen and Katya in Apr → 3 / 24 = 0.125
    expect(report.metrics.churn_rate).toMatchObject({ value: 0.125, details: { months: 4, customerMonths: 24, churned: 3 } });
    // MRR at month starts 400, 420, 420, 477.50 (Inês 990/yr = 82.50; Chen 15 × 5; Arjun 588/yr = 49) → ARPA 1717.5/24
    // s = service 120 + 120 over Feb–May / 24 customer-months = 10; LTV = (71.5625 − 10) × 8 = 492.50 < 500 → missed
    expect(report.metrics.ltv.details.arpa).toBeCloseTo(71.5625, 12);
    expect(report.metrics.ltv.details.serviceCostPerCustomerMonth).toBeCloseTo(10, 12);
    expect(report.metrics.ltv).toMatchObject({ status: 'missed', details: { lifetimeMonths: 8, currency: 'USD' } });
    expect(report.metrics.ltv.value).toBeCloseTo(492.5, 9);
    // MRR at 2026-06-01 00:00: Arjun 49, Bianca 99, Dana 99 (back since Apr 10), Hana 49, Inês 82.50, Jonas 99 (past_due)
    expect(report.metrics.mrr).toMatchObject({ value: 477.5, details: { activeCustomers: 6, at: '2026-06-01T00:00:00.000Z', currency: 'USD' } });
  });

  it('CAC from the first subscriptions that start in the window, LTV:CAC and payback', () => {
    // Acquired: Hana (Mar 1), Eamon (Mar 3, gone by Mar 24), Inês (Apr 2) — not Dana, who comes back → 3
    // Marketing 250 + 300 + 350 = 900, sales 100 + 200 = 300 (the June row is outside) → 1200 / 3 = 400
    expect(report.metrics.cac).toMatchObject({ value: 400, status: 'missed', details: { marketingSpend: 900, salesSpend: 300, newCustomers: 3, currency: 'USD' } });
    expect(report.metrics.ltv_to_cac.value).toBeCloseTo(492.5 / 400, 12);
    // 400 / (71.5625 − 10) = 6.4975 months ≤ 12 → met
    expect(report.metrics.cac_payback_months.value).toBeCloseTo(400 / 61.5625, 12);
    expect(report.metrics.cac_payback_months.status).toBe('met');
  });

  it('the table shows money with its currency and payback in months', () => {
    const result = runBin(['report', 'fixtures/stripe-subscriptions.csv', 'fixtures/spend-hand-2026.csv', '--since', '2026-02-01', '--until', '2026-06-01']);
    expect(result.stdout).toMatch(/CAC\s*│ 400\.00 USD /);
    expect(result.stdout).toMatch(/CAC payback\s*│ 6\.5 months /);
  });
});

describe('subscriptions files as people have them', () => {
  it('only current subscriptions: MRR computed; churn, LTV, LTV:CAC and payback null with the reason, never 0', () => {
    const file = join(dir, 'current.csv');
    const lines = readFileSync('fixtures/stripe-subscriptions.csv', 'utf8').split(/\r?\n/);
    // Keep the header and the rows without an Ended At (active, past_due, trialing …), with "Start Date (UTC)".
    const current = [lines[0]!.replace('Start (UTC)', 'Start Date (UTC)'), ...lines.slice(1).filter((l) => l !== '' && l.endsWith(','))];
    writeFileSync(file, current.join('\r\n') + '\r\n');
    const report = run([file, 'fixtures/spend-hand-2026.csv']);
    expect(report.inputs[0].columns).toContainEqual(expect.objectContaining({ field: 'started_at', header: 'Start Date (UTC)' }));
    // Active now: Arjun 49, Bianca 99, Dana 99, Hana 49, Inês 82.50, Jonas 99 → 477.50
    expect(report.metrics.mrr.value).toBe(477.5);
    const reason = 'no ended subscriptions among those read (the file seems to hold only current ones): churn cannot be observed';
    expect(report.metrics.churn_rate).toMatchObject({ value: null, status: 'no-data', details: { reason } });
    expect(report.metrics.ltv).toMatchObject({ value: null, details: { reason: `churn is unknown: ${reason}` } });
    expect(report.metrics.ltv_to_cac.value).toBeNull();
    expect(report.metrics.cac_payback_months).toMatchObject({ value: null, details: { reason } });
  });
});

describe('ad platforms', () => {
  it('Google Ads "Excel CSV": UTF-16 LE, tabs, title and range lines, Total rows skipped wherever the label sits', () => {
    const report = run(['fixtures/google-ads-excel.csv']);
    expect(report.inputs[0]).toMatchObject({ preset: 'google-ads', encoding: 'utf-16le', delimiter: '\t', headerLine: 3, rows: 11, accepted: 8, skipped: 3 });
    // Brand 374.84 + Generic 3182.03 + Remarketing 421.40 = 3978.27 (the file's own Total: Account); not Cost / conv.
    expect(report.metrics.cac.details).toMatchObject({ marketingSpend: 3978.27, currency: 'USD', newCustomers: 0 });
    expect(report.metrics.cac).toMatchObject({ value: null, details: { reason: 'no customer acquired in the window' } });
  });

  it('Google Ads report without a day column: dated by its range line, a window inside it spread, one outside refused', () => {
    const report = run(['fixtures/google-ads.csv']);
    expect(report.inputs[0]).toMatchObject({ preset: 'google-ads', rows: 7, accepted: 4, skipped: 3, datedBy: { line: 'October 1, 2026 - October 31, 2026', since: '2026-10-01T00:00:00.000Z', until: '2026-11-01T00:00:00.000Z' } });
    // 1412.35 + 3611.80 + 874.20 + 0 = 5898.35 (= Total: Account; with the three Total rows it would be 17,695.05)
    expect(report.metrics.cac.details.marketingSpend).toBe(5898.35);
    // Oct 1–15 is 15 of its 31 days: 5898.35 × 15 / 31 = 2854.0403225…, kept to a millionth (not rounded to cents)
    const half = run(['fixtures/google-ads.csv', '--since', '2026-10-01', '--until', '2026-10-16']);
    expect(half.metrics.cac.details.marketingSpend).toBe(2854.040323);
    const outside = runBin(['report', 'fixtures/google-ads.csv', '--since', '2026-10-15', '--until', '2026-11-15']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe('support-metrics: fixtures/google-ads.csv: has no day column and covers only "October 1, 2026 - October 31, 2026", which the window does not lie within; choose --since/--until inside that range, or download the report with the Day segment\n');
    const allTime = join(dir, 'all-time.csv');
    writeFileSync(allTime, 'Campaign report\nAll time\nCampaign,Currency code,Impr.,Avg. CPC,Cost\nBrand,USD,100,0.50,50.00\n');
    const refused = runBin(['report', allTime]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('has no day column and covers "All time": its spend cannot be placed in months');
  });

  it('Google Ads plain CSV with "Thu, 5 Feb 2026" days and US$ amounts', () => {
    const file = join(dir, 'google-days.csv');
    writeFileSync(file, 'Campaign report\n"February 1, 2026 - February 28, 2026"\nDay,Campaign,Currency code,Impr.,Avg. CPC,Cost,Cost / conv.\n"Thu, 5 Feb 2026",Brand,USD,"1,200",US$0.50,US$129.95,US$12.99\n"Fri, 6 Feb 2026",Brand,USD,"9,870",US$0.61,"US$1,000.05",--\nTotal: Account,--,USD,"11,070",US$0.60,"US$1,130.00",--\n');
    const report = run([file]);
    expect(report.inputs[0]).toMatchObject({ preset: 'google-ads', rows: 3, accepted: 2, skipped: 1 });
    // 129.95 + 1000.05 = 1130.00 (Cost, not Cost / conv. or Avg. CPC)
    expect(report.metrics.cac.details.marketingSpend).toBe(1130);
  });

  it('Meta: the account-total first row is dropped (its amount is the sum of the others), periods spread over a cut window', () => {
    const report = run(['fixtures/meta-ads.csv']);
    expect(report.inputs[0]).toMatchObject({ preset: 'meta-ads', rows: 5, accepted: 4, skipped: 1 });
    // 1520.40 + 842.17 + 611.90 + 816.08 = 3790.55 (with the total row: 7581.10); currency from "Amount spent (USD)"
    expect(report.metrics.cac.details).toMatchObject({ marketingSpend: 3790.55, currency: 'USD' });
    const half = run(['fixtures/meta-ads.csv', '--since', '2026-11-01', '--until', '2026-11-16']);
    // Each row covers Nov 1–30; 15 of its 30 days are in the window: 3790.55 / 2 = 1895.275 (exact, not 1895.28)
    expect(half.metrics.cac.details.marketingSpend).toBe(1895.275);
    expect(half.warnings).toContain('4 spend rows cover periods the window cuts (such as 2026-11-01 … 2026-11-30): their amounts are spread evenly over their days');
    const daily = run(['fixtures/meta-ads-daily.csv']);
    // 51.22 + 28.40 + 49.85 + 30.05 + 35.00 + 52.70 + 34.18 = 281.40 (the summary row, blank Day, dropped)
    expect(daily.inputs[0]).toMatchObject({ rows: 8, accepted: 7, skipped: 1 });
    expect(daily.metrics.cac.details.marketingSpend).toBe(281.4);
  });

  it('TikTok: By Day, Cost (not CPC or CPM), "-" for not applicable', () => {
    const report = run(['fixtures/tiktok-ads.csv']);
    expect(report.inputs[0]).toMatchObject({ preset: 'tiktok-ads', rows: 7, accepted: 7 });
    // 184.62 + 1204.50 + 199.87 + 63.10 + 58.44 + 61.73 + 0 = 1772.26
    expect(report.metrics.cac.details.marketingSpend).toBe(1772.26);
  });

  it('several spend files make one data set: a Google Ads report and a TikTok report for November', () => {
    const report = run(['--spend', 'fixtures/google-ads-excel.csv', '--spend', 'fixtures/tiktok-ads.csv', '--since', '2026-11-01', '--until', '2026-12-01']);
    // 3978.27 + 1772.26 = 5750.53
    expect(report.metrics.cac.details).toMatchObject({ marketingSpend: 5750.53, currency: 'USD' });
  });

  it('amounts in two currencies are refused (exit 2, naming both and their files) unless --currency keeps one', () => {
    const refused = runBin(['report', 'fixtures/spend-ru.csv', 'fixtures/tiktok-ads.csv']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('hold amounts in RUB (fixtures/spend-ru.csv) and USD (fixtures/tiktok-ads.csv), which cannot be added; pass --currency RUB');
    const kept = run(['fixtures/spend-ru.csv', 'fixtures/tiktok-ads.csv', '--currency', 'usd']);
    // spend-ru.csv: 5 rows = 0 accepted + 1 rejected (negative) + 4 skipped (3 in RUB, the Итого line)
    expect(kept.inputs[0]).toMatchObject({ rows: 5, accepted: 0, rejected: 1, skipped: 4 });
    expect(kept.metrics.cac.details).toMatchObject({ marketingSpend: 1772.26, currency: 'USD' });
  });
});

describe('finance files that contradict themselves or say less than they seem (from a new-user trial)', () => {
  it("Meta's account total a few cents off the rows is still the total; a blank-campaign row that is not one is counted and said", () => {
    const total = write('meta-cents.csv', 'Reporting starts,Reporting ends,Campaign name,Campaign delivery,Amount spent (USD)\n2026-02-01,2026-02-28,,,620.01\n2026-02-01,2026-02-28,Prospecting,active,310.00\n2026-02-01,2026-02-28,Retargeting,inactive,310.00\n');
    expect(run([total]).metrics.cac.details.marketingSpend).toBe(620);
    const other = write('meta-other.csv', 'Reporting starts,Reporting ends,Campaign name,Campaign delivery,Amount spent (USD)\n2026-02-01,2026-02-28,,,700.00\n2026-02-01,2026-02-28,Prospecting,active,310.00\n2026-02-01,2026-02-28,Retargeting,inactive,310.00\n');
    const report = run([other]);
    expect(report.metrics.cac.details.marketingSpend).toBe(1320);
    expect(report.warnings).toContain(`${other}:2: the first row has no campaign and its amount 700 is not the sum of the others (620): counted as spend; if it is an account total, remove it`);
  });

  it('Google Ads Week rows cover seven days: a window starting mid-week takes its share', () => {
    const file = write('gads-week.csv', 'Campaign report\nJanuary 26, 2026 - February 8, 2026\nWeek,Campaign,Currency code,Impr.,Avg. CPC,Cost\n2026-01-26,Brand,USD,100,0.70,70.00\n2026-02-02,Brand,USD,100,0.70,70.00\n');
    // Week of Jan 26 – Feb 1: 1 of 7 days in February → 10; the week of Feb 2 wholly → 70
    expect(run([file, '--since', '2026-02-01', '--until', '2026-03-01']).metrics.cac.details.marketingSpend).toBe(80);
  });

  it('a canceled subscription without an end date is counted as active, and said', () => {
    const file = write('stripe-canceled.csv', 'id,Customer ID,Quantity,Currency,Interval,Amount,Status,Start Date (UTC),Canceled At (UTC),Ended At (UTC)\nsub_1,cus_A,1,usd,month,100.00,active,2025-12-15 10:00,,\nsub_3,cus_D,1,usd,month,40.00,canceled,2025-11-01 00:00,2026-02-10 00:00,\nsub_4,cus_G,1,usd,month,40.00,canceled,2025-11-01 00:00,2026-02-10 00:00,2026-03-01 00:00\n');
    const report = run([file, '--since', '2026-01-01', '--until', '2026-05-01']);
    // At May 1: A 100 and D 40 (no end date); G ended Mar 1
    expect(report.metrics.mrr.value).toBe(140);
    expect(report.warnings).toContain("1 subscription is canceled but has no end date (ended_at): counted as still active; check the export's Ended At column");
  });

  it('spend rows naming no currency beside subscriptions in one are taken to be in it, and said', () => {
    const spend = write('spend-nocur.csv', 'date,amount,type\n2026-03-05,300,marketing\n');
    const report = run(['fixtures/stripe-subscriptions.csv', spend, '--since', '2026-02-01', '--until', '2026-06-01']);
    expect(report.metrics.cac.details).toMatchObject({ marketingSpend: 300, currency: 'USD' });
    expect(report.warnings).toContain('1 spend or subscription row names no currency: taken to be USD like the others');
  });

  it('--currency keeping none of the spend rows gives no CAC (not 0, not "met")', () => {
    const report = run(['fixtures/stripe-subscriptions.csv', 'fixtures/spend-hand-2026.csv', '--currency', 'eur', '--since', '2026-02-01', '--until', '2026-06-01']);
    expect(report.metrics.cac).toMatchObject({ value: null, status: 'no-data', details: { reason: 'no spend row in the window' } });
  });

  it('a window that cuts a month of a finance sheet counts only its whole months, and says so', () => {
    const report = run(['fixtures/finance.csv', '--since', '2026-01-15', '--until', '2026-03-01']);
    // Only February is whole: (2500 + 900) / 20 = 170
    expect(report.metrics.cac.value).toBe(170);
    expect(report.warnings).toContain("the window cuts a month of the finance sheet: a sheet's month counts only when it lies wholly inside the window");
  });

  it('a header-only file: one line that says so, exit 2', () => {
    const file = write('header-only.csv', 'date;amount;type\n');
    const result = runBin(['report', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`support-metrics: ${file}: has a header and no data rows; export the data again with its rows\n`);
  });
});

describe('finance edge cases from a review', () => {
  it("without a window, CAC from spend files counts the sheet's new customers of the same months only", () => {
    const spend = write('oct-spend.csv', 'date,amount,type\n2026-10-05,3000,marketing\n2026-10-20,1000,sales\n');
    const sheet = write('sheet-2026.csv', 'month,new_customers\n2026-09,40\n2026-10,40\n2026-11,40\n');
    // October's spend 4000 over October's 40 customers = 100 (not 4000 / 120)
    expect(run([spend, sheet]).metrics.cac.value).toBe(100);
  });

  it('a finance sheet without churned_customers has no churn (not 0)', () => {
    const sheet = write('no-churn-col.csv', 'month,revenue,active_customers\n2026-01,5000,100\n');
    expect(run([sheet]).metrics.churn_rate).toMatchObject({ value: null, details: { reason: 'the finance sheet has no churned_customers column' } });
  });

  it("Meta's account total over a single campaign is dropped too", () => {
    const file = write('meta-one.csv', 'Reporting starts,Reporting ends,Campaign name,Campaign delivery,Amount spent (USD)\n2026-02-01,2026-02-28,,,1520.40\n2026-02-01,2026-02-28,Prospecting,active,1520.40\n');
    expect(run([file]).metrics.cac.details.marketingSpend).toBe(1520.4);
  });

  it('Google Ads Month rows cover their month', () => {
    const file = write('gads-month.csv', 'Campaign report\nSeptember 1, 2026 - October 31, 2026\nMonth,Campaign,Currency code,Impr.,Avg. CPC,Cost\n2026-09-01,Brand,USD,100,1.00,3000.00\n2026-10-01,Brand,USD,100,1.00,3100.00\n');
    // Sep 15–30: 16 of 30 days of 3000 = 1600; Oct 1–14: 14 of 31 days of 3100 = 1400 → 3000
    expect(run([file, '--since', '2026-09-15', '--until', '2026-10-15']).metrics.cac.details.marketingSpend).toBe(3000);
  });

  it('unknown billing intervals are said; "6 months" and semiannual are read', () => {
    const file = write('intervals.csv', 'customer_id,started_at,amount,interval,currency\nc1,2026-01-01,60,month,USD\nc2,2026-01-01,300,6 months,USD\nc3,2026-01-01,120,semiannual,USD\nc4,2026-01-01,99,fortnight,USD\n');
    const report = run([file, '--since', '2026-01-01', '--until', '2026-03-01']);
    // 60 + 300/6 + 120/6 = 130 (the fortnightly one counts no revenue, said)
    expect(report.metrics.mrr.value).toBe(130);
    expect(report.warnings).toContain('billing intervals "fortnight" are not ones I know (month, year, quarter, week, day, N months): their subscriptions count no revenue; give an mrr column');
  });

  it('MRR at the end of a window leaves out a subscription that starts at its end', () => {
    const file = write('starts-at-end.csv', 'customer_id,started_at,mrr,currency\nc1,2026-01-01,50,USD\nc2,2026-02-01,70,USD\n');
    expect(run([file, '--since', '2026-01-01', '--until', '2026-02-01']).metrics.mrr).toMatchObject({ value: 50, details: { activeCustomers: 1 } });
  });

  it('a subscriptions file left with no row (all skipped for another currency) reports without crashing', () => {
    const result = runBin(['report', 'fixtures/stripe-subscriptions.csv', '--currency', 'EUR', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('unexpected');
    expect(JSON.parse(result.stdout).warnings).toContain('no subscription row is left to count (every one was skipped or rejected): no churn, MRR or acquisitions from subscriptions');
  });
});
