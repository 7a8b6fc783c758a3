import { datasetRows, type Dataset, type InputSummary } from '../datasets/dataset.js';
import { kindNamed } from '../datasets/kinds.js';
import { metricDefinition } from '../metrics/catalog.js';
import { targetFor, type Target } from '../targets/profiles.js';
import { statusOf } from '../targets/status.js';
import { REPORT_SCHEMA, type MetricReport, type Report, type ReportTarget } from './model.js';
import { METRICS } from './registry.js';
import { rowsInWindow } from './window.js';

/** Fewer values than this behind a metric earns a low-sample warning (SPEC §5). */
export const LOW_SAMPLE = 20;

export interface ReportOptions {
  /** Window bounds in epoch ms; null = open. Rows belong by their kind's time field, [since, until). */
  since: number | null;
  until: number | null;
  timezone: string;
  benchmark: string;
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
  const metrics: Record<string, MetricReport> = {};
  const lowSample: string[] = [];
  for (const metric of METRICS) {
    const dataset = input.datasets.find((d) => d.kind === metric.kind);
    if (dataset === undefined) continue;
    const target = targetFor(options.benchmark, metric.id);
    const outcome = metric.compute(inWindow(dataset, options), target);
    const definition = metricDefinition(metric.id);
    const report = {
      id: metric.id,
      label: definition.label,
      unit: definition.unit,
      value: outcome.value,
      details: outcome.details,
      target: target === null ? null : toReportTarget(target),
      status: statusOf(outcome.value, target),
    } as MetricReport;
    lowSample.push(...(outcome.warnings ?? []));
    if (outcome.sampleSize !== null && outcome.sampleSize > 0 && outcome.sampleSize < LOW_SAMPLE) {
      report.lowSample = true;
      lowSample.push(`${definition.label} rests on ${outcome.sampleSize} values (fewer than ${LOW_SAMPLE}): read it with care`);
    }
    metrics[metric.id] = report;
  }
  return {
    schema: REPORT_SCHEMA,
    window: {
      since: options.since === null ? null : new Date(options.since).toISOString(),
      until: options.until === null ? null : new Date(options.until).toISOString(),
      timezone: options.timezone,
    },
    benchmark: options.benchmark,
    inputs: [...input.inputs],
    metrics,
    warnings: [...input.warnings, ...lowSample],
  };
}

/** The data set's rows in the window, by its kind's time field. */
function inWindow(dataset: Dataset, options: ReportOptions): Dataset {
  const time = dataset.numbers[kindNamed(dataset.kind).time];
  if (time === undefined) return dataset;
  const rows = rowsInWindow(time, options.since, options.until);
  return rows === null ? dataset : datasetRows(dataset, rows);
}

function toReportTarget(t: Target): ReportTarget {
  return { comparator: t.comparator, value: t.value, text: t.text, source: t.source };
}
