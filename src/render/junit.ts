import { gatedMetrics } from '../report/gated.js';
import { metricDataset } from '../report/metric-dataset.js';
import type { MetricReport, Report } from '../report/model.js';
import { formatValue } from './format-value.js';
import { showControls } from './visible-controls.js';

/**
 * The report as JUnit XML for CI dashboards: one test case per metric with a target, in one test suite per data set
 * (tickets, surveys, finance); a group's metric is a case of its own when its target is the group's own (the chat
 * first-response target of the industry profiles, a config `frt[channel=chat]`). Missed is a failure whose message has
 * the value and the target; no data is skipped, with the reason.
 */
export function renderJunit(report: Report): string {
  // The cases are the metrics --fail-on-miss judges (report/gated.ts): the exit code and the test report agree.
  const cases: { suite: string; name: string; metric: MetricReport }[] = gatedMetrics(report).map(({ group, metric }) => ({
    suite: suiteOf(metric.id),
    name: `${metric.id}${group === null ? '' : `[${group.by}=${group.key}]`}: ${metric.label} ${metric.target!.text}`,
    metric,
  }));
  const suites = [...new Set(cases.map((c) => c.suite))];
  const failures = (list: typeof cases) => list.filter((c) => c.metric.status === 'missed').length;
  const skipped = (list: typeof cases) => list.filter((c) => c.metric.status === 'no-data').length;
  const timestamp = report.generatedAt === undefined ? '' : ` timestamp="${attribute(report.generatedAt)}"`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="support-metrics" tests="${cases.length}" failures="${failures(cases)}" skipped="${skipped(cases)}"${timestamp}>`];
  for (const suite of suites) {
    const mine = cases.filter((c) => c.suite === suite);
    lines.push(`  <testsuite name="${suite}" tests="${mine.length}" failures="${failures(mine)}" skipped="${skipped(mine)}">`);
    for (const { name, metric } of mine) {
      const open = `    <testcase classname="support-metrics.${suite}" name="${attribute(name)}"`;
      const value = formatValue(metric.value, metric.unit);
      if (metric.status === 'missed') {
        const message = `${metric.label} ${value} misses the target ${metric.target!.text}`;
        lines.push(`${open}>`, `      <failure type="missed" message="${attribute(message)}">${content(`${message} (value ${metric.value} ${metric.unit}; target ${metric.target!.comparator} ${metric.target!.value}; source: ${metric.target!.source})`)}</failure>`, '    </testcase>');
      } else if (metric.status === 'no-data') {
        const reason = 'reason' in metric.details && metric.details.reason !== undefined ? metric.details.reason : 'no value';
        lines.push(`${open}>`, `      <skipped message="${attribute(`no data: ${reason}`)}"/>`, '    </testcase>');
      } else lines.push(`${open}/>`);
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** The data set a metric reads, as the suite it belongs to. */
function suiteOf(id: string): string {
  return metricDataset(id);
}

/**
 * XML text without characters XML 1.0 forbids: control characters other than tab and line breaks (and bidi marks) shown
 * as `\uXXXX`, U+FFFE and U+FFFF dropped.
 */
function content(text: string): string {
  return showControls(text, 'keep').replace(/[\ufffe\uffff]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(text: string): string {
  return content(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
