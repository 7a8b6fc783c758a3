import { fieldText, type CsvRecord } from '../read/csv-tokenizer.js';
import { durationParser, SECONDS_PER_UNIT, type DurationUnit } from '../read/duration.js';
import type { FieldDecoder } from '../read/encoding.js';
import { monthOfWallTime, parseMonthText } from '../read/month.js';
import { numberParser, parseNumberText, type DecimalSeparator } from '../read/number.js';
import { isNoAnswerText, isScoreText } from '../survey/score-text.js';
import { WallTime, type SheetCell } from '../read/source.js';
import { timestampParser, UNSET, type TimestampFormat } from '../read/timestamp.js';
import type { Zone } from '../read/zone.js';
import type { ValueType } from './kind.js';
import { normaliseChannel } from './normalise-channel.js';
import { TextCodes } from './text-codes.js';

/**
 * One column's reader, built once per column before the loop from its plan: a CSV cell as a byte span, a workbook
 * cell as a number, date or string — the same value either way. null = empty cell; NaN = a value that cannot be
 * read (zod then rejects the row, naming the column).
 */
export interface ScalarReader {
  csv(record: CsvRecord): number | null;
  cell(cell: SheetCell): number | null;
}

/** Settings of one column's parser: plain data, so a worker thread builds exactly the same reader. */
export interface ValuePlan {
  index: number;
  type: ValueType;
  format?: TimestampFormat;
  unit?: DurationUnit;
  zeroMeansNone?: boolean;
  decimal?: DecimalSeparator;
  normalise?: 'channel' | 'caseless';
  /** `1900-01-01 00:00:00` means "never set" (only where the export's preset says so). */
  unset1900?: boolean;
  /** A rating column's codes and what they mean (Bitrix24: `5` like, `1` dislike, `0` none). */
  answerLabels?: Readonly<Record<string, string>>;
  /** Further columns of one question, one per answer option (SurveyMonkey expanded): the first filled is read. */
  alsoIndexes?: number[];
}

/**
 * Empty cells (SPEC §3, issue #9): nothing, spaces (Zendesk Explore writes `" "`), `-` and `--` (Zendesk custom
 * fields, Google Ads), `n/a`, `#N/A` (Excel), `null`, `none` and `—`, in any case. Checked on the bytes: a cell
 * starting with a digit (most values) is decided by its first byte.
 */
export function isEmptyField(bytes: Uint8Array, start: number, end: number): boolean {
  while (start < end && bytes[start] === 0x20) start++;
  while (end > start && bytes[end - 1] === 0x20) end--;
  const n = end - start;
  if (n === 0) return true;
  const first = bytes[start]!;
  if (first >= 0x30 && first <= 0x39) return false;
  if (first === 0x2d) return n === 1 || (n === 2 && bytes[start + 1] === 0x2d);
  if (n > 4) return false;
  if (n === 1) return first === 0x97; // `—` in Windows-1251
  if (n === 3 && first === 0xe2) return bytes[start + 1] === 0x80 && bytes[start + 2] === 0x94; // `—` in UTF-8
  // Compared byte by byte, not as a lower-cased string: short labels (`Good`, `Chat`, `API`) reach here on every row.
  for (const word of EMPTY_WORD_BYTES) if (word.length === n && sameLowerAscii(bytes, start, word)) return true;
  return false;
}

const EMPTY_WORDS = new Set(['n/a', '#n/a', 'null', 'none', 'nan']);
const EMPTY_WORD_BYTES = [...EMPTY_WORDS].map((w) => Buffer.from(w, 'latin1'));

/** Whether bytes from `start` equal `word` (lower-case ASCII) in any case. */
function sameLowerAscii(bytes: Uint8Array, start: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) {
    const b = bytes[start + i]!;
    if ((b >= 0x41 && b <= 0x5a ? b | 0x20 : b) !== word[i]) return false;
  }
  return true;
}

/** The same rule for text cells of a workbook. */
export function isEmptyText(text: string): boolean {
  const t = text.trim();
  return t === '' || t === '-' || t === '--' || t === '—' || EMPTY_WORDS.has(t.toLowerCase());
}

/** Days between Excel's day 0 (1899-12-30 in the 1900 system, counting its phantom 29 Feb 1900) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

/** The first instant a four-digit year cannot write (10000-01-01): later "times" are junk, not dates (issue #16). */
const YEAR_10000_MS = Date.UTC(10000, 0, 1);

/** An Excel serial (days, fraction = time of day) as wall-clock ms; a number too large is taken for Unix time. */
function wallMsOfNumber(n: number): number {
  // A number cell of 1e308 is no Unix time: kept, it made a span of months no loop ends and a Date that cannot print.
  if (n >= 1e11) return n < YEAR_10000_MS ? n : Number.NaN; // Unix milliseconds
  if (n >= 1e8) return n * 1000; // Unix seconds
  if (n > 0 && n < 2_958_466) return Math.round((n - EXCEL_EPOCH_DAYS) * DAY_MS);
  return Number.NaN;
}

const EXCEL_TIME_ZERO = Date.UTC(1899, 11, 30);

export function scalarReader(plan: ValuePlan, zone: Zone, decode: FieldDecoder): ScalarReader {
  const index = plan.index;
  const fromBytes = bytesParser(plan, zone, decode);
  const fromCell = cellParser(plan, zone, fromBytes);
  return {
    csv(record) {
      if (index >= record.fieldCount) return null;
      const start = record.starts[index]!;
      const end = record.ends[index]!;
      return isEmptyField(record.bytes, start, end) ? null : fromBytes(record.bytes, start, end);
    },
    cell: fromCell,
  };
}

type BytesParser = (bytes: Buffer, start: number, end: number) => number | null;

function bytesParser(plan: ValuePlan, zone: Zone, decode: FieldDecoder): BytesParser {
  switch (plan.type) {
    case 'instant':
    case 'date': {
      const parse = timestampParser(plan.format ?? 'iso', zone);
      // Zendesk's 1900-01-01 00:00:00 = never set; elsewhere it is a date like any other (and rejected as too early).
      const unset = plan.unset1900 === true ? null : zone.toUtc(Date.UTC(1900, 0, 1));
      return (bytes, start, end) => {
        const value = parse(bytes, start, end);
        return value === UNSET ? unset : value;
      };
    }
    case 'month':
      return (bytes, start, end) => parseMonthText(decode(bytes, start, end), zone);
    case 'duration': {
      const parse = durationParser(plan.unit ?? 'minutes', numberParser(plan.decimal ?? '.', decode));
      // A preset may say 0 means "none" (Bitrix24's wait time of an unanswered chat).
      if (plan.zeroMeansNone !== true) return parse;
      return (bytes, start, end) => {
        const value = parse(bytes, start, end);
        return value === 0 ? null : value;
      };
    }
    default:
      return numberParser(plan.decimal ?? '.', decode);
  }
}

function cellParser(plan: ValuePlan, zone: Zone, fromBytes: BytesParser): (cell: SheetCell) => number | null {
  // One scratch buffer per column for the text cells of workbooks: no Buffer per cell.
  const scratch = Buffer.allocUnsafe(256);
  const fromText = (text: string): number | null => {
    if (isEmptyText(text)) return null;
    if (text.length <= 64) {
      const length = scratch.write(text, 0, 'utf8');
      return fromBytes(scratch, 0, length);
    }
    const bytes = Buffer.from(text, 'utf8');
    return fromBytes(bytes, 0, bytes.length);
  };
  switch (plan.type) {
    case 'instant':
    case 'date':
      return (cell) => {
        if (cell === null) return null;
        if (cell instanceof WallTime) return zone.toUtc(cell.wallMs); // workbook dates carry no zone: --tz (SPEC §3)
        if (typeof cell === 'number') {
          const wall = wallMsOfNumber(cell);
          return Number.isNaN(wall) ? wall : cell >= 1e8 ? wall : zone.toUtc(wall);
        }
        return typeof cell === 'string' ? fromText(cell) : Number.NaN;
      };
    case 'month':
      return (cell) => {
        if (cell === null) return null;
        if (cell instanceof WallTime) return monthOfWallTime(cell.wallMs, zone);
        if (typeof cell === 'number') {
          const wall = wallMsOfNumber(cell);
          return Number.isNaN(wall) ? wall : monthOfWallTime(wall, zone);
        }
        return typeof cell === 'string' ? (isEmptyText(cell) ? null : parseMonthText(cell, zone)) : Number.NaN;
      };
    case 'duration': {
      const scale = SECONDS_PER_UNIT[plan.unit ?? 'minutes'];
      const zeroMeansNone = plan.zeroMeansNone === true;
      return (cell) => {
        if (cell === null) return null;
        let seconds: number | null;
        if (typeof cell === 'number') seconds = cell * scale;
        // A `[h]:mm:ss` cell is a date on Excel's day 0; a real date in a duration column is not a duration.
        else if (cell instanceof WallTime) seconds = cell.wallMs >= EXCEL_TIME_ZERO && cell.wallMs < EXCEL_TIME_ZERO + 366 * DAY_MS ? (cell.wallMs - EXCEL_TIME_ZERO) / 1000 : Number.NaN;
        else if (typeof cell === 'string') seconds = isEmptyText(cell) ? null : fromText(cell);
        else seconds = Number.NaN;
        return zeroMeansNone && seconds === 0 ? null : seconds;
      };
    }
    default:
      return (cell) => {
        if (cell === null) return null;
        if (typeof cell === 'number') return cell;
        if (typeof cell === 'string') return isEmptyText(cell) ? null : parseNumberText(cell, plan.decimal ?? '.');
        return Number.NaN;
      };
  }
}

/**
 * A text or score column kept as codes (TextCodes). Empty spellings (`-`, `n/a`, spaces …) normalise to code 0 when a
 * value is first seen, so a row costs one lookup of its bytes. For scores, each distinct answer is checked once: a
 * number or a rating label; `invalid(code)` says the answer cannot be a score. Zendesk's `Offered`/`Unoffered` = no
 * answer; a preset's `answerLabels` say what an export's codes mean (Bitrix24's `5` = like, `0` = none).
 */
export class CodeReader {
  readonly codes: TextCodes;
  private readonly checked: number[] = [1];
  constructor(
    readonly index: number,
    readonly isScore: boolean,
    normalise: 'channel' | 'caseless' | undefined,
    private readonly decode: FieldDecoder,
    answerLabels?: Readonly<Record<string, string>>,
    /** Further columns of the same question (one per answer option): the first filled one is read. */
    private readonly alsoIndexes: readonly number[] = [],
  ) {
    const base = normalise === 'channel' ? normaliseChannel : normalise === 'caseless' ? (t: string) => t.trim().toLowerCase() : (t: string) => t.trim();
    const labelled = answerLabels === undefined ? (t: string) => t : (t: string) => answerLabels[t.trim()] ?? t;
    this.codes = new TextCodes(isScore ? (t) => (isEmptyText(t) || isNoAnswerText(labelled(t)) ? '' : base(labelled(t))) : (t) => (isEmptyText(t) ? '' : base(t)));
  }

  csv(record: CsvRecord): number {
    let i = this.index;
    if (this.alsoIndexes.length > 0) i = this.filledIndex(record);
    if (i >= record.fieldCount) return 0;
    const start = record.starts[i]!;
    const end = record.ends[i]!;
    if (start === end) return 0;
    const code = this.codes.lookBytes(record.bytes, start, end);
    return code >= 0 ? code : this.codes.addBytes(record.bytes, start, end, fieldText(record, i, this.decode));
  }

  /** Of an expanded question's columns, the first whose cell is filled (else the first). */
  private filledIndex(record: CsvRecord): number {
    for (const i of [this.index, ...this.alsoIndexes]) if (i < record.fieldCount && !isEmptyField(record.bytes, record.starts[i]!, record.ends[i]!)) return i;
    return this.index;
  }

  /** The cell of a sheet row this reader reads (for an expanded question, its first filled one). */
  cellOf(cells: readonly SheetCell[]): SheetCell {
    if (this.alsoIndexes.length === 0) return cells[this.index] ?? null;
    for (const i of [this.index, ...this.alsoIndexes]) {
      const cell = cells[i] ?? null;
      if (cell !== null && !(typeof cell === 'string' && isEmptyText(cell))) return cell;
    }
    return cells[this.index] ?? null;
  }

  cell(cell: SheetCell): number {
    if (cell === null) return 0;
    const text = typeof cell === 'string' ? cell : cell instanceof WallTime ? new Date(cell.wallMs).toISOString() : String(cell);
    return this.codes.codeOfCellText(text);
  }

  /** Whether the value behind `code` cannot be read as what the column holds (only scores are checked). */
  invalid(code: number): boolean {
    if (!this.isScore) return false;
    while (this.checked.length < this.codes.values.length) this.checked.push(isScoreText(this.codes.values[this.checked.length]!) ? 1 : 0);
    return this.checked[code] === 0;
  }
}
