import { type Rejection } from '../datasets/rejections.js';

/** Every rejected row as CSV: file, line, column, field, value, reason, message (SPEC §4 `--rejects`). */
export function renderRejectsCsv(rejections: readonly Rejection[]): string {
  const lines = ['file,line,column,field,value,reason,message'];
  for (const r of rejections) {
    lines.push([r.file, String(r.line), r.column === undefined ? '' : String(r.column), r.field ?? '', r.value ?? '', r.reason, r.message].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One CSV cell, quoted when needed. A value starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so a
 * spreadsheet shows it as text instead of running it as a formula (SPEC §4).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
