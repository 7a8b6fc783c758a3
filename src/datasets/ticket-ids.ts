import { Float64Column } from './columns.js';

/**
 * A ticket id as a number when it is all digits (1–15, no leading zero): help-desk ids usually are, and a million
 * numbers need no strings and no hash map. NaN otherwise (the id is then kept as text).
 */
export function numericId(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && bytes[start] === 0x20) start++;
  while (end > start && bytes[end - 1] === 0x20) end--;
  const length = end - start;
  if (length === 0 || length > 15 || (bytes[start] === 0x30 && length > 1)) return Number.NaN;
  let value = 0;
  for (let p = start; p < end; p++) {
    const d = bytes[p]! - 0x30;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Finds repeated ticket ids across accepted rows, the first occurrence kept (SPEC §4).
 * Text ids are checked as they come (a Map); numeric ids in bulk after the pass: exports sorted by id are proven
 * unique in one linear scan, others by one typed-array sort — no per-row map of a million entries.
 */
export class TicketIdIndex {
  private readonly numeric = new Float64Column();
  private readonly firstRowOfText = new Map<string, number>();

  /** Adds accepted row `row` (rows are numbered 0, 1, 2 … in order) with a numeric id. */
  addNumeric(id: number): void {
    this.numeric.push(id);
  }

  /** Adds a row with a text id; returns the earlier row with the same id, or -1 (then the row is kept). */
  addText(id: string, row: number): number {
    const first = this.firstRowOfText.get(id);
    if (first !== undefined) return first;
    this.firstRowOfText.set(id, row);
    this.numeric.push(Number.NaN);
    return -1;
  }

  /** Numeric id of a row (NaN for text ids). */
  numericIdOf(row: number): number {
    return this.numeric.values()[row]!;
  }

  /** After the pass: `[row, firstRow]` for every later row whose numeric id repeats an earlier one, in row order. */
  numericDuplicates(): [row: number, firstRow: number][] {
    const ids = this.numeric.values();
    let previous = Number.NEGATIVE_INFINITY;
    let increasing = true;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (Number.isNaN(id)) continue;
      if (id <= previous) {
        increasing = false;
        break;
      }
      previous = id;
    }
    if (increasing) return [];
    const sorted = ids.filter((id) => !Number.isNaN(id)).sort();
    const repeated = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]!);
    if (repeated.size === 0) return [];
    const firstRow = new Map<number, number>();
    const duplicates: [number, number][] = [];
    for (let row = 0; row < ids.length; row++) {
      const id = ids[row]!;
      if (!repeated.has(id)) continue;
      const first = firstRow.get(id);
      if (first === undefined) firstRow.set(id, row);
      else duplicates.push([row, first]);
    }
    return duplicates;
  }
}
