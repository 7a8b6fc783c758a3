/** z for a two-sided 95 % interval. */
export const Z95 = 1.96;

/**
 * Wilson score interval of a share: k successes of n, (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Unlike the
 * normal approximation it stays inside [0, 1] and is sane for small n and for shares near 0 or 1 (SPEC §5). Null for n = 0.
 * It always holds p; in doubles centre − half at k = 0 came out as 2.8e-17 (0 of 11) and centre + half at k = n as
 * 0.9999999999999999 (5941 of 5941), an interval leaving out its own share: the bounds are clamped to p as well.
 */
export function wilsonInterval(k: number, n: number, z = Z95): [number, number] | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, Math.min(p, centre - half)), Math.min(1, Math.max(p, centre + half))];
}
