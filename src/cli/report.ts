import { scopedGroups } from '../targets/profiles.js';
import { readDatasets } from '../datasets/read-dataset.js';
import type { ReadResult } from '../datasets/dataset.js';
import { kindNamed } from '../datasets/kinds.js';
import { formatRejection, type Rejections } from '../datasets/rejections.js';
import { InputError } from '../errors.js';
import { buildReport } from '../report/build.js';
import { gatedMetrics } from '../report/gated.js';
import { fieldsNeeded, METRICS } from '../report/registry.js';
import { GROUP_FIELDS } from '../report/groups.js';
import { BUSINESS_FIELDS } from '../report/business-hours.js';
import { renderJson } from '../render/json.js';
import { renderRejectsCsv } from '../render/rejects-csv.js';
import type { Report } from '../report/model.js';
import { describeWindow } from '../render/format-value.js';
import { mark } from '../timing.js';
import { progressBar, showsProgress } from './progress-bar.js';
import type { ProgressSink, ReadOptions } from '../datasets/plan.js';
import { STDOUT, type OutputFormat, type ReadCliOptions, type ReportOptions } from './options.js';

/** Rejected rows shown in full on stderr; the rest are counted (SPEC §4). */
const SHOWN_REJECTIONS = 10;

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal that should get colour. */
  color: boolean;
  /** Whether stderr is a terminal (a progress bar may be drawn there). */
  stderrIsTerminal?: boolean;
}

/** Reads the inputs as the CLI options say, parsing the fields in `fields`. */
export function readInputs(options: ReadCliOptions, fields: 'all' | readonly string[], progress?: ProgressSink): Promise<ReadResult> {
  return readDatasets(options.inputs, readOptionsOf(options, fields, progress));
}

/** The engine's read options from the command line's. */
export function readOptionsOf(options: ReadCliOptions, fields: 'all' | readonly string[], progress?: ProgressSink): ReadOptions {
  return {
    progress,
    zone: options.zone,
    zoneGiven: options.zoneGiven,
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
    preset: options.preset,
    map: options.map,
    dateFormat: options.dateFormat,
    decimal: options.decimal,
    scales: options.scales,
    currency: options.currency,
    limits: options.limits,
    fields,
  };
}

/** `support-metrics report`: read → validate → metrics → targets → render. Returns the exit code. */
export async function runReport(options: ReportOptions, io: CommandIo): Promise<number> {
  // Grouping fields are read too (as text codes), and only when asked for.
  // The drill-down shows every group key of a ticket: read them all then.
  const groupFields = options.details === undefined ? options.by : GROUP_FIELDS;
  const outputs = [
    // Without --out the report is on stdout: a --rejects or --details file that is stdout too would mix into it.
    { option: options.out === undefined ? 'the report on stdout' : '--out', path: options.out ?? '-' },
    { option: '--details', path: options.details },
    { option: '--rejects', path: options.rejects },
  ].filter((o): o is { option: string; path: string } => o.path !== undefined);
  if (outputs.length > 0) await (await import('./write-output.js')).checkOutputPaths(outputs, options.inputs.map((i) => i.name));
  const bar = showsProgress(io.stderrIsTerminal === true, options.quiet, process.env) ? progressBar(io.stderr, () => performance.now()) : undefined;
  let read: ReadResult;
  try {
    // The export's business-hours columns are parsed only when --business-hours asks for them: a plain run reads none.
    read = await readInputs(options, [...fieldsNeeded(), ...(options.businessHours === null ? [] : BUSINESS_FIELDS), ...groupFields, ...scopedGroups(options.benchmark, options.targets).map((s) => `tickets.${s.field}`)], bar);
  } finally {
    bar?.finish();
  }
  mark('inputs read');
  const inputNames = options.inputs.map((i) => i.name);
  if (!options.quiet) for (const note of [...options.notes, ...read.notes, ...unusedInputs(read)]) io.stderr(`support-metrics: note: ${note}\n`);
  if (options.rejects === STDOUT) io.stdout(renderRejectsCsv(read.rejections.all));
  // The file writer (and node:crypto behind it, ~4 ms) loads only when a file is named, as the table's libraries below.
  else if (options.rejects !== undefined) await (await import('./write-output.js')).writeOutputFile(options.rejects, renderRejectsCsv(read.rejections.all), inputNames);
  const rejected = read.rejections.all.length;
  if (rejected > 0 && (options.strict || !options.quiet)) io.stderr(rejectionSummary(read.rejections, options.strict));
  if (options.strict && rejected > 0) {
    throw new InputError({ code: 'STRICT_REJECTED', file: inputNames.join(', '), reason: `has ${rejected} rejected row${rejected === 1 ? '' : 's'} and --strict is set; no report written`, hint: 'fix the rows above or drop --strict' });
  }
  for (const [index, input] of read.inputs.entries()) {
    // A file whose rows all repeat an earlier file's keys is not broken; one whose rows all fail is.
    const onlyRepeats = read.rejections.all.every((r) => r.inputIndex !== index || r.reason.startsWith('duplicate '));
    // Rows skipped on purpose (spam, unanswered responses) leave a file with nothing to count, not a broken one.
    if (input.accepted === 0 && input.skipped === 0 && !(input.rejected > 0 && onlyRepeats)) {
      throw new InputError({
        code: 'NO_VALID_ROWS',
        file: input.file,
        reason: input.rows === 0 ? 'has a header and no data rows' : `has no valid ${rowWord(kindNamed(input.kind).rowNoun)} (${input.rows} read, ${input.rejected} rejected, ${input.skipped} skipped)`,
        hint: input.rows === 0 ? 'export the data again with its rows' : 'see the errors above, or check --preset, --map and --date-format',
      });
    }
  }

  refuseUncoveredWindow(read, options.since, options.until);
  const reportOptions = { since: options.since, until: options.until, timezone: options.zone.name, benchmark: options.benchmark, by: options.by, period: options.period, compare: options.compare, targets: options.targets, repeatWindowDays: options.repeatWindowDays, businessHours: options.businessHours ?? undefined, serviceCostPerCustomerMonth: options.serviceCostPerCustomerMonth ?? undefined };
  const built = buildReport(read, reportOptions);
  // The one reading of the clock for the report, at the edge, and only when asked.
  const report = options.stamp ? { ...built, generatedAt: new Date().toISOString() } : built;
  if (options.details !== undefined) await writeDetails(read, reportOptions, options.details, inputNames);
  const color = options.out === undefined && io.color;
  // The table's libraries (cli-table3, chalk) load only when a table is asked for: JSON runs start faster.
  const rendered = await render(report, options.format, color);
  // xlsx always has a file (parseFormat): only text reaches stdout.
  if (options.out === undefined) io.stdout(typeof rendered === 'string' ? rendered : '');
  else await (await import('./write-output.js')).writeOutputFile(options.out, rendered, inputNames);
  // The table shows the warnings under it; other formats carry them inside, and stderr repeats them for the reader.
  if (!options.quiet && (options.format !== 'table' || options.out !== undefined)) for (const warning of report.warnings) io.stderr(`support-metrics: warning: ${warning}\n`);
  if (!options.failOnMiss) return 0;
  // The headline metrics with a target and the groups' own (scoped) targets, as JUnit's cases: a missed chat FRT of
  // an industry profile failed its JUnit case yet exited 0 (issue #16, found by the option fuzzer).
  const gated = gatedMetrics(report).map((g) => g.metric);
  // A gate that checked nothing must not pass: an empty window or an export without the columns would (issue 9).
  if (gated.every((m) => m.status === 'no-data')) {
    io.stderr(`support-metrics: ${nothingCheckedReason(report, gated.length)}; failing because of --fail-on-miss\n`);
    return 1;
  }
  return gated.some((m) => m.status === 'missed') ? 1 : 0;
}

/** --details: the rows behind the ticket numbers, as CSV or a workbook by the file's extension. */
async function writeDetails(read: ReadResult, options: Parameters<typeof buildReport>[1], path: string, inputNames: readonly string[]): Promise<void> {
  const { details } = await import('../report/details.js');
  const { columns, rows } = details(read, options);
  const render = await import('../render/details.js');
  const content = path.toLowerCase().endsWith('.xlsx') ? await render.renderDetailsXlsx(columns, rows) : render.renderDetailsCsv(columns, rows);
  await (await import('./write-output.js')).writeOutputFile(path, content, inputNames);
}

/** The report in the format asked for; each renderer loads only when used (a JSON run loads no table library). */
async function render(report: Report, format: OutputFormat, color: boolean): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'md':
      return (await import('../render/markdown.js')).renderMarkdown(report);
    case 'html':
      return (await import('../render/html.js')).renderHtml(report);
    case 'csv':
      return (await import('../render/csv-long.js')).renderCsvLong(report);
    case 'junit':
      return (await import('../render/junit.js')).renderJunit(report);
    case 'xlsx':
      return (await import('../render/xlsx.js')).renderXlsx(report);
    case 'table':
      return (await import('../render/table.js')).renderTable(report, { color });
  }
}

/** Why --fail-on-miss had nothing to check, in one line: no metric with a target, or none with data in the window. */
function nothingCheckedReason(report: Report, gated: number): string {
  if (gated === 0) return `no metric with a target was computed from the data given (targets: ${report.benchmark})`;
  const { since, until } = report.window;
  if (since === null && until === null) return 'no data for any metric with a target in the data given';
  return `no data for any metric with a target in the window ${describeWindow(report.window)}`;
}

/**
 * A spend report dated only by its range line (no day column) cannot say what was spent in a window that reaches
 * outside that range: exit 2 saying so, rather than a CAC over spend that is not there.
 */
function refuseUncoveredWindow(read: ReadResult, since: number | null, until: number | null): void {
  if (since === null && until === null) return;
  for (const input of read.inputs) {
    if (input.datedBy === undefined) continue;
    const from = Date.parse(input.datedBy.since);
    const to = Date.parse(input.datedBy.until);
    if ((since ?? Number.NEGATIVE_INFINITY) < from || (until ?? Number.POSITIVE_INFINITY) > to) {
      throw new InputError({
        code: 'INPUT',
        file: input.file,
        reason: `has no day column and covers only "${input.datedBy.line}", which the window does not lie within`,
        hint: 'choose --since/--until inside that range, or download the report with the Day segment',
      });
    }
  }
}

/** `ticket row`, `spend row` (not `spend row row`). */
function rowWord(noun: string): string {
  return noun.endsWith(' row') ? noun : `${noun} row`;
}

/** The kinds the finance metrics read (report/finance.ts). */
const FINANCE_KINDS: readonly string[] = ['spend', 'subscriptions', 'finance'];

/** Inputs of a kind no metric of this version reads: read only — said, so nobody looks for a number. */
function unusedInputs(read: ReadResult): string[] {
  return read.inputs
    .filter((input) => !METRICS.some((m) => m.kind === input.kind) && !FINANCE_KINDS.includes(input.kind))
    .map((input) => `${input.file} holds ${input.kind} data, which no metric of this version reads yet; it was read only (its required columns checked)`);
}

export function rejectionSummary(rejections: Rejections, strict: boolean): string {
  // Reasons in the order they first occur in the files.
  const countByReason = new Map<string, number>();
  for (const r of rejections.all) countByReason.set(r.reason, (countByReason.get(r.reason) ?? 0) + 1);
  const counts = [...countByReason].map(([reason, n]) => `${reason} ${n}`).join(', ');
  const total = rejections.all.length;
  const lines = [`support-metrics: ${total} row${total === 1 ? '' : 's'} rejected (${counts})${strict ? '' : '; the report leaves them out'}:`];
  for (const r of rejections.all.slice(0, SHOWN_REJECTIONS)) lines.push(`  ${formatRejection(r)}`);
  if (total > SHOWN_REJECTIONS) lines.push(`  … and ${total - SHOWN_REJECTIONS} more; pass --rejects FILE to list them all`);
  return `${lines.join('\n')}\n`;
}
