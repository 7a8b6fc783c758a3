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
  /**
   * FRT or ART known only by brackets (Zendesk Explore): one entry per bracket, shortest first, as the export labels
   * it, with its tickets and their share of the measured ones; empty otherwise.
   */
  brackets: { label: string; count: string; share: string }[];
  /** The bracket column's header, when there are brackets. */
  bracketColumn: string;
}

export function metricCells(metric: MetricReport): MetricCells {
  const stats = 'median' in metric.details ? metric.details : null;
  const reason = metric.value === null && 'reason' in metric.details && metric.details.reason !== undefined ? metric.details.reason : null;
  const bracketed = stats !== null && 'bracketStats' in stats && stats.bracketStats !== undefined ? stats.bracketStats : null;
  const withinRange = bracketed?.withinTargetRange ?? null;
  // By bracket the share within target is often only bounded: shown as its bounds (`0.0%–42.9%`) unless they meet.
  const within =
    stats !== null && 'withinTarget' in stats && stats.withinTarget !== null
      ? formatValue(stats.withinTarget, 'fraction')
      : withinRange !== null
        ? `${formatValue(withinRange[0], 'fraction')}–${formatValue(withinRange[1], 'fraction')}`
        : '';
  const brackets = stats !== null && 'brackets' in stats && stats.brackets !== undefined ? stats.brackets : [];
  return {
    label: metric.label,
    value: reason !== null ? `no data: ${reason}` : valueWithInterval(metric),
    // By bracket: where the median and p90 lie (`in 1-8 hrs`, `8h 00m–24h`, `≥ 1d 00h 00m`), never a point.
    median: stats === null ? '' : bracketed !== null ? (bracketed.medianBracket !== null ? `in ${bracketed.medianBracket}` : secondsRange(bracketed.medianRange)) : formatValue(stats.median, metric.unit),
    p90: stats === null ? '' : bracketed !== null ? secondsRange(bracketed.p90Range) : formatValue(stats.p90, metric.unit),
    brackets: brackets.map((b) => ({ label: b.label, count: b.count.toLocaleString('en-US'), share: formatValue(b.share, 'fraction') })),
    bracketColumn: bracketed?.column ?? '',
    count: countOf(metric),
    withinTarget: within,
    leftOut: leftOutOf(metric),
    target: metric.target?.text ?? '',
    status: metric.status,
    reason,
    lowSample: metric.lowSample === true,
  };
}

/** A range of seconds as `1h 00m–8h 00m`, an open one as `≥ 1d 00h 00m`; `—` when unknown. */
function secondsRange(range: [number, number | null] | null): string {
  if (range === null) return '—';
  const [low, high] = range;
  return high === null ? `≥ ${formatValue(low, 'seconds')}` : `${formatValue(low, 'seconds')}–${formatValue(high, 'seconds')}`;
}

function leftOutOf(metric: MetricReport): string {
  const d = metric.details as { unanswered?: number | null; unresolved?: number | null; withoutBusinessTime?: number; notMeasured?: number };
  const parts: string[] = [];
  // None left out is nothing to say.
  if (metric.id === 'frt' && typeof d.unanswered === 'number' && d.unanswered > 0) parts.push(`${d.unanswered.toLocaleString('en-US')} unanswered`);
  if (metric.id === 'art' && typeof d.unresolved === 'number' && d.unresolved > 0) parts.push(`${d.unresolved.toLocaleString('en-US')} unresolved`);
  // --business-hours: tickets whose business time is unknown are left out too, and said.
  if (typeof d.withoutBusinessTime === 'number' && d.withoutBusinessTime > 0) parts.push(`${d.withoutBusinessTime.toLocaleString('en-US')} without business time`);
  // Tickets of a file without the column (several files read as one): unknown, said apart.
  if (typeof d.notMeasured === 'number' && d.notMeasured > 0) parts.push(`${d.notMeasured.toLocaleString('en-US')} not measured (no column)`);
  return parts.join(', ');
}

function countOf(metric: MetricReport): string {
  const n = sampleCount(metric);
  return n === null ? '' : n.toLocaleString('en-US');
}

/** The tickets per bracket of a duration known only by brackets (Zendesk Explore), as the report holds them; else none. */
export function bracketsOf(metric: MetricReport): NonNullable<Extract<MetricReport['details'], { brackets?: unknown }>['brackets']> {
  const d = metric.details;
  return 'brackets' in d && d.brackets !== undefined ? d.brackets : [];
}

/**
 * How many values the number rests on — measured tickets, responses, tickets with a customer, resolved tickets — or
 * null for metrics that rest on no count of their own (volume, finance). Every format's count column.
 */
export function sampleCount(metric: MetricReport): number | null {
  const d = metric.details;
  // Known by bracket only: the tickets in a bracket with a range (answered / resolved), not the 0 exact values.
  if ('bracketStats' in d && d.bracketStats !== undefined) return d.bracketStats.measured;
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
