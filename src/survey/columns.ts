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
  const named = kinds.values.map((v) => surveyNamed(v) === survey);
  const codes = new Uint32Array(scores.codes.length);
  for (let row = 0; row < codes.length; row++) if (named[kinds.codes[row]!]) codes[row] = scores.codes[row]!;
  return { column: { codes, values: scores.values }, field: 'score' };
}

/**
 * The survey a long-form row's `survey` names: `csat`, `NPS`, Delighted's `smileys` and `5-star` (CSAT on 1–5) …;
 * null for surveys this tool does not compute (eNPS — employees, not customers — thumbs, PMF …).
 */
export function surveyNamed(text: string): SurveyKind | null {
  const key = text.trim().toLowerCase().replace(/[\s_-]+/g, '');
  for (const [survey, names] of SURVEY_NAMES) if (names.includes(key)) return survey;
  return null;
}

const SURVEY_NAMES: readonly (readonly [SurveyKind, readonly string[]])[] = [
  ['csat', ['csat', 'customersatisfaction', 'satisfaction', 'smileys', '5star', 'fivestar', 'stars']],
  ['nps', ['nps', 'netpromoterscore', 'netpromoter']],
  ['ces', ['ces', 'ces2', 'customereffort', 'customereffortscore', 'effort']],
];

/** Rows of a long-form data set whose survey is none of csat/nps/ces, by the name written: to say they were left out. */
export function otherSurveys(texts: Readonly<Record<string, ScoreColumn>>): Map<string, number> {
  const kinds = texts.survey;
  const scores = texts.score;
  const counts = new Map<string, number>();
  if (kinds === undefined || scores === undefined) return counts;
  const other = kinds.values.map((v, code) => code !== 0 && surveyNamed(v) === null);
  for (let row = 0; row < kinds.codes.length; row++) {
    const code = kinds.codes[row]!;
    if (other[code] && scores.codes[row] !== 0) counts.set(kinds.values[code]!.trim(), (counts.get(kinds.values[code]!.trim()) ?? 0) + 1);
  }
  return counts;
}
