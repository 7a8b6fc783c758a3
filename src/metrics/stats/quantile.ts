/**
 * Quantile of ascending-sorted values by linear interpolation between closest ranks: position h = (n − 1)·q,
 * value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) — numpy's default and DuckDB's `quantile_cont` (SPEC §5).
 * Null for no values.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  const a = sorted[lower]!;
  const b = sorted[upper]!;
  return a + (h - lower) * (b - a);
}
