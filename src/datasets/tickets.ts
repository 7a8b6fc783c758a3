import iconv from 'iconv-lite';
import { z } from 'zod';
import { ValueSource, type TicketTimes } from '../metrics/ticket-times.js';
import { PRESETS, type Preset } from '../presets/index.js';
import { fieldText, type CsvRecord } from '../read/csv-tokenizer.js';
import { readCsvLayout, streamCsvRecords, type CsvLayout } from '../read/csv.js';
import { isAsciiCompatible } from '../read/encoding.js';
import type { DecimalSeparator } from '../read/number.js';
import { TIMESTAMP_FORMAT_LABELS, type TimestampFormat } from '../read/timestamp.js';
import type { Zone } from '../read/zone.js';
import { durationColumnParser, isEmptyField, timestampColumnParser, type ColumnParser } from './column-parsers.js';
import { Float64Column, Uint32Column, Uint8Column, withoutDropped } from './columns.js';
import { knownHeaderCount, resolveMapping, type FieldSpec, type MappedColumn } from './mapping.js';
import { Rejections, sortRejections, type RejectionReason } from './rejections.js';
import { numericId, TicketIdIndex } from './ticket-ids.js';

/** Canonical ticket fields and their generic header spellings, English and Russian, normalised (SPEC §2). */
export const TICKET_FIELDS: readonly FieldSpec[] = [
  { field: 'id', required: true, aliases: ['id', 'ticketid', 'ticket', 'ticketnumber', 'ticketno', 'number', 'no', '№', '#', 'key', 'issuekey', 'caseid', 'casenumber', 'conversationid', 'номер', 'номертикета', 'номерзаявки', 'номеробращения', 'idтикета', 'idзаявки', 'idобращения'] },
  { field: 'created_at', required: true, aliases: ['createdat', 'created', 'createdtime', 'createddate', 'createdon', 'creationdate', 'creationtime', 'datecreated', 'openedat', 'opened', 'openedon', 'conversationstartedat', 'датасоздания', 'создан', 'создано', 'датаоткрытия', 'датаобращения', 'времясоздания'] },
  { field: 'first_response_at', required: false, aliases: ['firstresponseat', 'firstrespondedat', 'firstreplyat', 'firstrepliedat', 'firstresponsedate', 'firstreplydate', 'conversationfirstrepliedat', 'датапервогоответа', 'первыйответ'] },
  { field: 'first_response_minutes', required: false, duration: true, aliases: ['firstresponseminutes', 'firstresponsetime', 'firstresponsetimeminutes', 'firstresponsetimeinminutes', 'firstreplytimeinminutes', 'firstreplytime', 'firstreplyminutes', 'firstresponseseconds', 'firstresponsetimeseconds', 'firstresponsetimeinseconds', 'firstresponsehours', 'frt', 'frtminutes', 'frtseconds'] },
  { field: 'resolved_at', required: false, aliases: ['resolvedat', 'resolved', 'resolvedtime', 'resolveddate', 'resolvedon', 'solvedat', 'solved', 'closedat', 'closed', 'closedtime', 'closeddate', 'closedon', 'resolutiondate', 'conversationlastclosedat', 'датарешения', 'датазакрытия', 'решен', 'закрыт'] },
  { field: 'resolution_minutes', required: false, duration: true, aliases: ['resolutionminutes', 'resolutiontime', 'resolutiontimeminutes', 'resolutiontimeinminutes', 'fullresolutiontimeinminutes', 'fullresolutiontime', 'resolutionseconds', 'resolutionhours', 'timetoresolve', 'timetoresolution', 'timetoclose', 'art'] },
  { field: 'first_response_business_minutes', required: false, duration: true, aliases: ['firstresponsebusinessminutes', 'firstreplytimeinminuteswithinbusinesshours', 'firstresponsetimewithinbusinesshours'] },
  { field: 'resolution_business_minutes', required: false, duration: true, aliases: ['resolutionbusinessminutes', 'fullresolutiontimeinminuteswithinbusinesshours', 'resolutiontimewithinbusinesshours'] },
  { field: 'first_resolution_minutes', required: false, duration: true, aliases: ['firstresolutionminutes', 'firstresolutiontimeinminutes', 'firstresolutiontime'] },
  { field: 'status', required: false, aliases: ['status', 'state', 'статус', 'состояние'] },
  { field: 'channel', required: false, aliases: ['channel', 'via', 'medium', 'канал'] },
  { field: 'agent', required: false, aliases: ['agent', 'assignee', 'owner', 'operator', 'responsible', 'assignedto', 'ответственный', 'оператор', 'исполнитель', 'сотрудник'] },
  { field: 'team', required: false, aliases: ['team', 'group', 'queue', 'команда', 'группа', 'отдел'] },
  { field: 'priority', required: false, aliases: ['priority', 'приоритет'] },
  { field: 'customer_id', required: false, aliases: ['customerid', 'customer', 'requesterid', 'requester', 'contactid', 'contact', 'clientid', 'client', 'userid', 'клиент', 'idклиента', 'заказчик', 'контакт'] },
  { field: 'category', required: false, aliases: ['category', 'type', 'tickettype', 'topic', 'категория', 'тип'] },
  { field: 'csat', required: false, aliases: ['csat', 'satisfaction', 'satisfactionscore', 'rating', 'оценка', 'оценкаклиента'] },
  { field: 'reopens', required: false, aliases: ['reopens', 'reopencount', 'переоткрытия'] },
  { field: 'replies', required: false, aliases: ['replies', 'replycount', 'ответы'] },
];

/**
 * One ticket row in canonical form, as zod checks it. Instants are epoch ms, durations seconds; null = empty cell,
 * NaN = a value the column parser could not read. The schema is the type (STYLE: zod).
 */
export const TicketRecord = z
  .object({
    id: z.union([z.number(), z.string().min(1)]),
    createdAt: z.number(),
    firstResponseAt: z.number().nullable(),
    resolvedAt: z.number().nullable(),
    firstResponseSeconds: z.number().min(0).nullable(),
    resolutionSeconds: z.number().min(0).nullable(),
  })
  .superRefine((t, ctx) => {
    if (t.firstResponseAt !== null && t.firstResponseAt < t.createdAt) ctx.addIssue({ code: 'custom', path: ['firstResponseAt'], message: 'response before creation' });
    if (t.resolvedAt !== null && t.resolvedAt < t.createdAt) ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'resolution before creation' });
  });
export type TicketRecord = z.infer<typeof TicketRecord>;

/** Record keys → canonical field names (for messages and column lookup). */
const FIELD_OF_KEY: Record<keyof TicketRecord, string> = {
  id: 'id',
  createdAt: 'created_at',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  firstResponseSeconds: 'first_response_minutes',
  resolutionSeconds: 'resolution_minutes',
};

export interface TicketReadOptions {
  encoding?: string | undefined;
  delimiter?: string | undefined;
  preset?: Preset | undefined;
  map?: Readonly<Record<string, string>> | undefined;
  /** Zone of timestamps written without an offset (`--tz`). */
  zone: Zone;
  /** Forces every timestamp column's format (`--date-format`). */
  dateFormat?: TimestampFormat | undefined;
  /** Forces the decimal separator of number columns (`--decimal`). */
  decimal?: DecimalSeparator | undefined;
}

/** Per input file: where every data record went (SPEC §8: rows = accepted + rejected + skipped + merged). */
export interface InputSummary {
  file: string;
  kind: 'tickets';
  preset: string | null;
  encoding: string;
  delimiter: string;
  rows: number;
  accepted: number;
  rejected: number;
  skipped: number;
  merged: number;
}

export interface TicketDataset {
  times: TicketTimes;
  inputs: InputSummary[];
  rejections: Rejections;
  /** Things the user should know (a guessed date order, a substring --map match): printed on stderr. */
  notes: string[];
}

/** Rows like `Total: 1,234` or `Итого` after the data (Google Ads, hand-kept sheets): skipped, not rejected. */
const SUMMARY_ROW = /^\s*(total|totals|grand total|итого|всего)\b/i;

/**
 * Reads one or more ticket files into one data set: a streaming pass per file that parses the kept columns with
 * parsers chosen once, validates each row with zod, and appends to typed columns; repeated ids are rejected after
 * the pass (first kept) and their rows dropped from the columns.
 */
export async function readTickets(files: readonly string[], options: TicketReadOptions): Promise<TicketDataset> {
  const createdAt = new Float64Column();
  const firstResponseSeconds = new Float64Column();
  const firstResponseSource = new Uint8Column();
  const resolutionSeconds = new Float64Column();
  const resolutionSource = new Uint8Column();
  const lineOfRow = new Uint32Column();
  const ids = new TicketIdIndex();
  const rejections = new Rejections();
  const notes: string[] = [];
  const inputs: InputSummary[] = [];
  /** First accepted row of each input, and the id column there, to place duplicate rejections. */
  const firstRowOfInput: number[] = [];
  const idColumnOfInput: number[] = [];
  let rowCount = 0;

  for (const [inputIndex, file] of files.entries()) {
    const layout = await readCsvLayout(file, {
      encoding: options.encoding,
      delimiter: options.delimiter,
      scoreHeader: (cells) => knownHeaderCount(cells, TICKET_FIELDS, PRESETS),
    });
    const mapping = resolveMapping(file, layout.headers, TICKET_FIELDS, PRESETS, { preset: options.preset, map: options.map });
    notes.push(...mapping.notes.map((n) => `${file}: ${n}`));
    const column = (field: string): MappedColumn | undefined => mapping.columns.get(field);
    const idIndex = column('id')!.index;
    const timestampOf = async (field: string) => {
      const c = column(field);
      return c === undefined ? undefined : await timestampColumnParser(layout, c, options, notes);
    };
    const durationOf = (field: string) => {
      const c = column(field);
      return c === undefined ? undefined : durationColumnParser(layout, c, options);
    };
    const created = (await timestampOf('created_at'))!;
    const responded = await timestampOf('first_response_at');
    const resolved = await timestampOf('resolved_at');
    const responseDuration = durationOf('first_response_minutes');
    const resolutionDuration = durationOf('resolution_minutes');
    const columnsByKey: Record<keyof TicketRecord, ColumnParser | undefined> = {
      id: undefined,
      createdAt: created,
      firstResponseAt: responded,
      resolvedAt: resolved,
      firstResponseSeconds: responseDuration,
      resolutionSeconds: resolutionDuration,
    };

    const summary: InputSummary = {
      file,
      kind: 'tickets',
      preset: mapping.preset?.name ?? null,
      encoding: layout.encoding,
      delimiter: layout.delimiter,
      rows: 0,
      accepted: 0,
      rejected: 0,
      skipped: 0,
      merged: 0,
    };
    inputs.push(summary);
    firstRowOfInput.push(rowCount);
    idColumnOfInput.push(idIndex);
    const decode = layout.decode;
    const skipRules = mapping.skipRules.map((rule) => ({ index: rule.index, encodedValues: encodedSpellings(rule.values, layout.encoding) }));

    const reject = (record: CsvRecord, key: keyof TicketRecord, reason: RejectionReason, message: string) => {
      const mapped = column(FIELD_OF_KEY[key]);
      rejections.add({
        file,
        inputIndex,
        line: record.line,
        column: mapped === undefined ? undefined : mapped.index + 1,
        field: FIELD_OF_KEY[key],
        value: mapped === undefined ? undefined : fieldText(record, mapped.index, decode),
        reason,
        message,
      });
      summary.rejected++;
    };

    await streamCsvRecords(layout, (record) => {
      summary.rows++;
      for (const rule of skipRules) {
        if (rule.index < record.fieldCount && matchesAny(record.bytes, record.starts[rule.index]!, record.ends[rule.index]!, rule.encodedValues)) {
          summary.skipped++;
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
        if (isSummaryRow(record, decode)) {
          summary.skipped++;
          return;
        }
        const issue = parsed.error.issues[0]!;
        const key = issue.path[0] as keyof TicketRecord;
        const { reason, message } = describeIssue(key, candidate[key], issue.message, columnsByKey[key], column(FIELD_OF_KEY[key]));
        reject(record, key, reason, message);
        return;
      }
      const ticket = parsed.data;
      if (typeof ticket.id === 'number') {
        ids.addNumeric(ticket.id);
      } else {
        const firstRow = ids.addText(ticket.id, rowCount);
        if (firstRow >= 0) {
          reject(record, 'id', 'duplicate ticket id', `repeats the ticket id of ${placeOfRow(firstRow)} (the first is kept)`);
          return;
        }
      }
      rowCount++;
      summary.accepted++;
      lineOfRow.push(record.line);
      createdAt.push(ticket.createdAt);
      pushDuration(ticket.firstResponseSeconds, ticket.createdAt, ticket.firstResponseAt, firstResponseSeconds, firstResponseSource);
      pushDuration(ticket.resolutionSeconds, ticket.createdAt, ticket.resolvedAt, resolutionSeconds, resolutionSource);
    });
  }

  /** Which input a kept row came from. */
  function inputOfRow(row: number): number {
    let input = 0;
    while (input + 1 < firstRowOfInput.length && firstRowOfInput[input + 1]! <= row) input++;
    return input;
  }
  function placeOfRow(row: number): string {
    const line = lineOfRow.values()[row]!;
    return files.length > 1 ? `${files[inputOfRow(row)]}:${line}` : `line ${line}`;
  }

  const times: TicketTimes = {
    createdAt: createdAt.values(),
    firstResponseSeconds: firstResponseSeconds.values(),
    firstResponseSource: firstResponseSource.values(),
    resolutionSeconds: resolutionSeconds.values(),
    resolutionSource: resolutionSource.values(),
  };
  const duplicates = ids.numericDuplicates();
  if (duplicates.length > 0) {
    const drop = new Uint8Array(rowCount);
    for (const [row, firstRow] of duplicates) {
      drop[row] = 1;
      const input = inputOfRow(row);
      rejections.add({
        file: files[input]!,
        inputIndex: input,
        line: lineOfRow.values()[row]!,
        column: idColumnOfInput[input]! + 1,
        field: 'id',
        value: String(ids.numericIdOf(row)),
        reason: 'duplicate ticket id',
        message: `repeats the ticket id of ${placeOfRow(firstRow)} (the first is kept)`,
      });
      inputs[input]!.accepted--;
      inputs[input]!.rejected++;
    }
    const kept = rowCount - duplicates.length;
    times.createdAt = withoutDropped(times.createdAt, drop, kept);
    times.firstResponseSeconds = withoutDropped(times.firstResponseSeconds, drop, kept);
    times.firstResponseSource = withoutDropped(times.firstResponseSource, drop, kept);
    times.resolutionSeconds = withoutDropped(times.resolutionSeconds, drop, kept);
    times.resolutionSource = withoutDropped(times.resolutionSource, drop, kept);
    sortRejections(rejections);
  }

  return { times, inputs, rejections, notes };
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

function readId(record: CsvRecord, index: number, decode: CsvLayout['decode']): string | null {
  if (index >= record.fieldCount || isEmptyField(record.bytes, record.starts[index]!, record.ends[index]!)) return null;
  return fieldText(record, index, decode).trim();
}

function isSummaryRow(record: CsvRecord, decode: CsvLayout['decode']): boolean {
  for (let i = 0; i < Math.min(record.fieldCount, 3); i++) {
    if (SUMMARY_ROW.test(fieldText(record, i, decode))) return true;
  }
  return false;
}

/** Turns a zod issue on one key into the reason code and the sentence users read. */
function describeIssue(key: keyof TicketRecord, value: unknown, zodMessage: string, parser: ColumnParser | undefined, mapped: MappedColumn | undefined): { reason: RejectionReason; message: string } {
  if (value === null || value === undefined) return { reason: 'missing value', message: 'is missing' };
  if (zodMessage === 'response before creation' || zodMessage === 'resolution before creation') {
    return { reason: zodMessage, message: `is before created_at (${zodMessage}); fix the row or check --tz` };
  }
  if (typeof value === 'number' && Number.isNaN(value)) {
    if (parser?.format) {
      return {
        reason: 'unparseable timestamp',
        message: `is not a timestamp (expected ${TIMESTAMP_FORMAT_LABELS[parser.format]}); fix the row or pass --date-format`,
      };
    }
    return { reason: 'unparseable number', message: `is not a number of ${mapped?.unit ?? 'minutes'}; fix the row or pass --decimal` };
  }
  if (typeof value === 'number' && value < 0) return { reason: 'negative duration', message: 'is a negative duration' };
  return { reason: 'missing value', message: zodMessage };
}

