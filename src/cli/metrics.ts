import { METRIC_CATALOG } from '../metrics/catalog.js';
import { PROFILES } from '../targets/profiles.js';
import type { CommandIo } from './report.js';

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
  io.stdout(lines.join('\n'));
  return 0;
}
