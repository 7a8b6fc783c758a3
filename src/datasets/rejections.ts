import { formatLocated } from '../errors.js';

/**
 * Why a row was rejected: a stable code for counting and for the --rejects file — `missing value`, `unparseable
 * timestamp`, `unparseable number`, `unparseable month`, `unparseable score`, `response before creation`,
 * `resolution before creation`, `end before start`, `negative duration`, `negative amount`, `negative count`,
 * `duplicate ticket id` …
 */
export type RejectionReason = string;

/** One rejected row: where it is, which value, and why (SPEC §4). */
export interface Rejection {
  file: string;
  /** The sheet of a workbook, shown as `book.xlsx#Sheet:42:3`. */
  sheet?: string | null | undefined;
  line: number;
  /** 1-based column of the offending field, when one field is to blame. */
  column?: number | undefined;
  field?: string | undefined;
  value?: string | undefined;
  reason: RejectionReason;
  /** The full sentence: `is not a timestamp (expected …)`. */
  message: string;
  /** Position of the file among the inputs (the same file may be given twice). */
  inputIndex?: number;
}

/** Every rejected row of a run, in reading order once sorted (sortRejections). */
export class Rejections {
  readonly all: Rejection[] = [];

  add(rejection: Rejection): void {
    this.all.push(rejection);
  }
}

/** `tickets.csv:42:3: created_at "31.02.2026" is not a timestamp (expected DD.MM.YYYY HH:mm:ss)` */
export function formatRejection(r: Rejection): string {
  return formatLocated({ file: r.sheet ? `${r.file}#${r.sheet}` : r.file, line: r.line, column: r.column, field: r.field, value: r.value, reason: r.message });
}

/** Orders rejections by input file (in the given order), then by line: the order a user reads the files in. */
export function sortRejections(rejections: Rejections): void {
  rejections.all.sort((a, b) => (a.inputIndex ?? 0) - (b.inputIndex ?? 0) || a.line - b.line);
}
