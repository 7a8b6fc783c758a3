import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { MetricReport, Report } from '../report/model.js';
import { formatValue } from './format-value.js';

/**
 * The report as a terminal table (cli-table3): one row per metric with its headline value, median and p90 where they
 * exist, the target and the verdict; then where each input's rows went. Colour only when asked (a TTY, no NO_COLOR).
 */
export function renderTable(report: Report, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const table = new Table({
    head: ['Metric', 'Value', 'Median', 'p90', 'Count', 'Target', 'Status'],
    style: { head: options.color ? ['bold'] : [], border: [] },
  });
  for (const metric of Object.values(report.metrics)) {
    const d = metric.details as { median?: number | null; p90?: number | null; count?: number };
    table.push([
      metric.label + (metric.lowSample ? chalk.yellow(' (low sample)') : ''),
      formatValue(metric.value, metric.unit),
      d.median === undefined ? '' : formatValue(d.median, metric.unit),
      d.p90 === undefined ? '' : formatValue(d.p90, metric.unit),
      d.count === undefined ? '' : String(d.count),
      metric.target?.text ?? '',
      colourStatus(metric, chalk),
    ]);
  }
  const lines = [table.toString()];
  const w = report.window;
  lines.push(`Window: ${w.since ?? 'start of data'} → ${w.until ?? 'end of data'} (${w.timezone}); targets: ${report.benchmark}`);
  for (const input of report.inputs) {
    const parts = [`${input.rows} rows`, `${input.accepted} accepted`, `${input.rejected} rejected`, `${input.skipped} skipped`];
    if (input.merged > 0) parts.push(`${input.merged} merged`);
    lines.push(`${input.file} (${input.kind}, ${input.preset ?? 'generic'} layout): ${parts.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function colourStatus(metric: MetricReport, chalk: InstanceType<typeof Chalk>): string {
  switch (metric.status) {
    case 'met':
      return chalk.green('met');
    case 'missed':
      return chalk.red('missed');
    default:
      return chalk.dim(metric.status);
  }
}
