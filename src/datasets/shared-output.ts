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

/** Bytes per record of a CSV near `from` (a record boundary): from the complete records of the next 256 KiB. */
export async function bytesPerRecord(path: string, delimiter: string, from: number): Promise<number | null> {
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(window, 0, window.length, from);
    let records = 0;
    const tokenizer = new CsvTokenizer(delimiter, () => records++);
    tokenizer.push(window.subarray(0, bytesRead));
    return records < 8 ? null : bytesRead / records;
  } finally {
    await handle.close();
  }
}

/** Rows reserved per half: the first half's estimate with a small margin (its gap is touched), the second's generous. */
export function sharedRegions(firstRows: number, secondRows: number): { firstCapacity: number; secondCapacity: number } {
  return { firstCapacity: Math.ceil(firstRows * 1.06) + 4096, secondCapacity: Math.ceil(secondRows * 2) + 4096 };
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
