import type { Preset } from './preset.js';

/** LiveAgent's ticket status codes, as its CSV export and REST API write them (faq.liveagent.com/416908). */
const STATUS_CODES = ['I', 'N', 'T', 'P', 'R', 'X', 'B', 'A', 'C', 'W', 'L'];

/**
 * LiveAgent ticket CSV export (SPEC §2). Confirmed from the vendor's FAQ "Ticket Status Codes in LiveAgent CSV
 * Exports": the `Status` column holds one-letter codes — I init, N new, T chatting, P calling, R resolved, X deleted,
 * B spam, A answered, C open, W postponed, L closed. Deleted (X) and spam (B) tickets are skipped and counted, never
 * tickets of the report. The other column names are not published: the generic aliases read them (`Date created`,
 * `Agent`, `Channel` …), and since plain names are no evidence, the file is recognised by its status codes.
 */
export const liveagent: Preset = {
  name: 'liveagent',
  kind: 'tickets',
  description: 'LiveAgent ticket CSV export (one-letter status codes)',
  columns: [['Status', 'status']],
  evidence: [],
  valueEvidence: { field: 'status', values: STATUS_CODES, min: 3 },
  skipRows: [
    { header: 'Status', values: ['X'], reason: 'deleted' },
    { header: 'Status', values: ['B'], reason: 'spam' },
  ],
};
