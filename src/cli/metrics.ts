import { METRIC_CATALOG } from '../metrics/catalog.js';
import { PROFILES } from '../targets/profiles.js';
import type { CommandIo } from './report.js';

/** How --compare previous tells a real change from noise (issue #13): one test per kind of metric. */
const COMPARISON_TESTS = [
  '--compare previous — is the change real? Each metric against the previous window (the previous calendar month for a month), two-sided p-value, "significant" below 0.05, else "within noise"; no verdict under 20 values on either side:',
  '  frt, art: Mann–Whitney U of the two distributions of durations — average ranks, normal approximation with the tie correction and a continuity correction of ½ (as scipy.stats.mannwhitneyu, method="asymptotic").',
  "  csat, ces: Welch's t-test of the two means (unequal variances, Welch–Satterthwaite degrees of freedom; Student's t tail by the incomplete beta function).",
  '  csat_satisfied, repeat_contact_rate, reopen_rate, and the share within target of frt and art: two-proportion z-test with the pooled share: z = (p1 − p2) / √(p(1 − p)(1/n1 + 1/n2)).',
  '  nps: the difference of the two NPS over the root of the sum of their variances, 100²·(p + d − (p − d)²)/n each, read as a normal z.',
];

/** `support-metrics metrics`: every metric with its definition, unit, direction and targets with their sources. */
export function runMetrics(io: CommandIo): number {
  const lines: string[] = [];
  for (const metric of METRIC_CATALOG) {
    lines.push(`${metric.id} — ${metric.label} (${metric.unit}; ${metric.better === 'neither' ? 'no direction' : `${metric.better} is better`})`);
    lines.push(`  ${metric.definition}`);
    for (const [profile, targets] of Object.entries(PROFILES)) {
      for (const t of targets.filter((x) => x.metric === metric.id)) lines.push(`  target (${profile}): ${t.text}  [source: ${t.source}]`);
    }
    lines.push('');
  }
  lines.push(...COMPARISON_TESTS, '');
  io.stdout(lines.join('\n'));
  return 0;
}
