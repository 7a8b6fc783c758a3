/**
 * The one row filter for windows (and, later, periods and comparison): rows whose time lies in [since, until).
 * Data sets are columns; a window is a list of row numbers applied to any column.
 */

/** The rows whose time lies in [since, until); null bounds are open. Null when both are open (every row). */
export function rowsInWindow(time: Float64Array, since: number | null, until: number | null): Uint32Array | null {
  if (since === null && until === null) return null;
  const rows = new Uint32Array(time.length);
  let n = 0;
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    if ((since === null || t >= since) && (until === null || t < until)) rows[n++] = i;
  }
  return rows.subarray(0, n);
}

// Row selection itself is the data set's (datasets/dataset.ts); re-exported for callers that slice plain columns.
export { pickColumns, pickRows } from '../datasets/dataset.js';
