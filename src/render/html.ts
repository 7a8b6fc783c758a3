import type { MetricReport, Report } from '../report/model.js';
import { changeCells } from './change-cells.js';
import { describeWindow, formatValue } from './format-value.js';
import { metricCells } from './metric-cells.js';
import { durationChart, groupBars, npsSplit, periodTrend } from './svg-charts.js';
import { escapeHtml as e } from './escape-html.js';

/**
 * The report as one self-contained HTML page (no script, no network, CSS and SVG inline): headline cards with target
 * verdicts and intervals, charts — FRT and ART distributions with the target line, the trend per period with the
 * target band, the groups side by side, the NPS split — then every table, the inputs and the warnings. Verdicts are
 * words and marks as well as colours. Every text from the data is escaped: an agent named `<script>` is that text.
 */
export function renderHtml(report: Report): string {
  const zone = report.window.timezone;
  const parts: string[] = [];
  parts.push(`<header><h1>Support metrics</h1><p>Window: ${e(describeWindow(report.window))} · targets: ${e(report.benchmark)}${report.generatedAt === undefined ? '' : ` · made ${e(report.generatedAt)}`}</p>${report.businessHours === undefined ? '' : `<p>Business hours: ${e(report.businessHours.description)}</p>`}</header>`);
  parts.push(`<section class="cards">${Object.values(report.metrics).map(card).join('')}</section>`);
  const charts = [
    ...(['frt', 'art'] as const).flatMap((id) => {
      const metric = report.metrics[id];
      return metric === undefined || metric.value === null ? [] : [figure(`${metric.label}: spread of the measured tickets`, durationChart(metric))];
    }),
    ...(report.periods !== undefined && report.periods.length > 1
      ? TREND_METRICS.flatMap((id) => {
          const points = report.periods!.map((p) => ({ label: describeWindow({ since: p.start, until: p.end, timezone: zone }).slice(0, 10), metric: p.metrics[id] }));
          const first = points.find((p) => p.metric !== undefined)?.metric;
          return first === undefined || points.every((p) => p.metric?.value === null || p.metric === undefined) ? [] : [figure(`${first.label} per period`, periodTrend(points, first))];
        })
      : []),
    ...groupCharts(report),
    ...(report.metrics.nps !== undefined && report.metrics.nps.value !== null ? [figure('NPS: promoters, passives, detractors', npsSplit(report.metrics.nps))] : []),
  ];
  if (charts.length > 0) parts.push(`<section class="charts"><h2>Charts</h2>${charts.join('')}</section>`);
  parts.push(`<section><h2>Metrics</h2>${metricTable(report.metrics)}</section>`);
  if (report.comparison !== undefined) {
    parts.push(`<section><h2>Compared with ${e(describeWindow({ since: report.comparison.since, until: report.comparison.until, timezone: zone }))}</h2>${comparisonTable(report)}</section>`);
  }
  for (const group of report.groups ?? []) parts.push(`<section><h2>${e(group.by)}: ${e(group.key)}</h2>${metricTable(group.metrics)}</section>`);
  for (const period of report.periods ?? []) parts.push(`<section><h2>${e(describeWindow({ since: period.start, until: period.end, timezone: zone }))}</h2>${metricTable(period.metrics)}</section>`);
  const inputs = report.inputs.map((i) => `<tr><td>${e(i.sheet === null ? i.file : `${i.file}#${i.sheet}`)}</td><td>${e(i.kind)}</td><td>${e(i.preset ?? 'generic')}</td>${[i.rows, i.accepted, i.rejected, i.skipped, i.merged].map((n) => `<td class="n">${n.toLocaleString('en-US')}</td>`).join('')}</tr>`);
  parts.push(`<section><h2>Inputs</h2><table><thead><tr><th>File</th><th>Kind</th><th>Layout</th><th>Rows</th><th>Accepted</th><th>Rejected</th><th>Skipped</th><th>Merged</th></tr></thead><tbody>${inputs.join('')}</tbody></table></section>`);
  if (report.warnings.length > 0) parts.push(`<section><h2>Warnings</h2><ul class="warnings">${report.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></section>`);
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Support metrics — ${e(describeWindow(report.window))}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${parts.join('\n')}\n</body>\n</html>\n`;
}

/** The metrics whose trend per period is drawn. */
const TREND_METRICS = ['frt', 'art', 'csat_satisfied', 'repeat_contact_rate'] as const;

/** Per grouping field, FRT (else the first metric with values) of each group side by side. */
function groupCharts(report: Report): string[] {
  const byField = new Map<string, NonNullable<Report['groups']>>();
  for (const group of report.groups ?? []) byField.set(group.by, [...(byField.get(group.by) ?? []), group]);
  return [...byField].flatMap(([by, groups]) =>
    (['frt', 'art', 'csat_satisfied'] as const).flatMap((id) => {
      const bars = groups.map((g) => ({ label: g.key, metric: g.metrics[id] })).filter((b): b is { label: string; metric: MetricReport } => b.metric !== undefined);
      if (bars.length < 2 || bars.every((b) => b.metric.value === null)) return [];
      return [figure(`${bars[0]!.metric.label} by ${by}`, groupBars(bars))];
    }),
  );
}

function figure(caption: string, svg: string): string {
  return `<figure>${svg}<figcaption>${e(caption)}</figcaption></figure>`;
}

/** The verdict as a mark and a word: readable without colour. */
const VERDICT: Record<MetricReport['status'], string> = { met: '✓ met', missed: '✗ missed', 'no-data': '– no data', 'no-target': 'no target' };

function card(metric: MetricReport): string {
  const c = metricCells(metric);
  const brackets = c.brackets.length === 0 ? '' : `by bracket: ${c.brackets.map((b) => `${b.label} ${b.count} (${b.share})`).join(', ')}`;
  const detail = [c.median === '' ? '' : `median ${c.median}`, c.p90 === '' ? '' : `p90 ${c.p90}`, c.count === '' ? '' : `n = ${c.count}`, c.withinTarget === '' ? '' : `${c.withinTarget} within target`, c.reason === null || c.brackets.length > 0 ? c.leftOut : '', brackets].filter((x) => x !== '').join(' · ');
  return (
    `<article class="card ${c.status}"><h3>${e(c.label)}${c.lowSample ? ' <span class="low">(low sample)</span>' : ''}</h3>` +
    `<p class="value">${e(c.value)}</p>${detail === '' ? '' : `<p class="detail">${e(detail)}</p>`}` +
    `<p class="verdict">${e(VERDICT[c.status])}${c.target === '' ? '' : ` · target ${e(c.target)}`}</p></article>`
  );
}

function metricTable(metrics: Report['metrics']): string {
  const rows = Object.values(metrics).map((metric) => {
    const c = metricCells(metric);
    return `<tr class="${c.status}"><td>${e(c.label)}${c.lowSample ? ' <span class="low">(low sample)</span>' : ''}</td><td>${e(c.value)}</td><td class="n">${e(c.median)}</td><td class="n">${e(c.p90)}</td><td class="n">${e(c.count)}</td><td class="n">${e(c.withinTarget)}</td><td>${e(c.target)}</td><td class="status">${e(VERDICT[c.status])}</td></tr>`;
  });
  return `<table><thead><tr><th>Metric</th><th>Value</th><th>Median</th><th>p90</th><th>Count</th><th>Within target</th><th>Target</th><th>Status</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function comparisonTable(report: Report): string {
  const rows = Object.entries(report.comparison!.metrics).map(([id, change]) => {
    const now = report.metrics[id]!;
    const c = changeCells(now, change);
    return `<tr><td>${e(now.label)}</td><td class="n">${e(formatValue(now.value, now.unit))}</td><td class="n">${e(formatValue(change.previous.value, now.unit))}</td><td class="n">${e(c.change)}</td><td>${e(c.better)}</td><td>${e(c.real)}</td></tr>`;
  });
  return `<table><thead><tr><th>Metric</th><th>Now</th><th>Before</th><th>Change</th><th>Better?</th><th>Is it real?</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 1.5rem;color:#1b1f24;background:#fff}
h1{margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;font-size:1.2rem}
header p{color:#57606a;margin:.2rem 0 1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.8rem}
.card{border:1px solid #d0d7de;border-left:.4rem solid #8c959f;border-radius:.4rem;padding:.6rem .8rem}
.card h3{margin:0;font-size:.95rem;font-weight:600}.card .value{font-size:1.4rem;margin:.3rem 0}
.card .detail,.card .verdict{margin:.1rem 0;color:#57606a;font-size:.85rem}
.card.met{border-left-color:#1a7f37}.card.missed{border-left-color:#cf222e}.card.met .verdict{color:#1a7f37}.card.missed .verdict{color:#cf222e;font-weight:600}
.low{color:#9a6700;font-weight:400;font-size:.8rem}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(30rem,1fr));gap:1rem}.charts h2{grid-column:1/-1}
figure{margin:0;border:1px solid #d0d7de;border-radius:.4rem;padding:.5rem}figcaption{font-size:.85rem;color:#57606a;margin-top:.3rem}
svg{display:block;max-width:100%;height:auto}svg text{font-family:inherit;font-size:11px;fill:#1b1f24}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}tr.missed td.status{color:#cf222e;font-weight:600}tr.met td.status{color:#1a7f37}
.warnings li{margin:.2rem 0;color:#9a6700}
@media print{.charts{display:block}figure{break-inside:avoid;margin-bottom:1rem}}
`;
