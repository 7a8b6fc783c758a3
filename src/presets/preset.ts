import type { KindName } from '../datasets/kind.js';
import type { DurationUnit } from '../read/duration.js';

/**
 * A known export's layout: plain data, matched case-insensitively against a file's header row (SPEC §2).
 * Order matters in `columns`: when two spellings map to one field, the first present wins.
 */
export interface Preset {
  name: string;
  kind: KindName;
  /** What export this is, for `--preset` help and the README. */
  description: string;
  columns: readonly (readonly [header: string, field: string])[];
  /** Duration columns whose header does not name its unit. */
  units?: Readonly<Record<string, DurationUnit>>;
  /** Duration columns where 0 means "no value" rather than zero time. */
  zeroMeansNone?: readonly string[];
  /** Columns the generic aliases must not take: their unit or meaning differs in this export. */
  ignoreColumns?: readonly string[];
  /** Rows that are not tickets: skipped and counted, never rejected. */
  skipRows?: readonly { header: string; values: readonly string[]; reason: string }[];
}
