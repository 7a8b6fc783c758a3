/**
 * A data set's rows cut into slices (the groups of `--by`, the periods of `--period`): each row's slice, −1 for a row
 * in none, and how many rows each slice has. Shared by datasets/ (which cuts data sets by it) and metrics/ (which
 * tallies every slice of a column in one pass): neither imports the other.
 */
export interface Slicing {
  slotOfRow: Int32Array;
  slices: number;
  /** Rows per slice. */
  rows: Uint32Array;
}

export function slicing(slotOfRow: Int32Array, slices: number): Slicing {
  const rows = new Uint32Array(slices);
  for (let row = 0; row < slotOfRow.length; row++) {
    const k = slotOfRow[row]!;
    if (k >= 0) rows[k]!++;
  }
  return { slotOfRow, slices, rows };
}
