import type { MetricReport } from '../report/model.js';
import { escapeHtml as e } from './escape-html.js';
import { formatDuration, formatValue } from './format-value.js';

/**
 * The HTML report's charts as inline SVG, drawn from the report's numbers only (no recomputation): each with an
 * explicit size, text labels beside every mark (readable without colour), and the target drawn where there is one.
 */

const WIDTH = 520;

/** A duration metric's spread: min–max line, median–p90 box, the mean, and the target line, on a log time axis. */
export function durationChart(metric: MetricReport): string {
  const d = metric.details as { min: number | null; median: number | null; p90: number | null; max: number | null; mean: number | null };
  const target = metric.target?.value ?? null;
  const low = Math.max(1, Math.min(d.min ?? 1, target ?? Number.POSITIVE_INFINITY));
  const high = Math.max(d.max ?? 1, target ?? 0, low * 10);
  const [left, right] = [40, WIDTH - 70];
  const x = (s: number) => round(left + ((Math.log10(Math.max(s, 1)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * (right - left));
  const parts: string[] = [];
  for (const tick of TIME_TICKS.filter((t) => t >= low && t <= high)) parts.push(`<line x1="${x(tick)}" y1="66" x2="${x(tick)}" y2="70" stroke="#57606a"/><text x="${x(tick)}" y="82" text-anchor="middle">${formatDuration(tick)}</text>`);
  parts.push(`<line x1="${left}" y1="66" x2="${right}" y2="66" stroke="#8c959f"/>`);
  if (d.min !== null && d.max !== null) parts.push(`<line x1="${x(d.min)}" y1="40" x2="${x(d.max)}" y2="40" stroke="#57606a" stroke-width="2"><title>min ${e(formatDuration(d.min))} – max ${e(formatDuration(d.max))}</title></line>`);
  if (d.median !== null && d.p90 !== null) {
    parts.push(`<rect x="${x(d.median)}" y="30" width="${round(Math.max(2, x(d.p90) - x(d.median)))}" height="20" fill="#54aeff" stroke="#0969da"><title>median ${e(formatDuration(d.median))} to p90 ${e(formatDuration(d.p90))}</title></rect>`);
    parts.push(`<text x="${x(d.median)}" y="24" text-anchor="end">median ${e(formatDuration(d.median))}</text><text x="${x(d.p90) + 2}" y="24">p90 ${e(formatDuration(d.p90))}</text>`);
  }
  if (d.mean !== null) parts.push(`<circle cx="${x(d.mean)}" cy="40" r="4" fill="#1b1f24"><title>mean ${e(formatDuration(d.mean))}</title></circle><text x="${x(d.mean)}" y="62" text-anchor="middle">mean ${e(formatDuration(d.mean))}</text>`);
  if (target !== null) parts.push(`<line x1="${x(target)}" y1="8" x2="${x(target)}" y2="66" stroke="#cf222e" stroke-width="2" stroke-dasharray="4 3"/><text x="${x(target) + 4}" y="12" fill="#cf222e">target ${e(metric.target!.text)}</text>`);
  return svg(90, `${metric.label}: min, median to p90, max, mean${target === null ? '' : ' and target'}`, parts);
}

/** One metric per period: the line of its values, the band of values that meet the target. */
export function periodTrend(points: readonly { label: string; metric: MetricReport | undefined }[], first: MetricReport): string {
  const values = points.map((p) => p.metric?.value ?? null);
  const target = first.target;
  const top = niceTop(Math.max(...values.filter((v): v is number => v !== null), target?.value ?? 0), first.unit);
  const [left, right, upper, lower] = [70, WIDTH - 10, 12, 150];
  const x = (i: number) => round(left + (points.length === 1 ? 0 : (i / (points.length - 1)) * (right - left)));
  const y = (v: number) => round(lower - (v / top) * (lower - upper));
  const label = (v: number) => (first.unit === 'seconds' ? formatDuration(v) : formatValue(v, first.unit));
  const parts: string[] = [];
  if (target !== null) {
    const [from, to] = target.comparator.startsWith('<') ? [0, Math.min(target.value, top)] : [Math.min(target.value, top), top];
    parts.push(`<rect x="${left}" y="${y(to)}" width="${right - left}" height="${round(y(from) - y(to))}" fill="#dafbe1"><title>meets the target ${e(target.text)}</title></rect>`);
    parts.push(`<line x1="${left}" y1="${y(Math.min(target.value, top))}" x2="${right}" y2="${y(Math.min(target.value, top))}" stroke="#1a7f37" stroke-dasharray="4 3"/><text x="${right}" y="${y(Math.min(target.value, top)) - 3}" text-anchor="end" fill="#1a7f37">target ${e(target.text)}</text>`);
  }
  for (const v of [0, top / 2, top]) parts.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${e(label(v))}</text><line x1="${left}" y1="${y(v)}" x2="${right}" y2="${y(v)}" stroke="#eaeef2"/>`);
  // Segments only between neighbouring periods that both have a value: a period without data is a gap, not a zero.
  for (let i = 1; i < values.length; i++) {
    const [a, b] = [values[i - 1], values[i]];
    if (a !== null && a !== undefined && b !== null && b !== undefined) parts.push(`<line x1="${x(i - 1)}" y1="${y(a)}" x2="${x(i)}" y2="${y(b)}" stroke="#0969da" stroke-width="2"/>`);
  }
  values.forEach((v, i) => {
    if (v !== null) parts.push(`<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="#0969da"><title>${e(points[i]!.label)}: ${e(label(v))}</title></circle>`);
  });
  // First, middle and last period named; the ends anchored inside the chart.
  for (const i of [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])]) {
    const anchor = i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
    parts.push(`<text x="${x(i)}" y="${lower + 16}" text-anchor="${anchor}">${e(points[i]!.label)}</text>`);
  }
  return svg(lower + 24, `${first.label} per period`, parts);
}

/** One metric of each group as a horizontal bar with its value, and the target line. */
export function groupBars(bars: readonly { label: string; metric: MetricReport }[]): string {
  const first = bars[0]!.metric;
  const target = first.target?.value ?? null;
  const top = Math.max(...bars.map((b) => b.metric.value ?? 0), target ?? 0) * 1.1 || 1;
  const [left, right] = [150, WIDTH - 70];
  const x = (v: number) => round(left + (v / top) * (right - left));
  const label = (m: MetricReport) => (m.value === null ? 'no data' : m.unit === 'seconds' ? formatDuration(m.value) : formatValue(m.value, m.unit));
  const parts = bars.map((b, i) => {
    const y = 8 + i * 22;
    const name = b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label;
    const bar = b.metric.value === null ? '' : `<rect x="${left}" y="${y}" width="${round(Math.max(1, x(b.metric.value) - left))}" height="16" fill="${b.metric.status === 'missed' ? '#ff8182' : b.metric.status === 'met' ? '#4ac26b' : '#54aeff'}"><title>${e(b.label)}: ${e(label(b.metric))}</title></rect>`;
    return `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${e(name)}</text>${bar}<text x="${b.metric.value === null ? left + 4 : x(b.metric.value) + 4}" y="${y + 12}">${e(label(b.metric))}${b.metric.status === 'missed' ? ' ✗' : b.metric.status === 'met' ? ' ✓' : ''}</text>`;
  });
  const height = 16 + bars.length * 22;
  if (target !== null) parts.push(`<line x1="${x(target)}" y1="2" x2="${x(target)}" y2="${height - 4}" stroke="#cf222e" stroke-dasharray="4 3"><title>target ${e(first.target!.text)}</title></line>`);
  return svg(height, `${first.label} per group`, parts);
}

/** NPS as one bar split into promoters, passives and detractors, each with its share and count. */
export function npsSplit(metric: MetricReport): string {
  const d = metric.details as { promoters: number; passives: number; detractors: number; responses: number };
  const [left, right] = [10, WIDTH - 10];
  let at = left;
  const parts: string[] = [];
  const segments = [['promoters', d.promoters, '#4ac26b'], ['passives', d.passives, '#d0d7de'], ['detractors', d.detractors, '#ff8182']] as const;
  segments.forEach(([name, n, fill], k) => {
    const width = d.responses === 0 ? 0 : round((n / d.responses) * (right - left));
    const share = d.responses === 0 ? 0 : (n / d.responses) * 100;
    if (width > 0) parts.push(`<rect x="${round(at)}" y="10" width="${width}" height="24" fill="${fill}"><title>${name}: ${n}</title></rect>`);
    // Labels in three fixed columns: a thin segment does not push them onto each other.
    parts.push(`<text x="${left + k * 170}" y="52">${name} ${share.toFixed(0)}% (${n})</text>`);
    at += width;
  });
  return svg(60, `NPS ${metric.value === null ? '' : metric.value.toFixed(1)}: promoters, passives, detractors`, parts);
}

/**
 * A round top for a value axis above `value`: durations at a whole minute, hour or day count, shares at most 100 %,
 * other numbers 1, 2 or 5 times a power of ten — so the axis reads 30m, 1h, 2h, not 30m 28s.
 */
function niceTop(value: number, unit: string): number {
  if (!(value > 0)) return 1;
  if (unit === 'seconds') return NICE_DURATIONS.find((d) => d >= value * 1.05) ?? Math.ceil((value * 1.05) / 86_400) * 86_400;
  const power = 10 ** Math.floor(Math.log10(value * 1.05));
  const top = [1, 2, 2.5, 5, 10].map((m) => m * power).find((t) => t >= value * 1.05)!;
  return unit === 'fraction' ? Math.min(1, top) : top;
}

const NICE_DURATIONS = [60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 7200, 10_800, 14_400, 21_600, 28_800, 43_200, 86_400, 172_800, 345_600, 604_800, 1_209_600, 2_592_000];

const TIME_TICKS = [1, 10, 60, 600, 3600, 36_000, 86_400, 864_000, 8_640_000];

function svg(height: number, title: string, parts: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${e(title)}"><title>${e(title)}</title>${parts.join('')}</svg>`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
