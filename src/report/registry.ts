import type { Dataset } from '../datasets/dataset.js';
import type { KindName } from '../datasets/kind.js';
import { ticketColumns } from '../datasets/ticket-columns.js';
import { fieldSpec } from '../datasets/kind.js';
import { suggestHeader } from '../datasets/suggest-header.js';
import { TICKET_TIME_FIELDS, TICKETS } from '../datasets/tickets.js';
import { art, artOfSlicings } from '../metrics/art.js';
import { bracketDistribution } from '../metrics/duration-brackets.js';
import { parseDurationBracket, type BracketReading } from '../read/duration-bracket.js';
import { durationUnitFromHeader } from '../read/duration.js';
import { frt, frtOfSlicings } from '../metrics/frt.js';
import type { Slicing } from '../stats/slicing.js';
import type { Threshold } from '../metrics/threshold.js';
import { ticketVolume, ticketVolumeOfSlicings, type TicketVolumeResult } from '../metrics/ticket-volume.js';
import { ces } from '../metrics/ces.js';
import { csat, csatSatisfied } from '../metrics/csat.js';
import { nps } from '../metrics/nps.js';
import { readAnswers, readSettledAnswers, readSettledSlices, type SurveyAnswers, type SurveyKind } from '../survey/answers.js';
import { surveyColumn } from '../survey/columns.js';
import { DEFAULT_SCALES } from '../survey/scale.js';
import { FINANCE_FIELDS } from './finance.js';
import type { ArtReport, FrtReport, MetricId, ReopenRateReport, RepeatContactReport, TicketVolumeReport } from './model.js';
import { repeatContactRate, repeatContactRateOfSlices } from '../metrics/repeat-contacts.js';
import { reopenRate, reopenRateOfSlicings, type ReopenRateResult } from '../metrics/reopen-rate.js';
import type { z } from 'zod';
import { BUSINESS_TWINS, type BusinessHoursSetting } from './business-hours.js';
import { ValueSource } from '../value-source.js';

/** Options of the run some metrics read. */
export interface MetricSettings {
  /** --repeat-window: days within which a customer's next ticket is a repeat contact (SPEC §5, default 7). */
  repeatWindowDays: number;
  /** --business-hours: FRT and ART in business time (report/business-hours.ts); null for calendar time. */
  businessHours: BusinessHoursSetting | null;
}

/**
 * The tickets' column of repeat-contact flags (metrics/repeat-contacts.ts: code 0 first contact, 1 repeat, 2 no
 * customer), made by the report over the whole data set before any window (report/build.ts), so that an earlier
 * ticket outside the window still counts as the earlier contact; windows, groups and periods carry it as any column.
 */
export const REPEAT_FLAGS = 'repeat_contact';

/** What a metric computes over the rows of its data set in the window. */
export interface MetricOutcome<D> {
  value: number | null;
  details: D;
  /** How many values the number rests on (for the low-sample warning); null when that makes no sense (a count). */
  sampleSize: number | null;
  /** Guesses the metric made that the data did not prove (an assumed scale), and answers it left out: report warnings. */
  warnings?: string[];
}

/** A metric the report can carry: which data set it reads, which optional fields, and how it is computed. */
export interface RegisteredMetric<Id extends MetricId, D> {
  id: Id;
  kind: KindName;
  /** Optional fields of the kind the metric reads (the engine parses only what some metric or grouping needs). */
  fields: readonly string[];
  /**
   * Without a data set of `kind`, the metric is computed over this kind's data set when it has a column for `field`
   * (CSAT from the tickets' inline ratings when no survey file is given).
   */
  fallback?: { kind: KindName; field: string };
  compute(dataset: Dataset, target: Threshold | null, settings: MetricSettings): MetricOutcome<D>;
  /** Whether the data set can carry the metric at all (reopen rate: only with a reopen count); absent = always. */
  appliesTo?(dataset: Dataset): boolean;
  /**
   * The metric of every slice of the data set (groups, periods), each against its target: what `compute` gives for
   * each slice's rows, in passes over the whole columns. Metrics without it, or when it gives null, are computed slice
   * by slice.
   */
  computeSlices?(dataset: Dataset, slicing: Slicing, targets: readonly (Threshold | null)[], settings: MetricSettings): MetricOutcome<D>[] | null;
  /**
   * computeSlices of several slicings of the data set at once (each --by field's groups, the periods; a row is in one
   * slice of each), in the same passes: per slicing, its slices' outcomes. Used instead of computeSlices when there;
   * when it gives null, the slices are computed one by one.
   */
  computeSlicings?(dataset: Dataset, slicings: readonly Slicing[], targets: readonly (readonly (Threshold | null)[])[], settings: MetricSettings): MetricOutcome<D>[][] | null;
  /** Why the profile's target cannot judge this value (CSAT's 4.5 is on a 1–5 scale), or null when it can. */
  targetMisfit?(details: D): string | null;
}

type DetailsOf<S extends z.ZodType> = z.infer<S> extends { details: infer D } ? D : never;

const ticketVolumeMetric: RegisteredMetric<'ticket_volume', DetailsOf<typeof TicketVolumeReport>> = {
  id: 'ticket_volume',
  kind: 'tickets',
  fields: [...TICKET_TIME_FIELDS, 'first_response_bracket', 'resolution_bracket'],
  compute(dataset, _target, settings) {
    const outcome = volumeOutcome(dataset, ticketVolume(ticketColumns(dataset), volumeOptions(dataset)));
    return { ...outcome, warnings: notMeasuredWarnings(dataset, settings) };
  },
  computeSlicings(dataset, slicings) {
    // Counts known only by bracket (Zendesk Explore) are read from the bracket column of the data set volumeOutcome is
    // given: over the whole data set every group and period got the whole's resolved, unresolved and unanswered
    // (`report fixtures/zendesk-explore.csv --by agent`: 6 resolved in a group of 2; issue #16, the option fuzzer).
    // Those are computed slice by slice, as FRT and ART by bracket are.
    if (onlyBrackets(dataset, 'resolution', 'resolution_bracket') || onlyBrackets(dataset, 'first_response', 'first_response_bracket')) return null;
    return ticketVolumeOfSlicings(ticketColumns(dataset), slicings, volumeOptions(dataset)).map((results) => results.map((result) => volumeOutcome(dataset, result)));
  },
};

/** Whether some tickets' files have no first-response (resolution) column while others do: counted apart. */
function volumeOptions(dataset: Dataset) {
  return { firstResponseNotMeasured: dataset.noColumnIn?.first_response !== undefined, resolutionNotMeasured: dataset.noColumnIn?.resolution !== undefined };
}

/**
 * Said once, with the headline ticket volume: each file without a first-response (resolution) column that other files
 * of the tickets have — its tickets are unknown, neither unanswered (unresolved) nor measured. With --business-hours,
 * FRT and ART say their own (their business times may come from another column).
 */
function notMeasuredWarnings(dataset: Dataset, settings: MetricSettings): string[] {
  const warnings: string[] = [];
  const calendar = settings.businessHours === null;
  for (const [name, what, fields, outcome, leftOut, metric, volumeField] of [
    ['first_response', 'first-response', 'first_response_at or first_response_minutes', 'answered', 'unanswered', 'FRT', 'firstResponseNotMeasured'],
    ['resolution', 'resolution', 'resolved_at or resolution_minutes', 'resolved', 'unresolved', 'ART', 'resolutionNotMeasured'],
  ] as const) {
    const without = dataset.noColumnIn?.[name];
    if (without === undefined) continue;
    const where = calendar ? `left out of ${metric} and not counted as ${leftOut} (ticket_volume ${volumeField}, ${metric.toLowerCase()} notMeasured)` : `not counted as ${leftOut} (ticket_volume ${volumeField})`;
    warnings.push(...noColumnFileWarnings(dataset, without, `no ${what} column (${fields}), which other files of the tickets have`, outcome, where));
  }
  return warnings;
}

/** Per file without a column, its tickets among these rows (none said for a file with no ticket here). */
function noColumnFileWarnings(dataset: Dataset, without: { inputs: number[]; files: string[] }, missing: string, outcome: string, where: string): string[] {
  const inputOfRow = dataset.inputOfRow;
  return without.inputs.flatMap((input, k) => {
    let n = 0;
    for (let row = 0; row < inputOfRow.length; row++) if (inputOfRow[row] === input) n++;
    return n === 0 ? [] : [`${without.files[k]} has ${missing}: whether its ${n === 1 ? 'ticket was' : `${n} tickets were`} ${outcome} is unknown — ${where}`];
  });
}

function volumeOutcome(dataset: Dataset, result: TicketVolumeResult): MetricOutcome<DetailsOf<typeof TicketVolumeReport>> {
  // Without a column to tell them by, resolved and answered are unknown, not "none".
  const resolvedKnown = dataset.elapsed.resolution !== undefined && !onlyBrackets(dataset, 'resolution', 'resolution_bracket');
  const answeredKnown = dataset.elapsed.first_response !== undefined && !onlyBrackets(dataset, 'first_response', 'first_response_bracket');
  // Known by bracket only (Zendesk Explore): `No replies` and `Unsolved` say it, when every ticket's bracket is readable.
  const unresolvedByBracket = resolvedKnown ? null : noneBracketCount(dataset, 'resolution_bracket');
  const unansweredByBracket = answeredKnown ? null : noneBracketCount(dataset, 'first_response_bracket');
  // A count read from the brackets covers every ticket, so none is left "not measured" beside it: a window holding only
  // the tickets of a brackets-only file read with an exact-times one (zendesk-explore.csv + zendesk-explore-minutes.csv
  // --until 2026-11-03) gave resolved 2 + unresolved 0 + resolutionNotMeasured 2 for 2 tickets (issue #16).
  const details = {
    resolved: resolvedKnown ? result.details.resolved : unresolvedByBracket === null ? null : dataset.rows - unresolvedByBracket,
    unresolved: resolvedKnown ? result.details.unresolved : unresolvedByBracket,
    unanswered: answeredKnown ? result.details.unanswered : unansweredByBracket,
    ...(result.details.firstResponseNotMeasured === undefined || unansweredByBracket !== null ? {} : { firstResponseNotMeasured: result.details.firstResponseNotMeasured }),
    ...(result.details.resolutionNotMeasured === undefined || unresolvedByBracket !== null ? {} : { resolutionNotMeasured: result.details.resolutionNotMeasured }),
  };
  return { value: result.value, details, sampleSize: null };
}

const frtMetric: RegisteredMetric<'frt', DetailsOf<typeof FrtReport>> = {
  id: 'frt',
  kind: 'tickets',
  fields: ['first_response_minutes', 'first_response_at', 'first_response_bracket'],
  compute(dataset, target, settings) {
    if (settings.businessHours !== null) {
      const e = dataset.elapsed[BUSINESS_TWINS.first_response.elapsed];
      if (e === undefined) return noFirstResponse(dataset, settings);
      const result = frt({ firstResponseSeconds: e.seconds, firstResponseSource: e.source }, target, { businessHours: true, ...notMeasuredOption(dataset, BUSINESS_TWINS.first_response.elapsed) });
      return { ...durationOutcome(result, dataset.rows, 'answered'), warnings: businessWarnings(dataset, 'first_response', e.source, 'answered', 'First response time') };
    }
    if (onlyBrackets(dataset, 'first_response', 'first_response_bracket')) return bracketOutcome<DetailsOf<typeof FrtReport>>(dataset, 'first_response_bracket', target, 'unanswered');
    if (dataset.elapsed.first_response === undefined) return noFirstResponse(dataset, settings);
    return durationOutcome(frt(ticketColumns(dataset), target, notMeasuredOption(dataset, 'first_response')), dataset.rows, 'answered');
  },
  computeSlicings(dataset, slicings, targets, settings) {
    if (settings.businessHours !== null) {
      const e = dataset.elapsed[BUSINESS_TWINS.first_response.elapsed];
      if (e === undefined) return slicings.map((slicing) => Array.from(slicing.rows, () => noFirstResponse(dataset, settings)));
      return frtOfSlicings({ firstResponseSeconds: e.seconds, firstResponseSource: e.source }, slicings, targets, { businessHours: true, ...notMeasuredOption(dataset, BUSINESS_TWINS.first_response.elapsed) }).map((results, i) => results.map((result, k) => durationOutcome(result, slicings[i]!.rows[k]!, 'answered')));
    }
    // By bracket: each slice's own counts (a few labels, no pass worth sharing).
    if (onlyBrackets(dataset, 'first_response', 'first_response_bracket')) return null;
    if (dataset.elapsed.first_response === undefined) return slicings.map((slicing) => Array.from(slicing.rows, () => noFirstResponse(dataset, settings)));
    return frtOfSlicings(ticketColumns(dataset), slicings, targets, notMeasuredOption(dataset, 'first_response')).map((results, i) => results.map((result, k) => durationOutcome(result, slicings[i]!.rows[k]!, 'answered')));
  },
};

/**
 * Whether a duration is known only by its brackets: the file has a bracket column for it and no exact time in any row
 * (no column, or one left empty throughout — Zendesk Explore fills its minutes only when the report asks for them).
 */
export function onlyBrackets(dataset: Dataset, elapsed: 'first_response' | 'resolution', bracketField: string): boolean {
  if (dataset.texts[bracketField] === undefined) return false;
  const seconds = dataset.elapsed[elapsed]?.seconds;
  if (seconds === undefined) return true;
  for (let row = 0; row < seconds.length; row++) if (!Number.isNaN(seconds[row]!)) return false;
  return true;
}

/** Bracket readings per distinct label of a column, parsed once per data set (the labels are few). */
const readingsOf = new WeakMap<readonly string[], BracketReading[]>();

export function bracketReadings(column: { values: string[] }): BracketReading[] {
  let readings = readingsOf.get(column.values);
  if (readings === undefined) readingsOf.set(column.values, (readings = column.values.map((label, code) => (code === 0 ? null : parseDurationBracket(label)))));
  return readings;
}

/** Tickets in the "none" bracket (`No replies`, `Unsolved`); null without the column or when a bracket is empty or unreadable. */
function noneBracketCount(dataset: Dataset, field: string): number | null {
  const column = dataset.texts[field];
  if (column === undefined) return null;
  const d = bracketDistribution(column.codes, column.values, bracketReadings(column), null);
  return d.empty > 0 || d.unrecognised.length > 0 ? null : d.none;
}

/**
 * FRT or ART when the export has only brackets (issue #15): no value and no mean (status no-data, with why), the
 * distribution by bracket in the details, the "none" bracket (`No replies`, `Unsolved`) counted as unanswered or
 * unresolved, and what the brackets bound: the median's bracket, the ranges of median and p90, the share within target.
 */
function bracketOutcome<D>(dataset: Dataset, field: string, target: Threshold | null, leftOut: 'unanswered' | 'unresolved'): MetricOutcome<D> {
  const column = dataset.texts[field]!;
  const d = bracketDistribution(column.codes, column.values, bracketReadings(column), target);
  const header = dataset.mapped[field] ?? field;
  const what = leftOut === 'unanswered' ? 'first reply' : 'resolution';
  const reason =
    dataset.rows === 0
      ? 'no ticket in the window'
      : `the export gives the ${what} time only as brackets (${JSON.stringify(header)}): the mean, median and p90 are not known — see the distribution by bracket${d.measured === 0 ? `; none of the ${dataset.rows} ticket${dataset.rows === 1 ? '' : 's'} in the window is ${leftOut === 'unanswered' ? 'answered' : 'resolved'}` : ''}`;
  const unrecognised = d.unrecognised.reduce((n, u) => n + u.count, 0);
  const details = {
    count: 0,
    mean: null,
    median: null,
    p90: null,
    min: null,
    max: null,
    withinTarget: d.withinTarget,
    sources: { exportColumn: 0, timestamps: 0 },
    [leftOut]: d.none,
    reason,
    brackets: d.brackets,
    bracketStats: { column: header, measured: d.measured, empty: d.empty, unrecognised, medianBracket: d.medianBracket, medianRange: d.medianRange, p90Range: d.p90Range, withinTargetRange: d.withinTargetRange },
  } as unknown as D;
  const warnings = d.unrecognised.length === 0 ? [] : [`${unrecognised} ticket${unrecognised === 1 ? '' : 's'} in ${JSON.stringify(header)} name${unrecognised === 1 ? 's' : ''} no time range (${d.unrecognised.map((u) => JSON.stringify(u.label)).join(', ')}): left out of the ${what} brackets`];
  return { value: null, details, sampleSize: d.measured, warnings };
}

/** `{ notMeasured: true }` when some files of the data set have no column for this duration (its rows say `noColumn`). */
function notMeasuredOption(dataset: Dataset, elapsed: string): { notMeasured?: true } {
  return dataset.noColumnIn?.[elapsed] === undefined ? {} : { notMeasured: true };
}

function noFirstResponse(dataset: Dataset, settings: MetricSettings) {
  return noColumn({ unanswered: null }, missingColumnReason(dataset, 'first-response', 'first_response', settings), settings);
}

const artMetric: RegisteredMetric<'art', DetailsOf<typeof ArtReport>> = {
  id: 'art',
  kind: 'tickets',
  fields: ['resolution_minutes', 'resolved_at', 'resolution_bracket'],
  compute(dataset, target, settings) {
    if (settings.businessHours !== null) {
      const e = dataset.elapsed[BUSINESS_TWINS.resolution.elapsed];
      if (e === undefined) return noResolution(dataset, settings);
      const result = art({ resolutionSeconds: e.seconds, resolutionSource: e.source }, target, { businessHours: true, ...notMeasuredOption(dataset, BUSINESS_TWINS.resolution.elapsed) });
      return { ...durationOutcome(result, dataset.rows, 'resolved'), warnings: businessWarnings(dataset, 'resolution', e.source, 'resolved', 'Resolution time') };
    }
    if (onlyBrackets(dataset, 'resolution', 'resolution_bracket')) return bracketOutcome<DetailsOf<typeof ArtReport>>(dataset, 'resolution_bracket', target, 'unresolved');
    if (dataset.elapsed.resolution === undefined) return noResolution(dataset, settings);
    return durationOutcome(art(ticketColumns(dataset), target, notMeasuredOption(dataset, 'resolution')), dataset.rows, 'resolved');
  },
  computeSlicings(dataset, slicings, targets, settings) {
    if (settings.businessHours !== null) {
      const e = dataset.elapsed[BUSINESS_TWINS.resolution.elapsed];
      if (e === undefined) return slicings.map((slicing) => Array.from(slicing.rows, () => noResolution(dataset, settings)));
      return artOfSlicings({ resolutionSeconds: e.seconds, resolutionSource: e.source }, slicings, targets, { businessHours: true, ...notMeasuredOption(dataset, BUSINESS_TWINS.resolution.elapsed) }).map((results, i) => results.map((result, k) => durationOutcome(result, slicings[i]!.rows[k]!, 'resolved')));
    }
    if (onlyBrackets(dataset, 'resolution', 'resolution_bracket')) return null;
    if (dataset.elapsed.resolution === undefined) return slicings.map((slicing) => Array.from(slicing.rows, () => noResolution(dataset, settings)));
    return artOfSlicings(ticketColumns(dataset), slicings, targets, notMeasuredOption(dataset, 'resolution')).map((results, i) => results.map((result, k) => durationOutcome(result, slicings[i]!.rows[k]!, 'resolved')));
  },
};

/**
 * What a business-time FRT or ART rests on that the report must say (no number confidently wrong): tickets left out
 * for want of a business time, values whose end is created_at plus a rounded duration, and values from two schedules
 * (the help desk's own, in its column, and the config's calendar) mixed in one number.
 */
function businessWarnings(dataset: Dataset, calendarName: 'first_response' | 'resolution', source: Uint8Array, what: string, label: string): string[] {
  const counts = new Uint32Array(8);
  for (let i = 0; i < source.length; i++) counts[source[i]!]!++;
  const header = (field: string) => JSON.stringify(dataset.mapped[field] ?? field);
  const twin = BUSINESS_TWINS[calendarName];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const warnings: string[] = [];
  const unmeasured = counts[ValueSource.unmeasured]!;
  if (unmeasured > 0) {
    warnings.push(`${label} (business hours): ${plural(unmeasured, `${what} ticket`)} without a business-hours value (${dataset.numbers[twin.column] === undefined ? `no ${twin.column} column` : `${header(twin.column)} empty`}) and no businessCalendar in the config to compute one: left out (withoutBusinessTime); add a businessCalendar to the config file`);
  }
  const neither = dataset.noColumnIn?.[twin.elapsed];
  if (neither !== undefined && counts[ValueSource.noColumn]! > 0) {
    const fields = `${twin.column}, ${twin.calendarFields.join(', ')}`;
    warnings.push(...noColumnFileWarnings(dataset, neither, `neither a business-hours nor a calendar ${calendarName === 'first_response' ? 'first-response' : 'resolution'} column (${fields}), which other files of the tickets have`, what, `left out of ${label} (business hours) and not counted as ${what === 'answered' ? 'unanswered' : 'unresolved'} (notMeasured)`));
  }
  const fromDuration = counts[ValueSource.calendarFromDuration]!;
  if (fromDuration > 0) {
    warnings.push(`${label} (business hours): ${plural(fromDuration, 'value')} computed from created_at plus the export's calendar duration ${header(twin.calendarFields[1])} (its end is known only to that column's rounding)`);
  }
  const fromColumn = counts[ValueSource.exportColumn]!;
  const fromCalendar = counts[ValueSource.calendar]! + fromDuration;
  if (fromColumn > 0 && fromCalendar > 0) {
    warnings.push(`${label} (business hours): ${plural(fromColumn, 'value')} from ${header(twin.column)} (the help desk's own schedule) and ${fromCalendar} computed with the config's businessCalendar: check that the two schedules agree`);
  }
  return warnings;
}

const repeatContactMetric: RegisteredMetric<'repeat_contact_rate', DetailsOf<typeof RepeatContactReport>> = {
  id: 'repeat_contact_rate',
  kind: 'tickets',
  fields: ['customer_id', 'category'],
  compute(dataset, _target, { repeatWindowDays }) {
    const flags = dataset.texts[REPEAT_FLAGS];
    const customer = dataset.texts.customer_id;
    if (flags === undefined || customer === undefined) {
      const reason = `no customer column (customer_id); map one with --map customer_id=HEADER`;
      return { value: null, details: { repeatTickets: 0, tickets: 0, customersWithRepeats: 0, customers: 0, windowDays: repeatWindowDays, withoutCustomer: 0, reason }, sampleSize: null };
    }
    const result = repeatContactRate(flags.codes, customer.codes, repeatWindowDays);
    return { value: result.value, details: result.details, sampleSize: result.details.tickets };
  },
  computeSlices(dataset, slicing, _targets, { repeatWindowDays }) {
    const flags = dataset.texts[REPEAT_FLAGS];
    const customer = dataset.texts.customer_id;
    if (flags === undefined || customer === undefined) return null;
    return repeatContactRateOfSlices(flags.codes, customer.codes, repeatWindowDays, slicing)?.map((result) => ({ value: result.value, details: result.details, sampleSize: result.details.tickets })) ?? null;
  },
};

const reopenRateMetric: RegisteredMetric<'reopen_rate', DetailsOf<typeof ReopenRateReport>> = {
  id: 'reopen_rate',
  kind: 'tickets',
  fields: ['reopens', 'resolution_minutes', 'resolved_at'],
  appliesTo: (dataset) => dataset.numbers.reopens !== undefined,
  compute(dataset) {
    if (dataset.elapsed.resolution === undefined) {
      return { value: null, details: { reopened: 0, resolved: 0, reason: 'no resolution column (resolved_at or resolution_minutes): which tickets are resolved is unknown' }, sampleSize: null };
    }
    return reopenOutcome(reopenRate({ resolutionSeconds: dataset.elapsed.resolution.seconds, reopens: dataset.numbers.reopens! }), dataset.rows);
  },
  computeSlicings(dataset, slicings) {
    if (dataset.elapsed.resolution === undefined) return null;
    return reopenRateOfSlicings({ resolutionSeconds: dataset.elapsed.resolution.seconds, reopens: dataset.numbers.reopens! }, slicings).map((results, i) => results.map((result, k) => reopenOutcome(result, slicings[i]!.rows[k]!)));
  },
};

function reopenOutcome(result: ReopenRateResult, rows: number): MetricOutcome<DetailsOf<typeof ReopenRateReport>> {
  const details = result.value === null ? { ...result.details, reason: rows === 0 ? 'no ticket in the window' : `none of the ${rows} ticket${rows === 1 ? '' : 's'} in the window is resolved` } : result.details;
  return { value: result.value, details, sampleSize: result.details.resolved };
}

function noResolution(dataset: Dataset, settings: MetricSettings) {
  return noColumn({ unresolved: null }, missingColumnReason(dataset, 'resolution', 'resolution', settings), settings);
}

/** FRT's or ART's outcome over `rows` tickets; without a value, why: no ticket had one (in the window). */
function durationOutcome<D extends { count: number; withoutBusinessTime?: number; notMeasured?: number }>(result: { value: number | null; details: D }, rows: number, what: string): MetricOutcome<D | (D & { reason: string })> {
  const unmeasured = result.details.withoutBusinessTime ?? 0;
  const notMeasured = result.details.notMeasured ?? 0;
  const reason =
    rows === 0
      ? 'no ticket in the window'
      : notMeasured === rows
        ? `the ${rows} ticket${rows === 1 ? '' : 's'} in the window ${rows === 1 ? 'comes from a file' : 'come from files'} without a column for it (notMeasured): whether ${rows === 1 ? 'it is' : 'they are'} ${what} is unknown`
        : unmeasured > 0
        ? `the ${unmeasured} ${what} ticket${unmeasured === 1 ? '' : 's'} in the window ${unmeasured === 1 ? 'has' : 'have'} no business-hours value and the config no businessCalendar to compute one; add a businessCalendar to the config file`
        : notMeasured > 0
          ? `none of the ${rows - notMeasured} ticket${rows - notMeasured === 1 ? '' : 's'} in the window from files with a column for it is ${what} (${notMeasured} more from files without one: notMeasured)`
          : `none of the ${rows} ticket${rows === 1 ? '' : 's'} in the window is ${what}`;
  const details = result.value === null ? { ...result.details, reason } : result.details;
  return { value: result.value, details, sampleSize: result.details.count };
}

/** A duration metric whose input column the file does not have: no value, unknown counts, and why. */
function noColumn<Extra extends object>(extra: Extra, reason: string, settings: MetricSettings): MetricOutcome<DurationDetailsOf & Extra> {
  const business = settings.businessHours !== null;
  const sources = business ? { exportColumn: 0, calendar: 0 } : { exportColumn: 0, timestamps: 0 };
  const details = { count: 0, mean: null, median: null, p90: null, min: null, max: null, withinTarget: null, sources, ...extra, ...(business ? { businessHours: true as const, withoutBusinessTime: 0 } : {}), reason };
  return { value: null, details, sampleSize: null };
}
type DurationDetailsOf = { count: number; mean: null; median: null; p90: null; min: null; max: null; withinTarget: null; sources: { exportColumn: number; timestamps: number } | { exportColumn: number; calendar: number }; businessHours?: true; withoutBusinessTime?: number; reason: string };

/**
 * `no first-response column (first_response_at or first_response_minutes)`, and the near miss when the file has one:
 * the business-hours twin is time within business hours, not the calendar time the metric and its target mean — it
 * is used with --business-hours. With --business-hours: what to add to have business times.
 */
function missingColumnReason(dataset: Dataset, what: string, calendarName: 'first_response' | 'resolution', settings: MetricSettings): string {
  const twin = BUSINESS_TWINS[calendarName];
  const fields = twin.calendarFields;
  if (settings.businessHours !== null) {
    // Without a business-hours column, business times come from the calendar durations and the config's calendar.
    if (dataset.elapsed[calendarName] !== undefined) {
      return `no business-hours ${what} column (${twin.column}: Zendesk ${JSON.stringify(calendarName === 'first_response' ? 'First reply time in minutes within business hours' : 'Full resolution time in minutes within business hours')}, Freshdesk ${JSON.stringify(calendarName === 'first_response' ? 'First response time (in hrs)' : 'Resolution time (in hrs)')}, Intercom ${JSON.stringify(calendarName === 'first_response' ? 'First response time, only within office hours (seconds)' : 'Time to close, within office hours (seconds)')}) and no businessCalendar in the config to compute it from the timestamps; add a businessCalendar to the config file (support-metrics init writes an example), or export that column`;
    }
    return `no ${what} column (${fields.join(', ')} or ${twin.column}); map one with --map ${fields[1]}=HEADER`;
  }
  const reason = `no ${what} column (${fields.join(' or ')})`;
  const header = dataset.mapped[twin.column];
  if (header === undefined) {
    // A header the file has that likely means one of the fields (`Resolved` for resolved_at): the --map to type.
    for (const field of fields) {
      const suggestion = suggestHeader(fieldSpec(TICKETS, field), dataset.unmapped, new Set());
      if (suggestion === undefined || suggestion.share < 0.5) continue;
      // A header that names a unit (`First Response (Hours)`) holds a duration: offered as the duration field, whose
      // reading takes that unit — as a timestamp field its numbers were all rejected (Salesforce, found by a trial).
      const asField = durationUnitFromHeader(suggestion.header) !== null ? fields[1]! : field;
      return `${reason}; the file has ${JSON.stringify(suggestion.header)}: if it is that, pass --map ${asField}=${JSON.stringify(suggestion.header)}`;
    }
    return `${reason}; map one with --map ${fields[1]}=HEADER`;
  }
  return `${reason}; the file has only ${JSON.stringify(header)}, time within business hours: pass --business-hours to use it`;
}

/**
 * The survey files' `survey`, `score`, `csat`, `nps` and `ces` form the kind's required-one-of groups, which the
 * engine always reads; `csat` named here reads the tickets' inline ratings too (CSAT's fall-back). `ticket_id` joins a
 * response to the ticket it answers (datasets/join-tickets.ts).
 */
const SURVEY_FIELDS: readonly string[] = ['ticket_id'];
const CSAT_FIELDS: readonly string[] = ['csat', 'ticket_id'];
const FROM_TICKET_RATINGS = { kind: 'tickets', field: 'csat' } as const;

type ReadSurvey = { answers: SurveyAnswers; warnings: string[] } | null;
/** Answers already read, per data set and survey: CSAT and CSAT satisfied read the same codes once. */
const answersRead = new WeakMap<Dataset, Map<SurveyKind, ReadSurvey>>();

/** One survey's answers in a survey data set, on the scale settled when it was read (datasets/survey-scales.ts). */
function surveyAnswers(dataset: Dataset, survey: SurveyKind): ReadSurvey {
  let known = answersRead.get(dataset);
  if (known === undefined) answersRead.set(dataset, (known = new Map()));
  if (!known.has(survey)) known.set(survey, readSurveyAnswers(dataset, survey));
  return known.get(survey)!;
}

function readSurveyAnswers(dataset: Dataset, survey: SurveyKind): ReadSurvey {
  const found = surveyColumn(dataset.texts, survey);
  if (found === null) return null;
  const settled = dataset.scales?.[survey];
  return withOffScaleWarning(survey, settled === undefined ? readAnswers(found.column, survey) : readSettledAnswers(found.column, settled));
}

/** Answers already read per slicing and survey (CSAT and CSAT satisfied read the same counts once). */
const sliceAnswersRead = new WeakMap<Slicing, Map<SurveyKind, ReadSurvey[] | null>>();

/**
 * One survey's answers in every slice of a data set, counted in one pass (survey/answers.ts readSettledSlices); null
 * when the data set has no answers of it or none settled (then each slice is read on its own).
 */
function surveySliceAnswers(dataset: Dataset, survey: SurveyKind, slicing: Slicing): ReadSurvey[] | null {
  let known = sliceAnswersRead.get(slicing);
  if (known === undefined) sliceAnswersRead.set(slicing, (known = new Map()));
  if (!known.has(survey)) {
    const found = surveyColumn(dataset.texts, survey);
    const settled = dataset.scales?.[survey];
    known.set(survey, found === null || settled === undefined ? null : readSettledSlices(found.column, settled, slicing).map((answers) => withOffScaleWarning(survey, answers)));
  }
  return known.get(survey)!;
}

function withOffScaleWarning(survey: SurveyKind, answers: SurveyAnswers): ReadSurvey {
  // Rows off the scale were rejected when read; none is left, unless a data set was built without settling its scales.
  const warnings = answers.offScale.length === 0 ? [] : [`${answers.offScale.length} ${survey} answer${answers.offScale.length === 1 ? '' : 's'} off the ${answers.scale.min}–${answers.scale.max} scale left out`];
  return { answers, warnings };
}

/** Why a survey metric of `rows` rows of the data set has no value. */
function noSurvey(survey: string, dataset: Dataset, rows: number): string {
  if (dataset.kind === 'tickets') return rows === 0 ? 'no ticket in the window' : `none of the ${rows} ticket${rows === 1 ? '' : 's'} in the window is rated`;
  return dataset.texts[survey] === undefined && dataset.texts.survey === undefined ? `no ${survey} column (${survey}, or survey + score)` : rows === 0 ? 'no survey response in the window' : `no ${survey} answer in the window`;
}

/** Why a mean is missing when the answers are there: all binary (good/bad), counted by CSAT satisfied only. */
function onlyBinary(answers: SurveyAnswers | undefined): string | null {
  const n = answers?.binary.responses ?? 0;
  return n === 0 ? null : `the ${n} rating${n === 1 ? ' is' : 's are'} binary (good/bad), which ${n === 1 ? 'has' : 'have'} no mean: see CSAT satisfied`;
}

/** A survey metric: its survey's answers on their scale, the measure, and why there is no value when there is none. */
function surveyMetric<Id extends MetricId, D extends { responses: number }>(
  id: Id,
  survey: SurveyKind,
  measure: (answers: SurveyAnswers | null) => { value: number | null; details: D },
  { warns, fromTickets = false }: { warns: boolean; fromTickets?: boolean },
): RegisteredMetric<Id, D & { reason?: string }> {
  return {
    id,
    kind: 'surveys',
    fields: fromTickets ? CSAT_FIELDS : SURVEY_FIELDS,
    ...(fromTickets ? { fallback: FROM_TICKET_RATINGS } : {}),
    compute(dataset) {
      return outcome(surveyAnswers(dataset, survey), dataset, dataset.rows);
    },
    computeSlices(dataset, slicing) {
      if (surveyColumn(dataset.texts, survey) === null) return Array.from(slicing.rows, (rows) => outcome(null, dataset, rows));
      // Without a scale settled over the whole (a data set built by hand), slice by slice.
      return surveySliceAnswers(dataset, survey, slicing)?.map((r, k) => outcome(r, dataset, slicing.rows[k]!)) ?? null;
    },
  };

  function outcome(read: ReadSurvey, dataset: Dataset, rows: number): MetricOutcome<D & { reason?: string }> {
    const result = measure(read?.answers ?? null);
    const details = result.value === null ? { ...result.details, reason: onlyBinary(read?.answers) ?? noSurvey(survey, dataset, rows) } : result.details;
    return { value: result.value, details, sampleSize: result.details.responses, warnings: warns ? (read?.warnings ?? []) : [] };
  }
}

const noCsat = { scores: [], scale: DEFAULT_SCALES.csat };
// CSAT satisfied reads the same answers as CSAT: their warnings are said once.
const csatMetric = {
  ...surveyMetric('csat', 'csat', (a) => csat(a ?? noCsat), { warns: true, fromTickets: true }),
  // The article's 4.5 is a mean on 1–5: on another scale it says nothing (rescaling it would be a guess).
  targetMisfit: (details: { scaleMin: number; scaleMax: number }) =>
    details.scaleMin === 1 && details.scaleMax === 5 ? null : `the CSAT target is a mean on a 1–5 scale and these answers are on ${details.scaleMin}–${details.scaleMax}: no verdict (compare CSAT satisfied instead)`,
};
const csatSatisfiedMetric = surveyMetric('csat_satisfied', 'csat', (a) => csatSatisfied(a ?? noCsat), { warns: false, fromTickets: true });
const npsMetric = surveyMetric('nps', 'nps', (a) => nps(a?.scores ?? []), { warns: true });
const cesMetric = surveyMetric('ces', 'ces', (a) => ces(a?.scores ?? [], a?.scale ?? DEFAULT_SCALES.ces), { warns: true });

/** Every metric the report can carry, in report order. */
export const METRICS = [ticketVolumeMetric, frtMetric, artMetric, repeatContactMetric, reopenRateMetric, csatMetric, csatSatisfiedMetric, npsMetric, cesMetric] as const;

/** The optional fields the registered metrics read (the engine parses these beside each kind's required ones). */
export function fieldsNeeded(): string[] {
  return [...new Set([...METRICS.flatMap((m) => m.fields), ...FINANCE_FIELDS])];
}

/**
 * The values behind a metric that a significance test compares (--compare): FRT and ART durations, CSAT and CES
 * scores; null for metrics compared by their counts (shares, NPS) or not at all.
 */
export function metricSample(id: MetricId, datasets: readonly Dataset[], businessHours = false): Float64Array | null {
  const metric = METRICS.find((m) => m.id === id);
  const dataset = metric === undefined ? undefined : datasetFor(metric, datasets);
  if (dataset === undefined) return null;
  const values = (seconds: Float64Array | undefined) => (seconds === undefined ? null : seconds.filter((s) => !Number.isNaN(s)));
  // With --business-hours the test compares business times, as the metric does.
  if (id === 'frt') return values(dataset.elapsed[businessHours ? BUSINESS_TWINS.first_response.elapsed : 'first_response']?.seconds);
  if (id === 'art') return values(dataset.elapsed[businessHours ? BUSINESS_TWINS.resolution.elapsed : 'resolution']?.seconds);
  if (id === 'csat' || id === 'ces') return values(surveyAnswers(dataset, id)?.answers.scores);
  return null;
}

/**
 * The data set a metric reads: of its kind, else its fall-back's when that has the column (CSAT from the tickets'
 * inline ratings when no survey file is given).
 */
export function datasetFor(metric: (typeof METRICS)[number], datasets: readonly Dataset[]): Dataset | undefined {
  const own = datasets.find((d) => d.kind === metric.kind);
  if (own !== undefined || metric.fallback === undefined) return own;
  const { kind, field } = metric.fallback;
  return datasets.find((d) => d.kind === kind && d.texts[field] !== undefined);
}

/**
 * One survey's answers of a survey data set, row by row, as the metrics read them (on the scale settled over the whole
 * data set): each row's score (NaN = none or a binary rating) and the answer as written. Null without that survey.
 * For the drill-down (--details).
 */
export function surveyRows(dataset: Dataset, survey: SurveyKind): { scores: Float64Array; written: (row: number) => string } | null {
  const found = surveyColumn(dataset.texts, survey);
  const read = surveyAnswers(dataset, survey);
  if (found === null || read === null) return null;
  return { scores: read.answers.scores, written: (row) => found.column.values[found.column.codes[row]!] ?? '' };
}
