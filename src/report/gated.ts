import type { MetricReport, Report } from './model.js';

/** One metric a target gate judges: a headline metric (group null) or a group's metric with the group's own target. */
export interface GatedMetric {
  group: { by: string; key: string } | null;
  metric: MetricReport;
}

/**
 * The metrics a target gate judges — JUnit's test cases and `--fail-on-miss` alike, so that a CI job's exit code and
 * its test report never disagree: every headline metric with a target, and a group's metric whose target is the
 * group's own (a scoped target: the industry profiles' chat first response, a config `frt[channel=chat]`), not the
 * headline target a `--by` group is shown beside (that group is a breakdown, not a promise of its own).
 */
export function gatedMetrics(report: Report): GatedMetric[] {
  const gated: GatedMetric[] = [];
  for (const metric of Object.values(report.metrics)) if (metric.target !== null) gated.push({ group: null, metric });
  for (const group of report.groups ?? []) {
    for (const metric of Object.values(group.metrics)) {
      const headline = report.metrics[metric.id]?.target;
      const own = metric.target !== null && (headline === null || headline === undefined || headline.text !== metric.target.text || headline.source !== metric.target.source);
      if (own) gated.push({ group: { by: group.by, key: group.key }, metric });
    }
  }
  return gated;
}
