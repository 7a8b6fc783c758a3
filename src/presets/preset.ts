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
  /**
   * Header spellings distinctive of this vendor — not generic words such as `Status`, `Priority`, `Group` that any
   * export has. A preset is chosen (without --preset) only when the file has at least two of them (issue #9).
   */
  evidence: readonly string[];
  /** Duration columns whose header does not name its unit. */
  units?: Readonly<Record<string, DurationUnit>>;
  /** `1900-01-01 00:00:00` means "never set" in this export's timestamps (Zendesk full exports, SPEC §3). */
  unsetTimestamp1900?: boolean;
  /** Duration columns where 0 means "no value" rather than zero time. */
  zeroMeansNone?: readonly string[];
  /** Columns the generic aliases must not take: their unit or meaning differs in this export. */
  ignoreColumns?: readonly string[];
  /** What a rating column's codes mean, by header (Bitrix24: `5` like, `1` dislike, `0` no rating). */
  answerLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * One record per value of a multi-valued attribute (Zendesk Explore repeats a ticket once per tag): rows with the
   * same key and the same times are one ticket, merged and counted as `merged`; other repeats stay duplicates (SPEC §4).
   */
  mergeRepeatedRows?: boolean;
  /** Rows that are not tickets: skipped and counted, never rejected. */
  skipRows?: readonly { header: string; values: readonly string[]; reason: string }[];
}
