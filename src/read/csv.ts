import type { ReadProgress } from './progress.js';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { mark } from '../timing.js';
import { CsvTokenizer, type CsvRecord } from './csv-tokenizer.js';
import { detectEncoding, fieldDecoder, isAsciiCompatible, type FieldDecoder } from './encoding.js';
import { findHeaderRow, parseHead, sniffDelimiter } from './dialect.js';
import { mergeSecondHeaderRow } from './second-header.js';
import { plainHeader } from './plain-header.js';
import { asInputError, openByteStream, readInputHead, type InputFile } from './input.js';
import { DEFAULT_LIMITS, fieldTooLarge, tooManyColumns, type ReadLimits } from './limits.js';

/** How much of the file is read up front to find the encoding, the delimiter and the header row. */
export const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const SAMPLE_RECORDS = 500;
const SNIFF_CHARS = 32 * 1024;

export interface CsvReadOptions {
  /** Forces the encoding (`--encoding`), else detected. */
  encoding?: string | undefined;
  /** Forces the delimiter (`--delimiter`), else sniffed. */
  delimiter?: string | undefined;
  /** How many known column names a row holds: the header row is, of the rows that look like names, the one that names the most (findHeaderRow). */
  scoreHeader: (cells: readonly string[]) => number;
}

/** What the head of a CSV file told us: everything the body's reader needs, decided once. */
export interface CsvLayout {
  /** The input as the user named it (messages). */
  file: string;
  /** Where its bytes are, and whether they are gzip-compressed. */
  path: string;
  gzip: boolean;
  encoding: string;
  bomLength: number;
  delimiter: string;
  /** Header cells as written, trimmed; repeated names get `_1`, `_2` … so each is addressable. */
  headers: string[];
  /** Physical line of the header row; data records start after it. */
  headerLine: number;
  /** The lines above the header row (a report's title and date range), as text. */
  preamble: string[];
  /** Data records from the head of the file (up to SAMPLE_RECORDS), for choosing each column's value parser. */
  sample: string[][];
  decode: FieldDecoder;
}

/** Reads the head of `file` and works out its layout. Throws InputError for unreadable or empty files. */
export async function readCsvLayout(input: InputFile, options: CsvReadOptions): Promise<CsvLayout> {
  const file = input.label;
  const head = await readInputHead(input, HEAD_BYTES);
  const detected = detectEncoding(head);
  const encoding = options.encoding ?? detected.encoding;
  const bomLength = options.encoding === undefined ? detected.bomLength : bomLengthFor(head, encoding);
  const text = headText(head, encoding, bomLength, head.length < HEAD_BYTES);
  if (text.trim() === '') throw new InputError({ code: 'EMPTY', file, reason: 'is empty', hint: 'export the data again with a header row and at least one row' });
  // Sniffing needs only the first lines; the full head (for column samples) is parsed once, with the chosen delimiter.
  const delimiter = options.delimiter ?? sniffDelimiter(cutAtLineBreak(text, SNIFF_CHARS));
  const records = parseHead(text, delimiter);
  const header = findHeaderRow(records, options.scoreHeader);
  mark('csv head read');
  if (header === undefined) throw new InputError({ code: 'NO_HEADER', file, reason: 'has no header row', hint: 'the first non-empty line must name the columns' });
  // SurveyMonkey: a second header row (`Response`, answer options) under the questions; data start below it.
  const at = records.indexOf(header);
  const merged = mergeSecondHeaderRow(header.cells, records[at + 1]?.cells);
  const last = merged === null ? header : records[at + 1]!;
  return {
    file,
    path: input.path,
    gzip: input.gzip,
    encoding,
    bomLength,
    delimiter,
    headers: distinctHeaders((merged ?? header.cells).map(plainHeader)),
    headerLine: last.firstLine,
    preamble: records.slice(0, at).map((r) => r.cells.filter((c) => c.trim() !== '').join(' ').trim()),
    sample: records.slice(records.indexOf(last) + 1, records.indexOf(last) + 1 + SAMPLE_RECORDS).map((r) => r.cells),
    decode: fieldDecoder(isAsciiCompatible(encoding) ? encoding : 'utf-8'),
  };
}

/**
 * Streams the data records after the header row, in order, each with its physical line number.
 * The callback's record is only valid during the call (see CsvTokenizer).
 */
export async function streamCsvRecords(layout: CsvLayout, onRecord: (record: CsvRecord) => void, limits: ReadLimits = DEFAULT_LIMITS): Promise<void> {
  await streamCsvRange(layout, { start: layout.bomLength, end: null, firstLine: 1, skipThroughLine: layout.headerLine }, onRecord, undefined, limits);
}

/** A byte range of a file read on its own (one part of a parallel read). */
export interface CsvRange {
  start: number;
  /** Exclusive end; null = to the end of the file. */
  end: number | null;
  /** Physical line number of the byte at `start`. */
  firstLine: number;
  /** Records starting on or before this line are not data (preamble, header). */
  skipThroughLine: number;
}

export interface CsvRangeEnd {
  /** Physical line number of the byte after the range. */
  nextLine: number;
  /** True when the range ended exactly between records (always true for a range that runs to the end). */
  clean: boolean;
}

/**
 * Streams the records of one byte range. A range that stops before the end of the file must end on a record
 * boundary; `clean` says whether it did (a parallel read checks its speculative split with it).
 */
export async function streamCsvRange(layout: Pick<CsvLayout, 'file' | 'path' | 'gzip' | 'encoding' | 'delimiter'>, range: CsvRange, onRecord: (record: CsvRecord) => void, progress?: ReadProgress, limits: ReadLimits = DEFAULT_LIMITS): Promise<CsvRangeEnd> {
  let records = 0;
  const { maxColumns, maxFieldBytes } = limits;
  const tokenizer = new CsvTokenizer(
    layout.delimiter,
    (record) => {
      records++;
      // Two comparisons per record; a record no longer than the field limit cannot hold a field over it.
      if (record.fieldCount > maxColumns || record.ends[record.fieldCount - 1]! - record.starts[0]! > maxFieldBytes) checkRecordLimits(layout.file, record, limits);
      if (record.line > range.skipThroughLine) onRecord(record);
    },
    range.firstLine,
  );
  // A record still unfinished past the field limit (a quote never closed, a line of a million commas) is looked at
  // before it is read further: its reads double with it, so memory would follow the file's size.
  const push = (chunk: Buffer) => {
    tokenizer.push(chunk);
    if (tokenizer.pendingBytes > maxFieldBytes) checkPendingLimits(layout.file, tokenizer, limits);
  };
  // After each chunk: the bytes read of this range and the records so far, for the progress bar.
  let bytesRead = 0;
  const report = (bytes: number) => {
    if (progress === undefined) return;
    bytesRead += bytes;
    progress.counters[progress.slot] = bytesRead;
    progress.counters[progress.slot + 1] = records;
    progress.tick?.();
  };
  try {
    if (layout.gzip) {
      // A compressed file is one stream from its start: skip the BOM, decode UTF-16 as below.
      let skip = range.start;
      const decoder = isAsciiCompatible(layout.encoding) ? null : iconv.getDecoder(layout.encoding, { stripBOM: false });
      for await (const raw of openByteStream({ path: layout.path, gzip: true })) {
        let chunk = raw as Buffer;
        if (skip > 0) {
          const cut = Math.min(skip, chunk.length);
          chunk = chunk.subarray(cut);
          skip -= cut;
          if (chunk.length === 0) continue;
        }
        push(decoder === null ? chunk : Buffer.from(decoder.write(chunk), 'utf8'));
        report((raw as Buffer).length);
      }
      const rest = decoder?.end();
      if (rest) push(Buffer.from(rest, 'utf8'));
    } else if (isAsciiCompatible(layout.encoding)) {
      // Plain synchronous reads: each reader runs on its own thread, and a read stream's machinery (the thread
      // pool hop, async iteration) costs more than it gives here.
      const handle = openSync(layout.path, 'r');
      try {
        let position = range.start;
        // One buffer for every read: fresh memory per chunk cost page faults and garbage (~120 ms per 125 MB read).
        let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        for (;;) {
          // While one record is longer than a chunk, read as much as it holds so far: the reads grow with it and the
          // work stays linear (a 160 MB field took 21 s in 1 MiB steps, each scanning it again from its start).
          const size = Math.max(CHUNK_BYTES, tokenizer.pendingBytes);
          if (chunk.length < size) chunk = Buffer.allocUnsafe(size);
          const want = range.end === null ? size : Math.min(size, range.end - position);
          if (want <= 0) break;
          const got = readSync(handle, chunk, 0, want, position);
          if (got === 0) break;
          position += got;
          push(got === chunk.length ? chunk : chunk.subarray(0, got));
          report(got);
        }
      } finally {
        closeSync(handle);
      }
    } else {
      const stream = createReadStream(layout.path, { start: range.start, ...(range.end === null ? {} : { end: range.end - 1 }), highWaterMark: CHUNK_BYTES });
      // UTF-16: transcode to UTF-8 first so the byte tokenizer sees one byte per ASCII character.
      const decoder = iconv.getDecoder(layout.encoding, { stripBOM: false });
      for await (const chunk of stream) {
        push(Buffer.from(decoder.write(chunk as Buffer), 'utf8'));
        report((chunk as Buffer).length);
      }
      const rest = decoder.end();
      if (rest) push(Buffer.from(rest, 'utf8'));
    }
  } catch (error) {
    throw asInputError(layout.file, error);
  }
  if (range.end !== null) return { nextLine: tokenizer.nextLine, clean: !tokenizer.hasPending };
  tokenizer.end();
  return { nextLine: tokenizer.nextLine, clean: true };
}

/** A record beyond `--max-columns`, or holding a field beyond `--max-field-size`: refused with its line and column. */
function checkRecordLimits(file: string, record: CsvRecord, limits: ReadLimits): void {
  if (record.fieldCount > limits.maxColumns) throw tooManyColumns(file, record.line, record.fieldCount, limits);
  for (let i = 0; i < record.fieldCount; i++) {
    const bytes = record.ends[i]! - record.starts[i]!;
    if (bytes > limits.maxFieldBytes) throw fieldTooLarge(file, record.line, i + 1, bytes, limits);
  }
}

/** The same for the record not yet finished (its line is the tokenizer's next one). */
function checkPendingLimits(file: string, tokenizer: CsvTokenizer, limits: ReadLimits): void {
  const shape = tokenizer.pendingShape();
  if (shape.fields > limits.maxColumns) throw tooManyColumns(file, tokenizer.nextLine, shape.fields, limits, true);
  if (shape.longest > limits.maxFieldBytes) throw fieldTooLarge(file, tokenizer.nextLine, shape.longestAt + 1, limits.maxFieldBytes, limits, true);
}

/**
 * Where a second reader can start: the first line break at or after `from` such that the next few records all have
 * `width` fields. Starting inside a quoted multi-line field would garble the field counts, so a hit is almost surely
 * a record boundary; the first part's reader confirms it (`clean`). Null when no such place is found nearby.
 */
export async function findRecordBoundary(layout: Pick<CsvLayout, 'path' | 'delimiter'>, from: number, width: number): Promise<number | null> {
  const handle = await open(layout.path, 'r');
  try {
    const window = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(window, 0, window.length, from);
    const bytes = window.subarray(0, bytesRead);
    let at = bytes.indexOf(0x0a);
    for (let attempt = 0; at >= 0 && attempt < 50; attempt++) {
      const widths: number[] = [];
      const probe = new CsvTokenizer(layout.delimiter, (record) => {
        widths.push(record.fieldCount);
      });
      probe.push(bytes.subarray(at + 1, Math.min(bytes.length, at + 1 + 64 * 1024)));
      // The last record of the window may be cut; judge by the complete ones.
      if (widths.length >= 6 && widths.slice(0, 5).every((w) => w === width)) return from + at + 1;
      at = bytes.indexOf(0x0a, at + 1);
    }
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * The head as text: decoded, without its BOM, and — unless it holds the whole file — cut after its last line break,
 * for a cut record would skew the sniffing.
 */
export function headText(head: Buffer, encoding: string, bomLength: number, wholeFile: boolean): string {
  const text = encoding === 'utf-8' ? utf8WithoutBom(head.subarray(bomLength)) : iconv.decode(head.subarray(bomLength), encoding);
  if (wholeFile) return text;
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return lastBreak > 0 ? text.slice(0, lastBreak + 1) : text;
}

/**
 * What iconv.decode(bytes, 'utf-8') gives — U+FFFD for each bad sequence, a leading BOM dropped — without the ~8 ms
 * its first call takes to load iconv-lite's codec tables, which a UTF-8 file needs nowhere else.
 */
function utf8WithoutBom(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function cutAtLineBreak(text: string, length: number): string {
  if (text.length <= length) return text;
  const lastBreak = text.lastIndexOf('\n', length);
  return lastBreak > 0 ? text.slice(0, lastBreak + 1) : text.slice(0, length);
}

function bomLengthFor(head: Buffer, encoding: string): number {
  if (encoding === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  if (encoding.startsWith('utf-16') && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 2;
  return 0;
}

/** `Resolution time (in hrs)` twice becomes `Resolution time (in hrs)` and `Resolution time (in hrs)_1` (SPEC §3). */
export function distinctHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const key = h.toLowerCase();
    const n = seen.get(key);
    seen.set(key, (n ?? 0) + 1);
    return n === undefined ? h : `${h}_${n}`;
  });
}
