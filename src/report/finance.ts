import type { Dataset } from '../datasets/dataset.js';
import { cac } from '../metrics/cac.js';
import { churnRate, type ChurnResult } from '../metrics/churn-rate.js';
import { activeCustomersAt, customersAcquired, subscriptionMonths, type SubscriptionColumns } from '../metrics/finance/subscription-months.js';
import { cacPaybackMonths, ltv, ltvToCac } from '../metrics/unit-economics.js';
import type { Zone } from '../read/zone.js';
import { monthsPerInterval } from '../datasets/subscriptions.js';
import { spendType, type SpendType } from '../datasets/spend.js';
import { fullMonthBoundaries, monthStartOf, nextMonthStartOf } from './months.js';
import type { MetricOutcome } from './registry.js';

export const FINANCE_METRIC_IDS = ['cac', 'churn_rate', 'mrr', 'ltv', 'ltv_to_cac', 'cac_payback_months'] as const;
export type FinanceMetricId = (typeof FINANCE_METRIC_IDS)[number];

/** The optional fields the finance metrics read (beside each kind's required ones and its required-one-of groups). */
// `spend.channel` tells an account-total row (blank campaign) apart; the tickets' channel is not read for it.
export const FINANCE_FIELDS: readonly string[] = ['type', 'currency', 'new_customers', 'ended_at', 'mrr', 'amount', 'interval', 'quantity', 'date_end', 'spend.channel', 'subscriptions.status'];

export interface FinanceWindow {
  since: number | null;
  until: number | null;
  zone: Zone;
}

/**
 * CAC, churn, MRR, LTV, LTV:CAC and payback from the spend, subscriptions and finance data sets given (SPEC §5): the
 * sources chosen, the window's spend and full months, then the pure metrics. A metric whose inputs were not given is
 * absent; one that cannot be computed is null with its reason. Spend comes from spend files, else the finance sheet;
 * customers acquired from subscriptions, else new_customers; churn and ARPA from subscriptions, else the sheet.
 */
export function financeOutcomes(datasets: readonly Dataset[], window: FinanceWindow, configuredServiceCost: number | null = null): { outcomes: Partial<Record<FinanceMetricId, MetricOutcome<object>>>; warnings: string[] } {
  const spend = datasets.find((d) => d.kind === 'spend');
  const subs = datasets.find((d) => d.kind === 'subscriptions');
  const sheet = datasets.find((d) => d.kind === 'finance');
  const warnings: string[] = [];
  const outcomes: Partial<Record<FinanceMetricId, MetricOutcome<object>>> = {};
  if (spend === undefined && subs === undefined && sheet === undefined) return { outcomes, warnings };
  const currency = currencyOf([spend, subs]);
  if (currency !== null) {
    const unnamed = [spend, subs].reduce((n, d) => n + (d === undefined ? 0 : rowsWithoutCurrency(d)), 0);
    if (unnamed > 0) warnings.push(`${unnamed} spend or subscription row${unnamed === 1 ? ' names' : 's name'} no currency: taken to be ${currency} like the others`);
  }
  // A subscriptions file whose every row was skipped (only trialing ones, another --currency) has nothing to count.
  const columns = subs === undefined || subs.rows === 0 ? null : subscriptionColumns(subs);
  if (subs !== undefined && subs.rows === 0) warnings.push('no subscription row is left to count (every one was skipped or rejected): no churn, MRR or acquisitions from subscriptions');
  const sheetRows = sheet === undefined ? null : fullMonthRows(sheet.numbers.month!, window);
  if (sheet !== undefined && sheetRows!.length < rowsIn(sheet.numbers.month!, window.since === null ? null : monthStartOf(window.since, window.zone), window.until).length) {
    warnings.push("the window cuts a month of the finance sheet: a sheet's month counts only when it lies wholly inside the window");
  }

  // The span spend and acquisitions are counted over: the window, else the months the spend rows (or subscriptions) span.
  const span = acquisitionSpan(spend, spend === undefined && sheet !== undefined ? sheet : undefined, window);
  const sheetHasSpend = sheet !== undefined && (sheet.numbers.marketing_spend !== undefined || sheet.numbers.sales_spend !== undefined);
  const spent = spend !== undefined ? spendByType(spend, span.since, span.until, warnings, window.zone) : sheetHasSpend ? sheetSpend(sheet!, sheetRows!) : null;
  if (spend !== undefined && sheet !== undefined && (sheet.numbers.marketing_spend !== undefined || sheet.numbers.sales_spend !== undefined)) {
    warnings.push("spend comes from the spend files; the finance sheet's marketing and sales columns are left out, so that no cost counts twice");
  }

  // Churn, ARPA and the service cost per customer-month: subscriptions over the full months, else the sheet's months.
  let churn: ChurnResult | null = null;
  /** A subscriptions file without any ended one: its ARPA is that of survivors only. */
  let onlyCurrent = false;
  let arpa: number | null = null;
  let customerMonths = 0;
  let serviceCost: number | null = null;
  if (columns !== null) {
    const boundaries = fullMonthBoundaries(window.since ?? monthStartOf(columns.earliest, window.zone), window.until ?? columns.latest, window.zone);
    const months = subscriptionMonths(columns, boundaries);
    churn = churnRate(months);
    customerMonths = churn.details.customerMonths;
    // Money sums to a millionth before dividing (roundSum), as CAC's and MRR's: in doubles a sum depends on the order of
    // its rows in the last bit, which put the reason's "4374.92" or "4374.93" (of 8749.85 / 2) on the order of three rows.
    arpa = customerMonths === 0 ? null : roundSum(months.reduce((sum, m) => sum + m.mrr, 0)) / customerMonths;
    if (columns.unknownIntervals.length > 0) {
      warnings.push(`billing intervals ${columns.unknownIntervals.map((i) => JSON.stringify(i)).join(', ')} are not ones I know (month, year, quarter, week, day, N months): their subscriptions count no revenue; give an mrr column`);
    }
    if (columns.canceledWithoutEnd > 0) {
      warnings.push(`${columns.canceledWithoutEnd} subscription${columns.canceledWithoutEnd === 1 ? ' is' : 's are'} canceled but ${columns.canceledWithoutEnd === 1 ? 'has' : 'have'} no end date (ended_at): counted as still active; check the export's Ended At column`);
    }
    onlyCurrent = !columns.anyEnded;
    if (onlyCurrent) churn = { value: null, details: { ...churn.details, reason: 'no ended subscriptions among those read (the file seems to hold only current ones): churn cannot be observed' } };
    if (boundaries.length > 0 && customerMonths > 0) {
      // Service spend over the same full months, from spend rows of type service, else the sheet's service_cost.
      const months = spend === undefined ? null : spendByType(spend, boundaries[0]!, boundaries.at(-1)!, [], window.zone);
      const monthsRows = sheet === undefined ? null : rowsIn(sheet.numbers.month!, boundaries[0]!, boundaries.at(-1)!);
      if (months !== null && months.serviceRows > 0) serviceCost = roundSum(months.service) / customerMonths;
      else if (anyValue(sheet?.numbers.service_cost, monthsRows!)) serviceCost = roundSum(sumRows(sheet!.numbers.service_cost, monthsRows!)) / customerMonths;
    }
    if (sheet?.numbers.active_customers !== undefined) warnings.push("churn and ARPA come from the subscriptions; the finance sheet's customer columns are left out");
  } else if (sheet !== undefined && sheet.numbers.active_customers !== undefined) {
    const sum = (field: string) => sumRows(sheet.numbers[field], sheetRows!);
    customerMonths = sum('active_customers');
    churn = churnRate(customerMonths === 0 && sheetRows!.length === 0 ? [] : [{ active: customerMonths, churned: sum('churned_customers') }]);
    churn.details.months = sheetRows!.length;
    if (sheet.numbers.churned_customers === undefined) churn = { value: null, details: { ...churn.details, churned: 0, reason: 'the finance sheet has no churned_customers column' } };
    arpa = customerMonths === 0 || sheet.numbers.revenue === undefined ? null : roundSum(sum('revenue')) / customerMonths;
    if (anyValue(sheet.numbers.service_cost, sheetRows!) && customerMonths > 0) serviceCost = roundSum(sum('service_cost')) / customerMonths;
  }
  const hasLtv = churn !== null;
  // The config's figure stands in only where the data holds none: a cost measured in the data is never replaced.
  if (hasLtv && configuredServiceCost !== null && customerMonths > 0) {
    if (serviceCost === null) serviceCost = configuredServiceCost;
    else warnings.push(`the config's serviceCostPerCustomerMonth (${configuredServiceCost}) is left out: the data gives a service cost of ${roundSum(serviceCost)} per customer-month`);
  }
  if (hasLtv && serviceCost === null && customerMonths > 0) {
    warnings.push("no service cost given (spend of type service, a finance sheet's service_cost, or the config's serviceCostPerCustomerMonth): LTV and CAC payback count none");
  }
  const s = serviceCost ?? 0;

  if (spent !== null) {
    const newCustomers = columns !== null ? customersAcquired(columns, span.since, span.until) : newCustomersFrom(spend, sheet, sheetRows, span);
    const result = cac({ marketingSpend: roundSum(spent.marketing), salesSpend: roundSum(spent.sales), newCustomers, currency });
    // No spend row at all in the window is no evidence of zero spend (CAC 0 would be "met"): unknown.
    if (spent.rows === 0) Object.assign(result, { value: null, details: { ...result.details, reason: 'no spend row in the window' } });
    outcomes.cac = { value: result.value, details: result.details, sampleSize: null };
  }
  if (churn !== null) outcomes.churn_rate = { value: churn.value, details: churn.details, sampleSize: null };
  if (columns !== null) {
    // The window is [since, until): its end is the last instant before until (a subscription starting at until is the next one's).
    const at = window.until ?? columns.latest;
    const active = activeCustomersAt(columns, window.until === null ? at : at - 1);
    outcomes.mrr = { value: roundSum(active.mrr), details: { activeCustomers: active.customers.size, at: new Date(at).toISOString(), currency }, sampleSize: null };
  }
  if (hasLtv) {
    const result = ltv({ arpa, churnRate: churn!.value, churnReason: churn!.details.reason, serviceCostPerCustomerMonth: s });
    outcomes.ltv = { value: result.value, details: { ...result.details, currency }, sampleSize: null };
  }
  if (outcomes.cac !== undefined && outcomes.ltv !== undefined) {
    const cacValue = outcomes.cac.value;
    const cacReason = (outcomes.cac.details as { reason?: string }).reason;
    const ltvReason = (outcomes.ltv.details as { reason?: string }).reason;
    const ratio = ltvToCac(outcomes.ltv.value, cacValue, { ltv: ltvReason, cac: cacReason });
    outcomes.ltv_to_cac = { value: ratio.value, details: ratio.details, sampleSize: null };
    // Payback needs no churn, but ARPA from survivors alone (a file without ended subscriptions) would flatter it.
    const arpaKnown = onlyCurrent ? null : arpa;
    const payback = cacPaybackMonths(cacValue, arpaKnown, s, { cac: cacReason, arpa: arpaKnown === null ? churn!.details.reason ?? 'no customer was active at the start of a month' : undefined });
    outcomes.cac_payback_months = { value: payback.value, details: payback.details, sampleSize: null };
  }
  if (currency !== 'USD' && (outcomes.cac !== undefined || outcomes.ltv !== undefined)) {
    warnings.push(`the CAC and LTV targets are in USD (seed 000) and ${currency === null ? 'the amounts name no currency' : `the amounts are in ${currency}`}: compared as they are`);
  }
  return { outcomes, warnings };
}

type SubscriptionData = SubscriptionColumns & { earliest: number; latest: number; anyEnded: boolean; canceledWithoutEnd: number; unknownIntervals: string[] };

/** Subscription rows as columns, with each row's monthly revenue (amount × quantity per interval when no MRR column). */
function subscriptionColumns(subs: Dataset): SubscriptionData {
  const n = subs.rows;
  const startedAt = subs.numbers.started_at!;
  const endedAt = subs.numbers.ended_at ?? new Float64Array(n).fill(Number.NaN);
  const mrr = new Float64Array(n);
  const given = subs.numbers.mrr;
  const amount = subs.numbers.amount;
  const quantity = subs.numbers.quantity;
  const interval = subs.texts.interval;
  const monthsOf = interval === undefined ? null : interval.values.map(monthsPerInterval);
  for (let row = 0; row < n; row++) {
    if (given !== undefined && !Number.isNaN(given[row]!)) mrr[row] = given[row]!;
    else if (amount !== undefined && monthsOf !== null) {
      const q = quantity === undefined || Number.isNaN(quantity[row]!) ? 1 : quantity[row]!;
      mrr[row] = (amount[row]! * q) / monthsOf[interval!.codes[row]!]!;
    } else mrr[row] = Number.NaN;
  }
  const unknownIntervals = new Set<string>();
  if (monthsOf !== null) monthsOf.forEach((m, code) => (code !== 0 && Number.isNaN(m) ? unknownIntervals.add(interval!.values[code]!) : undefined));
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let anyEnded = false;
  for (let row = 0; row < n; row++) {
    earliest = Math.min(earliest, startedAt[row]!);
    latest = Math.max(latest, startedAt[row]!);
    if (!Number.isNaN(endedAt[row]!)) {
      anyEnded = true;
      latest = Math.max(latest, endedAt[row]!);
    }
  }
  const customer = subs.texts.customer_id!.codes;
  // A status that says the subscription ended, on a row without an end date, is a contradiction to say out loud.
  let canceledWithoutEnd = 0;
  const status = subs.texts.status;
  if (status !== undefined) {
    const ended = status.values.map((v) => /^(?:canceled|cancelled|ended|expired|churned|отменена|завершена)$/i.test(v.trim()));
    for (let row = 0; row < n; row++) if (ended[status.codes[row]!] && Number.isNaN(endedAt[row]!)) canceledWithoutEnd++;
  }
  return { customer, startedAt, endedAt, mrr, earliest, latest, anyEnded, canceledWithoutEnd, unknownIntervals: [...unknownIntervals] };
}

/** The span CAC counts spend and acquisitions over: the window, else the months the spend rows (or subscriptions) span. */
function acquisitionSpan(spend: Dataset | undefined, sheet: Dataset | undefined, window: FinanceWindow): { since: number; until: number } {
  if (window.since !== null || window.until !== null) return { since: window.since ?? Number.NEGATIVE_INFINITY, until: window.until ?? Number.POSITIVE_INFINITY };
  const dates = spend?.numbers.date;
  const ends = spend?.numbers.date_end;
  if (dates !== undefined && dates.length > 0) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let row = 0; row < dates.length; row++) {
      min = Math.min(min, dates[row]!);
      // A row covering a period (Meta, a range-dated report) reaches to its last day.
      const last = ends === undefined || Number.isNaN(ends[row]!) ? dates[row]! : ends[row]!;
      max = Math.max(max, last);
    }
    return { since: monthStartOf(min, window.zone), until: nextMonthStartOf(max, window.zone) };
  }
  // Spend from a finance sheet: its months.
  const months = sheet?.numbers.month;
  if (months !== undefined && months.length > 0) return { since: Math.min(...months), until: nextMonthStartOf(Math.max(...months), window.zone) };
  return { since: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };
}

const DAY_MS = 86_400_000;

type SpendTotals = { marketing: number; sales: number; service: number; serviceRows: number; rows: number };

/**
 * Spend rows in [since, until), summed by type: marketing (also the default and unknown types), sales, service. A row
 * covering a period (`date` … `date_end`, both days included: Meta's Reporting starts … ends) that the window cuts
 * counts for the share of its days inside, spread evenly — said in a warning.
 */
function spendByType(spend: Dataset, since: number, until: number, warnings: string[], zone: Zone): SpendTotals {
  const totals = { marketing: 0, sales: 0, service: 0, serviceRows: 0, rows: 0 };
  const date = spend.numbers.date!;
  const dateEnd = spend.numbers.date_end;
  const amount = spend.numbers.amount!;
  const type = spend.texts.type;
  const kindOf = type === undefined ? null : type.values.map(spendType);
  const unknown = new Set<string>();
  const cut: number[] = [];
  for (let row = 0; row < spend.rows; row++) {
    const t = date[row]!;
    const last = dateEnd === undefined ? Number.NaN : dateEnd[row]!;
    let share = 1;
    if (Number.isNaN(last) || last === t) {
      if (t < since || t >= until) continue;
    } else {
      const end = last + DAY_MS;
      const days = Math.round((end - t) / DAY_MS);
      const inside = Math.round(Math.max(0, Math.min(end, until) - Math.max(t, since)) / DAY_MS);
      if (inside === 0) continue;
      if (inside < days) {
        share = inside / days;
        cut.push(row);
      }
    }
    let kind: SpendType = 'marketing';
    if (kindOf !== null) {
      const code = type!.codes[row]!;
      const k = kindOf[code]!;
      if (k === null) unknown.add(type!.values[code]!);
      else kind = k;
    }
    totals[kind] += amount[row]! * share;
    totals.rows++;
    if (kind === 'service') totals.serviceRows++;
  }
  if (cut.length > 0) {
    const day = (ms: number) => zone.wallDate(ms).toISOString().slice(0, 10);
    const first = cut[0]!;
    warnings.push(`${cut.length} spend row${cut.length === 1 ? ' covers a period' : 's cover periods'} the window cuts (such as ${day(date[first]!)} … ${day(dateEnd![first]!)}): ${cut.length === 1 ? 'its amount is' : 'their amounts are'} spread evenly over ${cut.length === 1 ? 'its' : 'their'} days`);
  }
  if (unknown.size > 0) warnings.push(`spend types ${[...unknown].map((u) => JSON.stringify(u)).join(', ')} are none of marketing, sales, service: counted as marketing`);
  return totals;
}

function sheetSpend(sheet: Dataset, rows: Uint32Array): SpendTotals {
  return { marketing: sumRows(sheet.numbers.marketing_spend, rows), sales: sumRows(sheet.numbers.sales_spend, rows), service: sumRows(sheet.numbers.service_cost, rows), serviceRows: rows.length, rows: rows.length };
}

/** Customers acquired without subscriptions: the new_customers of spend rows in the span, else of the sheet's months. */
function newCustomersFrom(spend: Dataset | undefined, sheet: Dataset | undefined, sheetRows: Uint32Array | null, span: { since: number; until: number }): number {
  const fromSpend = spend?.numbers.new_customers;
  if (spend !== undefined && fromSpend !== undefined) {
    let n = 0;
    const date = spend.numbers.date!;
    for (let row = 0; row < spend.rows; row++) if (date[row]! >= span.since && date[row]! < span.until && !Number.isNaN(fromSpend[row]!)) n += fromSpend[row]!;
    return n;
  }
  if (sheet === undefined || sheetRows === null) return 0;
  // The sheet's months inside the span spend was counted over: one period's spend over the same period's customers.
  const months = sheet.numbers.month!;
  return sumRows(sheet.numbers.new_customers, sheetRows.filter((row) => months[row]! >= span.since && months[row]! < span.until));
}

/** The finance sheet's months that lie wholly inside the window (all when it is open): churn and ARPA use full months. */
function fullMonthRows(months: Float64Array, window: FinanceWindow): Uint32Array {
  const rows: number[] = [];
  for (let i = 0; i < months.length; i++) {
    const start = months[i]!;
    if ((window.since === null || start >= window.since) && (window.until === null || nextMonthStartOf(start, window.zone) <= window.until)) rows.push(i);
  }
  return Uint32Array.from(rows);
}

/** Rows whose time lies in [since, until) (all when both are open). */
function rowsIn(time: Float64Array, since: number | null, until: number | null): Uint32Array {
  const rows: number[] = [];
  for (let i = 0; i < time.length; i++) if ((since === null || time[i]! >= since) && (until === null || time[i]! < until)) rows.push(i);
  return Uint32Array.from(rows);
}

/** Whether any of the rows has a value in the column: a column left blank (or absent) gives no figure, not 0. */
function anyValue(values: Float64Array | undefined, rows: Uint32Array): boolean {
  if (values === undefined) return false;
  for (const row of rows) if (!Number.isNaN(values[row]!)) return true;
  return false;
}

function sumRows(values: Float64Array | undefined, rows: Uint32Array): number {
  if (values === undefined) return 0;
  let sum = 0;
  for (const row of rows) if (!Number.isNaN(values[row]!)) sum += values[row]!;
  return sum;
}

/** The one currency of the amounts (spend rows, subscriptions), upper-cased; null when none is named. */
function currencyOf(datasets: readonly (Dataset | undefined)[]): string | null {
  const seen = new Set<string>();
  for (const d of datasets) {
    const column = d?.texts.currency;
    if (column === undefined) continue;
    const used = new Uint8Array(column.values.length);
    for (let row = 0; row < column.codes.length; row++) used[column.codes[row]!] = 1;
    column.values.forEach((v, code) => {
      if (code !== 0 && used[code] === 1 && v.trim() !== '') seen.add(v.trim().toUpperCase());
    });
  }
  return seen.size === 1 ? [...seen][0]! : null;
}

function rowsWithoutCurrency(d: Dataset): number {
  const column = d.texts.currency;
  if (column === undefined) return d.rows;
  let n = 0;
  for (let row = 0; row < d.rows; row++) if (column.values[column.codes[row]!]!.trim() === '') n++;
  return n;
}

/**
 * A money sum rounded to a millionth of its unit: 0.1 + 0.2 spend rows make 0.3, not 0.30000000000000004, whatever the
 * order of the rows. Not to the cent: a yearly plan's MRR is 1000 / 12 = 83.333333…, and the SPEC's ARPA, MRR and LTV
 * are exact — rounding sums to cents moved ARPA by up to half a cent per customer-month (46.6675 for 46.666667).
 */
function roundSum(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A subscription customer as the finance metrics see it, for the drill-down (--details). */
export interface CustomerDetail {
  /** The customer's code in the subscriptions' customer_id column, and its text. */
  customer: string;
  /** Where its first subscription was read (input index and line). */
  inputIndex: number;
  line: number;
  firstStart: number;
  /** Its MRR at the instant the report's MRR is taken (0 when not active then). */
  mrrAtEnd: number;
  /** Whether its first subscription starts in the span CAC counts acquisitions over. */
  acquired: boolean;
}

/** Every subscription customer with what the finance metrics count of it: MRR at the end, acquired in the span. */
export function customerDetails(datasets: readonly Dataset[], window: FinanceWindow): CustomerDetail[] {
  const subs = datasets.find((d) => d.kind === 'subscriptions');
  if (subs === undefined || subs.rows === 0) return [];
  const spend = datasets.find((d) => d.kind === 'spend');
  const sheet = datasets.find((d) => d.kind === 'finance');
  const columns = subscriptionColumns(subs);
  const span = acquisitionSpan(spend, spend === undefined && sheet !== undefined ? sheet : undefined, window);
  // The instant of the report's MRR (see financeOutcomes): the last instant of the window, else the latest date.
  const at = window.until === null ? columns.latest : window.until - 1;
  const byCustomer = new Map<number, CustomerDetail>();
  const names = subs.texts.customer_id!.values;
  for (let row = 0; row < subs.rows; row++) {
    const code = columns.customer[row]!;
    let known = byCustomer.get(code);
    if (known === undefined) byCustomer.set(code, (known = { customer: names[code] ?? '', inputIndex: subs.inputOfRow[row]!, line: subs.lineOfRow[row]!, firstStart: Number.POSITIVE_INFINITY, mrrAtEnd: 0, acquired: false }));
    const start = columns.startedAt[row]!;
    if (start < known.firstStart) Object.assign(known, { firstStart: start, inputIndex: subs.inputOfRow[row]!, line: subs.lineOfRow[row]! });
    const end = columns.endedAt[row]!;
    const revenue = columns.mrr[row]!;
    if (start <= at && (Number.isNaN(end) || at < end) && !Number.isNaN(revenue)) known.mrrAtEnd += revenue;
  }
  for (const c of byCustomer.values()) c.acquired = c.firstStart >= span.since && c.firstStart < span.until;
  return [...byCustomer.values()];
}
