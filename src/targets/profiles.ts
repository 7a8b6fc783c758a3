import type { Threshold } from '../metrics/threshold.js';
import { parseTarget } from './parse-target.js';

/** A benchmark target for one metric, with where it comes from. */
export interface Target extends Threshold {
  metric: string;
  /** As written in the source: `< 15 min`. */
  text: string;
  source: string;
}

const SEED_000 = '000_eed479c8e4db3466.txt';
/** SPEC §6: LTV:CAC ≥ 3 and payback ≤ 12 months, the common SaaS rules of thumb. */
const RULES_OF_THUMB = 'SaaS rules of thumb (ChartMogul, HubSpot, D. Skok)';

function target(metric: string, text: string, source: string): Target {
  return { metric, text, source, ...parseTarget(text) };
}

/**
 * Benchmark profiles (SPEC §6). `saas`: the example targets of seed 000 (table "Метрика … Целевое значение":
 * CSAT 4.5 / 5, ART "Менее 4 часов", FRT "Менее 15 минут"); "less than" is strict.
 */
const SAAS: readonly Target[] = [
  target('frt', '< 15 min', SEED_000),
  target('art', '< 4 h', SEED_000),
  target('csat', '>= 4.5', SEED_000),
  // Seed 000's example targets for CAC and LTV, in USD ("CAC < $100", "LTV > $500").
  target('cac', '< 100', SEED_000),
  target('ltv', '> 500', SEED_000),
  target('ltv_to_cac', '>= 3', RULES_OF_THUMB),
  target('cac_payback_months', '<= 12', RULES_OF_THUMB),
];

const SEED_003 = '003_e088cb0f5784531c.txt (Live Chat Benchmark Report 2020)';

/**
 * Industry profiles (SPEC §6): the saas targets plus the user-satisfaction share of seed 003's table
 * ("Удовлетворенность пользователей") as `csat_satisfied ≥`. Their chat first-response targets need targets scoped to
 * a group (channel = chat), which come with groups (issue #13).
 */
function industry(satisfaction: string): readonly Target[] {
  return [...SAAS, target('csat_satisfied', `>= ${satisfaction}`, SEED_003)];
}

export const PROFILES: Readonly<Record<string, readonly Target[]>> = {
  saas: SAAS,
  'business-services': industry('89.47%'),
  ecommerce: industry('86.06%'),
  technology: industry('90.13%'),
};

export const DEFAULT_PROFILE = 'saas';

export function targetFor(profile: string, metric: string): Target | null {
  return PROFILES[profile]?.find((t) => t.metric === metric) ?? null;
}
