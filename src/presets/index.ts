import { bitrix24 } from './bitrix24.js';
import type { Preset } from './preset.js';
import { googleAds, metaAds, tiktokAds } from './ad-platforms.js';
import { stripe } from './stripe.js';
import { surveymonkey } from './surveymonkey.js';
import { zendesk } from './zendesk.js';
import { freshdesk } from './freshdesk.js';
import { zendeskExplore } from './zendesk-explore.js';

export type { Preset } from './preset.js';

/** Every known export, in the order ties are broken. */
export const PRESETS: readonly Preset[] = [zendesk, zendeskExplore, freshdesk, bitrix24, surveymonkey, stripe, googleAds, metaAds, tiktokAds];

export function presetNamed(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name.toLowerCase());
}
