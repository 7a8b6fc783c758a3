import type { MetricReport } from '../report/model.js';
import { formatValue } from './format-value.js';

/**
 * What every human format shows of a metric, as text: its value (with interval, scale or currency), median and p90
 * where it has them, how many values it rests on, its target and verdict — or, with no value, why. The terminal
 * table, Markdown and HTML render these; none computes a number.
 */
export interface MetricCells {
  label: string;
  value: string;
  median: string;
  p90: string;
  count: string;
  /** Share of the measured tickets within target (FRT, ART), when there is a target. */
  withinTarget: string;
  target: string;
  status: MetricReport['status'];
  /** Tickets the number leaves out: `2 unanswered` (FRT), `3 unresolved` (ART); '' for none and other metrics. */
  leftOut: string;
  /** Why there is no value (no-data), else null. */
  reason: string | null;
  lowSample: boolean;
}

export function metricCells(metric: MetricReport): MetricCells {
  const stats = 'median' in metric.details ? metric.details : null;
  const reason = metric.value === null && 'reason' in metric.details && metric.details.reason !== undefined ? metric.details.reason : null;
  const within = stats !== null && 'withinTarget' in stats && stats.withinTarget !== null ? formatValue(stats.withinTarget, 'fraction') : '';
  return {
    label: metric.label,
    value: reason !== null ? `no data: ${reason}` : valueWithInterval(metric),
    median: stats === null ? '' : formatValue(stats.median, metric.unit),
    p90: stats === null ? '' : formatValue(stats.p90, metric.unit),
    count: countOf(metric),
    withinTarget: within,
    leftOut: leftOutOf(metric),
    target: metric.target?.text ?? '',
    status: metric.status,
    reason,
    lowSample: metric.lowSample === true,
  };
}

function leftOutOf(metric: MetricReport): string {
  const d = metric.details as { unanswered?: number | null; unresolved?: number | null; withoutBusinessTime?: number };
  const parts: string[] = [];
  // None left out is nothing to say.
  if (metric.id === 'frt' && typeof d.unanswered === 'number' && d.unanswered > 0) parts.push(`${d.unanswered.toLocaleString('en-US')} unanswered`);
  if (metric.id === 'art' && typeof d.unresolved === 'number' && d.unresolved > 0) parts.push(`${d.unresolved.toLocaleString('en-US')} unresolved`);
  // --business-hours: tickets whose business time is unknown are left out too, and said.
  if (typeof d.withoutBusinessTime === 'number' && d.withoutBusinessTime > 0) parts.push(`${d.withoutBusinessTime.toLocaleString('en-US')} without business time`);
  return parts.join(', ');
}

function countOf(metric: MetricReport): string {
  const n = sampleCount(metric);
  return n === null ? '' : n.toLocaleString('en-US');
}

/**
 * How many values the number rests on — measured tickets, responses, tickets with a customer, resolved tickets — or
 * null for metrics that rest on no count of their own (volume, finance). Every format's count column.
 */
export function sampleCount(metric: MetricReport): number | null {
  const d = metric.details;
  return 'count' in d ? d.count : 'responses' in d ? d.responses : 'tickets' in d ? d.tickets : 'resolved' in d && metric.id === 'reopen_rate' ? d.resolved : null;
}

/**
 * The value, with its 95 % interval beside it where the metric has one (`75.0% (40.9–92.9%)`, `40 (−9.58–89.58)`), and
 * the scale a mean score is on (`4.00 on 1–5`, `2.50 on 1–5, lower is better`).
 */
function valueWithInterval(metric: MetricReport): string {
  const value = formatValue(metric.value, metric.unit);
  // Money with its currency (`123.33 USD`), months as months.
  if (metric.value !== null && metric.unit === 'currency') {
    const currency = 'currency' in metric.details ? metric.details.currency : null;
    return `${metric.value.toFixed(2)}${currency === null || currency === undefined ? '' : ` ${currency}`}`;
  }
  if (metric.value !== null && metric.unit === 'months') return `${metric.value.toFixed(1)} months`;
  if (metric.value !== null && 'scaleMin' in metric.details) {
    const { scaleMin, scaleMax } = metric.details;
    const lower = 'higherIsBetter' in metric.details && metric.details.higherIsBetter === false ? ', lower is better' : '';
    return `${metric.value.toFixed(2)} on ${scaleMin}–${scaleMax}${lower}`; // a mean score: 4.00 beside 3.80, not 4
  }
  // Shares of tickets say of how many: `11.8% (2 of 17)`.
  if (metric.value !== null && metric.id === 'repeat_contact_rate') return `${value} (${metric.details.repeatTickets} of ${metric.details.tickets})`;
  if (metric.value !== null && metric.id === 'reopen_rate') return `${value} (${metric.details.reopened} of ${metric.details.resolved})`;
  const interval = 'ci95' in metric.details ? metric.details.ci95 : null;
  if (interval === null || metric.value === null) return value;
  const [low, high] = interval.map((x) => formatValue(x, metric.unit));
  return `${value} (${low}–${high})`;
}
