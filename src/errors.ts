/**
 * Errors meant for people. Each formats itself as one line: where, what, what to do.
 * Exit code 2 for both kinds (SPEC §7); anything else escaping to the CLI is a bug and shows a stack only with --debug.
 */

/**
 * Stable codes of input errors (as csv-parse's CsvError codes): scripts and tests match these, not the wording.
 */
export type InputErrorCode =
  | 'NOT_FOUND'
  | 'NOT_A_FILE'
  | 'UNREADABLE'
  | 'EMPTY'
  | 'UNSUPPORTED_FORMAT'
  | 'NO_HEADER'
  | 'NO_SHEET'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_KIND'
  | 'AMBIGUOUS_KIND'
  | 'AGGREGATE_REPORT'
  | 'MAP_HEADER_NOT_FOUND'
  | 'NO_VALID_ROWS'
  | 'STRICT_REJECTED'
  | 'MIXED_CURRENCY'
  | 'OUTPUT_UNWRITABLE'
  | 'FIELD_TOO_LARGE'
  | 'TOO_MANY_COLUMNS'
  | 'INPUT';

export interface InputErrorContext {
  /** What kind of problem this is; 'INPUT' when none more specific applies. */
  code?: InputErrorCode | undefined;
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  field?: string | undefined;
  value?: string | undefined;
  reason: string;
  hint?: string | undefined;
}

/** A problem with an input file: unreadable, empty, unknown kind, missing column, bad row under --strict. */
export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly context: InputErrorContext;
  constructor(context: InputErrorContext) {
    super(formatLocated(context));
    this.name = 'InputError';
    this.code = context.code ?? 'INPUT';
    this.context = context;
  }
}

/** A problem with how the command was called: unknown option value, bad time zone, bad --map. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `file:line:column: field "value" reason; hint` — the one-line shape of every input message. */
export function formatLocated(c: InputErrorContext): string {
  let where = c.file;
  if (c.line !== undefined) where += `:${c.line}`;
  if (c.line !== undefined && c.column !== undefined) where += `:${c.column}`;
  let what = '';
  if (c.field !== undefined) what += `${c.field} `;
  if (c.value !== undefined) what += `${JSON.stringify(c.value)} `;
  what += c.reason;
  return `${where}: ${what}${c.hint ? `; ${c.hint}` : ''}`;
}
