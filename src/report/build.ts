import type { TicketDataset } from '../datasets/tickets.js';
import { art } from '../metrics/art.js';
import { metricDefinition } from '../metrics/catalog.js';
import { frt } from '../metrics/frt.js';
import { ticketsInWindow } from '../metrics/ticket-times.js';
import { ticketVolume } from '../metrics/ticket-volume.js';
import { targetFor, type Target } from '../targets/profiles.js';
import { statusOf } from '../targets/status.js';
import { REPORT_SCHEMA, type MetricReport, type Report, type ReportTarget } from './model.js';

/** Fewer values than this behind a metric earns a low-sample warning (SPEC §5). */
export const LOW_SAMPLE = 20;

export interface ReportOptions {
  /** Window bounds in epoch ms; null = open. Tickets belong by created_at, [since, until). */
  since: number | null;
  until: number | null;
  timezone: string;
  benchmark: string;
}

/** Builds the report model from a ticket data set: window, metrics, targets, verdicts. No I/O. */
export function buildReport(tickets: TicketDataset, options: ReportOptions): Report {
  const inWindow = ticketsInWindow(tickets.times, options.since, options.until);
  const frtTarget = targetFor(options.benchmark, 'frt');
  const artTarget = targetFor(options.benchmark, 'art');
  const volume = ticketVolume(inWindow);
  const firstResponse = frt(inWindow, frtTarget);
  const resolution = art(inWindow, artTarget);
  return {
    schema: REPORT_SCHEMA,
    window: {
      since: options.since === null ? null : new Date(options.since).toISOString(),
      until: options.until === null ? null : new Date(options.until).toISOString(),
      timezone: options.timezone,
    },
    benchmark: options.benchmark,
    inputs: tickets.inputs,
    metrics: {
      ticket_volume: metricReport('ticket_volume', volume.value, volume.details, null, null),
      frt: metricReport('frt', firstResponse.value, firstResponse.details, frtTarget, firstResponse.details.count),
      art: metricReport('art', resolution.value, resolution.details, artTarget, resolution.details.count),
    },
  };
}

function metricReport(id: string, value: number | null, details: object, target: Target | null, sampleSize: number | null): MetricReport {
  const definition = metricDefinition(id);
  const report: MetricReport = {
    id,
    label: definition.label,
    unit: definition.unit,
    value,
    details: { ...details },
    target: target === null ? null : toReportTarget(target),
    status: statusOf(value, target),
  };
  if (sampleSize !== null && sampleSize > 0 && sampleSize < LOW_SAMPLE) report.lowSample = true;
  return report;
}

function toReportTarget(t: Target): ReportTarget {
  return { comparator: t.comparator, value: t.value, text: t.text, source: t.source };
}
