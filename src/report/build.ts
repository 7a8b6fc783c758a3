import { datasetRows, type Dataset, type InputSummary } from '../datasets/dataset.js';
import { kindNamed } from '../datasets/kinds.js';
import { metricDefinition } from '../metrics/catalog.js';
import { scopedGroups, targetFor, type Target } from '../targets/profiles.js';
import { statusOf } from '../targets/status.js';
import { REPORT_SCHEMA, type MetricReport, type Report, type ReportTarget } from './model.js';
import { datasetFor, METRICS, REPEAT_FLAGS, type MetricOutcome, type MetricSettings } from './registry.js';
import { repeatFlags } from '../metrics/repeat-contacts.js';
import type { SlicedDatasets } from './sliced-datasets.js';
import { rowsInWindow } from './window.js';
import { groupDatasets, type GroupField } from './groups.js';
import { periodDatasets, type Period } from './periods.js';
import { compareMetrics, previousWindow } from './compare.js';
import { FINANCE_METRIC_IDS, financeOutcomes } from './finance.js';
import { Zone } from '../read/zone.js';
import { businessHoursReport, withBusinessTimes, type BusinessHoursSetting } from './business-hours.js';

/** Fewer values than this behind a metric earns a low-sample warning (SPEC §5). */
export const LOW_SAMPLE = 20;

export interface ReportOptions {
  /** --by: every metric also per value of these fields. */
  by?: readonly GroupField[];
  /** --period: every metric also per day, ISO week or calendar month (in `timezone`). */
  period?: Period | undefined;
  /** The config file's targets: added to the profile's or overriding them, global or scoped to a group. */
  targets?: readonly Target[] | undefined;
  /** --repeat-window: days within which a customer's next ticket is a repeat contact (default 7). */
  repeatWindowDays?: number | undefined;
  /** --compare previous: every ticket and survey metric against the previous window, with a significance test. */
  compare?: 'previous' | undefined;
  /** Window bounds in epoch ms; null = open. Rows belong by their kind's time field, [since, until). */
  since: number | null;
  until: number | null;
  timezone: string;
  benchmark: string;
  /** --business-hours: FRT and ART in business time, with the config's calendar (or none: export columns only). */
  businessHours?: BusinessHoursSetting | undefined;
  /** LTV's service cost per customer-month when the data holds none (config `serviceCostPerCustomerMonth`). */
  serviceCostPerCustomerMonth?: number | undefined;
}

/** What the report is built from: the data sets read and how their inputs were read. */
export interface ReportInput {
  datasets: readonly Dataset[];
  inputs: readonly InputSummary[];
  /** Guesses made while reading (an assumed date order …). */
  warnings: readonly string[];
}

/** Builds the report model: window, then every registered metric whose data set was given, with targets and verdicts. No I/O. */
export function buildReport(input: ReportInput, options: ReportOptions): Report {
  const lowSample: string[] = [];
  const zone = new Zone(options.timezone);
  // Repeat contacts are flagged over whole data sets: an earlier ticket outside the window still counts (SPEC §5).
  // Business times too, over whole data sets (the window, groups, periods and comparison then pick their rows).
  const datasets = input.datasets.map((d) => withBusinessHoursOf(withRepeatFlags(d, settingsOf(options).repeatWindowDays, zone), options));
  const windowed = datasets.map((d) => inWindow(d, options));
  const metrics = computeMetrics(windowed, options, lowSample);
  // Groups: every metric again over each key's rows; their low samples are flagged, not each said as a warning.
  // Periods: every metric per day, ISO week or month of the window in its zone; empty periods listed with no data.
  // Groups and periods are cut first and their metrics computed together (a column's slicings tallied in shared passes).
  const cuts: { field: GroupField; keys: { key: string; slice: number }[]; sliced: SlicedDatasets }[] = [];
  const groupsBy = (field: GroupField, only?: string) => {
    const { groups: keys, sliced } = groupDatasets(windowed, field, only);
    cuts.push({ field, keys, sliced });
  };
  for (const by of options.by ?? []) groupsBy(by);
  // A scoped target (industry profiles' chat first response) puts its group into the report even without --by.
  for (const scope of scopedGroups(options.benchmark, options.targets)) {
    if (!(options.by ?? []).includes(scope.field as GroupField)) groupsBy(scope.field as GroupField, scope.value);
  }
  const periodCut = options.period === undefined ? null : periodDatasets(windowed, options.period, options, zone);
  const groupOfSlice = cuts.map(({ field, keys }) => {
    const keyOfSlice = new Map(keys.map((g) => [g.slice, g.key]));
    return (k: number) => ({ field, key: keyOfSlice.get(k) ?? '' });
  });
  const metricsOf = computeSliceMetrics([...cuts.map(({ sliced }, i) => ({ sliced, groupOf: groupOfSlice[i]! })), ...(periodCut === null ? [] : [{ sliced: periodCut.sliced, groupOf: () => undefined }])], options);
  const groups: { by: string; key: string; metrics: Record<string, MetricReport> }[] = [];
  cuts.forEach(({ field, keys }, i) => {
    for (const { key, slice } of keys) groups.push({ by: field, key, metrics: metricsOf[i]![slice]! });
  });
  let periods: { start: string; end: string; metrics: Record<string, MetricReport> }[] | null = null;
  if (periodCut !== null) periods = periodCut.bounds.map(({ start, end }, k) => ({ start: new Date(start).toISOString(), end: new Date(end).toISOString(), metrics: metricsOf[cuts.length]![k]! }));
  // The previous window, compared metric by metric (only ticket and survey metrics: finance reads whole data sets).
  let comparison: Report['comparison'];
  if (options.compare === 'previous' && options.since !== null && options.until !== null) {
    const before = previousWindow(options.since, options.until, zone);
    const previousData = datasets.map((d) => inWindow(d, { ...options, ...before }));
    const changes = compareMetrics(metrics, computeMetrics(previousData, options, []), windowed, previousData);
    comparison = { since: new Date(before.since).toISOString(), until: new Date(before.until).toISOString(), metrics: changes };
  }
  const report = assemble(input, options, zone, metrics, lowSample, groups, periods);
  return comparison === undefined ? report : { ...report, comparison };
}

/** Every registered metric over data sets already in the window, with targets and verdicts; warnings go to `lowSample`. */
function computeMetrics(datasets: readonly Dataset[], options: ReportOptions, lowSample: string[], group?: { field: string; key: string }): Record<string, MetricReport> {
  const metrics: Record<string, MetricReport> = {};
  for (const metric of METRICS) {
    const dataset = datasetOf(datasets, metric, lowSample);
    if (dataset === undefined || metric.appliesTo?.(dataset) === false) continue;
    const profileTarget = targetFor(options.benchmark, metric.id, group, options.targets);
    metrics[metric.id] = metricEntry(metric, metric.compute(dataset, profileTarget, settingsOf(options)), profileTarget, lowSample);
  }
  return metrics;
}

/**
 * Every registered metric of each slice of each cut (each --by field's groups, the periods) of data sets already in
 * the window, with the targets of each slice's group; per cut, its slices' metrics. A metric that can tallies all
 * slices at once (registry computeSlices), or all slices of all cuts (computeSlicings). Warnings are dropped: a
 * slice's low samples are flagged on its entries, not each said.
 */
function computeSliceMetrics(cuts: readonly { sliced: SlicedDatasets; groupOf: (slice: number) => { field: string; key: string } | undefined }[], options: ReportOptions): Record<string, MetricReport>[][] {
  const metrics = cuts.map(({ sliced }) => Array.from({ length: sliced.slices }, (): Record<string, MetricReport> => ({})));
  const settings = settingsOf(options);
  for (const metric of METRICS) {
    const parents = cuts.map(({ sliced }) => datasetFor(metric, sliced.parents));
    const at = cuts.map(({ sliced }, i) => sliced.parents.indexOf(parents[i]!));
    const targets = cuts.map(({ groupOf }, i) => metrics[i]!.map((_, k) => targetFor(options.benchmark, metric.id, groupOf(k), options.targets)));
    // Every cut holds the same ticket and survey data sets (groups.ts, periods.ts), each cut its own way.
    const parent = parents[0];
    const same = parent !== undefined && metric.appliesTo?.(parent) !== false && parents.every((p) => p === parent);
    const together = same ? metric.computeSlicings?.(parent, cuts.map(({ sliced }, i) => sliced.slicings[at[i]!]!), targets, settings) : undefined;
    cuts.forEach(({ sliced }, i) => {
      const own = parents[i];
      if (own === undefined || metric.appliesTo?.(own) === false) return;
      const outcomes: MetricOutcome<unknown>[] = together?.[i] ?? metric.computeSlices?.(own, sliced.slicings[at[i]!]!, targets[i]!, settings) ?? targets[i]!.map((target, k) => metric.compute(sliced.datasetsOf(k)[at[i]!]!, target, settings));
      outcomes.forEach((outcome, k) => (metrics[i]![k]![metric.id] = metricEntry(metric, outcome, targets[i]![k]!, [])));
    });
  }
  return metrics;
}

/** A metric's report entry from its outcome: its target unless the target cannot judge it, low-sample flag, warnings. */
function metricEntry(metric: (typeof METRICS)[number], outcome: MetricOutcome<unknown>, target: Target | null, warnings: string[]): MetricReport {
  const misfit = target === null || metric.targetMisfit === undefined ? null : (metric.targetMisfit as (d: unknown) => string | null)(outcome.details);
  if (misfit !== null) warnings.push(misfit);
  const report = metricReport(metric.id, outcome, misfit === null ? target : null);
  warnings.push(...(outcome.warnings ?? []));
  if (outcome.sampleSize !== null && outcome.sampleSize > 0 && outcome.sampleSize < LOW_SAMPLE) {
    report.lowSample = true;
    warnings.push(`${report.label} rests on ${outcome.sampleSize} value${outcome.sampleSize === 1 ? '' : 's'} (fewer than ${LOW_SAMPLE}): read it with care`);
  }
  return report;
}

/** The headline report around the metrics: finance over whole data sets, groups, inputs, warnings. */
function assemble(
  input: ReportInput,
  options: ReportOptions,
  zone: Zone,
  metrics: Record<string, MetricReport>,
  lowSample: string[],
  groups: { by: string; key: string; metrics: Record<string, MetricReport> }[],
  periods: { start: string; end: string; metrics: Record<string, MetricReport> }[] | null,
): Report {
  // Finance metrics read whole data sets (a subscription started before the window is active in it) and the window.
  const finance = financeOutcomes(input.datasets, { since: options.since, until: options.until, zone }, options.serviceCostPerCustomerMonth ?? null);
  for (const id of FINANCE_METRIC_IDS) {
    const outcome = finance.outcomes[id];
    if (outcome !== undefined) metrics[id] = metricReport(id, outcome, targetFor(options.benchmark, id, undefined, options.targets));
  }
  lowSample.push(...finance.warnings);
  return {
    schema: REPORT_SCHEMA,
    window: {
      since: options.since === null ? null : new Date(options.since).toISOString(),
      until: options.until === null ? null : new Date(options.until).toISOString(),
      timezone: options.timezone,
    },
    benchmark: options.benchmark,
    ...(options.businessHours === undefined ? {} : { businessHours: businessHoursReport(options.businessHours) }),
    inputs: [...input.inputs],
    metrics,
    // Only with --by: a plain report's JSON stays as it was.
    ...(groups.length === 0 && (options.by ?? []).length === 0 ? {} : { groups }),
    ...(periods === null ? {} : { periods }),
    warnings: [...input.warnings, ...lowSample],
  };
}

/**
 * The data set a metric reads (registry.ts datasetFor). With a survey file and the tickets' inline ratings both given,
 * the survey file is used and the inline ratings left out — one rating counted once — said once, at CSAT.
 */
function datasetOf(datasets: readonly Dataset[], metric: (typeof METRICS)[number], warnings: string[]): Dataset | undefined {
  const chosen = datasetFor(metric, datasets);
  const fallback = metric.fallback;
  if (chosen?.kind === metric.kind && fallback !== undefined && metric.id === 'csat') {
    const inline = datasets.find((d) => d.kind === fallback.kind && d.texts[fallback.field] !== undefined);
    if (inline !== undefined && hasAnswers(inline.texts[fallback.field]!.codes)) {
      warnings.push(`the tickets' inline ratings (${JSON.stringify(inline.mapped[fallback.field])}) are left out of CSAT and CSAT satisfied: the survey file's answers are used, so that no rating counts twice`);
    }
  }
  return chosen;
}

function hasAnswers(codes: ArrayLike<number>): boolean {
  for (let i = 0; i < codes.length; i++) if (codes[i] !== 0) return true;
  return false;
}

/** What the metrics read of the options. */
function settingsOf(options: ReportOptions): MetricSettings {
  return { repeatWindowDays: options.repeatWindowDays ?? DEFAULT_REPEAT_WINDOW_DAYS, businessHours: options.businessHours ?? null };
}

/** The data set with its business times (report/business-hours.ts) when --business-hours asks for them. */
export function withBusinessHoursOf(dataset: Dataset, options: Pick<ReportOptions, 'businessHours'>): Dataset {
  return options.businessHours === undefined ? dataset : withBusinessTimes(dataset, options.businessHours);
}

/** Seed 001 / SPEC §5: a contact within 7 days of the customer's previous one is a repeat. */
export const DEFAULT_REPEAT_WINDOW_DAYS = 7;

/**
 * Tickets with their repeat-contact flags (registry REPEAT_FLAGS) when they name customers; other data sets as they
 * are. Over the whole data set, before any window. Days are counted on the wall clock of the report's zone: a ticket
 * at 10:00 seven days after one at 10:00 is within 7 days also when a DST change between them makes it 169 hours.
 */
export function withRepeatFlags(dataset: Dataset, windowDays: number, zone: Zone): Dataset {
  const customer = dataset.texts.customer_id;
  if (dataset.kind !== 'tickets' || customer === undefined) return dataset;
  const created = dataset.numbers.created_at!;
  const wall = zone.name === 'UTC' ? created : created.map((t) => t + zone.offsetAt(t));
  const flags = repeatFlags(customer.codes, dataset.texts.category?.codes ?? null, wall, windowDays);
  return { ...dataset, texts: { ...dataset.texts, [REPEAT_FLAGS]: { codes: Uint16Array.from(flags), values: ['', 'repeat', 'no customer'] } } };
}

/** The data set's rows in the window, by its kind's time field. */
function inWindow(dataset: Dataset, options: ReportOptions): Dataset {
  const time = dataset.numbers[kindNamed(dataset.kind).time];
  if (time === undefined) return dataset;
  const rows = rowsInWindow(time, options.since, options.until);
  // No metric of the window reads the row keys: not carried (a million text ids would be re-keyed per metric).
  return rows === null ? dataset : datasetRows({ ...dataset, keys: undefined }, rows);
}

/** One metric's entry of the report: its catalog label and unit, value, details, target and verdict. */
function metricReport(id: string, outcome: { value: number | null; details: unknown }, target: Target | null): MetricReport {
  const definition = metricDefinition(id);
  // Business time says so wherever the metric is shown (every format prints the label).
  const business = typeof outcome.details === 'object' && outcome.details !== null && (outcome.details as { businessHours?: boolean }).businessHours === true;
  return { id, label: business ? `${definition.label} (business hours)` : definition.label, unit: definition.unit, value: outcome.value, details: outcome.details, target: target === null ? null : toReportTarget(target), status: statusOf(outcome.value, target) } as MetricReport;
}

function toReportTarget(t: Target): ReportTarget {
  return { comparator: t.comparator, value: t.value, text: t.text, source: t.source };
}
