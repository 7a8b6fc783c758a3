import type { SurveyScale } from '../survey/scale.js';

export interface CesResult {
  /** Mean effort score on the scale; null without answers. */
  value: number | null;
  details: { responses: number; scaleMin: number; scaleMax: number; higherIsBetter: boolean };
}

/**
 * Customer Effort Score: the mean answer (NaN = no answer) on its scale (SPEC §5 `ces`). Which end is good is the
 * scale's: 1–5 effort where lower is better by default (seed 002), 1–7 agreement where higher is better (CES 2.0).
 */
export function ces(scores: ArrayLike<number>, scale: SurveyScale): CesResult {
  let responses = 0;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (Number.isNaN(score)) continue;
    responses++;
    sum += score;
  }
  return { value: responses === 0 ? null : sum / responses, details: { responses, scaleMin: scale.min, scaleMax: scale.max, higherIsBetter: scale.higherIsBetter } };
}
