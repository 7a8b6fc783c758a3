import { PRESETS } from '../presets/index.js';
import { readCsvLayout } from '../read/csv.js';
import type { TimestampFormat } from '../read/timestamp.js';
import { planDurationColumn, planTimestampColumn, type DurationColumnPlan, type TimestampColumnPlan } from './column-parsers.js';
import { knownHeaderCount, resolveMapping } from './mapping.js';
import { TICKET_FIELDS, type TicketReadOptions } from './tickets.js';

/**
 * Everything decided about one ticket file before its rows are read — layout, mapping, each kept column's parser
 * settings. Plain data, so a worker thread reading part of the file builds exactly the same parsers.
 */
export interface TicketFilePlan {
  file: string;
  inputIndex: number;
  encoding: string;
  delimiter: string;
  bomLength: number;
  headerLine: number;
  /** Number of header cells: the field count a record boundary is recognised by. */
  width: number;
  preset: string | null;
  zone: string;
  /** 0-based column of each canonical field that is mapped (for messages). */
  columnOfField: Record<string, number>;
  idIndex: number;
  createdAt: TimestampColumnPlan;
  firstResponseAt: TimestampColumnPlan | null;
  resolvedAt: TimestampColumnPlan | null;
  firstResponseSeconds: DurationColumnPlan | null;
  resolutionSeconds: DurationColumnPlan | null;
  skipRules: { index: number; values: string[] }[];
}

/** Reads the head of a file and decides its plan; notes for the user are appended to `notes`. */
export async function planTicketFile(file: string, inputIndex: number, options: TicketReadOptions, notes: string[]): Promise<TicketFilePlan> {
  const layout = await readCsvLayout(file, {
    encoding: options.encoding,
    delimiter: options.delimiter,
    scoreHeader: (cells) => knownHeaderCount(cells, TICKET_FIELDS, PRESETS, Object.values(options.map ?? {})),
  });
  const mapping = resolveMapping(file, layout.headers, TICKET_FIELDS, PRESETS, { preset: options.preset, map: options.map });
  notes.push(...mapping.notes.map((n) => `${file}: ${n}`));
  const timestamp = async (field: string, hint?: TimestampFormat) => {
    const column = mapping.columns.get(field);
    if (column === undefined) return null;
    const { guessedMonthFirst, ...plan } = await planTimestampColumn(layout, column, options, hint);
    if (guessedMonthFirst) {
      notes.push(`${file}: column ${JSON.stringify(column.header)} has slash dates that never show a day above 12; read as month-first (MM/DD/YYYY); pass --date-format DD/MM/YYYY if they are day-first`);
    }
    return plan;
  };
  const duration = (field: string) => {
    const column = mapping.columns.get(field);
    return column === undefined ? null : planDurationColumn(layout, column, options);
  };
  // created_at is planned first: its format is the hint for the other timestamp columns of the file.
  const createdAt = (await timestamp('created_at'))!;
  return {
    file,
    inputIndex,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    bomLength: layout.bomLength,
    headerLine: layout.headerLine,
    width: layout.headers.length,
    preset: mapping.preset?.name ?? null,
    zone: options.zone.name,
    columnOfField: Object.fromEntries([...mapping.columns].map(([field, column]) => [field, column.index])),
    idIndex: mapping.columns.get('id')!.index,
    createdAt,
    firstResponseAt: await timestamp('first_response_at', createdAt.format),
    resolvedAt: await timestamp('resolved_at', createdAt.format),
    firstResponseSeconds: duration('first_response_minutes'),
    resolutionSeconds: duration('resolution_minutes'),
    skipRules: mapping.skipRules.map((rule) => ({ index: rule.index, values: [...rule.values] })),
  };
}
