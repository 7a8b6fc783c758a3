import type { AnswerScale } from '../survey/answers.js';
import type { ColumnSketch } from '../stats/column-sketch.js';
import { TIMESTAMP_FORMAT_LABELS } from '../read/timestamp.js';
import type { KindName } from './kind.js';
import type { MappedVia } from './mapping.js';
import type { ColumnPlan } from './plan.js';
import type { Rejections } from './rejections.js';
import type { TextColumn } from './text-codes.js';

/**
 * One data set in columns, one entry per accepted row, all arrays in the same row order (files in the order given).
 * Instants, dates and months are epoch ms; durations seconds; NaN = empty. Text fields are codes (TextColumn).
 */
export interface Dataset {
  kind: KindName;
  rows: number;
  numbers: Record<string, Float64Array>;
  elapsed: Record<string, ElapsedColumn>;
  texts: Record<string, TextColumn>;
  /** Every field some file of the data set has a column for (parsed or not), with the header it came from. */
  mapped: Record<string, string>;
  /** Headers of its files that no field was mapped from (for "the column that could serve" in a metric's reason). */
  unmapped: string[];
  /** Physical line (CSV) or sheet row of each row, and which input it came from (index into ReadResult.inputs). */
  lineOfRow: Uint32Array;
  inputOfRow: Uint32Array;
  /**
   * Kinds with a key (tickets' id, finance's month): each row's key as a number, or NaN with its text in `text` by row
   * (ids such as `PROJ-12`). For joins (survey responses to their tickets) and the rows behind a number.
   */
  keys?: RowKeys;
  /**
   * Survey data sets (and tickets' inline csat): each survey's scale and the reading of each distinct answer on it,
   * settled over all the data set's answers (survey-scales.ts) and kept by its windows, groups and periods.
   */
  scales?: Partial<Record<'csat' | 'nps' | 'ces', AnswerScale>>;
  /**
   * Fields and derived durations (by name) that some files of the data set have a column for and others do not: the
   * inputs (index into ReadResult.inputs) and files without it. Their rows hold NaN there, and a derived duration's
   * source says `noColumn` — unknown, not none. Absent when every file has the same columns.
   */
  noColumnIn?: Record<string, { inputs: number[]; files: string[] }>;
}

/** Each row's key: a number, or NaN and the text in `text` under the row. */
export interface RowKeys {
  numeric: Float64Array;
  text: ReadonlyMap<number, string>;
}

/** A derived duration (kind.elapsed): seconds (NaN = none) and where each value came from (ValueSource). */
export interface ElapsedColumn {
  seconds: Float64Array;
  source: Uint8Array;
  /** The seconds' sketch, made by the threads that read the parts (stats/column-sketch.ts); absent once rows are picked. */
  sketch?: ColumnSketch;
}

/** How one mapped column was read: for `validate` and the report's inputs (SPEC §8). */
export interface ColumnSummary {
  field: string;
  header: string;
  /** 1-based position in the header row (repeated header names are told apart by it). */
  column: number;
  via: MappedVia;
  /** The value format chosen: `DD.MM.YYYY HH:mm:ss`, `minutes`, `decimal ,`, `text` … */
  format: string;
  /** Whether this run parsed it (a report parses only what its metrics need). */
  read: boolean;
}

/** Per input file: how it was read and where every data record went (SPEC §8: rows = accepted + rejected + skipped + merged). */
export interface InputSummary {
  file: string;
  kind: KindName;
  preset: string | null;
  format: string;
  /** `gzip` when the file was decompressed on the fly. */
  compression: 'gzip' | null;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headerLine: number;
  rows: number;
  accepted: number;
  rejected: number;
  skipped: number;
  merged: number;
  columns: ColumnSummary[];
  /** Headers no field was mapped from (ignored). */
  unusedHeaders: string[];
  /** Rows skipped by the preset's rules (Bitrix24 spam): the column, the values, why. */
  skipRows: { header: string; values: string[]; reason: string; skipped: number }[];
  /** A report without a day column, dated by its date-range line: every row covers [since, until) (ISO instants). */
  datedBy?: { line: string; since: string; until: string };
}

export interface ReadResult {
  /** One per kind present, in the order of KINDS. */
  datasets: Dataset[];
  /** Every input in the order given. */
  inputs: InputSummary[];
  rejections: Rejections;
  /** Things the user should know that change no number (a substring --map match, a near tie of kinds). */
  notes: string[];
  /** Guesses the data did not prove, which a number rests on: they go into the report's `warnings`. */
  warnings: string[];
}

export function describeColumn(column: ColumnPlan): ColumnSummary {
  return { field: column.field, header: column.header, column: column.index + 1, via: column.via, format: valueFormat(column), read: column.read };
}

/** `, in UTC (from the header)`, `, offsets in the values`, `, in Europe/Berlin (--tz)`, `, in UTC (assumed: no zone given)`. */
function zoneNote(column: ColumnPlan): string {
  switch (column.zoneFrom) {
    case 'header':
      return `, in ${column.zone} (from the header)`;
    case 'values':
      return ', offsets in the values';
    case 'tz':
      return ', in --tz';
    case 'assumed':
      return ', in the default zone (assumed: no --tz)';
    default:
      return '';
  }
}

/**
 * `, decimal comma`; and, where the column's own values do not prove it, either separator and where it comes from:
 * `, decimal dot (as spend-us.csv proves)`, `, decimal comma (assumed)`.
 */
function decimalNote(column: ColumnPlan): string {
  const separator = column.decimal === ',' ? 'decimal comma' : 'decimal dot';
  const from = column.decimalFrom;
  if (from?.by === 'files') return `, ${separator} (as ${from.files.join(', ')} prove${from.files.length === 1 ? 's' : ''})`;
  if (from?.by === 'assumed') return `, ${separator} (assumed)`;
  return column.decimal === ',' ? ', decimal comma' : '';
}

function valueFormat(column: ColumnPlan): string {
  switch (column.type) {
    case 'instant':
    case 'date':
      return TIMESTAMP_FORMAT_LABELS[column.format ?? 'iso'] + (column.datesOnly ? ', dates only' : '') + (column.guessedMonthFirst ? ' (month-first assumed)' : '') + zoneNote(column);
    case 'month':
      return 'month';
    case 'duration':
      return `${column.unit ?? 'minutes'}${decimalNote(column)}${column.zeroMeansNone ? ', 0 = none' : ''}`;
    case 'number':
    case 'money':
      return `${column.type}${decimalNote(column)}`;
    case 'score':
      return 'score';
    case 'id':
      return 'id';
    case 'text':
      return column.normalise === 'channel' ? 'text (channel names normalised)' : 'text';
  }
}

type Column = Float64Array | Uint8Array | Uint16Array | Uint32Array;

/** The values of `rows` (all of them when null), as a new array of the same type. */
export function pickRows<T extends Column>(values: T, rows: Uint32Array | null): T {
  if (rows === null) return values;
  // One loop per element type: a single generic loop sees four array types and runs several times slower.
  if (values instanceof Float64Array) return pickFloat64(values, rows) as T;
  if (values instanceof Uint8Array) return pickUint8(values, rows) as T;
  if (values instanceof Uint16Array) return pickUint16(values, rows) as T;
  return pickUint32(values as Uint32Array, rows) as T;
}

function pickFloat64(values: Float64Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}
function pickUint8(values: Uint8Array, rows: Uint32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}
function pickUint16(values: Uint16Array, rows: Uint32Array): Uint16Array {
  const out = new Uint16Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}
function pickUint32(values: Uint32Array, rows: Uint32Array): Uint32Array {
  const out = new Uint32Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

/** Every column of a record of columns restricted to `rows`. */
export function pickColumns<T extends Record<string, Column>>(columns: T, rows: Uint32Array | null): T {
  if (rows === null) return columns;
  return Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, pickRows(values, rows)])) as T;
}

/**
 * The data set restricted to `rows` (row numbers, ascending), every column alike: the one way rows leave a data set,
 * whether they repeat a key (read-dataset) or fall outside a window (report/window).
 */
export function datasetRows(dataset: Dataset, rows: Uint32Array): Dataset {
  // Each column is picked when first read: a report sliced into groups and weeks reads a few columns of each slice,
  // and gathering every column of a million rows per slice cost more than the metrics themselves (issue #13).
  const picked = {
    ...dataset,
    rows: rows.length,
    numbers: lazily(dataset.numbers, (values) => pickRows(values, rows)),
    elapsed: lazily(dataset.elapsed, (e) => lazily({ seconds: e.seconds, source: e.source } as Record<string, Float64Array | Uint8Array>, (c) => pickRows(c, rows)) as unknown as ElapsedColumn),
    texts: lazily(dataset.texts, (t) => ({ codes: pickRows(t.codes, rows), values: t.values })),
    ...(dataset.keys === undefined ? {} : { keys: pickKeys(dataset.keys, rows) }),
  };
  return lazily({ ...picked, lineOfRow: dataset.lineOfRow, inputOfRow: dataset.inputOfRow }, (v) => v, { lineOfRow: (c) => pickRows(c as Uint32Array, rows), inputOfRow: (c) => pickRows(c as Uint32Array, rows) }) as unknown as Dataset;
}

/**
 * A copy of `record` whose values are computed from the original ones when first read (then kept): `pick` for every
 * key, or `only[key]` for the keys named there (the others copied as they are).
 */
function lazily<T, U>(record: Readonly<Record<string, T>>, pick: (value: T) => U, only?: Record<string, (value: T) => U>): Record<string, U> {
  const out: Record<string, U> = {};
  // Keys only: reading the values here would compute every value of a record that is itself lazy.
  for (const key of Object.keys(record)) {
    const compute = only === undefined ? pick : only[key];
    if (compute === undefined) {
      out[key] = record[key] as unknown as U;
      continue;
    }
    let cached: U | undefined;
    Object.defineProperty(out, key, { enumerable: true, configurable: true, get: () => (cached ??= compute(record[key]!)) });
  }
  return out;
}

function pickKeys(keys: RowKeys, rows: Uint32Array): RowKeys {
  const text = new Map<number, string>();
  if (keys.text.size > 0) {
    for (let k = 0; k < rows.length; k++) {
      const t = keys.text.get(rows[k]!);
      if (t !== undefined) text.set(k, t);
    }
  }
  return { numeric: pickRows(keys.numeric, rows), text };
}
