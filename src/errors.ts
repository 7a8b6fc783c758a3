/**
 * Errors meant for people. Each formats itself as one line: where, what, what to do.
 * Exit code 2 for both kinds (SPEC §7); anything else escaping to the CLI is a bug and shows a stack only with --debug.
 */

export interface InputErrorContext {
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
  readonly code = 'INPUT';
  readonly context: InputErrorContext;
  constructor(context: InputErrorContext) {
    super(formatLocated(context));
    this.name = 'InputError';
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
