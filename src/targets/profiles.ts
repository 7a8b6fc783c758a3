import type { Threshold } from '../metrics/threshold.js';
import { parseTarget } from './parse-target.js';

/** A benchmark target for one metric, with where it comes from. */
export interface Target extends Threshold {
  metric: string;
  /** A target for one group only (`frt[channel=chat]`): it puts that group into the report even without --by. */
  scope?: { field: string; value: string };
  /** As written in the source: `< 15 min`. */
  text: string;
  source: string;
}

const SEED_000 = '000_eed479c8e4db3466.txt';
/** SPEC §6: LTV:CAC ≥ 3 and payback ≤ 12 months, the common SaaS rules of thumb. */
const RULES_OF_THUMB = 'SaaS rules of thumb (ChartMogul, HubSpot, D. Skok)';

function target(metric: string, text: string, source: string, scope?: { field: string; value: string }): Target {
  return { metric, text, source, ...parseTarget(text), ...(scope === undefined ? {} : { scope }) };
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
 * Industry profiles (SPEC §6): the saas targets plus seed 003's table — the user-satisfaction share ("Удовлетворенность
 * пользователей") as `csat_satisfied ≥`, and the chat first response as `frt ≤` for tickets whose channel is chat.
 */
function industry(satisfaction: string, chatFirstResponse: string): readonly Target[] {
  return [...SAAS, target('csat_satisfied', `>= ${satisfaction}`, SEED_003), target('frt', `<= ${chatFirstResponse}`, SEED_003, { field: 'channel', value: 'chat' })];
}

export const PROFILES: Readonly<Record<string, readonly Target[]>> = {
  saas: SAAS,
  'business-services': industry('89.47%', '84 s'),
  ecommerce: industry('86.06%', '113 s'),
  technology: industry('90.13%', '96 s'),
};

export const DEFAULT_PROFILE = 'saas';

/** The profile's target of a metric: for the group (field = key) when one is scoped to it, else the global one. */
export function targetFor(profile: string, metric: string, group?: { field: string; key: string }, own: readonly Target[] = []): Target | null {
  // The config file's targets first (they add to or override the profile's), scoped before global.
  for (const targets of [own, PROFILES[profile] ?? []]) {
    const scoped = group === undefined ? undefined : targets.find((t) => t.metric === metric && t.scope !== undefined && t.scope.field === group.field && t.scope.value.toLowerCase() === group.key.toLowerCase());
    if (scoped !== undefined) return scoped;
  }
  return own.find((t) => t.metric === metric && t.scope === undefined) ?? PROFILES[profile]?.find((t) => t.metric === metric && t.scope === undefined) ?? null;
}

/** The groups the profile's (and the config's) scoped targets need in the report, each once. */
export function scopedGroups(profile: string, own: readonly Target[] = []): { field: string; value: string }[] {
  const seen = new Map<string, { field: string; value: string }>();
  for (const t of [...(PROFILES[profile] ?? []), ...own]) if (t.scope !== undefined) seen.set(`${t.scope.field}=${t.scope.value.toLowerCase()}`, t.scope);
  return [...seen.values()];
}
