import { bitrix24 } from './bitrix24.js';
import type { NotADataSet, Preset } from './preset.js';
import { bitrix24Deals } from './bitrix24-crm.js';
import { googleAds, metaAds, tiktokAds } from './ad-platforms.js';
import { stripe } from './stripe.js';
import { surveymonkey } from './surveymonkey.js';
import { zendesk } from './zendesk.js';
import { freshdesk } from './freshdesk.js';
import { jira } from './jira.js';
import { intercom, intercomCsat } from './intercom.js';
import { liveagent } from './liveagent.js';
import { zammad } from './zammad.js';
import { chatwoot } from './chatwoot.js';
import { zendeskExplore } from './zendesk-explore.js';

export type { NotADataSet, Preset } from './preset.js';

/** Every known export, in the order ties are broken. */
export const PRESETS: readonly Preset[] = [zendesk, zendeskExplore, freshdesk, intercom, bitrix24, jira, surveymonkey, stripe, googleAds, metaAds, tiktokAds, liveagent, zammad, chatwoot, intercomCsat];

/** Known exports that are none of the kinds: refused with why when the kind is detected (preset.ts NotADataSet). */
export const NOT_DATA_SETS: readonly NotADataSet[] = [bitrix24Deals];

export function presetNamed(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name.toLowerCase());
}
