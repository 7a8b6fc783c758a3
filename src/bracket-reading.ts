/**
 * What a duration bracket label says (Zendesk Explore's `1-8 hrs`, `No replies`): parsed by read/duration-bracket.ts,
 * counted by metrics/duration-brackets.ts — a small shared vocabulary, kept here so neither layer imports the other
 * (as value-source.ts). A bracket covers fromSeconds ≤ t < toSeconds.
 */
export interface DurationBracket {
  fromSeconds: number;
  /** Null for an open bracket (`>24 hrs`). */
  toSeconds: number | null;
}

/** What a bracket label says: a range of durations, "none" (no reply, unsolved), or nothing this reader knows (null). */
export type BracketReading = DurationBracket | 'none' | null;
