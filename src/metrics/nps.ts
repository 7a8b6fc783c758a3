import { Z95 } from './stats/wilson.js';

export interface NpsResult {
  /** 100·(promoters − detractors)/responses, −100…100; null without answers. */
  value: number | null;
  details: { promoters: number; passives: number; detractors: number; responses: number; ci95: [number, number] | null };
}

/**
 * Net Promoter Score over 0–10 answers (NaN = no answer): promoters 9–10, passives 7–8, detractors 0–6 (SPEC §5
 * `nps`). Its 95 % interval: 100·(p − d) ± z·100·√((p + d − (p − d)²)/n), the variance of the difference of two shares
 * of one multinomial sample, clamped to ±100.
 */
export function nps(scores: ArrayLike<number>): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (Number.isNaN(score)) continue;
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  const n = promoters + passives + detractors;
  if (n === 0) return { value: null, details: { promoters, passives, detractors, responses: 0, ci95: null } };
  const p = promoters / n;
  const d = detractors / n;
  // From the counts, not the shares: 100·(3 − 2)/5 is 20, where 100·(0.6 − 0.4) would be 19.999999999999996.
  const value = (100 * (promoters - detractors)) / n;
  const half = Z95 * 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  return { value, details: { promoters, passives, detractors, responses: n, ci95: [Math.max(-100, value - half), Math.min(100, value + half)] } };
}
