/**
 * A row key (a ticket id) as a number when it is all digits (1–15, no leading zero): help-desk ids usually are, and a million
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
 * Rows whose key (ticket id, month) repeats an earlier row's, as `[row, firstRow]` in row order; the first occurrence is kept
 * (SPEC §4). `numericIds[row]` is the id or NaN, and then the row's id is the next entry of `textIds`.
 * Numeric ids are checked in bulk: an export sorted by id is proven unique by one linear scan, any other by one
 * typed-array sort — no map of a million entries. Text ids go through a Map.
 */
export function findRepeatedIds(numericIds: Float64Array, textIds: readonly string[]): [row: number, firstRow: number][] {
  const repeats: [number, number][] = [];
  if (textIds.length > 0) {
    const firstRowOfText = new Map<string, number>();
    let k = 0;
    for (let row = 0; row < numericIds.length; row++) {
      if (!Number.isNaN(numericIds[row]!)) continue;
      const id = textIds[k++]!;
      const first = firstRowOfText.get(id);
      if (first === undefined) firstRowOfText.set(id, row);
      else repeats.push([row, first]);
    }
  }
  const repeated = repeatedNumbers(numericIds);
  if (repeated.size > 0) {
    const firstRow = new Map<number, number>();
    for (let row = 0; row < numericIds.length; row++) {
      const id = numericIds[row]!;
      if (!repeated.has(id)) continue;
      const first = firstRow.get(id);
      if (first === undefined) firstRow.set(id, row);
      else repeats.push([row, first]);
    }
  }
  return repeats.sort((a, b) => a[0] - b[0]);
}

/** The numeric ids that occur more than once (NaN ignored). */
function repeatedNumbers(ids: Float64Array): Set<number> {
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
  const repeated = new Set<number>();
  if (increasing) return repeated;
  const sorted = ids.filter((id) => !Number.isNaN(id)).sort();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]!);
  return repeated;
}
