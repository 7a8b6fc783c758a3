import { bitrix24 } from './bitrix24.js';
import type { Preset } from './preset.js';
import { googleAds, metaAds, tiktokAds } from './ad-platforms.js';
import { stripe } from './stripe.js';
import { surveymonkey } from './surveymonkey.js';
import { zendesk } from './zendesk.js';
import { freshdesk } from './freshdesk.js';
import { intercom, intercomCsat } from './intercom.js';
import { liveagent } from './liveagent.js';
import { zammad } from './zammad.js';
import { chatwoot } from './chatwoot.js';

export type { Preset } from './preset.js';

/** Every known export, in the order ties are broken. */
export const PRESETS: readonly Preset[] = [zendesk, freshdesk, intercom, bitrix24, surveymonkey, stripe, googleAds, metaAds, tiktokAds, liveagent, zammad, chatwoot, intercomCsat];

export function presetNamed(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name.toLowerCase());
}
