import { PRESETS } from '../presets/index.js';
import { readCsvLayout } from '../read/csv.js';
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
    scoreHeader: (cells) => knownHeaderCount(cells, TICKET_FIELDS, PRESETS),
  });
  const mapping = resolveMapping(file, layout.headers, TICKET_FIELDS, PRESETS, { preset: options.preset, map: options.map });
  notes.push(...mapping.notes.map((n) => `${file}: ${n}`));
  const timestamp = async (field: string) => {
    const column = mapping.columns.get(field);
    return column === undefined ? null : await planTimestampColumn(layout, column, options, notes);
  };
  const duration = (field: string) => {
    const column = mapping.columns.get(field);
    return column === undefined ? null : planDurationColumn(layout, column, options);
  };
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
    createdAt: (await timestamp('created_at'))!,
    firstResponseAt: await timestamp('first_response_at'),
    resolvedAt: await timestamp('resolved_at'),
    firstResponseSeconds: duration('first_response_minutes'),
    resolutionSeconds: duration('resolution_minutes'),
    skipRules: mapping.skipRules.map((rule) => ({ index: rule.index, values: [...rule.values] })),
  };
}
