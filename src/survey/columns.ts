import type { ScoreColumn, SurveyKind } from './answers.js';

/**
 * One survey's answers in a survey data set's text columns: its own column (wide form), else the `score` of the rows
 * whose `survey` names it (long form: `csat`, `NPS` …). Null when the data set has neither. `field` is the column the
 * answers stand in, for messages.
 */
export function surveyColumn(texts: Readonly<Record<string, ScoreColumn>>, survey: SurveyKind): { column: ScoreColumn; field: string } | null {
  const own = texts[survey];
  if (own !== undefined) return { column: own, field: survey };
  const kinds = texts.survey;
  const scores = texts.score;
  if (kinds === undefined || scores === undefined) return null;
  const named = kinds.values.map((v) => v.trim().toLowerCase() === survey);
  const codes = new Uint32Array(scores.codes.length);
  for (let row = 0; row < codes.length; row++) if (named[kinds.codes[row]!]) codes[row] = scores.codes[row]!;
  return { column: { codes, values: scores.values }, field: 'score' };
}
