/**
 * Rearranges a[left..right] so that a[k] holds the value it would have if sorted, everything before it is ≤ and
 * everything after it ≥ (Hoare's FIND / Wirth's algorithm, median-of-three pivot: linear on average, and fine with
 * the many equal values of whole-minute durations). Returns a[k]. Mutates `a`.
 */
export function selectInPlace(a: Float64Array, k: number, left = 0, right = a.length - 1): number {
  while (left < right) {
    // Median of three into a[k] as the pivot.
    const mid = k;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[k]!;
    let i = left;
    let j = right;
    do {
      while (a[i]! < pivot) i++;
      while (pivot < a[j]!) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) left = i;
    if (k < i) right = j;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Quantile by linear interpolation between closest ranks (h = (n − 1)·q, numpy's default, DuckDB's
 * `quantile_cont`), found by selection instead of a full sort. `from` says where earlier selections have already
 * partitioned: everything before it is ≤ every value from it on. Mutates `a`.
 */
export function quantileBySelection(a: Float64Array, n: number, q: number, from = 0): number {
  const h = (n - 1) * q;
  const lower = Math.floor(h);
  const low = selectInPlace(a, lower, from, n - 1);
  if (lower + 1 >= n || h === lower) return low;
  // After selection every value right of `lower` is ≥ a[lower]: the next order statistic is their minimum.
  let high = Number.POSITIVE_INFINITY;
  for (let i = lower + 1; i < n; i++) if (a[i]! < high) high = a[i]!;
  return low + (h - lower) * (high - low);
}
