import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDatasets } from '../../../src/datasets/read-dataset.js';
import type { ReadResult } from '../../../src/datasets/dataset.js';
import type { KindName } from '../../../src/datasets/kind.js';
import { buildReport, type ReportOptions } from '../../../src/report/build.js';
import { GROUP_FIELDS } from '../../../src/report/groups.js';
import { fieldsNeeded } from '../../../src/report/registry.js';
import type { Report } from '../../../src/report/model.js';
import { Zone } from '../../../src/read/zone.js';
import { BUSINESS_FIELDS } from '../../../src/report/business-hours.js';

/**
 * Small data sets of every kind as generated CSV files, read with readDatasets and reported with buildReport as the
 * CLI does: for the report-level properties (one file or two, any row order, a rejected row added). Each data set is
 * a header and rows of cells; files go to one temporary folder, removed by `removeFiles`.
 */

export interface Table {
  kind: KindName;
  header: string[];
  rows: string[][];
  /** Each row's time (epoch ms of its kind's time field), to cut a data set by time as monthly exports are. */
  times: number[];
}

export const DAY = 86_400_000;
const MINUTE = 60_000;
export const START = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * How a file writes its dates: ISO, or slash dates day-first or month-first (UTC, as --tz says) — whose order only a
 * day above 12 proves, in the file or in another file of the data set.
 */
export type DateStyle = 'iso' | 'dmy' | 'mdy';
const dateStyle = fc.constantFrom<DateStyle>('iso', 'dmy', 'mdy');
function slash(ms: number, style: 'dmy' | 'mdy', withTime: boolean): string {
  const [y, m, d, time] = [new Date(ms).toISOString().slice(0, 4), new Date(ms).toISOString().slice(5, 7), new Date(ms).toISOString().slice(8, 10), new Date(ms).toISOString().slice(11, 16)];
  return `${style === 'dmy' ? `${d}/${m}` : `${m}/${d}`}/${y}${withTime ? ` ${time}` : ''}`;
}
const instantIn = (style: DateStyle) => (ms: number) => (style === 'iso' ? iso(ms) : slash(ms, style, true));
const dayIn = (style: DateStyle) => (ms: number) => (style === 'iso' ? day(ms) : slash(ms, style, false));

/** Rows of a generated table: over `days` days from `start`, minLength … maxLength of them. */
export interface Density {
  start?: number;
  days?: number;
  minLength?: number;
  maxLength?: number;
}

/** Long lists (beyond the default 25) at any length up to their maximum: fast-check's default size keeps them near 10. */
const sized = (maxLength: number): { size?: 'max' } => (maxLength > 25 ? { size: 'max' } : {});

const ticketRow = (days: number) =>
  fc.record({
    createdMinute: fc.integer({ min: 0, max: days * 1440 }),
    firstResponse: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
    resolution: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
    channel: fc.constantFrom('email', 'chat', 'phone', ''),
    agent: fc.constantFrom('Anna', 'Max', ''),
    customer: fc.constantFrom('C1', 'C2', 'C3', 'C4', ''),
    category: fc.constantFrom('billing', 'login', ''),
    reopens: fc.constantFrom('0', '1', '2', ''),
    // The ticket's own rating (CSAT's fall-back without a survey file): 1–5, binary, or none.
    rating: fc.constantFrom('', '', '1', '2', '3', '4', '5', 'Good', 'Bad'),
  });

/**
 * Tickets with ids 1…n, created over `days` days from `start` (default: 100 days from 2026-01-01, 1 to 25 tickets),
 * answered and resolved or not.
 */
export function ticketsOf({ start = START, days = 100, minLength = 1, maxLength = 25 }: Density = {}): fc.Arbitrary<Table> {
  return fc.tuple(fc.array(ticketRow(days), { minLength, maxLength, ...sized(maxLength) }), dateStyle).map(([rows, style]) => ({
    kind: 'tickets',
    header: ['ticket_id', 'created_at', 'first_response_at', 'resolved_at', 'channel', 'agent', 'customer_id', 'category', 'reopens', 'csat'],
    rows: rows.map((r, i) => {
      const created = start + r.createdMinute * MINUTE;
      const at = instantIn(style);
      const answered = r.firstResponse === null ? '' : at(created + r.firstResponse * MINUTE);
      // Resolved after the first response, when both are there.
      const resolved = r.resolution === null ? '' : at(created + ((r.firstResponse ?? 0) + r.resolution) * MINUTE);
      return [String(i + 1), at(created), answered, resolved, r.channel, r.agent, r.customer, r.category, r.reopens, r.rating];
    }),
    times: rows.map((r) => start + r.createdMinute * MINUTE),
  }));
}

/** Tickets with ids 1…n, created over 100 days from 2026-01-01, answered and resolved or not. */
export const tickets: fc.Arbitrary<Table> = ticketsOf();

const surveyRow = (start: number, days: number) =>
  fc
    .record({ respondedMinute: fc.integer({ min: 0, max: days * 1440 }), survey: fc.constantFrom('csat', 'nps', 'ces'), point: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), ticket: fc.integer({ min: 0, max: 30 }), channel: fc.constantFrom('email', 'chat', '') })
    .map((r): [string[], number] => {
      // On the default scales: CSAT 1–5, NPS 0–10, CES 1–5.
      const [min, max] = r.survey === 'nps' ? [0, 10] : [1, 5];
      const score = min + Math.floor(r.point * (max - min + 1));
      const at = start + r.respondedMinute * MINUTE;
      return [[iso(at), r.survey, String(score), r.ticket === 0 ? '' : String(r.ticket), r.channel], at];
    });

/**
 * Survey responses in long form (survey + score), some naming a ticket, some a channel: over `days` days from `start`
 * (default: 100 days from 2026-01-01, 1 to 25 responses).
 */
export function surveysOf({ start = START, days = 100, minLength = 1, maxLength = 25 }: Density = {}): fc.Arbitrary<Table> {
  return fc.array(surveyRow(start, days), { minLength, maxLength, ...sized(maxLength) }).map((rows) => ({ kind: 'surveys', header: ['responded_at', 'survey', 'score', 'ticket_id', 'channel'], rows: rows.map((r) => r[0]), times: rows.map((r) => r[1]) }));
}

/** Survey responses in long form (survey + score), some naming a ticket, some a channel. */
export const surveys: fc.Arbitrary<Table> = surveysOf();

const spendRow = fc.record({ day: fc.integer({ min: 0, max: 120 }), type: fc.constantFrom('marketing', 'marketing', 'sales', 'service'), cents: fc.integer({ min: 0, max: 500_000 }) });

/** Spend rows by day, marketing, sales or service, in USD with cents. */
export const spend: fc.Arbitrary<Table> = fc.tuple(fc.array(spendRow, { minLength: 1, maxLength: 20 }), dateStyle).map(([rows, style]) => ({
  kind: 'spend',
  header: ['date', 'type', 'amount', 'currency'],
  rows: rows.map((r) => [dayIn(style)(START + r.day * DAY), r.type, (r.cents / 100).toFixed(2), 'USD']),
  times: rows.map((r) => START + r.day * DAY),
}));

const subscriptionRow = fc
  .record({ customer: fc.integer({ min: 1, max: 8 }), startDay: fc.integer({ min: 0, max: 150 }), lengthDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }), cents: fc.integer({ min: 100, max: 50_000 }) })
  .map((r): [string[], number] => [[`cus_${r.customer}`, day(START + r.startDay * DAY), r.lengthDays === null ? '' : day(START + (r.startDay + r.lengthDays) * DAY), (r.cents / 100).toFixed(2), 'USD'], START + r.startDay * DAY]);

/** Subscriptions of a few customers (some with several), running or ended, MRR with cents. */
export const subscriptions: fc.Arbitrary<Table> = fc.array(subscriptionRow, { minLength: 1, maxLength: 20 }).map((rows) => ({ kind: 'subscriptions', header: ['customer_id', 'started_at', 'ended_at', 'mrr', 'currency'], rows: rows.map((r) => r[0]), times: rows.map((r) => r[1]) }));

const sheetMonth = fc.record({
  marketing: fc.integer({ min: 0, max: 500_000 }),
  sales: fc.integer({ min: 0, max: 200_000 }),
  newCustomers: fc.integer({ min: 0, max: 40 }),
  active: fc.integer({ min: 0, max: 200 }),
  churnShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  revenuePerCustomer: fc.integer({ min: 1000, max: 10_000 }),
  service: fc.integer({ min: 0, max: 100_000 }),
});

/** A finance sheet: one row per month (its key) from January 2026, the columns finance teams keep, money in cents. */
export const financeSheet: fc.Arbitrary<Table> = fc.array(sheetMonth, { minLength: 1, maxLength: 6 }).map((months) => ({
  kind: 'finance',
  header: ['month', 'marketing_spend', 'sales_spend', 'new_customers', 'revenue', 'active_customers', 'churned_customers', 'service_cost'],
  rows: months.map((m, i) => [`2026-${String(i + 1).padStart(2, '0')}`, (m.marketing / 100).toFixed(2), (m.sales / 100).toFixed(2), String(m.newCustomers), ((m.active * m.revenuePerCustomer) / 100).toFixed(2), String(m.active), String(Math.floor(m.active * m.churnShare)), (m.service / 100).toFixed(2)]),
  times: months.map((_, i) => Date.UTC(2026, i, 1)),
}));

/** The table with its rows in time order (as an export by date range writes them). */
export function byTime(table: Table): Table {
  const order = table.rows.map((_, i) => i).sort((a, b) => table.times[a]! - table.times[b]! || a - b);
  return { ...table, rows: order.map((i) => table.rows[i]!), times: order.map((i) => table.times[i]!) };
}

/**
 * A row of `kind` that is rejected, the other cells as a good row's: its time field is no date, or (`how` 1) a reason
 * of the kind's own — a ticket answered before it was created, a spend amount or an MRR that is no number.
 */
export function rejectedRow(table: Table, like: string[], id: string, how: number): string[] {
  const row = [...like];
  const cell = (field: string, value: string) => (row[table.header.indexOf(field)] = value);
  const time = { tickets: 'created_at', surveys: 'responded_at', spend: 'date', subscriptions: 'started_at', finance: 'month' }[table.kind];
  const own = { tickets: () => cell('first_response_at', '2025-12-31T00:00:00Z'), surveys: () => cell('responded_at', '31.02.2026 25:61'), spend: () => cell('amount', 'n/a'), subscriptions: () => cell('mrr', '-49.00'), finance: () => cell('active_customers', 'many') }[table.kind];
  if (how % 2 === 1) own();
  else cell(time, 'not a date');
  if (table.kind === 'tickets') row[0] = id;
  return row;
}

/** The report window and breakdowns a run may ask for: open or some days of the data's span; groups; periods. */
export const reportOptions: fc.Arbitrary<ReportOptions> = fc.record({
  window: fc.option(fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 100 })), { nil: null }),
  period: fc.option(fc.constantFrom('day' as const, 'week' as const, 'month' as const), { nil: undefined }),
  by: fc.subarray(['channel', 'agent', 'category'] as const),
}).map(({ window, period, by }) => ({ since: window === null ? null : START + window[0] * DAY, until: window === null ? null : START + (window[0] + window[1]) * DAY, timezone: 'UTC', benchmark: 'saas', period, by }));

const folder = mkdtempSync(join(tmpdir(), 'sm-props-'));
let files = 0;

function csv(header: readonly string[], rows: readonly string[][]): string {
  return [header, ...rows].map((cells) => cells.join(',')).join('\n') + '\n';
}

/** A new input file of `kind` in the properties' folder (removed once `report` has read it, else by `removeFiles`). */
export function writeInput(kind: KindName, extension: string, bytes: string | Uint8Array): { name: string; kind: KindName } {
  const name = join(folder, `${kind}-${files++}${extension}`);
  writeFileSync(name, bytes);
  return { name, kind };
}

/** Writes each table as one or more CSV files (each table's rows cut at `cuts`), and returns the inputs to read. */
export function writeTables(tables: readonly { table: Table; parts: readonly string[][][] }[]): { name: string; kind: KindName }[] {
  return tables.flatMap(({ table, parts }) => parts.map((rows) => writeInput(table.kind, '.csv', csv(table.header, rows))));
}

/**
 * Reads the inputs as `support-metrics report` does (every field its metrics and groupings read, and with
 * --business-hours the export's business-hours columns), reports them, and removes them.
 */
export async function report(inputs: readonly { name: string; kind: KindName }[], options: ReportOptions): Promise<{ read: ReadResult; report: Report }> {
  try {
    const read = await readDatasets(inputs, { zone: new Zone('UTC'), zoneGiven: true, fields: [...fieldsNeeded(), ...(options.businessHours === undefined ? [] : BUSINESS_FIELDS), ...GROUP_FIELDS] });
    return { read, report: buildReport(read, options) };
  } finally {
    // Read once: removed at once, so that thousands of runs leave no thousands of files.
    for (const input of inputs) rmSync(input.name, { force: true });
  }
}

export function removeFiles(): void {
  rmSync(folder, { recursive: true, force: true });
}
