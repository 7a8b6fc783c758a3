/**
 * The one row filter for windows (and, later, periods and comparison): rows whose time lies in [since, until).
 * Data sets are columns; a window is a list of row numbers applied to any column.
 */

type Column = Float64Array | Uint8Array | Uint16Array | Uint32Array;

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

/** The values of `rows` (all of them when null), as a new array of the same type. */
export function pickRows<T extends Column>(values: T, rows: Uint32Array | null): T {
  if (rows === null) return values;
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]!]!;
  return out;
}

/** Every column of a record of columns restricted to `rows`. */
export function pickColumns<T extends Record<string, Column>>(columns: T, rows: Uint32Array | null): T {
  if (rows === null) return columns;
  return Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, pickRows(values, rows)])) as T;
}
