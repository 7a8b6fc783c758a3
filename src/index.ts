/** The library: pure metric functions with their types, and the pipeline's entry points (SPEC §9). */
export { frt, type FrtResult } from './metrics/frt.js';
export { art, type ArtResult } from './metrics/art.js';
export { ticketVolume, type TicketVolumeResult } from './metrics/ticket-volume.js';
export { ticketsInWindow, ValueSource, type TicketTimes } from './metrics/ticket-times.js';
export { quantileSorted } from './metrics/stats/quantile.js';
export { summarizeDurations, type DurationSummary } from './metrics/stats/summary.js';
export { passes, type Comparator, type Threshold } from './metrics/threshold.js';
export { METRIC_CATALOG, type MetricDefinition } from './metrics/catalog.js';
export { TicketRecord, type TicketDataset, type TicketReadOptions, type InputSummary } from './datasets/tickets.js';
export { readTickets } from './datasets/read-tickets.js';
export { buildReport, type ReportOptions } from './report/build.js';
export { REPORT_SCHEMA, type Report, type MetricReport } from './report/model.js';
export { renderJson } from './render/json.js';
export { renderTable } from './render/table.js';
export { parseTarget } from './targets/parse-target.js';
export { PROFILES, type Target } from './targets/profiles.js';
export { Zone } from './read/zone.js';
export { InputError, UsageError } from './errors.js';
