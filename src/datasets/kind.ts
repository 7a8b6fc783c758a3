import type { z } from 'zod';
import type { OrderRule } from './order-rule.js';

/** The five kinds of data set (SPEC §2). */
export const KIND_NAMES = ['tickets', 'surveys', 'spend', 'subscriptions', 'finance'] as const;
export type KindName = (typeof KIND_NAMES)[number];

/**
 * What a column holds, which decides its parser and its storage:
 * - `id`: a row key (ticket id) — numbers kept as numbers, other ids as text;
 * - `instant`: a timestamp (epoch ms); `date`: a calendar day (epoch ms of its start in --tz); `month`: a calendar
 *   month (epoch ms of its first day in --tz);
 * - `duration`: seconds (from a number in the header's unit, or `HH:MM:SS`);
 * - `number`, `money`: plain numbers (money may carry a currency sign); `score`: a survey rating;
 * - `text`: a label kept dictionary-encoded for grouping (channel, agent, plan, currency …).
 */
export type ValueType = 'id' | 'instant' | 'date' | 'month' | 'duration' | 'number' | 'money' | 'score' | 'text';

/** A canonical field of a kind and the generic header spellings that mean it. */
export interface FieldSpec {
  field: string;
  type: ValueType;
  required: boolean;
  /** Generic spellings, normalised as normaliseHeader does (lower case, no spaces, `_`, `-`, brackets). */
  aliases: readonly string[];
  /**
   * Survey questions that hold this field when no alias names a column (survey tools head a column with the question
   * itself: `How likely is it that you would recommend us to a friend?`). Used when exactly one header matches.
   */
  questions?: readonly RegExp[];
  /**
   * Text fields: how values are normalised before they are counted as one — channel names (SPEC §2), or case aside
   * (a customer written `Anna@Example.com` in one ticket and `anna@example.com` in the next is one customer).
   */
  normalise?: 'channel' | 'caseless';
}

/**
 * A duration that is the export's own column when that cell is filled, else `to − from` (SPEC §3: Freshdesk leaves
 * its hour columns empty while its timestamps are filled). The `to` timestamp is read only when the duration is empty.
 */
export interface ElapsedSpec {
  /** Name of the derived column (`first_response`): seconds plus where each value came from. */
  name: string;
  duration: string;
  from: string;
  to: string;
}

/**
 * A data set kind: declarations only; datasets/read-dataset.ts is the engine that reads any of them. Per row the
 * engine checks the zod record (scalar fields), that required text fields are filled, and that one required-one-of
 * group is filled.
 */
export interface DatasetKind {
  kind: KindName;
  /** One row, in words: `ticket`, `survey response` (for messages). */
  rowNoun: string;
  fields: readonly FieldSpec[];
  /** Beside the required fields, at least one of these groups must be fully present (surveys: survey+score, or csat …). */
  requiredOneOf?: readonly (readonly string[])[];
  /**
   * The row's zod object over its non-text fields, keyed by field name: instants/dates/months epoch ms, durations
   * seconds, null for an empty cell, NaN for a value its parser could not read. The engine validates the fields a run
   * reads (`record.pick(…)`), so a run pays only for the columns it parses.
   */
  record: z.ZodObject;
  /**
   * Cross-field order rules (a response not before creation …): the zod refinement is built from them
   * (orderRefinement), with the issue on the later field and its message a rejection reason. Each kind also exports
   * `record.superRefine(orderRefinement(order))` as its full schema, whose z.infer is the row type.
   */
  order?: readonly OrderRule[];
  /**
   * Text fields that hold a time as a bracket label (`8-24 hrs`): beside the instants and durations, what must be equal
   * for two rows with one key to be one record repeated (Preset.mergeRepeatedRows).
   */
  bracketFields?: readonly string[];
  /** The field whose repeats are duplicates (the first is kept; SPEC §4), and what to call it in messages. */
  key?: string;
  keyLabel?: string;
  /**
   * A rating here is an aside to the row (tickets' inline csat): one that cannot be read is left out of CSAT with a
   * warning naming its lines, and the row — a ticket whose times are fine — is kept. Elsewhere it rejects the row.
   */
  ratingsAside?: boolean;
  /** A row that fills no field of its required-one-of groups is skipped, not rejected (surveys: a response with no answer). */
  unansweredIsSkipped?: boolean;
  /** The field windows and periods select rows by. */
  time: string;
  elapsed?: readonly ElapsedSpec[];
}

/** A field's spec by name; throws for a name the kind does not declare (a bug, not a user error). */
export function fieldSpec(kind: DatasetKind, field: string): FieldSpec {
  const spec = kind.fields.find((f) => f.field === field);
  if (spec === undefined) throw new Error(`${kind.kind} has no field ${field}`);
  return spec;
}
