import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { MetricReport, Report } from '../report/model.js';
import { describeWindow, formatValue } from './format-value.js';
import { metricCells } from './metric-cells.js';
import { changeCells } from './change-cells.js';
import { showControls } from './visible-controls.js';

/**
 * The report as a terminal table (cli-table3): one row per metric with its headline value, median and p90 where they
 * exist, the target and the verdict; then where each input's rows went. Colour only when asked (a TTY, no NO_COLOR).
 */
export function renderTable(report: Report, options: { color: boolean }): string {
  return renderVisible(visibleNames(report), options);
}

/**
 * Names from the data (group keys, file and sheet names, warnings, reasons) with control characters and bidi marks as
 * `\uXXXX`: a terminal runs an ESC sequence in an agent's name, a U+202E reverses the row it sits in. Line breaks too,
 * which would split a heading or a cell.
 */
function visibleNames(report: Report): Report {
  const v = (text: string) => showControls(text, 'show');
  const metrics = (m: Report['metrics']): Report['metrics'] => Object.fromEntries(Object.entries(m).map(([id, metric]) => [id, { ...metric, label: v(metric.label), details: 'reason' in metric.details && typeof metric.details.reason === 'string' ? { ...metric.details, reason: v(metric.details.reason) } : metric.details } as typeof metric]));
  return {
    ...report,
    metrics: metrics(report.metrics),
    ...(report.groups === undefined ? {} : { groups: report.groups.map((g) => ({ ...g, by: v(g.by), key: v(g.key), metrics: metrics(g.metrics) })) }),
    ...(report.periods === undefined ? {} : { periods: report.periods.map((p) => ({ ...p, metrics: metrics(p.metrics) })) }),
    ...(report.businessHours === undefined ? {} : { businessHours: { ...report.businessHours, description: v(report.businessHours.description) } }),
    inputs: report.inputs.map((i) => ({ ...i, file: v(i.file), sheet: i.sheet === null ? null : v(i.sheet) })),
    warnings: report.warnings.map(v),
  };
}

function renderVisible(report: Report, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  // The metric blocks laid out so far in this report, by their cells: alike blocks (empty days) are laid out once.
  const laidOut = new Map<string, string>();
  const lines = [Object.keys(report.metrics).length === 0 ? 'No metric computed: none of this version reads the data sets given (see the notes on stderr).' : metricTable(report.metrics, options.color, laidOut)];
  // One block per group (--by): the same metrics over that key's tickets and responses.
  for (const group of report.groups ?? []) lines.push(`\n${group.by}: ${group.key}`, metricTable(group.metrics, options.color, laidOut));
  if (report.comparison !== undefined) lines.push(`\nCompared with ${describeWindow({ since: report.comparison.since, until: report.comparison.until, timezone: report.window.timezone })}`, comparisonTable(report, options.color));
  // One block per period (--period), from its start to its end in the report's zone.
  for (const period of report.periods ?? []) lines.push(`\n${describeWindow({ since: period.start, until: period.end, timezone: report.window.timezone })}`, metricTable(period.metrics, options.color, laidOut));
  lines.push(`Window: ${describeWindow(report.window)}; targets: ${report.benchmark}${report.generatedAt === undefined ? '' : `; made ${report.generatedAt}`}`);
  if (report.businessHours !== undefined) lines.push(`Business hours: ${report.businessHours.description}`);
  for (const input of report.inputs) {
    const parts = [`${input.rows} row${input.rows === 1 ? '' : 's'}`, `${input.accepted} accepted`, `${input.rejected} rejected`, `${input.skipped} skipped`];
    if (input.merged > 0) parts.push(`${input.merged} merged`);
    const where = input.sheet === null ? input.file : `${input.file}#${input.sheet}`;
    lines.push(`${where} (${input.kind}, ${input.preset ?? 'generic'} layout): ${parts.join(', ')}`);
  }
  for (const warning of report.warnings) lines.push(chalk.yellow(`warning: ${warning}`));
  return `${lines.join('\n')}\n`;
}

/** One row per compared metric: now, before, the change (▲/▼ and relative), better or worse, and whether it is real. */
function comparisonTable(report: Report, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const table = new Table({ head: ['Metric', 'Now', 'Before', 'Change', 'Better?', 'Is it real?'], style: { head: color ? ['bold'] : [], border: [] } });
  for (const [id, change] of Object.entries(report.comparison!.metrics)) {
    const now = report.metrics[id]!;
    const cells = changeCells(now, change);
    const better = cells.better === 'better' ? chalk.green('better') : cells.better === 'worse' ? chalk.red('worse') : '';
    table.push([now.label, formatValue(now.value, now.unit), formatValue(change.previous.value, now.unit), cells.change, better, cells.real]);
  }
  return table.toString();
}

/**
 * One row per metric in at most 80 columns: the label; the value (or why there is none) with median and p90 under it;
 * the count; the verdict with the target and the share within it under it. Long text wraps inside its cell.
 */
function metricTable(metrics: Report['metrics'], color: boolean, laidOut: Map<string, string>): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const rows: string[][] = [];
  for (const metric of Object.values(metrics)) {
    const cells = metricCells(metric);
    const spread = [cells.median === '' ? '' : `median ${cells.median}`, cells.p90 === '' ? '' : `p90 ${cells.p90}`].filter((x) => x !== '').join(', ');
    // By bracket the value is missing but the unanswered / unresolved are counted: said as well.
    const leftOut = (cells.reason === null || cells.brackets.length > 0) && cells.leftOut !== '' ? [cells.leftOut] : [];
    const brackets = cells.brackets.length === 0 ? [] : ['by bracket:', ...cells.brackets.map((b) => `  ${b.label}: ${b.count} (${b.share})`)];
    const verdict = [colourStatus(metric, chalk), cells.target === '' ? '' : `target ${cells.target}`, cells.withinTarget === '' ? '' : `${cells.withinTarget} within`].filter((x) => x !== '');
    rows.push([
      wrap(cells.label, LABEL_WIDTH) + (cells.lowSample ? `\n${chalk.yellow('(low sample)')}` : ''),
      [wrap(cells.value, VALUE_WIDTH), ...(spread === '' ? [] : [wrap(spread, VALUE_WIDTH)]), ...leftOut, ...brackets].join('\n'),
      cells.count,
      verdict.join('\n'),
    ]);
  }
  // cli-table3 measures every cell several times (a regex compiled per measure): ~3 ms a block. A long span cut into
  // days is mostly blocks alike (the empty days): `report fixtures/zendesk-tickets.csv --since 2017-01-01 --until
  // 2027-01-01 --period day` took 12 s for 3,652 blocks (issue #16, the option fuzzer's "a run over 10 s"). The same
  // cells give the same text, so each distinct block is laid out once.
  const key = `${color}${JSON.stringify(rows)}`;
  let text = laidOut.get(key);
  if (text === undefined) {
    const table = new Table({
      head: ['Metric', 'Value', 'Count', 'Verdict'],
      colAligns: ['left', 'left', 'right', 'left'],
      style: { head: color ? ['bold'] : [], border: [] },
    });
    table.push(...rows);
    text = table.toString();
    laidOut.set(key, text);
  }
  return text;
}

/** Column widths that keep a table within 80 columns (with cli-table3's padding and borders). */
const LABEL_WIDTH = 19;
const VALUE_WIDTH = 28;

function colourStatus(metric: MetricReport, chalk: InstanceType<typeof Chalk>): string {
  switch (metric.status) {
    case 'met':
      return chalk.green('✓ met');
    case 'missed':
      return chalk.red('✗ missed');
    case 'no-data':
      return chalk.dim('– no data');
    default:
      return chalk.dim('no target');
  }
}

/** Breaks text into lines of at most `width` characters at spaces (cli-table3 shows a multi-line cell). */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
