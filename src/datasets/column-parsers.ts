import type { CsvRecord } from '../read/csv-tokenizer.js';
import { streamCsvRecords, type CsvLayout } from '../read/csv.js';
import { durationParser } from '../read/duration.js';
import { detectDecimalSeparator, numberParser, type DecimalSeparator } from '../read/number.js';
import { detectTimestampFormat, slashOrderOf, timestampParser, UNSET, type TimestampFormat } from '../read/timestamp.js';
import type { Zone } from '../read/zone.js';
import type { MappedColumn } from './mapping.js';

/**
 * Reads one column of a record to a number, with the parser chosen once for the column before the loop:
 * null for an empty cell, NaN for a value that cannot be read (zod then rejects the row with the reason).
 */
export interface ColumnParser {
  kind: 'timestamp' | 'duration';
  /** The timestamp format chosen for the column (for messages); null for durations. */
  format: TimestampFormat | null;
  read(record: CsvRecord): number | null;
}

/** Empty cells: nothing, spaces (Zendesk Explore writes `" "`), `-` and `--` (Zendesk custom fields, Google Ads). */
export function isEmptyField(bytes: Uint8Array, start: number, end: number): boolean {
  while (start < end && bytes[start] === 0x20) start++;
  while (end > start && bytes[end - 1] === 0x20) end--;
  const n = end - start;
  return n === 0 || (bytes[start] === 0x2d && (n === 1 || (n === 2 && bytes[start + 1] === 0x2d)));
}

interface ColumnOptions {
  zone: Zone;
  dateFormat?: TimestampFormat | undefined;
  decimal?: DecimalSeparator | undefined;
}

function sampleOf(layout: CsvLayout, column: MappedColumn): string[] {
  return layout.sample.map((cells) => cells[column.index] ?? '');
}

/**
 * The timestamp parser for a column: `--date-format`, else the format that reads the sample from the head of the
 * file. Slash dates are resolved per column: when the head never shows a part above 12, the whole column is scanned
 * once for one; if none, month-first is assumed and a note says so (SPEC §3).
 */
export async function timestampColumnParser(layout: CsvLayout, column: MappedColumn, options: ColumnOptions, notes: string[]): Promise<ColumnParser> {
  let format: TimestampFormat = options.dateFormat ?? 'iso';
  if (options.dateFormat === undefined) {
    const detected = detectTimestampFormat(sampleOf(layout, column), options.zone);
    if (detected !== null) {
      format = detected.format;
      if (detected.ambiguousSlash) {
        const settled = await scanSlashOrder(layout, column);
        if (settled === null) {
          notes.push(`${layout.file}: column ${JSON.stringify(column.header)} has slash dates that never show a day above 12; read as month-first (MM/DD/YYYY); pass --date-format DD/MM/YYYY if they are day-first`);
        } else {
          format = settled;
        }
      }
    }
  }
  const parse = timestampParser(format, options.zone);
  const index = column.index;
  return {
    kind: 'timestamp',
    format,
    read(record) {
      if (index >= record.fieldCount) return null;
      const start = record.starts[index]!;
      const end = record.ends[index]!;
      if (isEmptyField(record.bytes, start, end)) return null;
      const value = parse(record.bytes, start, end);
      return value === UNSET ? null : value;
    },
  };
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

/**
 * The parser for a duration column, in the unit its header (or preset) names, with the decimal separator from
 * `--decimal` or the sample. A preset may say 0 means "none" (Bitrix24's wait time of an unanswered chat).
 */
export function durationColumnParser(layout: CsvLayout, column: MappedColumn, options: ColumnOptions): ColumnParser {
  const decimal = options.decimal ?? detectDecimalSeparator(sampleOf(layout, column));
  const parse = durationParser(column.unit ?? 'minutes', numberParser(decimal, layout.decode));
  const index = column.index;
  const zeroMeansNone = column.zeroMeansNone === true;
  return {
    kind: 'duration',
    format: null,
    read(record) {
      if (index >= record.fieldCount) return null;
      const start = record.starts[index]!;
      const end = record.ends[index]!;
      if (isEmptyField(record.bytes, start, end)) return null;
      const value = parse(record.bytes, start, end);
      return zeroMeansNone && value === 0 ? null : value;
    },
  };
}
