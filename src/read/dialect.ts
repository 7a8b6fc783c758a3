import { parse } from 'csv-parse/sync';
import { trimmedWidth, type HeadRecord } from './header-row.js';

export { findHeaderRow, trimmedWidth, type HeadRecord } from './header-row.js';

/** The delimiters real exports use (SPEC §3): comma, semicolon (Russian Excel, Bitrix24), tab (Google Ads), pipe. */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

/** Parses the decoded head of a file with csv-parse, forgiving of the cut at its end and of odd preamble lines. */
export function parseHead(text: string, delimiter: string): HeadRecord[] {
  const rows = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return rows.map((r) => ({ cells: r.record, line: r.info.lines }));
}

/**
 * Picks the delimiter by weighing whole records: the candidate under which the most records of the head, from the
 * header row on, have one width (two fields or more) wins.
 *
 * The head is cut into records once, the same way for every candidate (`recordWidths`), so that a delimiter inside a
 * quoted field — a multi-line one included — is never counted. Parsing once per candidate would not do: under `;`, a
 * Jira comment cell `"18/Jul/26 9:10 AM;557058:…;Hi Lena,↵…"` opens after a comma, so its quote is literal text and
 * each of its lines becomes a `;`-separated record of its own; a few comments outnumber the real records and a header
 * of 66 commas lost to `;` (issue 9).
 *
 * Ties go to the width reached first (the header row agrees with the records after it: a `;` sheet whose amounts are
 * `12 500,00` splits its data rows, but not its header, the same way under `,`), then to the wider table, then to the
 * order of DELIMITER_CANDIDATES. Not csv-parse's `delimiter_auto`: it throws on files where every field is quoted
 * (`"Id";"Created at"`, Bitrix24 CRM, Zendesk Explore), and it weighs space and colon, which every timestamp contains.
 */
export function sniffDelimiter(text: string): string {
  const records = recordWidths(text);
  let best = { delimiter: ',' as string, agreeing: 0, first: Number.POSITIVE_INFINITY, width: 1 };
  DELIMITER_CANDIDATES.forEach((delimiter, k) => {
    const groups = new Map<number, { agreeing: number; first: number }>();
    records.forEach((r, index) => {
      // Written width keys the group (a hand-kept sheet's empty last column, `…;RUB;`, must not make its rows
      // disagree); a record of one filled field is no table row (a title line, an empty line Excel padded).
      if (r.trimmed[k]! < 2) return;
      const group = groups.get(r.written[k]!);
      if (group === undefined) groups.set(r.written[k]!, { agreeing: 1, first: index });
      else group.agreeing++;
    });
    for (const [width, { agreeing, first }] of groups) {
      const better = agreeing !== best.agreeing ? agreeing > best.agreeing : first !== best.first ? first < best.first : width > best.width;
      if (better) best = { delimiter, agreeing, first, width };
    }
  });
  return best.delimiter;
}

/** One record of the head, measured under each of DELIMITER_CANDIDATES (same order). */
export interface RecordWidths {
  /** Fields as written, trailing empty ones included. */
  written: number[];
  /** Fields up to the last non-empty one (0 for a record with no content). */
  trimmed: number[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const CANDIDATE_CODES = DELIMITER_CANDIDATES.map((d) => d.charCodeAt(0));

/**
 * Cuts a decoded head into records and counts, per candidate delimiter, the fields of each, outside quoted fields.
 *
 * Quotes are read as RFC 4180 does, but for all candidates at once: a `"` that opens a field — at the start of a
 * record or after any candidate delimiter, spaces allowed — runs to its closing quote (`""` is a quote inside), across
 * line breaks. Delimiters and line breaks inside it are text. A record left open at the end (the head is cut inside a
 * quoted field) is left out; blank lines are skipped.
 */
export function recordWidths(text: string): RecordWidths[] {
  const n = CANDIDATE_CODES.length;
  const records: RecordWidths[] = [];
  const delimiters = new Array<number>(n).fill(0);
  // Per candidate, its delimiters counted before the record's last content; -1 while it has none.
  const beforeContent = new Array<number>(n).fill(-1);
  let started = false;
  let fieldStart = true;
  let quoted = false;
  const content = (except: number) => {
    for (let k = 0; k < n; k++) if (k !== except) beforeContent[k] = delimiters[k]!;
  };
  const endRecord = () => {
    if (started) records.push({ written: delimiters.map((d) => d + 1), trimmed: beforeContent.map((c) => c + 1) });
    delimiters.fill(0);
    beforeContent.fill(-1);
    started = false;
    fieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quoted) {
      if (code !== QUOTE) content(-1);
      else if (text.charCodeAt(i + 1) === QUOTE) {
        content(-1);
        i++;
      } else quoted = false;
      continue;
    }
    if (code === LF || code === CR) {
      endRecord();
      continue;
    }
    started = true;
    const k = CANDIDATE_CODES.indexOf(code);
    if (k >= 0) {
      delimiters[k]!++;
      content(k); // a `;` is text to the other candidates
      fieldStart = true;
    } else if (code === QUOTE && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (code !== SPACE) {
      content(-1);
      fieldStart = false;
    }
  }
  if (!quoted) endRecord();
  return records;
}
