import { type Rejection } from '../datasets/rejections.js';
import { text } from './csv-long.js';

/**
 * Every rejected row as CSV: file, line, column, field, value, reason, message (SPEC §4 `--rejects`). Text cells as the
 * report's CSV writes them: controls and bidi marks shown as `\uXXXX`, a formula-like value defused with a leading `'`.
 */
export function renderRejectsCsv(rejections: readonly Rejection[]): string {
  const lines = ['file,line,column,field,value,reason,message'];
  for (const r of rejections) {
    lines.push([r.file, String(r.line), r.column === undefined ? '' : String(r.column), r.field ?? '', r.value ?? '', r.reason, r.message].map(text).join(','));
  }
  return `${lines.join('\n')}\n`;
}
