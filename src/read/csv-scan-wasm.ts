/**
 * The WASM SIMD record scanner (src/read/csv-scan.wat, built to dist/read/csv-scan.wasm) and its memory. It writes
 * each record's fields into its memory, where the `CsvRecord` it hands out has its arrays, so the JS side does no
 * work per field.
 *
 * One instance per thread, shared by all tokenizers: an instance with its memory costs ~0.5 ms to make, and a
 * tokenizer keeps its unfinished record in JS between pushes, so only one push at a time uses the memory.
 */
import { readFileSync } from 'node:fs';
import type { CsvRecord } from './csv-tokenizer.js';

/** record() results below 0 (see csv-scan.wat). */
export const NEEDS_INPUT = -1;
export const LEFT_TO_JS = -2;

// Memory layout, as in csv-scan.wat.
const MAX_FIELDS = 4096;
const STARTS_AT = 0;
const ENDS_AT = 16384;
const ESCAPED_AT = 32768;
const QUOTED_AT = 36864;
const META_AT = 40960;
const INPUT_AT = 65536;
/** Bytes read past the input: the look-ahead sentinel and the rest of the last 64-byte block. */
const OVERREAD = 128;
const PAGE = 64 * 1024;

interface ScanExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  begin(length: number, delimiter: number): void;
  record(): number;
}

// TypeScript's lib has WebAssembly types only with the DOM lib; these are the few calls made here.
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const webAssembly = (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;

let compiled: object | null | undefined;
let shared: CsvRecordScanner | null | undefined;

/**
 * The compiled scanner, loaded on first use: next to this module (dist/read/), else from dist/read/ when this runs
 * from src/read/ (tests). Null when it is not built or this runtime lacks WASM SIMD: then the JS tokenizer runs.
 */
function scannerModule(): object | null {
  if (compiled === undefined) {
    compiled = null;
    for (const candidate of ['./csv-scan.wasm', '../../dist/read/csv-scan.wasm']) {
      try {
        compiled = new webAssembly!.Module(readFileSync(new URL(candidate, import.meta.url)));
        break;
      } catch {
        // not there, or not compilable here: try the next place
      }
    }
  }
  return compiled;
}

/** This thread's scanner, made on first use; null when not available. */
export function recordScanner(): CsvRecordScanner | null {
  if (shared === undefined) {
    const module = scannerModule();
    shared = module === null ? null : new CsvRecordScanner(module);
  }
  return shared;
}

export class CsvRecordScanner {
  /** Set while a push reads the memory: a push from inside a record callback must take the JS path. */
  inUse = false;
  /** The record the scanner fills: its arrays are views of the memory. */
  readonly record: CsvRecord;
  /** Gets the next record into `record`'s arrays: its field count, or NEEDS_INPUT / LEFT_TO_JS. */
  readonly next: () => number;
  private readonly exports: ScanExports;
  private meta: Int32Array;
  /** Input bytes the memory holds. */
  private capacity: number;

  constructor(module: object) {
    this.exports = new webAssembly!.Instance(module, {}).exports as ScanExports;
    this.next = this.exports.record;
    this.record = { bytes: Buffer.alloc(0), starts: new Int32Array(0), ends: new Int32Array(0), escaped: new Uint8Array(0), quoted: new Uint8Array(0), fieldCount: 0, line: 0 };
    this.meta = new Int32Array(0);
    this.capacity = 0;
    this.view();
  }

  /** An input this long fits the memory (positions are i32). */
  static fits(length: number): boolean {
    return length <= 2 ** 31 - INPUT_AT - OVERREAD;
  }

  /** Copies `carry` and `chunk` into the memory as the input to scan; returns it (valid until the next load). */
  load(carry: Buffer | null, chunk: Buffer, delimiter: number): Buffer {
    const kept = carry === null ? 0 : carry.length;
    const length = kept + chunk.length;
    if (length > this.capacity) this.reserve(length);
    const heap = new Uint8Array(this.exports.memory.buffer, INPUT_AT);
    if (carry !== null) heap.set(carry, 0);
    heap.set(chunk, kept);
    this.exports.begin(length, delimiter);
    const bytes = Buffer.from(this.exports.memory.buffer, INPUT_AT, length);
    this.record.bytes = bytes;
    return bytes;
  }

  /** Line breaks inside quotes in the record just returned. */
  get quotedBreaks(): number {
    return this.meta[0]!;
  }

  /** Start of the first record not returned (after NEEDS_INPUT or LEFT_TO_JS: where to go on from). */
  get recordStart(): number {
    return this.meta[1]!;
  }

  private reserve(length: number): void {
    // A quarter more than asked: the next chunk plus a carried partial record usually fits without growing again.
    const pages = Math.ceil((INPUT_AT + length + (length >> 2) + OVERREAD) / PAGE);
    const memory = this.exports.memory;
    memory.grow(pages - memory.buffer.byteLength / PAGE);
    this.view();
  }

  /** Views of the memory, made again when it grows (growing detaches the old ones). */
  private view(): void {
    const buffer = this.exports.memory.buffer;
    this.capacity = buffer.byteLength - INPUT_AT - OVERREAD;
    this.record.starts = new Int32Array(buffer, STARTS_AT, MAX_FIELDS);
    this.record.ends = new Int32Array(buffer, ENDS_AT, MAX_FIELDS);
    this.record.escaped = new Uint8Array(buffer, ESCAPED_AT, MAX_FIELDS);
    this.record.quoted = new Uint8Array(buffer, QUOTED_AT, MAX_FIELDS);
    this.meta = new Int32Array(buffer, META_AT, 2);
  }
}
