import ExcelJS from 'exceljs';
import type { MetricReport, Report } from '../report/model.js';
import { changeCells } from './change-cells.js';
import { describeWindow } from './format-value.js';
import { bracketsOf, sampleCount } from './metric-cells.js';
import { addTextRow } from './xlsx-text.js';
import { withFixedZipDates } from './zip-fixed-dates.js';

/**
 * The report as an Excel workbook (exceljs): a Summary sheet of the headline metrics, one sheet per grouping field and
 * one of the periods, the comparison, inputs and warnings. Numbers are numbers — durations as Excel times (`[h]:mm:ss`,
 * so they add and sort), shares as percentages — and the status shows by fill colour as well as by word; each header
 * row is frozen. Text from the data goes in as text cells, never as formulas, and reads back exactly (control
 * characters as `_xHHHH_`: xlsx-text.ts). The same report gives the same bytes.
 * A duration known only by brackets (Zendesk Explore) gets a Brackets sheet: a row per bracket of the headline, of
 * each group and of each period, with its range as Excel times, its tickets and its share, as the report holds them.
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'support-metrics';
  // Fixed dates: the file's properties would otherwise carry the time of writing.
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const zone = report.window.timezone;
  metricSheet(workbook, 'Summary', [], Object.values(report.metrics).map((m) => ({ keys: [], metric: m })), `Window: ${describeWindow(report.window)}; targets: ${report.benchmark}${report.generatedAt === undefined ? '' : `; made ${report.generatedAt}`}${report.businessHours === undefined ? '' : `; business hours: ${report.businessHours.description}`}`);
  const byField = new Map<string, NonNullable<Report['groups']>>();
  for (const group of report.groups ?? []) byField.set(group.by, [...(byField.get(group.by) ?? []), group]);
  for (const [by, groups] of byField) {
    metricSheet(workbook, sheetName(`By ${by}`), [by], groups.flatMap((g) => Object.values(g.metrics).map((m) => ({ keys: [g.key], metric: m }))), null);
  }
  if (report.periods !== undefined && report.periods.length > 0) {
    const rows = report.periods.flatMap((p) => {
      const [start, end] = describeWindow({ since: p.start, until: p.end, timezone: zone }).replace(/ \(.*\)$/, '').split(' → ');
      return Object.values(p.metrics).map((m) => ({ keys: [start!, end!], metric: m }));
    });
    metricSheet(workbook, 'Periods', ['Start', 'End'], rows, `Periods in ${zone}`);
  }
  bracketSheet(workbook, report);
  if (report.comparison !== undefined) comparisonSheet(workbook, report);
  const inputs = workbook.addWorksheet('Inputs', { views: [{ state: 'frozen', ySplit: 1 }] });
  addTextRow(inputs, ['File', 'Sheet', 'Kind', 'Layout', 'Rows', 'Accepted', 'Rejected', 'Skipped', 'Merged']).font = { bold: true };
  for (const i of report.inputs) addTextRow(inputs, [i.file, i.sheet ?? '', i.kind, i.preset ?? 'generic', i.rows, i.accepted, i.rejected, i.skipped, i.merged]);
  widths(inputs, [40, 16, 14, 14, 10, 10, 10, 10, 10]);
  if (report.warnings.length > 0) {
    const warnings = workbook.addWorksheet('Warnings');
    addTextRow(warnings, ['Warning']).font = { bold: true };
    for (const w of report.warnings) addTextRow(warnings, [w]);
    widths(warnings, [140]);
  }
  return withFixedZipDates(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const HEAD = ['Metric', 'Value', 'Unit', 'Median', 'p90', 'Count', 'Within target', 'Target', 'Status', 'Reason'];

/** A sheet of metrics, each row led by its keys (group, period bounds). */
function metricSheet(workbook: ExcelJS.Workbook, name: string, keyHeads: readonly string[], rows: readonly { keys: readonly string[]; metric: MetricReport }[], caption: string | null): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: caption === null ? 1 : 2 }] });
  if (caption !== null) addTextRow(sheet, [caption]).font = { italic: true };
  addTextRow(sheet, [...keyHeads, ...HEAD]).font = { bold: true };
  for (const { keys, metric } of rows) {
    const d = metric.details as Record<string, unknown>;
    const row = addTextRow(sheet, [
      ...keys,
      metric.label,
      asCell(metric.value, metric.unit),
      metric.unit,
      asCell(typeof d.median === 'number' ? d.median : null, metric.unit),
      asCell(typeof d.p90 === 'number' ? d.p90 : null, metric.unit),
      sampleCount(metric),
      typeof d.withinTarget === 'number' ? d.withinTarget : null,
      metric.target?.text ?? '',
      metric.status,
      typeof d.reason === 'string' ? d.reason : '',
    ]);
    const at = keys.length;
    for (const column of [at + 2, at + 4, at + 5]) row.getCell(column).numFmt = FORMATS[metric.unit] ?? '0.00';
    row.getCell(at + 6).numFmt = '#,##0';
    row.getCell(at + 7).numFmt = '0.0%';
    const status = row.getCell(at + 9);
    const fill = FILLS[metric.status];
    if (fill !== undefined) status.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  }
  widths(sheet, [...keyHeads.map(() => 22), 34, 14, 10, 12, 12, 10, 14, 14, 11, 60]);
}

/** The tickets per bracket of every metric known only by brackets, headline first, then groups, then periods. */
function bracketSheet(workbook: ExcelJS.Workbook, report: Report): void {
  const zone = report.window.timezone;
  const scopes: { keys: string[]; metrics: Record<string, MetricReport> }[] = [
    { keys: ['', '', '', ''], metrics: report.metrics },
    ...(report.groups ?? []).map((g) => ({ keys: [g.by, g.key, '', ''], metrics: g.metrics })),
    ...(report.periods ?? []).map((p) => {
      const [start, end] = describeWindow({ since: p.start, until: p.end, timezone: zone }).replace(/ \(.*\)$/, '').split(' → ');
      return { keys: ['', '', start!, end!], metrics: p.metrics };
    }),
  ];
  const rows = scopes.flatMap(({ keys, metrics }) => Object.values(metrics).flatMap((metric) => bracketsOf(metric).map((bracket) => ({ keys, metric, bracket }))));
  if (rows.length === 0) return;
  const sheet = workbook.addWorksheet('Brackets', { views: [{ state: 'frozen', ySplit: 2 }] });
  addTextRow(sheet, [`Durations the export gives only as brackets: tickets per bracket (from ≤ t < to); periods in ${zone}`]).font = { italic: true };
  addTextRow(sheet, ['Metric', 'By', 'Key', 'Start', 'End', 'Column', 'Bracket', 'From', 'To', 'Tickets', 'Share']).font = { bold: true };
  for (const { keys, metric, bracket } of rows) {
    const d = metric.details;
    const column = 'bracketStats' in d && d.bracketStats !== undefined ? d.bracketStats.column : '';
    const [by, key, start, end] = keys;
    const row = addTextRow(sheet, [metric.label, by, key, start, end, column, bracket.label, asCell(bracket.fromSeconds, 'seconds'), asCell(bracket.toSeconds, 'seconds'), bracket.count, bracket.share]);
    row.getCell(8).numFmt = FORMATS.seconds!;
    row.getCell(9).numFmt = FORMATS.seconds!;
    row.getCell(10).numFmt = '#,##0';
    row.getCell(11).numFmt = '0.0%';
  }
  widths(sheet, [28, 14, 22, 18, 18, 28, 14, 12, 12, 10, 10]);
}

function comparisonSheet(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet('Comparison', { views: [{ state: 'frozen', ySplit: 2 }] });
  addTextRow(sheet, [`Compared with ${describeWindow({ since: report.comparison!.since, until: report.comparison!.until, timezone: report.window.timezone })}`]).font = { italic: true };
  addTextRow(sheet, ['Metric', 'Now', 'Before', 'Change', 'Relative change', 'Better?', 'Test', 'p-value', 'Is it real?']).font = { bold: true };
  for (const [id, change] of Object.entries(report.comparison!.metrics)) {
    const now = report.metrics[id]!;
    const cells = changeCells(now, change);
    // Excel shows no negative time (`#####` in the 1900 date system): a duration's change — negative whenever FRT or
    // ART went down — is a signed number of seconds instead of an Excel time.
    const durationChange = now.unit === 'seconds';
    const delta = change.delta === null ? null : durationChange ? change.delta : asCell(change.delta, now.unit);
    const row = addTextRow(sheet, [now.label, asCell(now.value, now.unit), asCell(change.previous.value, now.unit), delta, change.relative, cells.better, change.test ?? '', change.pValue, cells.real]);
    for (const column of [2, 3]) row.getCell(column).numFmt = FORMATS[now.unit] ?? '0.00';
    row.getCell(4).numFmt = durationChange ? '+#,##0" s";-#,##0" s";0" s"' : (FORMATS[now.unit] ?? '0.00');
    row.getCell(5).numFmt = '+0.0%;-0.0%;0.0%';
    row.getCell(8).numFmt = '0.0000';
  }
  widths(sheet, [34, 14, 14, 14, 14, 10, 22, 10, 40]);
}

/** Durations as Excel times (days), the rest as they are. */
function asCell(value: number | null, unit: string): number | null {
  if (value === null) return null;
  return unit === 'seconds' ? value / 86_400 : value;
}

const FORMATS: Record<string, string> = { seconds: '[h]:mm:ss', fraction: '0.0%', count: '#,##0', score: '0.00', currency: '#,##0.00', ratio: '0.00', months: '0.0' };
/** Green met, red missed, grey no data (the word stays beside the colour). */
const FILLS: Partial<Record<MetricReport['status'], string>> = { met: 'FFC6EFCE', missed: 'FFFFC7CE', 'no-data': 'FFE7E6E6' };

function widths(sheet: ExcelJS.Worksheet, columns: readonly number[]): void {
  columns.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
