import type { CsvRecord } from '../read/csv-tokenizer.js';
import { streamCsvRecords, type CsvLayout } from '../read/csv.js';
import { durationParser, type DurationUnit } from '../read/duration.js';
import type { FieldDecoder } from '../read/encoding.js';
import { detectDecimalSeparator, numberParser, type DecimalSeparator } from '../read/number.js';
import { detectTimestampFormat, slashOrderOf, timestampParser, UNSET, type TimestampFormat } from '../read/timestamp.js';
import type { Zone } from '../read/zone.js';
import type { MappedColumn } from './mapping.js';

/**
 * Reads one column of a record to a number, with the parser chosen once for the column before the loop:
 * null for an empty cell, NaN for a value that cannot be read (zod then rejects the row with the reason).
 */
export interface ColumnParser {
  read(record: CsvRecord): number | null;
}

/** What a timestamp column's parser needs: plain data, so a worker thread can build the same parser. */
export interface TimestampColumnPlan {
  index: number;
  header: string;
  format: TimestampFormat;
}

/** What a duration column's parser needs. */
export interface DurationColumnPlan {
  index: number;
  header: string;
  unit: DurationUnit;
  decimal: DecimalSeparator;
  zeroMeansNone: boolean;
}

/** Empty cells: nothing, spaces (Zendesk Explore writes `" "`), `-` and `--` (Zendesk custom fields, Google Ads). */
export function isEmptyField(bytes: Uint8Array, start: number, end: number): boolean {
  while (start < end && bytes[start] === 0x20) start++;
  while (end > start && bytes[end - 1] === 0x20) end--;
  const n = end - start;
  return n === 0 || (bytes[start] === 0x2d && (n === 1 || (n === 2 && bytes[start + 1] === 0x2d)));
}

interface DetectOptions {
  zone: Zone;
  dateFormat?: TimestampFormat | undefined;
  decimal?: DecimalSeparator | undefined;
}

function sampleOf(layout: CsvLayout, column: MappedColumn): string[] {
  return layout.sample.map((cells) => cells[column.index] ?? '');
}

/**
 * A timestamp column's format: `--date-format`, else the format that reads the sample from the head of the file.
 * Slash dates are resolved per column: when the head never shows a part above 12, the whole column is scanned once
 * for one (SPEC §3). `hint` is the format of another column of the file (created_at): it is taken when this column's
 * sample is empty (a resolved date column often is, at the top of an export) or its slash order stays undecided.
 * `guessedMonthFirst` says the order was assumed, for a note to the user.
 */
export async function planTimestampColumn(
  layout: CsvLayout,
  column: MappedColumn,
  options: DetectOptions,
  hint?: TimestampFormat,
): Promise<TimestampColumnPlan & { guessedMonthFirst: boolean }> {
  const plan = { index: column.index, header: column.header, format: options.dateFormat ?? hint ?? 'iso', guessedMonthFirst: false };
  if (options.dateFormat !== undefined) return plan;
  const detected = detectTimestampFormat(sampleOf(layout, column), options.zone);
  if (detected === null) return plan;
  plan.format = detected.format;
  if (detected.ambiguousSlash) {
    const settled = await scanSlashOrder(layout, column);
    if (settled !== null) plan.format = settled;
    else if (hint === 'dmy-slash' || hint === 'mdy-slash') plan.format = hint;
    else plan.guessedMonthFirst = true;
  }
  return plan;
}

/** Looks through a whole column for a slash date that settles day-first or month-first. */
async function scanSlashOrder(layout: CsvLayout, column: MappedColumn): Promise<TimestampFormat | null> {
  let settled: TimestampFormat | null = null;
  await streamCsvRecords(layout, (record) => {
    if (settled !== null || column.index >= record.fieldCount) return;
    settled = slashOrderOf(record.bytes.toString('latin1', record.starts[column.index], record.ends[column.index]));
  });
  return settled;
}

/** A duration column's unit (from the header or preset) and decimal separator (`--decimal` or the sample). */
export function planDurationColumn(layout: CsvLayout, column: MappedColumn, options: DetectOptions): DurationColumnPlan {
  return {
    index: column.index,
    header: column.header,
    unit: column.unit ?? 'minutes',
    decimal: options.decimal ?? detectDecimalSeparator(sampleOf(layout, column)),
    zeroMeansNone: column.zeroMeansNone === true,
  };
}

export function timestampColumnParser(plan: TimestampColumnPlan, zone: Zone): ColumnParser {
  const parse = timestampParser(plan.format, zone);
  return cellParser(plan.index, (bytes, start, end) => {
    const value = parse(bytes, start, end);
    return value === UNSET ? null : value;
  });
}

/** A preset may say 0 means "none" (Bitrix24's wait time of an unanswered chat). */
export function durationColumnParser(plan: DurationColumnPlan, decode: FieldDecoder): ColumnParser {
  const parse = durationParser(plan.unit, numberParser(plan.decimal, decode));
  const zeroMeansNone = plan.zeroMeansNone;
  return cellParser(plan.index, (bytes, start, end) => {
    const value = parse(bytes, start, end);
    return zeroMeansNone && value === 0 ? null : value;
  });
}

/** Reads cell `index` with `parse`; a missing or empty cell is null without calling it. */
function cellParser(index: number, parse: (bytes: Buffer, start: number, end: number) => number | null): ColumnParser {
  return {
    read(record) {
      if (index >= record.fieldCount) return null;
      const start = record.starts[index]!;
      const end = record.ends[index]!;
      return isEmptyField(record.bytes, start, end) ? null : parse(record.bytes, start, end);
    },
  };
}
