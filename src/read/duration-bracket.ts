import type { BracketReading } from '../bracket-reading.js';

export type { BracketReading, DurationBracket } from '../bracket-reading.js';

/**
 * Duration brackets as help desks label them when they export no exact time (Zendesk Explore's `First reply time
 * brackets`: `No replies`, `0-1 hrs`, `1-8 hrs`, `8-24 hrs`, `>24 hrs`; `Full resolution time brackets`: `0-5 hrs`,
 * `5-24 hrs`, `1-7 days`, `7-30 days`, `>30 days`, `Unsolved`; messaging: `0-1 mins` … `>10 mins`, `no replies`).
 * A bracket `a-b unit` covers a ≤ t < b (the lower bound in, the upper out: how "0-1 hrs" reads — Zendesk does not say
 * which side a value of exactly 1 h falls on); `>a unit` and `a+ unit` cover t ≥ a with no upper bound; `<b unit`
 * covers 0 ≤ t < b.
 */
const UNIT_SECONDS: readonly [RegExp, number][] = [
  [/^(?:s|secs?|seconds?)$/, 1],
  [/^(?:m|mins?|minutes?)$/, 60],
  [/^(?:h|hrs?|hours?)$/, 3600],
  [/^(?:d|days?)$/, 86_400],
  [/^(?:w|wks?|weeks?)$/, 604_800],
];

const NONE = /^(?:no\s+repl(?:y|ies)|not\s+replied|unanswered|unsolved|unresolved|not\s+solved|no\s+resolution)$/;
const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const RANGE = new RegExp(String.raw`^${NUMBER}\s*(?:-|–|—|to)\s*${NUMBER}\s*([a-z]+)$`);
const ABOVE = new RegExp(String.raw`^(?:>=?|≥|over|more\s+than)\s*${NUMBER}\s*([a-z]+)$|^${NUMBER}\s*\+\s*([a-z]+)$|^${NUMBER}\s*([a-z]+)\s*\+$`);
const BELOW = new RegExp(String.raw`^(?:<=?|≤|under|less\s+than)\s*${NUMBER}\s*([a-z]+)$`);

function unitSeconds(unit: string | undefined): number | null {
  if (unit === undefined) return null;
  for (const [pattern, seconds] of UNIT_SECONDS) if (pattern.test(unit)) return seconds;
  return null;
}

const number = (text: string) => Number(text.replace(',', '.'));

/**
 * Reads one bracket label (each distinct label once per column, never per row): ` 8-24 hrs` → 28,800–86,400 s;
 * ` No replies` → 'none'; `Very slow` → null.
 */
export function parseDurationBracket(label: string): BracketReading {
  const text = label.trim().toLowerCase().replace(/\s+/g, ' ');
  if (NONE.test(text)) return 'none';
  const range = RANGE.exec(text);
  if (range !== null) {
    const scale = unitSeconds(range[3]);
    const from = number(range[1]!);
    const to = number(range[2]!);
    return scale === null || !(to > from) ? null : { fromSeconds: from * scale, toSeconds: to * scale };
  }
  const above = ABOVE.exec(text);
  if (above !== null) {
    const value = above[1] ?? above[3] ?? above[5];
    const scale = unitSeconds(above[2] ?? above[4] ?? above[6]);
    return scale === null || value === undefined ? null : { fromSeconds: number(value) * scale, toSeconds: null };
  }
  const below = BELOW.exec(text);
  if (below !== null) {
    const scale = unitSeconds(below[2]);
    return scale === null ? null : { fromSeconds: 0, toSeconds: number(below[1]!) * scale };
  }
  return null;
}
