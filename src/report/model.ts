import type { InputSummary } from '../datasets/tickets.js';
import type { Comparator } from '../metrics/threshold.js';
import type { Status } from '../targets/status.js';

/** The JSON contract's identifier; bumped only on a breaking change (SPEC §8). */
export const REPORT_SCHEMA = 'support-metrics/report@1';

export interface ReportTarget {
  comparator: Comparator;
  value: number;
  /** As written in the source, e.g. `< 15 min`. */
  text: string;
  source: string;
}

export interface MetricReport {
  id: string;
  label: string;
  unit: string;
  value: number | null;
  details: Record<string, unknown>;
  target: ReportTarget | null;
  status: Status;
  /** Fewer than 20 values behind the number: shown as a warning (SPEC §5). */
  lowSample?: true;
}

export interface ReportWindow {
  since: string | null;
  until: string | null;
  timezone: string;
}

/** The one model every format renders (SPEC §8). */
export interface Report {
  schema: typeof REPORT_SCHEMA;
  window: ReportWindow;
  benchmark: string;
  inputs: InputSummary[];
  metrics: Record<string, MetricReport>;
}
