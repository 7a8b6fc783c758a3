import iconv from 'iconv-lite';
import { ValueSource } from '../metrics/ticket-times.js';
import { fieldText, type CsvRecord } from '../read/csv-tokenizer.js';
import { streamCsvRange, type CsvRange, type CsvRangeEnd } from '../read/csv.js';
import { fieldDecoder, isAsciiCompatible, type FieldDecoder } from '../read/encoding.js';
import { TIMESTAMP_FORMAT_LABELS } from '../read/timestamp.js';
import { Zone } from '../read/zone.js';
import { durationColumnParser, isEmptyField, timestampColumnParser, type ColumnParser } from './column-parsers.js';
import { Float64Column, Uint32Column, Uint8Column } from './columns.js';
import type { RejectionReason } from './rejections.js';
import { numericId } from './ticket-ids.js';
import type { TicketFilePlan } from './ticket-plan.js';
import { FIELD_OF_KEY, TicketRecord } from './tickets.js';

/** A row rejected while reading a part; the file and column are added when parts are merged. */
export interface PartRejection {
  line: number;
  field: string;
  value: string;
  reason: RejectionReason;
  message: string;
}

/**
 * The rows of one byte range of a ticket file: validated, in typed columns, ids kept for the repeat check that
 * runs after all parts are merged. Plain data and typed arrays, so a worker can post it back.
 */
export interface TicketPart {
  rows: number;
  skipped: number;
  rejections: PartRejection[];
  createdAt: Float64Array;
  firstResponseSeconds: Float64Array;
  firstResponseSource: Uint8Array;
  resolutionSeconds: Float64Array;
  resolutionSource: Uint8Array;
  /** Per kept row the numeric id, or NaN when the id is text (then it is the next entry of `textIds`). */
  numericIds: Float64Array;
  textIds: string[];
  lineOfRow: Uint32Array;
  end: CsvRangeEnd;
}

/**
 * Rows like `Total: 1,234` or `Итого` after the data (Google Ads, hand-kept sheets): skipped, not rejected.
 * `\b` does not work after Cyrillic letters, hence the look-ahead.
 */
const SUMMARY_ROW = /^\s*(total|totals|grand total|итого|всего)(?![\p{L}\p{N}])/iu;

/**
 * The hot path: one streaming pass over a byte range that parses only the kept columns with parsers built once,
 * validates each row's canonical record with zod and appends it to typed columns.
 */
export async function readTicketPart(plan: TicketFilePlan, range: CsvRange): Promise<TicketPart> {
  const zone = new Zone(plan.zone);
  const decode = fieldDecoder(isAsciiCompatible(plan.encoding) ? plan.encoding : 'utf-8');
  const created = timestampColumnParser(plan.createdAt, zone);
  const responded = plan.firstResponseAt === null ? null : timestampColumnParser(plan.firstResponseAt, zone);
  const resolved = plan.resolvedAt === null ? null : timestampColumnParser(plan.resolvedAt, zone);
  const responseDuration = plan.firstResponseSeconds === null ? null : durationColumnParser(plan.firstResponseSeconds, decode);
  const resolutionDuration = plan.resolutionSeconds === null ? null : durationColumnParser(plan.resolutionSeconds, decode);
  const skipRules = plan.skipRules.map((rule) => ({ index: rule.index, encodedValues: encodedSpellings(rule.values, plan.encoding) }));
  const idIndex = plan.idIndex;

  const createdAt = new Float64Column();
  const firstResponseSeconds = new Float64Column();
  const firstResponseSource = new Uint8Column();
  const resolutionSeconds = new Float64Column();
  const resolutionSource = new Uint8Column();
  const numericIds = new Float64Column();
  const textIds: string[] = [];
  const lineOfRow = new Uint32Column();
  const rejections: PartRejection[] = [];
  let rows = 0;
  let skipped = 0;

  const end = await streamCsvRange(plan, range, (record) => {
    rows++;
    for (const rule of skipRules) {
      if (rule.index < record.fieldCount && matchesAny(record.bytes, record.starts[rule.index]!, record.ends[rule.index]!, rule.encodedValues)) {
        skipped++;
        return;
      }
    }
    const numeric = idIndex < record.fieldCount ? numericId(record.bytes, record.starts[idIndex]!, record.ends[idIndex]!) : Number.NaN;
    // A filled export duration wins, so the fall-back timestamp is read only when the duration cell is empty.
    const firstResponseDuration = responseDuration?.read(record) ?? null;
    const resolutionDurationValue = resolutionDuration?.read(record) ?? null;
    const candidate = {
      id: Number.isNaN(numeric) ? readId(record, idIndex, decode) : numeric,
      createdAt: created.read(record),
      firstResponseAt: firstResponseDuration === null ? (responded?.read(record) ?? null) : null,
      resolvedAt: resolutionDurationValue === null ? (resolved?.read(record) ?? null) : null,
      firstResponseSeconds: firstResponseDuration,
      resolutionSeconds: resolutionDurationValue,
    };
    const parsed = TicketRecord.safeParse(candidate);
    if (!parsed.success) {
      if (isSummaryRow(record, decode, idIndex) || isBlankRecord(record)) {
        skipped++;
        return;
      }
      const issue = parsed.error.issues[0]!;
      const key = issue.path[0] as keyof TicketRecord;
      const field = FIELD_OF_KEY[key];
      const index = plan.columnOfField[field];
      const { reason, message } = describeIssue(key, candidate[key], issue.message, plan);
      rejections.push({ line: record.line, field, value: index === undefined ? '' : fieldText(record, index, decode), reason, message });
      return;
    }
    const ticket = parsed.data;
    if (typeof ticket.id === 'number') {
      numericIds.push(ticket.id);
    } else {
      numericIds.push(Number.NaN);
      textIds.push(ticket.id);
    }
    lineOfRow.push(record.line);
    createdAt.push(ticket.createdAt);
    pushDuration(ticket.firstResponseSeconds, ticket.createdAt, ticket.firstResponseAt, firstResponseSeconds, firstResponseSource);
    pushDuration(ticket.resolutionSeconds, ticket.createdAt, ticket.resolvedAt, resolutionSeconds, resolutionSource);
  });

  return {
    rows,
    skipped,
    rejections,
    createdAt: createdAt.values(),
    firstResponseSeconds: firstResponseSeconds.values(),
    firstResponseSource: firstResponseSource.values(),
    resolutionSeconds: resolutionSeconds.values(),
    resolutionSource: resolutionSource.values(),
    numericIds: numericIds.values(),
    textIds,
    lineOfRow: lineOfRow.values(),
    end,
  };
}

/** The export's own duration wins when filled; else the timestamps' difference; else none (SPEC §3). */
function pushDuration(exported: number | null, createdAt: number, endAt: number | null, seconds: Float64Column, source: Uint8Column): void {
  if (exported !== null) {
    seconds.push(exported);
    source.push(ValueSource.exportColumn);
  } else if (endAt !== null) {
    seconds.push((endAt - createdAt) / 1000);
    source.push(ValueSource.timestamps);
  } else {
    seconds.push(Number.NaN);
    source.push(ValueSource.none);
  }
}

/** A skip value (`да`) in the spellings a file may hold (`да`, `Да`, `ДА`), encoded as the file is: compared as bytes. */
function encodedSpellings(values: readonly string[], encoding: string): Buffer[] {
  const spellings = values.flatMap((v) => [v.toLowerCase(), v.toUpperCase(), v.charAt(0).toUpperCase() + v.slice(1).toLowerCase()]);
  const target = isAsciiCompatible(encoding) ? encoding : 'utf-8'; // UTF-16 input reaches the tokenizer as UTF-8
  return [...new Set(spellings)].map((s) => iconv.encode(s, target));
}

/** Whether bytes [start, end), spaces trimmed, equal one of the candidates. */
function matchesAny(bytes: Buffer, start: number, end: number, candidates: readonly Buffer[]): boolean {
  while (start < end && bytes[start] === 0x20) start++;
  while (end > start && bytes[end - 1] === 0x20) end--;
  for (const candidate of candidates) {
    if (candidate.length === end - start && bytes.compare(candidate, 0, candidate.length, start, end) === 0) return true;
  }
  return false;
}

function readId(record: CsvRecord, index: number, decode: FieldDecoder): string | null {
  if (index >= record.fieldCount || isEmptyField(record.bytes, record.starts[index]!, record.ends[index]!)) return null;
  return fieldText(record, index, decode).trim();
}

/**
 * A summary row: its first non-empty cell says Total/Итого/Всего and holds no ticket id of its own (the id cell is
 * empty or is that very cell) — so a real ticket from requester "Total Wine & More" is still rejected, not hidden.
 */
function isSummaryRow(record: CsvRecord, decode: FieldDecoder, idIndex: number): boolean {
  let first = 0;
  while (first < record.fieldCount && isEmptyField(record.bytes, record.starts[first]!, record.ends[first]!)) first++;
  if (first >= record.fieldCount || !SUMMARY_ROW.test(fieldText(record, first, decode))) return false;
  return first === idIndex || idIndex >= record.fieldCount || isEmptyField(record.bytes, record.starts[idIndex]!, record.ends[idIndex]!);
}

/** A record whose every cell is empty (`;;;;` lines Excel leaves at the end of a sheet). */
function isBlankRecord(record: CsvRecord): boolean {
  for (let i = 0; i < record.fieldCount; i++) if (!isEmptyField(record.bytes, record.starts[i]!, record.ends[i]!)) return false;
  return true;
}

/** Turns a zod issue on one key into the reason code and the sentence users read. */
function describeIssue(key: keyof TicketRecord, value: unknown, zodMessage: string, plan: TicketFilePlan): { reason: RejectionReason; message: string } {
  if (value === null || value === undefined) return { reason: 'missing value', message: 'is missing' };
  if (zodMessage === 'response before creation' || zodMessage === 'resolution before creation') {
    return { reason: zodMessage, message: `is before created_at (${zodMessage}); fix the row or check --tz` };
  }
  if (typeof value === 'number' && Number.isNaN(value)) {
    const timestampPlan = key === 'createdAt' ? plan.createdAt : key === 'firstResponseAt' ? plan.firstResponseAt : key === 'resolvedAt' ? plan.resolvedAt : null;
    if (timestampPlan !== null) {
      return { reason: 'unparseable timestamp', message: `is not a timestamp (expected ${TIMESTAMP_FORMAT_LABELS[timestampPlan.format]}); fix the row or pass --date-format` };
    }
    const durationPlan = key === 'firstResponseSeconds' ? plan.firstResponseSeconds : plan.resolutionSeconds;
    return { reason: 'unparseable number', message: `is not a number of ${durationPlan?.unit ?? 'minutes'}; fix the row or pass --decimal` };
  }
  if (typeof value === 'number' && value < 0) return { reason: 'negative duration', message: 'is a negative duration' };
  return { reason: 'missing value', message: zodMessage };
}

/** The typed arrays of a part, to transfer (not copy) from a worker. */
export function transferablesOf(part: TicketPart): ArrayBuffer[] {
  return [part.createdAt, part.firstResponseSeconds, part.firstResponseSource, part.resolutionSeconds, part.resolutionSource, part.numericIds, part.lineOfRow].map((a) => a.buffer as ArrayBuffer);
}
