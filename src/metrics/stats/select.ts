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
