import { TESTED_METRICS, type MetricChange } from '../report/compare.js';
import type { MetricReport } from '../report/model.js';
import { formatValue } from './format-value.js';

/**
 * A compared metric as text, for the terminal table and Markdown: the change with its arrow (shares in percentage
 * points, `▼ 3.2 pp`, so that it is not read as a relative change), the relative change, better or worse, and
 * whether it is real — or why there is no verdict.
 */
export function changeCells(now: MetricReport, change: MetricChange): { change: string; better: string; real: string } {
  if (change.delta === null) return { change: '', better: '', real: '' };
  const arrow = change.delta > 0 ? '▲ ' : change.delta < 0 ? '▼ ' : '';
  const size = now.unit === 'fraction' ? `${(Math.abs(change.delta) * 100).toFixed(1)} pp` : formatValue(Math.abs(change.delta), now.unit);
  const relative = change.relative === null ? '' : ` (${change.relative > 0 ? '+' : ''}${(change.relative * 100).toFixed(1)}%)`;
  const better = change.improved === null ? '' : change.improved ? 'better' : 'worse';
  const real = change.verdict !== null ? `${change.verdict} (p = ${change.pValue!.toFixed(3)}, ${change.test})` : TESTED_METRICS.has(now.id) ? 'no test (fewer than 20 values)' : 'not tested';
  return { change: `${arrow}${size}${relative}`, better, real };
}
