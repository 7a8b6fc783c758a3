import { bitrix24 } from './bitrix24.js';
import type { Preset } from './preset.js';
import { surveymonkey } from './surveymonkey.js';
import { zendesk } from './zendesk.js';

export type { Preset } from './preset.js';

/** Every known export, in the order ties are broken. */
export const PRESETS: readonly Preset[] = [zendesk, bitrix24, surveymonkey];

export function presetNamed(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name.toLowerCase());
}
