import type { InputSummary } from './dataset.js';
import type { ReadOptions } from './plan.js';
import { readDatasets } from './read-dataset.js';
import type { Rejections } from './rejections.js';
import { ticketColumns, type TicketColumns } from './ticket-columns.js';
import { TICKET_TIME_FIELDS } from './tickets.js';

export interface TicketDataset {
  times: TicketColumns;
  inputs: InputSummary[];
  rejections: Rejections;
  notes: string[];
}

/** Library convenience: reads files known to be ticket exports into their time columns (SPEC §9). */
export async function readTickets(files: readonly string[], options: Omit<ReadOptions, 'fields'> & { fields?: ReadOptions['fields'] }): Promise<TicketDataset> {
  const result = await readDatasets(
    files.map((name) => ({ name, kind: 'tickets' as const })),
    { ...options, fields: options.fields ?? TICKET_TIME_FIELDS },
  );
  return { times: ticketColumns(result.datasets[0]!), inputs: result.inputs, rejections: result.rejections, notes: result.notes };
}
