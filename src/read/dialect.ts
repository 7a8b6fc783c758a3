import { trimmedWidth, type HeadRecord } from './header-row.js';

export { findHeaderRow, trimmedWidth, type HeadRecord } from './header-row.js';

/** The delimiters real exports use (SPEC §3): comma, semicolon (Russian Excel, Bitrix24), tab (Google Ads), pipe. */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A record of a CSV head; `line` is where it ends (as csv-parse's `info.lines`), `firstLine` where it starts. */
export interface CsvHeadRecord extends HeadRecord {
  firstLine: number;
}

/**
 * Cuts the decoded head of a file into records as csv-parse did here before (`relax_quotes`, `relax_column_count`,
 * `skip_empty_lines`, `skip_records_with_error`): a `"` opens a quoted field only at the field's start, and `""`
 * inside is one quote; text after a closing quote keeps the field as written (`"a"b`, its `""` read as one); a quote
 * inside an unquoted field is text; blank lines are skipped; a record left open at the end (the head cut inside a
 * quoted field) is left out. CR, LF and CRLF each end a record and count one line, as in the body's tokenizer.
 *
 * Not csv-parse itself (issue #10): importing it and parsing a 64 KiB head took ~65 ms of a cold start, this ~9 ms.
 * It also counted a CRLF inside quotes as two lines, and after the first record it read any other line ending as
 * text. test/read/parse-head.test.ts holds this parse to csv-parse.
 */
export function parseHead(text: string, delimiter: string): CsvHeadRecord[] {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  // Native searches, not a loop over characters: the head is parsed once, before the interpreter has warmed up.
  const fieldEnd = new RegExp(`[\\x${d.toString(16).padStart(2, '0')}\\r\\n]`, 'g');
  const endOfField = (from: number) => {
    fieldEnd.lastIndex = from;
    return fieldEnd.test(text) ? fieldEnd.lastIndex - 1 : n;
  };
  const records: CsvHeadRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < n) {
    const firstLine = line;
    const cells: string[] = [];
    let quoted = false; // a quoted empty field alone is a record, not a blank line
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let close = text.indexOf('"', i + 1);
        let escaped = false;
        while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
          escaped = true;
          close = text.indexOf('"', close + 2);
        }
        if (close < 0) return records; // the quote never closes: the head was cut inside this record
        let content = text.slice(i + 1, close);
        line += lineBreaks(content);
        if (escaped) content = content.replaceAll('""', '"');
        const after = text.charCodeAt(close + 1);
        if (close + 1 < n && after !== d && after !== LF && after !== CR) {
          // Text after the closing quote: the field as written, but for its `""` (csv-parse's relax_quotes).
          i = endOfField(close + 1);
          cells.push(`"${content}${text.slice(close, i)}`);
        } else {
          cells.push(content);
          quoted = true;
          i = close + 1;
        }
      } else {
        const end = endOfField(i);
        cells.push(text.slice(i, end));
        i = end;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      if (c !== d) break;
      // after a delimiter: the next field, an empty one at the very end of the text included
    }
    if (cells.length > 1 || cells[0] !== '' || quoted) records.push({ cells, line, firstLine });
    line++;
  }
  return records;
}

/** Line breaks in `text`: LF, CR and CRLF count one each. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.search(/[\r\n]/); at >= 0 && at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === LF || (c === CR && text.charCodeAt(at + 1) !== LF)) count++;
  }
  return count;
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
