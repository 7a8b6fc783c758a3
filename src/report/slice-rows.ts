/**
 * Row numbers split into `slices` lists by each row's slice (−1 = in none): counted first, then filled into typed
 * arrays, in row order — a million-row export makes no growing arrays of boxed numbers. Groups and periods use it.
 */
export function sliceRows(slotOfRow: Int32Array, slices: number): Uint32Array[] {
  const counts = new Uint32Array(slices);
  for (let row = 0; row < slotOfRow.length; row++) if (slotOfRow[row]! >= 0) counts[slotOfRow[row]!]!++;
  const rows = Array.from(counts, (n) => new Uint32Array(n));
  const filled = new Uint32Array(slices);
  for (let row = 0; row < slotOfRow.length; row++) {
    const k = slotOfRow[row]!;
    if (k >= 0) rows[k]![filled[k]!++] = row;
  }
  return rows;
}
