import { wilsonInterval } from './stats/wilson.js';
import { topBoxFrom, type SurveyScale } from '../survey/scale.js';

/** Answers of a CSAT question: scores on `scale` (NaN = no answer), and binary ratings (good/bad, 👍/👎) counted apart. */
export interface CsatAnswers {
  scores: ArrayLike<number>;
  scale: SurveyScale;
  /** Binary ratings have no mean: they count toward csat_satisfied only (SPEC §5). */
  binary?: { satisfied: number; responses: number };
}

export interface CsatResult {
  /** Mean score on the scale; null without scored answers. */
  value: number | null;
  details: { responses: number; scaleMin: number; scaleMax: number; distribution: Record<string, number> };
}

/** CSAT: the mean score of the scored answers (SPEC §5 `csat`), with their distribution by score. */
export function csat(answers: CsatAnswers): CsatResult {
  const distribution: Record<string, number> = {};
  for (let s = answers.scale.min; s <= answers.scale.max; s++) distribution[String(s)] = 0;
  let responses = 0;
  let sum = 0;
  for (let i = 0; i < answers.scores.length; i++) {
    const score = answers.scores[i]!;
    if (Number.isNaN(score)) continue;
    responses++;
    sum += score;
    distribution[String(score)] = (distribution[String(score)] ?? 0) + 1;
  }
  return { value: responses === 0 ? null : sum / responses, details: { responses, scaleMin: answers.scale.min, scaleMax: answers.scale.max, distribution } };
}

export interface CsatSatisfiedResult {
  /** Share of answers in the top box; null without answers. */
  value: number | null;
  details: { satisfied: number; responses: number; topBoxFrom: number; ci95: [number, number] | null };
}

/**
 * CSAT satisfied: the share of answers in the top box of the scale (topBoxFrom: 4–5 of 5), scored and binary answers
 * together, with its Wilson 95 % interval (SPEC §5 `csat_satisfied`).
 */
export function csatSatisfied(answers: CsatAnswers): CsatSatisfiedResult {
  const from = topBoxFrom(answers.scale);
  let satisfied = answers.binary?.satisfied ?? 0;
  let responses = answers.binary?.responses ?? 0;
  for (let i = 0; i < answers.scores.length; i++) {
    const score = answers.scores[i]!;
    if (Number.isNaN(score)) continue;
    responses++;
    if (score >= from) satisfied++;
  }
  return { value: responses === 0 ? null : satisfied / responses, details: { satisfied, responses, topBoxFrom: from, ci95: wilsonInterval(satisfied, responses) } };
}
