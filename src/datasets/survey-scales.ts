import { answerScale, rowsOffScale, type AnswerScale, type SurveyKind } from '../survey/answers.js';
import { otherSurveys, surveyColumn } from '../survey/columns.js';
import type { SurveyScale } from '../survey/scale.js';
import type { Dataset } from './dataset.js';

export type SurveyScales = Partial<Record<SurveyKind, SurveyScale>>;
/** Each survey's scale and what each distinct answer (by code) is on it, settled over a whole data set. */
export type SettledScales = Partial<Record<SurveyKind, AnswerScale>>;

/** An answer off its survey's scale: the row is rejected (SPEC: with file:line and the scale it broke). */
export interface OffScaleAnswer {
  row: number;
  field: string;
  value: string;
  message: string;
}

/**
 * Settles each survey's scale over the whole survey data set — the one given (--scale), else detected from every
 * answer (survey/answers.ts), never per window — and finds the answers off it. Run once after the files are merged.
 */
export function settleSurveyScales(dataset: Dataset, given: SurveyScales): { scales: SettledScales; warnings: string[]; offScale: OffScaleAnswer[] } {
  const scales: SettledScales = {};
  const warnings: string[] = [];
  const offScale: OffScaleAnswer[] = [];
  for (const survey of ['csat', 'nps', 'ces'] as const) {
    const found = surveyColumn(dataset.texts, survey);
    if (found === null) continue;
    // The scale only, and the rows off it only when some answer is: the rows themselves are read by the metrics.
    const answers = answerScale(found.column, survey, given[survey] ?? null);
    scales[survey] = answers;
    if (answers.assumed !== null) warnings.push(answers.assumed);
    const range = `${answers.scale.min}–${answers.scale.max}`;
    for (const row of rowsOffScale(found.column.codes, answers.verdicts)) {
      const value = found.column.values[found.column.codes[row]!]!;
      offScale.push({ row, field: found.field, value, message: `is off the ${survey} scale ${range} (or not a ${survey} answer); fix the row or pass --scale ${survey}=MIN-MAX` });
    }
  }
  const others = otherSurveys(dataset.texts);
  if (others.size > 0) {
    const n = [...others.values()].reduce((a, b) => a + b, 0);
    const list = [...others].map(([name, count]) => `${name} ${count}`).join(', ');
    warnings.push(`${n} response${n === 1 ? '' : 's'} of other surveys (${list}) left out: only CSAT, NPS and CES are computed`);
  }
  return { scales, warnings, offScale };
}
