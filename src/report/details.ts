import { datasetRows, type Dataset } from '../datasets/dataset.js';
import { countedBracketLabels } from '../metrics/duration-brackets.js';
import { passes } from '../metrics/threshold.js';
import { Zone } from '../read/zone.js';
import { scopedGroups, targetFor, type Target } from '../targets/profiles.js';
import { DEFAULT_REPEAT_WINDOW_DAYS, withBusinessHoursOf, withRepeatFlags, type ReportInput, type ReportOptions } from './build.js';
import { BUSINESS_TWINS } from './business-hours.js';
import { bracketReadings, onlyBrackets, REPEAT_FLAGS, surveyRows } from './registry.js';
import { customerDetails } from './finance.js';
import { rowsInWindow } from './window.js';
import { ValueSource } from '../value-source.js';

/**
 * The drill-down's columns (`--details`): a row per ticket in the window (`kind` ticket) and per survey answer (`kind`
 * csat, nps or ces: its ticket's id, the answer as written and its score on the settled scale) and per subscription
 * customer (`kind` customer: its first start, its MRR at the instant of the report's MRR, whether it was acquired in
 * the span CAC counts — the rows behind MRR, active customers and acquisitions).
 */
export const DETAIL_COLUMNS: readonly string[] = ['kind', 'file', 'line', 'id', 'at', 'channel', 'agent', 'team', 'priority', 'category', 'customer', 'frt_seconds', 'art_seconds', 'repeat_contact', 'reopens', 'answer', 'score', 'breached', 'mrr_at_end', 'acquired'];

/**
 * The columns inserted after `art_seconds`, per ticket: with --business-hours its business FRT and ART; when the
 * export gives FRT or ART only as brackets (Zendesk Explore), its brackets as the report counts them (`frt_bracket`,
 * `art_bracket`: `No replies`/`Unsolved` for the unanswered/unresolved), so the rows add up to the bracket counts.
 */
const BUSINESS_COLUMNS = ['frt_business_seconds', 'art_business_seconds'] as const;
const BRACKET_COLUMNS = ['frt_bracket', 'art_bracket'] as const;
/** Where the inserted columns go: after art_seconds. */
const INSERT_AT = DETAIL_COLUMNS.indexOf('art_seconds') + 1;

/**
 * When several ticket files are read as one and some lack a duration's columns, a last column `not_measured` names,
 * per ticket, the time columns left empty because its file has no column for them (unknown), not because the ticket
 * was not answered or resolved (none).
 */
export const NOT_MEASURED_COLUMN = 'not_measured';

/** Whether the drill-down needs the `not_measured` column: some ticket file lacks a duration's columns. */
function needsNotMeasured(options: Pick<ReportOptions, 'businessHours'>, input: ReportInput): boolean {
  const missing = input.datasets.find((d) => d.kind === 'tickets')?.noColumnIn;
  // The business twins are made with the report (withBusinessTimes): a business-hours column missing somewhere is enough to ask.
  const asks = ['first_response', 'resolution', ...(options.businessHours === undefined ? [] : [BUSINESS_TWINS.first_response.column, BUSINESS_TWINS.resolution.column])];
  return missing !== undefined && asks.some((name) => missing[name] !== undefined);
}

/** The detail columns a ticket's file may be unable to give, with the duration each shows. */
function notMeasuredSources(options: Pick<ReportOptions, 'businessHours'>): { column: string; elapsed: string }[] {
  const calendar = [
    { column: 'frt_seconds', elapsed: 'first_response' },
    { column: 'art_seconds', elapsed: 'resolution' },
  ];
  if (options.businessHours === undefined) return calendar;
  return [...calendar, { column: 'frt_business_seconds', elapsed: BUSINESS_TWINS.first_response.elapsed }, { column: 'art_business_seconds', elapsed: BUSINESS_TWINS.resolution.elapsed }];
}

export type DetailCell = string | number | null;

/** The drill-down (`--details`): its columns — DETAIL_COLUMNS with the inserted ones — and its rows. */
export interface Details {
  columns: string[];
  rows: DetailCell[][];
}

/**
 * The rows behind the report's ticket numbers (`--details`): every ticket in the window with its own values — FRT and
 * ART in seconds, whether it repeats a contact, its reopens — its group keys, where it was read (file and line), and
 * the targets it breached (`frt`, `art`; the group's own target where one applies, as the report's groups use). The
 * rows add up to the report: as many as the ticket volume, FRT values as FRT's count, `frt` breaches as the count
 * outside the target, tickets per `frt_bracket` as the report's brackets.
 */
export function details(input: ReportInput, options: ReportOptions): Details {
  const tickets = ticketsInWindow(input, options);
  const pad = (row: DetailCell[]) => [...row, null, null];
  const rows = [...ticketDetails(input, options, tickets).map(pad), ...surveyDetails(input, options).map(pad), ...financeDetails(input, options)];
  // Per ticket row (the first rows, in the data set's order), the inserted cells; other rows get empty ones.
  const inserted: { names: readonly string[]; cells: DetailCell[][] }[] = [];
  if (options.businessHours !== undefined) inserted.push({ names: BUSINESS_COLUMNS, cells: businessTwins(tickets) });
  const brackets = bracketCells(tickets);
  if (brackets !== null) inserted.push({ names: BRACKET_COLUMNS, cells: brackets });
  const columns = [...DETAIL_COLUMNS.slice(0, INSERT_AT), ...inserted.flatMap((i) => i.names), ...DETAIL_COLUMNS.slice(INSERT_AT)];
  const withInserted = inserted.length === 0 ? rows : rows.map((row, k) => [...row.slice(0, INSERT_AT), ...inserted.flatMap((i) => i.cells[k] ?? i.names.map(() => null)), ...row.slice(INSERT_AT)]);
  if (tickets === null || !needsNotMeasured(options, input)) return { columns, rows: withInserted };
  return { columns: [...columns, NOT_MEASURED_COLUMN], rows: withNotMeasured(withInserted, tickets, options) };
}

/** The `not_measured` cell of every row: per ticket (the first rows) the columns its file cannot give; null for others. */
function withNotMeasured(rows: DetailCell[][], d: Dataset, options: ReportOptions): DetailCell[][] {
  const sources = notMeasuredSources(options).map((c) => ({ column: c.column, source: d.elapsed[c.elapsed]?.source }));
  return rows.map((row, k) => [...row, k < d.rows ? sources.filter((s) => s.source?.[k] === ValueSource.noColumn).map((s) => s.column).join(' ') : null]);
}

/** Per ticket row of ticketDetails (same order), its business FRT and ART in seconds. */
function businessTwins(d: Dataset | null): DetailCell[][] {
  if (d === null) return [];
  const frt = d.elapsed[BUSINESS_TWINS.first_response.elapsed]?.seconds;
  const art = d.elapsed[BUSINESS_TWINS.resolution.elapsed]?.seconds;
  return Array.from({ length: d.rows }, (_, row) => [number(frt?.[row]), number(art?.[row])]);
}

/**
 * Per ticket row, its FRT and ART brackets under the labels the report counts them by — for each duration the report
 * gives only by brackets (else null) —; null when neither is.
 */
function bracketCells(d: Dataset | null): DetailCell[][] | null {
  if (d === null) return null;
  const labelled = (elapsed: 'first_response' | 'resolution', field: string) => {
    const column = d.texts[field];
    if (column === undefined || !onlyBrackets(d, elapsed, field)) return null;
    const labels = countedBracketLabels(column.values, bracketReadings(column));
    return (row: number) => labels[column.codes[row]!] ?? null;
  };
  const frt = labelled('first_response', 'first_response_bracket');
  const art = labelled('resolution', 'resolution_bracket');
  if (frt === null && art === null) return null;
  return Array.from({ length: d.rows }, (_, row) => [frt?.(row) ?? null, art?.(row) ?? null]);
}

/** The tickets in the window with their repeat flags and, with --business-hours, their business times; null without tickets. */
function ticketsInWindow(input: ReportInput, options: ReportOptions): Dataset | null {
  const tickets = input.datasets.find((d) => d.kind === 'tickets');
  if (tickets === undefined) return null;
  const flagged = withBusinessHoursOf(withRepeatFlags(tickets, options.repeatWindowDays ?? DEFAULT_REPEAT_WINDOW_DAYS, new Zone(options.timezone)), options);
  const rows = rowsInWindow(flagged.numbers.created_at!, options.since, options.until);
  return rows === null ? flagged : datasetRows(flagged, rows);
}

function financeDetails(input: ReportInput, options: ReportOptions): DetailCell[][] {
  return customerDetails(input.datasets, { since: options.since, until: options.until, zone: new Zone(options.timezone) }).map((c) => [
    'customer',
    input.inputs[c.inputIndex]?.file ?? null,
    c.line,
    c.customer,
    new Date(c.firstStart).toISOString(),
    ...Array<DetailCell>(5).fill(null),
    c.customer,
    ...Array<DetailCell>(7).fill(null),
    Math.round(c.mrrAtEnd * 100) / 100,
    c.acquired ? 'yes' : 'no',
  ]);
}

function ticketDetails(input: ReportInput, options: ReportOptions, d: Dataset | null): DetailCell[][] {
  if (d === null) return [];
  const text = (field: string, row: number) => textOf(d, field, row);
  const scopes = scopedGroups(options.benchmark, options.targets);
  const targetOf = (metric: string, row: number): Target | null => {
    // A group's own target first (the chat first response of the industry profiles), as the report's groups use.
    for (const scope of scopes) {
      const key = text(scope.field, row);
      if (key !== null && key.toLowerCase() === scope.value.toLowerCase()) {
        const scoped = targetFor(options.benchmark, metric, { field: scope.field, key }, options.targets);
        if (scoped?.scope !== undefined) return scoped;
      }
    }
    return targetFor(options.benchmark, metric, undefined, options.targets);
  };
  const frt = d.elapsed.first_response?.seconds;
  const art = d.elapsed.resolution?.seconds;
  // With --business-hours the report judges business times against the targets: so do the breaches.
  const business = options.businessHours !== undefined;
  const judgedFrt = business ? d.elapsed[BUSINESS_TWINS.first_response.elapsed]?.seconds : frt;
  const judgedArt = business ? d.elapsed[BUSINESS_TWINS.resolution.elapsed]?.seconds : art;
  const out: DetailCell[][] = [];
  for (let row = 0; row < d.rows; row++) {
    const breached: string[] = [];
    for (const [metric, values] of [['frt', judgedFrt], ['art', judgedArt]] as const) {
      const v = values?.[row];
      const target = targetOf(metric, row);
      if (v !== undefined && !Number.isNaN(v) && target !== null && !passes(v, target)) breached.push(metric);
    }
    const flag = d.texts[REPEAT_FLAGS]?.codes[row];
    out.push([
      'ticket',
      input.inputs[d.inputOfRow[row]!]?.file ?? null,
      d.lineOfRow[row]!,
      keyOf(d, row),
      new Date(d.numbers.created_at![row]!).toISOString(),
      text('channel', row),
      text('agent', row),
      text('team', row),
      text('priority', row),
      text('category', row),
      text('customer_id', row),
      number(frt?.[row]),
      number(art?.[row]),
      flag === undefined ? null : flag === 1 ? 'repeat' : flag === 2 ? 'no customer' : 'first',
      number(d.numbers.reopens?.[row]),
      null,
      null,
      breached.join(' '),
    ]);
  }
  return out;
}

/** A row per survey answer in the window (a response answering CSAT and NPS gives two), with its ticket's keys. */
function surveyDetails(input: ReportInput, options: ReportOptions): DetailCell[][] {
  const surveys = input.datasets.find((d) => d.kind === 'surveys');
  if (surveys === undefined) return [];
  const rows = rowsInWindow(surveys.numbers.responded_at!, options.since, options.until);
  const d: Dataset = rows === null ? surveys : datasetRows(surveys, rows);
  const text = (field: string, row: number) => textOf(d, field, row);
  const out: DetailCell[][] = [];
  for (const survey of ['csat', 'nps', 'ces'] as const) {
    const answers = surveyRows(d, survey);
    if (answers === null) continue;
    for (let row = 0; row < d.rows; row++) {
      const written = answers.written(row);
      if (written === '') continue;
      const at = new Date(d.numbers.responded_at![row]!).toISOString();
      const where = [input.inputs[d.inputOfRow[row]!]?.file ?? null, d.lineOfRow[row]!, keyOf(d, row) ?? text('ticket_id', row), at];
      out.push([survey, ...where, text('channel', row), text('agent', row), text('team', row), text('priority', row), text('category', row), null, null, null, null, null, written, number(answers.scores[row]), '']);
    }
  }
  return out;
}

/** A text column's value at a row; null without the column or for an empty cell. */
function textOf(d: Dataset, field: string, row: number): string | null {
  const column = d.texts[field];
  return column === undefined ? null : column.values[column.codes[row]!] || null;
}

function keyOf(d: Dataset, row: number): string | number | null {
  if (d.keys === undefined) return null;
  const n = d.keys.numeric[row]!;
  return Number.isNaN(n) ? (d.keys.text.get(row) ?? null) : n;
}

function number(v: number | undefined): number | null {
  return v === undefined || Number.isNaN(v) ? null : v;
}
