import type { InputSummary } from '../datasets/dataset.js';
import { formatRejection, type Rejection } from '../datasets/rejections.js';
import { readEachDataset } from '../datasets/read-dataset.js';
import { InputError } from '../errors.js';
import type { ReadCliOptions } from './options.js';
import { readOptionsOf, type CommandIo } from './report.js';

/** What validate checks that report does not, said under the text output so the two counts do not puzzle anyone. */
const VALIDATE_SCOPE =
  'validate parses every mapped column; report parses only the columns its metrics need (read: false in its inputs), so a bad value in another column rejects a row here but not there.';

/** Rejected rows listed per file; the rest are counted by reason. */
const SHOWN_REJECTIONS = 10;

/** What `validate` found about one file: how it was read, or why it could not be. */
export type FileValidation =
  | (InputSummary & { ok: true; rejections: { byReason: Record<string, number>; first: Rejection[] }; notes: string[]; warnings: string[] })
  | { file: string; ok: false; code: string; error: string };

/**
 * `support-metrics validate FILE…`: reads and validates only — every mapped column is parsed, so the user sees what
 * the tool made of each file (format, encoding, delimiter or sheet, kind, preset, each field's header and how it was
 * found, the value format chosen, row counts and rejections) before trusting a number. Files are read one by one, so
 * one unreadable file does not hide the others — after all are planned, so that a slash-date order or decimal separator
 * one file leaves open is settled by the others of its data set, as report settles it. Exit 2 when a file cannot be
 * read, else 0.
 */
export async function runValidate(options: ReadCliOptions, format: 'text' | 'json', io: CommandIo): Promise<number> {
  for (const note of options.notes) io.stderr(`support-metrics: note: ${note}\n`);
  const files: FileValidation[] = [];
  const reads = await readEachDataset(options.inputs, readOptionsOf(options, 'all'));
  for (const [index, read] of reads.entries()) {
    if (read instanceof InputError) {
      files.push({ file: options.inputs[index]!.name, ok: false, code: read.code, error: read.message });
      continue;
    }
    const byReason: Record<string, number> = {};
    for (const r of read.rejections.all) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
    files.push({ ok: true, ...read.inputs[0]!, rejections: { byReason, first: read.rejections.all.slice(0, SHOWN_REJECTIONS).map(withoutIndex) }, notes: read.notes, warnings: read.warnings });
  }
  if (format === 'json') io.stdout(`${JSON.stringify({ schema: 'support-metrics/validate@1', files }, null, 2)}\n`);
  else io.stdout(`${files.map(describe).join('\n')}\n${VALIDATE_SCOPE}\n`);
  if (files.some((f) => !f.ok)) {
    for (const f of files) if (!f.ok) io.stderr(`support-metrics: ${f.error}\n`);
    return 2;
  }
  return 0;
}

function withoutIndex(r: Rejection): Rejection {
  const { inputIndex: _inputIndex, ...rest } = r;
  return rest;
}

/** One file as a short readable block. */
function describe(f: FileValidation): string {
  if (!f.ok) return `${f.file}\n  cannot be read (the reason is on stderr)\n`;
  const lines: string[] = [];
  const where = f.sheet === null ? f.file : `${f.file}#${f.sheet}`;
  lines.push(`${where}`);
  const layout = [`format ${f.format}${f.compression === null ? '' : ` (${f.compression})`}`];
  if (f.encoding !== null) layout.push(`encoding ${f.encoding}`);
  if (f.delimiter !== null) layout.push(`delimiter ${f.delimiter === '\t' ? 'tab' : JSON.stringify(f.delimiter)}`);
  if (f.sheet !== null) layout.push(`sheet ${JSON.stringify(f.sheet)}`);
  layout.push(`header on ${f.format === 'csv' ? 'line' : 'row'} ${f.headerLine}`);
  lines.push(`  ${layout.join(', ')}`);
  lines.push(`  kind ${f.kind}, ${f.preset === null ? 'no preset (generic header names)' : `preset ${f.preset}`}`);
  lines.push('  columns:');
  const width = Math.max(...f.columns.map((c) => c.field.length));
  for (const c of f.columns) lines.push(`    ${c.field.padEnd(width)}  ← column ${c.column} ${JSON.stringify(c.header)} (${c.via}), ${c.format}`);
  if (f.unusedHeaders.length > 0) lines.push(`  not used: ${f.unusedHeaders.map((h) => JSON.stringify(h)).join(', ')}`);
  for (const rule of f.skipRows) lines.push(`  skips rows whose ${JSON.stringify(rule.header)} is ${rule.values.map((v) => JSON.stringify(v)).join(' or ')} (${rule.reason}): ${rule.skipped} row${rule.skipped === 1 ? '' : 's'}`);
  lines.push(`  rows ${f.rows}: ${f.accepted} accepted, ${f.rejected} rejected, ${f.skipped} skipped, ${f.merged} merged`);
  for (const note of f.notes) lines.push(`  note: ${note}`);
  for (const warning of f.warnings) lines.push(`  warning: ${warning}`);
  const reasons = Object.entries(f.rejections.byReason);
  if (reasons.length === 0) {
    lines.push('  rejected rows: none');
  } else {
    lines.push(`  rejected rows: ${reasons.map(([reason, n]) => `${reason} ${n}`).join(', ')}`);
    for (const r of f.rejections.first) lines.push(`    ${formatRejection(r)}`);
    if (f.rejected > f.rejections.first.length) lines.push(`    … and ${f.rejected - f.rejections.first.length} more; pass them to report --rejects FILE to list them all`);
  }
  return `${lines.join('\n')}\n`;
}
