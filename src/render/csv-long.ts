import type { MetricReport, Report } from '../report/model.js';
import { bracketsOf, sampleCount } from './metric-cells.js';
import { showControls } from './visible-controls.js';

/**
 * The report as one long CSV table (SPEC §7): a row per metric of the headline, of each group and of each period —
 * `metric, by, key, period, value, unit, target, status`, then what a spreadsheet needs beside the value (`count`,
 * `median`, `p90`, `within_target`, `reason`). Values are raw numbers (seconds, fractions) as in the JSON; a period is
 * its ISO interval `start/end`. A text cell that starts with =, +, −, @, a tab or CR gets a leading ' so that no
 * spreadsheet runs it as a formula (an agent named `=HYPERLINK(…)`).
 * A duration known only by brackets (Zendesk Explore) is followed by a row per bracket: the same metric, by, key,
 * period and unit, `count` the tickets in the bracket, and the last four columns — empty on every other row — its
 * `bracket` label, `bracket_from_seconds`, `bracket_to_seconds` (empty when open) and `bracket_share`; value, target,
 * status and the statistics stay empty there, so the earlier columns mean what they mean on a metric row and a filter
 * on an empty `bracket` gives the metric rows alone.
 */
export function renderCsvLong(report: Report): string {
  const lines = [HEADER.join(',')];
  const add = (metrics: Record<string, MetricReport>, by: string, key: string, period: string) => {
    for (const metric of Object.values(metrics)) {
      lines.push(csvRow(metric, by, key, period));
      for (const bracket of bracketsOf(metric)) lines.push(bracketRow(metric, bracket, by, key, period));
    }
  };
  add(report.metrics, '', '', '');
  for (const group of report.groups ?? []) add(group.metrics, group.by, group.key, '');
  for (const period of report.periods ?? []) add(period.metrics, '', '', `${period.start}/${period.end}`);
  return `${lines.join('\r\n')}\r\n`;
}

const HEADER = ['metric', 'by', 'key', 'period', 'value', 'unit', 'target', 'status', 'count', 'median', 'p90', 'within_target', 'reason', 'bracket', 'bracket_from_seconds', 'bracket_to_seconds', 'bracket_share'];

function csvRow(metric: MetricReport, by: string, key: string, period: string): string {
  const d = metric.details as Record<string, unknown>;
  const cells = [
    text(metric.id),
    text(by),
    text(key),
    text(period),
    number(metric.value),
    text(metric.unit),
    text(metric.target?.text ?? ''),
    text(metric.status),
    number(sampleCount(metric)),
    number(typeof d.median === 'number' ? d.median : null),
    number(typeof d.p90 === 'number' ? d.p90 : null),
    number(typeof d.withinTarget === 'number' ? d.withinTarget : null),
    text(typeof d.reason === 'string' ? d.reason : ''),
    '',
    '',
    '',
    '',
  ];
  return cells.join(',');
}

/** One bracket of a metric known only by brackets: its tickets in `count`, its label, range and share at the end. */
function bracketRow(metric: MetricReport, bracket: ReturnType<typeof bracketsOf>[number], by: string, key: string, period: string): string {
  const cells = [text(metric.id), text(by), text(key), text(period), '', text(metric.unit), '', '', number(bracket.count), '', '', '', '', text(bracket.label), number(bracket.fromSeconds), number(bracket.toSeconds), number(bracket.share)];
  return cells.join(',');
}

function number(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * A text cell: control characters and bidi marks shown as `\uXXXX` (tab and line breaks kept, inside quotes), defused
 * when a spreadsheet would read it as a formula, quoted when it holds , " or a line break.
 */
export function text(value: string): string {
  const shown = showControls(value, 'keep');
  const safe = /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
