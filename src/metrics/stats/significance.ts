/**
 * Whether a change is real (issue #13): two-sided p-values of the tests that fit each metric. Pure functions over
 * counts and samples; no verdict is drawn here (the report says `significant` below 0.05, none under 20 values).
 */

export interface TestResult {
  test: 'two-proportion z' | 'welch t' | 'nps difference z' | 'mann-whitney u';
  statistic: number;
  pValue: number;
}

/** Two-sided p of a standard normal statistic: erfc(|z|/√2), by the Numerical Recipes Chebyshev fit (error < 1.2e-7). */
export function normalTwoSided(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return Math.min(1, erfc);
}

/** Shares k1/n1 against k2/n2, pooled variance (csat_satisfied, withinTarget, repeat contacts). */
export function twoProportionZ(k1: number, n1: number, k2: number, n2: number): TestResult {
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se === 0 ? 0 : (k1 / n1 - k2 / n2) / se;
  return { test: 'two-proportion z', statistic: z, pValue: se === 0 ? 1 : normalTwoSided(z) };
}

/** Welch's t-test of two means with unequal variances, Welch–Satterthwaite degrees of freedom (csat, ces). */
export function welchT(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  const [ma, va] = meanVariance(a);
  const [mb, vb] = meanVariance(b);
  const sa = va / a.length;
  const sb = vb / b.length;
  if (sa + sb === 0) return { test: 'welch t', statistic: 0, pValue: ma === mb ? 1 : 0 };
  const t = (ma - mb) / Math.sqrt(sa + sb);
  const df = (sa + sb) ** 2 / (sa ** 2 / (a.length - 1) + sb ** 2 / (b.length - 1));
  // Two-sided p of Student's t: the regularized incomplete beta I_{df/(df+t²)}(df/2, 1/2).
  return { test: 'welch t', statistic: t, pValue: incompleteBeta(df / (df + t * t), df / 2, 0.5) };
}

/** Two NPS values with their variances (100²·(p + d − (p − d)²)/n each), a normal z (issue #13). */
export function npsDifference(p1: number, d1: number, n1: number, p2: number, d2: number, n2: number): TestResult {
  const value = (p: number, d: number, n: number) => (100 * (p - d)) / n;
  const variance = (p: number, d: number, n: number) => (10_000 * (p / n + d / n - ((p - d) / n) ** 2)) / n;
  const se = Math.sqrt(variance(p1, d1, n1) + variance(p2, d2, n2));
  const z = se === 0 ? 0 : (value(p1, d1, n1) - value(p2, d2, n2)) / se;
  return { test: 'nps difference z', statistic: z, pValue: se === 0 ? 1 : normalTwoSided(z) };
}

/**
 * Mann–Whitney U of two samples (FRT, ART distributions): U of the first sample from average ranks, the normal
 * approximation with the tie correction and a continuity correction of ½ — as scipy's `mannwhitneyu(method='asymptotic')`.
 */
export function mannWhitneyU(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  const n1 = a.length;
  const n2 = b.length;
  const all = new Float64Array(n1 + n2);
  for (let i = 0; i < n1; i++) all[i] = a[i]!;
  for (let i = 0; i < n2; i++) all[n1 + i] = b[i]!;
  const order = Uint32Array.from(all.keys()).sort((x, y) => all[x]! - all[y]!);
  let rankSumA = 0;
  let ties = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && all[order[j + 1]!] === all[order[i]!]) j++;
    const rank = (i + j + 2) / 2; // ranks are 1-based
    const t = j - i + 1;
    ties += t ** 3 - t;
    for (let k = i; k <= j; k++) if (order[k]! < n1) rankSumA += rank;
    i = j + 1;
  }
  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1))));
  const delta = u - (n1 * n2) / 2;
  const z = sigma === 0 ? 0 : (Math.abs(delta) - 0.5) / sigma;
  return { test: 'mann-whitney u', statistic: u, pValue: sigma === 0 ? 1 : normalTwoSided(Math.max(0, z)) };
}

function meanVariance(x: ArrayLike<number>): [number, number] {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  const mean = sum / x.length;
  let squares = 0;
  for (let i = 0; i < x.length; i++) squares += (x[i]! - mean) ** 2;
  return [mean, squares / (x.length - 1)];
}

/** The regularized incomplete beta I_x(a, b), by its continued fraction (Numerical Recipes betai/betacf). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-12) break;
  }
  return h;
}

/** ln Γ(x) by the Lanczos approximation (g = 7, 9 terms). */
function logGamma(x: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = g[0]!;
  for (let i = 1; i < 9; i++) sum += g[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
