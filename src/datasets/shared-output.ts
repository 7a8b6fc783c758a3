import { open } from 'node:fs/promises';
import { CsvTokenizer } from '../read/csv-tokenizer.js';
import type { RowReader, SharedOutput } from './row-reader.js';

/**
 * The two halves of a parallel CSV read write their typed columns into one shared buffer per column — the first
 * half from row 0, the second from an estimated row well past the first half's end — and meet by moving the second
 * half down (joinHalves). The old way, each half in its own arrays concatenated into a third, held every kept column
 * twice at the end of the read (~78 B/row of peak for 38 B/row kept at 10M rows, issue #10).
 *
 * Memory that is reserved but never written costs nothing (the pages are not touched), so the regions can be
 * generous; what a wrong estimate costs is only the gap between the first half's end and the second half's start.
 * A half that outgrows its region continues in private arrays, and the columns are then concatenated as before.
 */

/**
 * Bytes per record over [from, to), from `samples` windows of 32 KiB spread evenly over the range: the windows sample
 * bytes uniformly, so the mean of their records per byte is the range's own (a stretch of long descriptions weighs
 * as much as the bytes it takes). A window starts after its first line break; one that falls inside a quoted
 * multi-line field miscounts a record or two, which an estimate can bear. Null when the windows hold too few records.
 */
export async function bytesPerRecord(path: string, delimiter: string, from: number, to: number, samples = 16): Promise<number | null> {
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(32 * 1024);
    let recordsPerByte = 0;
    let windows = 0;
    let records = 0;
    for (let k = 0; k < samples; k++) {
      const at = from + Math.floor(((to - from) * k) / samples);
      const { bytesRead } = await handle.read(window, 0, Math.min(window.length, Math.max(0, to - at)), at);
      const bytes = window.subarray(0, bytesRead);
      const start = bytes.indexOf(0x0a) + 1;
      if (start <= 0 || start >= bytes.length) continue;
      let counted = 0;
      const tokenizer = new CsvTokenizer(delimiter, () => counted++);
      tokenizer.push(bytes.subarray(start));
      recordsPerByte += counted / (bytes.length - start);
      records += counted;
      windows++;
    }
    return records < 8 || recordsPerByte === 0 ? null : windows / recordsPerByte;
  } finally {
    await handle.close();
  }
}

/**
 * Rows reserved per half: the first half's estimate with a margin of 10 % (its gap is touched), the second's generous.
 * SUPPORT_METRICS_REGION_SCALE shrinks both (tests force the halves out of their regions with it).
 */
export function sharedRegions(firstRows: number, secondRows: number, scale = Number(process.env.SUPPORT_METRICS_REGION_SCALE ?? 1)): { firstCapacity: number; secondCapacity: number } {
  return { firstCapacity: Math.ceil(firstRows * 1.1 * scale) + 4096, secondCapacity: Math.ceil(secondRows * 2 * scale) + 4096 };
}

/** One shared buffer per typed column of `reader` (the same columns every reader of the plan keeps), for `rows` rows. */
export function allocateShared(reader: RowReader, rows: number): Record<string, SharedArrayBuffer> {
  const buffers: Record<string, SharedArrayBuffer> = {};
  for (const [name, column] of reader.typedColumns()) buffers[name] = new SharedArrayBuffer(rows * column.bytesPerRow);
  return buffers;
}

/** The output region of each half. */
export function halves(buffers: Record<string, SharedArrayBuffer>, firstCapacity: number, secondCapacity: number): [SharedOutput, SharedOutput] {
  return [
    { buffers, from: 0, to: firstCapacity },
    { buffers, from: firstCapacity, to: firstCapacity + secondCapacity },
  ];
}

type Typed = Float64Array | Uint8Array | Uint32Array;

/**
 * The two halves of a column as one array, without a copy of the first: when both are still in their regions of one
 * shared buffer (the second from row `secondFrom`), the second is moved down to follow the first. Null when either
 * half left its region (then concatenate). The second half comes back from the worker as a view on a new
 * SharedArrayBuffer object over the same memory, so it is recognised by its place, not by identity.
 */
export function joinHalves<T extends Typed>(first: T, second: T, secondFrom: number): T | null {
  const buffer = first.buffer;
  const size = first.BYTES_PER_ELEMENT;
  if (!(buffer instanceof SharedArrayBuffer) || first.byteOffset !== 0) return null;
  if (!(second.buffer instanceof SharedArrayBuffer) || second.buffer.byteLength !== buffer.byteLength || second.byteOffset !== secondFrom * size) return null;
  const all = new (first.constructor as new (buffer: SharedArrayBuffer) => T)(buffer);
  all.copyWithin(first.length, secondFrom, secondFrom + second.length);
  return all.subarray(0, first.length + second.length) as T;
}
