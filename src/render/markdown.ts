import type { MetricReport, Report } from '../report/model.js';
import { describeWindow, formatValue } from './format-value.js';
import { metricCells } from './metric-cells.js';
import { changeCells } from './change-cells.js';
import { showControls } from './visible-controls.js';

/**
 * The report as GitHub-flavoured Markdown, fit for `$GITHUB_STEP_SUMMARY` or a wiki page: the headline table with a
 * verdict mark per metric, one table per group and per period, the comparison, the inputs and the warnings. Every
 * text from the data (agent names, headers, file names) is escaped: it shows as written and never becomes markup.
 */
export function renderMarkdown(report: Report): string {
  const made = report.generatedAt === undefined ? '' : `; made ${escape(report.generatedAt)}`;
  const lines: string[] = ['# Support metrics', '', `Window: ${escape(describeWindow(report.window))}; targets: ${escape(report.benchmark)}${made}`, ''];
  if (report.businessHours !== undefined) lines.push(`Business hours: ${escape(report.businessHours.description)}`, '');
  lines.push(Object.keys(report.metrics).length === 0 ? 'No metric computed from the data given.' : metricTable(report.metrics), '');
  if (report.comparison !== undefined) {
    lines.push(`## Compared with ${escape(describeWindow({ since: report.comparison.since, until: report.comparison.until, timezone: report.window.timezone }))}`, '', comparisonTable(report), '');
  }
  const groupsBy = new Map<string, NonNullable<Report['groups']>>();
  for (const group of report.groups ?? []) groupsBy.set(group.by, [...(groupsBy.get(group.by) ?? []), group]);
  for (const [by, groups] of groupsBy) {
    lines.push(`## By ${escape(by)}`, '');
    for (const group of groups) lines.push(`### ${escape(group.key)}`, '', metricTable(group.metrics), '');
  }
  if (report.periods !== undefined && report.periods.length > 0) {
    lines.push('## Periods', '');
    for (const period of report.periods) lines.push(`### ${escape(describeWindow({ since: period.start, until: period.end, timezone: report.window.timezone }))}`, '', metricTable(period.metrics), '');
  }
  lines.push('## Inputs', '', '| File | Kind | Layout | Rows | Accepted | Rejected | Skipped | Merged |', '|---|---|---|--:|--:|--:|--:|--:|');
  for (const input of report.inputs) {
    const where = input.sheet === null ? input.file : `${input.file}#${input.sheet}`;
    lines.push(row([where, input.kind, input.preset ?? 'generic', count(input.rows), count(input.accepted), count(input.rejected), count(input.skipped), count(input.merged)]));
  }
  if (report.warnings.length > 0) lines.push('', '## Warnings', '', ...report.warnings.map((w) => `- ${escape(w)}`));
  return `${lines.join('\n')}\n`;
}

/** Verdict marks: readable without colour, and a word beside each. */
const MARKS: Record<MetricReport['status'], string> = { met: '✅ met', missed: '❌ missed', 'no-data': '➖ no data', 'no-target': 'no target' };

function metricTable(metrics: Report['metrics']): string {
  const lines = ['| Metric | Value | Median | p90 | Count | Within target | Target | Status |', '|---|--:|--:|--:|--:|--:|---|---|'];
  const bracketTables: string[] = [];
  for (const metric of Object.values(metrics)) {
    const c = metricCells(metric);
    const leftOut = (c.reason === null || c.brackets.length > 0) && c.leftOut !== '' ? ` (${c.leftOut})` : '';
    lines.push(row([c.label + (c.lowSample ? ' (low sample)' : ''), c.value + leftOut, c.median, c.p90, c.count, c.withinTarget, c.target, MARKS[c.status]]));
    // A duration known only by brackets: its distribution under the table, as the export labels it.
    if (c.brackets.length > 0) {
      bracketTables.push('', `${escape(c.label)} by bracket (${escape(c.bracketColumn)}):`, '', '| Bracket | Tickets | Share |', '|---|--:|--:|', ...c.brackets.map((b) => row([b.label, b.count, b.share])));
    }
  }
  return [...lines, ...bracketTables].join('\n');
}

function comparisonTable(report: Report): string {
  const lines = ['| Metric | Now | Before | Change | Better? | Is it real? |', '|---|--:|--:|--:|---|---|'];
  for (const [id, change] of Object.entries(report.comparison!.metrics)) {
    const now = report.metrics[id]!;
    const cells = changeCells(now, change);
    lines.push(row([now.label, formatValue(now.value, now.unit), formatValue(change.previous.value, now.unit), cells.change, cells.better, cells.real]));
  }
  return lines.join('\n');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escape).join(' | ')} |`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Text as itself in GFM: HTML characters as entities (a `<script>` in an agent's name is text), Markdown's active
 * characters backslashed, a pipe never ends a cell, line breaks become spaces, other controls and bidi marks show as
 * `\uXXXX`.
 */
export function escape(text: string): string {
  return showControls(text.replace(/[\r\n]+/g, ' '), 'show')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    // A # at the start of a heading's text would be read as more heading marks.
    .replace(/^#/, '\\#');
}
