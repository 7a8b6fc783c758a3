/**
 * Byte-level CSV tokenizer for the body of a file (RFC 4180 plus what real exports do).
 *
 * Why our own and not csv-parse: csv-parse costs ~12 s per million Zendesk rows (16 MB/s, issue #4), far from the
 * goal of ~1 s; this scanner works on the raw Buffer, decodes nothing, and hands out field offsets, so callers decode
 * or parse only the fields they keep. csv-parse is the reference in the differential property tests
 * (test/read/csv-tokenizer.test.ts; the head's own parse, read/dialect.ts, in test/read/parse-head.test.ts).
 *
 * Handles: quoted fields with delimiters and CR/LF/CRLF inside, `""` escapes, CR, LF and CRLF record ends, blank
 * lines (skipped), a missing final newline, records split across chunks at any byte. Text after a closing quote
 * (`"a"b`) is kept raw, as csv-parse's relax_quotes does. ASCII-compatible encodings only (UTF-8, Windows-125x);
 * UTF-16 is transcoded before it reaches here.
 *
 * Two scanners, the same records: the WASM SIMD one (csv-scan.wat, loaded by csv-scan-wasm.ts; ~4× faster) reads
 * 64 bytes at a time and writes each record's fields straight into the record it hands out; the JS byte loop below
 * reads what it leaves (lone CR line ends, `"a"b`, a quote inside an unquoted field, a record of over 4096 fields)
 * from the start of that record to the end of the chunk, the end of the input, a push made from inside a record
 * callback, and everything when the module is not built or `SUPPORT_METRICS_SCANNER=js`.
 */
import { CsvRecordScanner, NEEDS_INPUT, recordScanner } from './csv-scan-wasm.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** One record, valid only during the callback: offsets point into `bytes`, which the next chunk replaces. */
export interface CsvRecord {
  bytes: Buffer;
  /** Start of each field's content (after an opening quote). */
  starts: Int32Array;
  /** End of each field's content (before a closing quote). */
  ends: Int32Array;
  /** 1 when the field was quoted and holds `""` pairs that stand for one `"`. */
  escaped: Uint8Array;
  /** 1 when the field was quoted (a quoted empty field is not a blank line). */
  quoted: Uint8Array;
  fieldCount: number;
  /** Physical line (1-based) where the record starts; a multi-line quoted field keeps its first line. */
  line: number;
}

export type CsvScanner = 'wasm' | 'js';

/** WASM unless the environment asks for the JS scanner (to compare the two, or to rule one out). */
function defaultScanner(): CsvScanner {
  return process.env.SUPPORT_METRICS_SCANNER === 'js' ? 'js' : 'wasm';
}

export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly onRecord: (record: CsvRecord) => void;
  private carry: Buffer | null = null;
  /** The WASM scanner, or null on the JS path. */
  private readonly wasm: CsvRecordScanner | null;
  /** Physical line number of the first byte not yet consumed. */
  private line = 1;
  private readonly record: CsvRecord;
  /** 1 for the bytes that end an unquoted field: the delimiter, LF and CR. */
  private readonly separator = new Uint8Array(256);

  constructor(delimiter: string, onRecord: (record: CsvRecord) => void, firstLine = 1, scanner: CsvScanner = defaultScanner()) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f) throw new Error(`delimiter must be one ASCII character, got ${JSON.stringify(delimiter)}`);
    this.delimiter = delimiter.charCodeAt(0);
    this.separator[this.delimiter] = 1;
    this.separator[LF] = 1;
    this.separator[CR] = 1;
    this.onRecord = onRecord;
    this.line = firstLine;
    this.record = {
      bytes: Buffer.alloc(0),
      starts: new Int32Array(64),
      ends: new Int32Array(64),
      escaped: new Uint8Array(64),
      quoted: new Uint8Array(64),
      fieldCount: 0,
      line: 0,
    };
    this.wasm = scanner === 'wasm' ? recordScanner() : null;
  }

  /** The scanner in use: 'js' when asked for or when the WASM one could not be loaded. */
  get scanner(): CsvScanner {
    return this.wasm === null ? 'js' : 'wasm';
  }

  /** Feeds the next chunk; every record completed by it is emitted before this returns. Keeps no reference to `chunk`. */
  push(chunk: Buffer): void {
    const wasm = this.wasm;
    const carried = this.carry === null ? 0 : this.carry.length;
    if (wasm !== null && !wasm.inUse && CsvRecordScanner.fits(carried + chunk.length)) {
      wasm.inUse = true;
      try {
        const bytes = wasm.load(this.carry, chunk, this.delimiter);
        const consumed = this.scanWasm(wasm, bytes);
        // A copy: the memory is the next push's input.
        this.carry = consumed < bytes.length ? Buffer.from(bytes.subarray(consumed)) : null;
      } finally {
        wasm.inUse = false;
      }
      return;
    }
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const consumed = this.scan(bytes, false);
    // A copy when it would point into the caller's chunk: callers reuse their read buffer (push keeps nothing of it).
    this.carry = consumed >= bytes.length ? null : bytes === chunk ? Buffer.from(bytes.subarray(consumed)) : bytes.subarray(consumed);
  }

  /** Physical line number of the next byte to be read. */
  get nextLine(): number {
    return this.line;
  }

  /** How many bytes of an unfinished record are waiting for the next chunk. */
  get pendingBytes(): number {
    return this.carry === null ? 0 : this.carry.length;
  }

  /** Whether bytes of an unfinished record are waiting for the next chunk. */
  get hasPending(): boolean {
    return this.carry !== null && this.carry.length > 0;
  }

  /**
   * The shape of the unfinished record waiting for the next chunk: its fields so far and its longest field (in bytes,
   * quotes included). Off the hot path: the reader asks only when that record has outgrown a limit (read/limits.ts).
   */
  pendingShape(): { fields: number; longest: number; longestAt: number } {
    const bytes = this.carry;
    if (bytes === null) return { fields: 0, longest: 0, longestAt: 0 };
    let fields = 1;
    let fieldStart = 0;
    let longest = 0;
    let longestAt = 0;
    let quoted = false;
    for (let p = 0; p < bytes.length; p++) {
      const c = bytes[p];
      // A `""` pair toggles twice: the field's extent is all that matters here.
      if (c === QUOTE) quoted = !quoted;
      else if (!quoted && c === this.delimiter) {
        if (p - fieldStart > longest) [longest, longestAt] = [p - fieldStart, fields - 1];
        fields++;
        fieldStart = p + 1;
      }
    }
    if (bytes.length - fieldStart > longest) [longest, longestAt] = [bytes.length - fieldStart, fields - 1];
    return { fields, longest, longestAt };
  }

  /** Ends the input: a last record without a final newline is emitted. */
  end(): void {
    if (this.carry !== null) {
      const bytes = this.carry;
      this.carry = null;
      this.scan(bytes, true);
    }
  }

  /**
   * Emits the records of `bytes` (the WASM memory's input) as the WASM scanner finds them; returns the offset of the
   * first byte of an incomplete record. From a record the scanner leaves to JS on, the JS scan reads this chunk.
   */
  private scanWasm(wasm: CsvRecordScanner, bytes: Buffer): number {
    const record = wasm.record;
    const next = wasm.next;
    const starts = record.starts;
    const ends = record.ends;
    const quoted = record.quoted;
    for (;;) {
      const fieldCount = next();
      if (fieldCount < 0) return fieldCount === NEEDS_INPUT ? wasm.recordStart : this.scan(bytes, false, wasm.recordStart);
      if (fieldCount !== 1 || starts[0] !== ends[0] || quoted[0] !== 0) {
        record.fieldCount = fieldCount;
        record.line = this.line;
        this.onRecord(record);
      }
      this.line += 1 + wasm.quotedBreaks;
    }
  }

  private setField(index: number, start: number, end: number, escaped: number, quoted: number): void {
    const r = this.record;
    if (index >= r.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      r.starts = grow(r.starts, (n) => new Int32Array(n));
      r.ends = grow(r.ends, (n) => new Int32Array(n));
      r.escaped = grow(r.escaped, (n) => new Uint8Array(n));
      r.quoted = grow(r.quoted, (n) => new Uint8Array(n));
    }
    r.starts[index] = start;
    r.ends[index] = end;
    r.escaped[index] = escaped;
    r.quoted[index] = quoted;
  }

  /** Scans complete records from `bytes`; returns the offset of the first byte of an incomplete record. */
  private scan(bytes: Buffer, final: boolean, from = 0): number {
    const n = bytes.length;
    const delimiter = this.delimiter;
    const separator = this.separator;
    const record = this.record;
    record.bytes = bytes;
    let pos = from;
    while (pos < n) {
      const recordStart = pos;
      let fieldCount = 0;
      let newlines = 0;
      let incomplete = false;
      for (;;) {
        if (pos < n && bytes[pos] === QUOTE) {
          const contentStart = pos + 1;
          // A byte loop, not indexOf: most quoted fields are short, and the loop counts line breaks as it goes.
          let p = contentStart;
          let escaped = 0;
          let closing = -1;
          let breaks = 0;
          while (p < n) {
            const c = bytes[p]!;
            if (c > QUOTE) {
              p++; // most bytes: one comparison (quote, LF and CR are all ≤ 0x22)
              continue;
            }
            if (c === QUOTE) {
              if (p + 1 < n) {
                if (bytes[p + 1] === QUOTE) {
                  escaped = 1;
                  p += 2;
                  continue;
                }
                closing = p;
              } else if (final) {
                closing = p;
              } // else: the next chunk may start with the second quote of a `""` pair
              break;
            }
            if (c === LF || (c === CR && (p + 1 >= n || bytes[p + 1] !== LF))) breaks++;
            p++;
          }
          if (closing === -1) {
            if (!final) {
              incomplete = true;
              break;
            }
            closing = n; // unterminated quote at the end of the file: the rest is the field
          }
          newlines += breaks;
          pos = closing + 1;
          if (pos < n && bytes[pos] !== delimiter && bytes[pos] !== LF && bytes[pos] !== CR) {
            // Text after the closing quote: keep the field raw, quotes and all, up to the next separator.
            let p = pos;
            while (p < n) {
              const c = bytes[p];
              if (c === delimiter || c === LF || c === CR) break;
              p++;
            }
            if (p >= n && !final) {
              incomplete = true;
              break;
            }
            this.setField(fieldCount++, contentStart - 1, p, 0, 0);
            pos = p;
          } else {
            this.setField(fieldCount++, contentStart, Math.min(closing, n), escaped, 1);
          }
        } else {
          let p = pos;
          while (p < n && separator[bytes[p]!] === 0) p++; // one table look-up per byte, whatever the delimiter
          this.setField(fieldCount++, pos, p, 0, 0);
          pos = p;
        }
        if (pos >= n) {
          if (!final) incomplete = true;
          break;
        }
        const c = bytes[pos];
        if (c === delimiter) {
          pos++; // `a,b,` at the very end of the file yields a trailing empty field on the next turn
          continue;
        }
        if (c === LF) {
          pos++;
          newlines++;
          break;
        }
        // CR: alone or as the first half of CRLF; at a chunk's end we cannot tell yet.
        if (pos + 1 < n) {
          pos += bytes[pos + 1] === LF ? 2 : 1;
        } else if (!final) {
          incomplete = true;
          break;
        } else {
          pos++;
        }
        newlines++;
        break;
      }
      if (incomplete) return recordStart;
      const blank = fieldCount === 1 && record.starts[0] === record.ends[0] && record.quoted[0] === 0;
      if (!blank) {
        record.fieldCount = fieldCount;
        record.line = this.line;
        this.onRecord(record);
      }
      this.line += newlines;
    }
    return pos;
  }
}

/** The text of field `i`, decoded and with `""` unescaped. */
export function fieldText(record: CsvRecord, i: number, decode: (bytes: Buffer, start: number, end: number) => string): string {
  if (i >= record.fieldCount) return '';
  const text = decode(record.bytes, record.starts[i]!, record.ends[i]!);
  return record.escaped[i] === 1 ? text.replaceAll('""', '"') : text;
}
