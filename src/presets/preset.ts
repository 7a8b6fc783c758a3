import type { KindName } from '../datasets/kind.js';
import type { DurationUnit } from '../read/duration.js';

/** What a column's values look like, for `columnsByValue`: `urls` — web addresses (`https://…`, `www.…`, `site.ru/page`). */
export type ValueShape = 'urls';

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
   * Columns a field takes only when the column's sample values have the right shape, tried in order after `columns`
   * for a field still unmapped. Bitrix24 captions the channel `Источник`/`Source` in 2018-era files, and its page-URL
   * column `Источник`/`Source` too (twice in one file: `Источник`, `Источник_1`): a column of URLs is not a channel.
   */
  columnsByValue?: readonly { headers: readonly string[]; field: string; notOf: ValueShape }[];
  /**
   * Values that only this export writes in a column (LiveAgent's one-letter ticket statuses): a file read without a
   * preset whose column of `field` holds nothing else in its first rows (at least `min` of them filled) is read with
   * this preset, and a warning says why. For exports whose column names are too plain to be evidence.
   */
  valueEvidence?: { field: string; values: readonly string[]; min: number };
  /**
   * How the export's own lines after the data begin (Zammad's `Timezone: Europe/Berlin` footer): such a row, holding
   * no valid record, is skipped and counted like a `Total` row, never rejected.
   */
  footerLines?: readonly string[];
  /** Where the export names the zone of its times written without an offset, for the warning that asks for --tz. */
  zoneWhere?: string;
  /**
   * One record per value of a multi-valued attribute (Zendesk Explore repeats a ticket once per tag): rows with the
   * same key and the same times are one ticket, merged and counted as `merged`; other repeats stay duplicates (SPEC §4).
   */
  mergeRepeatedRows?: boolean;
  /**
   * Metric headers written with the aggregator the report applied (Zendesk Explore: `AVG(First reply time (min))`,
   * `MED(Full resolution time (hrs))`): `AGG(<spelling>)` with AGG one of `aggregators` is read as the bare spelling
   * (the bare one wins when both are present). A row of a ticket data set is one ticket (its id is required), and any
   * of these over one ticket is that ticket's value. Count aggregators (`COUNT(Tickets)`, `D_COUNT(…)`) count rows or
   * values, never a time: leave them out of the list.
   */
  aggregatorWrapped?: readonly string[];
  /** Rows that are not tickets: skipped and counted, never rejected. */
  skipRows?: readonly { header: string; values: readonly string[]; reason: string }[];
}

/**
 * A known export that is none of the five kinds (Bitrix24 CRM deals): recognised by two or more of its `evidence`
 * spellings when the kind is detected, and refused with `reason` and `hint` — rather than read as the kind whose
 * generic aliases happen to fit (a deals export has `ID` and `Дата создания`, so it would pass for tickets).
 * Naming the kind (`--subscriptions FILE`) reads it as that kind all the same.
 */
export interface NotADataSet {
  name: string;
  description: string;
  evidence: readonly string[];
  reason: string;
  hint: string;
}
