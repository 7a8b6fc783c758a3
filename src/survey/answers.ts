import { DEFAULT_SCALES, type SurveyScale } from './scale.js';
import type { Slicing } from '../stats/slicing.js';

/** A score column as the data set keeps it: per row a code (0 = empty), and the distinct answers as written. */
export interface ScoreColumn {
  codes: ArrayLike<number>;
  values: readonly string[];
}

export type SurveyKind = keyof typeof DEFAULT_SCALES;

/** A score column read on a scale: what the survey metrics take. */
export interface SurveyAnswers {
  /** Per row the score on `scale`; NaN for no answer, a binary rating, or an answer off the scale. */
  scores: Float64Array;
  /** Binary ratings (good/bad, like/dislike, 👍/👎): they count toward csat_satisfied only. */
  binary: { satisfied: number; responses: number };
  scale: SurveyScale;
  /** What was assumed about the scale when none was given and the answers were not on the default (for a note). */
  assumed: string | null;
  /** Rows whose answer is off the scale or not a score of this survey (to be rejected with their line). */
  offScale: number[];
}

/**
 * Reads a survey's answers onto a scale (SPEC §5; issue #11): numbers (`4`, `4,5`, `9/10`), binary labels, and
 * labelled scales (extremely/very satisfied … dissatisfied, great/okay/not good). Without a `given` scale: the
 * survey's default when every number fits it, else the smallest usual scale that holds them (1–7, 1–10, 0–10), said
 * in `assumed`; labelled answers make a scale of as many points as their levels need (3, 5 or 7).
 */
export function readAnswers(column: ScoreColumn, survey: SurveyKind, given: SurveyScale | null = null): SurveyAnswers {
  return readSettledAnswers(column, answerScale(column, survey, given));
}

/**
 * The rows of a column read on a scale settled before, over the whole data set (datasets/survey-scales.ts): a group,
 * week or window of its rows reads each answer as the whole does — `Satisfied` is not a binary rating in a week where
 * nobody answered `Very satisfied` and a 4 in the others — and without a pass to settle it again.
 */
export function readSettledAnswers(column: ScoreColumn, settled: AnswerScale): SurveyAnswers {
  return { ...scoreRows(column.codes, settled.verdicts), scale: settled.scale, assumed: settled.assumed };
}

/**
 * readSettledAnswers of every slice of the rows (groups, periods): a pass that counts each slice's answers per
 * distinct answer, and one that lays each slice's scores out in row order (without the rows that have none). Its
 * off-scale rows are listed only when the settled scale has an answer off it.
 */
export function readSettledSlices(column: ScoreColumn, settled: AnswerScale, { slotOfRow, slices }: Slicing): SurveyAnswers[] {
  const kinds = settled.verdicts.length;
  const counts = new Uint32Array(slices * kinds);
  const codes = column.codes;
  for (let row = 0; row < codes.length; row++) {
    const j = slotOfRow[row]!;
    if (j >= 0) counts[j * kinds + codes[row]!]!++;
  }
  const valueOf = Float64Array.from(settled.verdicts, (v) => (v.kind === 'score' ? v.value : Number.NaN));
  const slicesScores = Array.from({ length: slices }, (_, j) => {
    let scored = 0;
    for (let code = 0; code < kinds; code++) if (valueOf[code] === valueOf[code]) scored += counts[j * kinds + code]!;
    return new Float64Array(scored);
  });
  // The scores in row order, as the slice read alone has them: a mean of decimals (2.7, 1.3 …) added in another order
  // can differ in its last bit and turn a met target into a miss.
  const filled = new Uint32Array(slices);
  for (let row = 0; row < codes.length; row++) {
    const j = slotOfRow[row]!;
    const v = valueOf[codes[row]!]!;
    if (j >= 0 && v === v) slicesScores[j]![filled[j]!++] = v;
  }
  const offRows = rowsOffScale(codes, settled.verdicts);
  return Array.from({ length: slices }, (_, j) => {
    let satisfied = 0;
    let unsatisfied = 0;
    settled.verdicts.forEach((v, code) => {
      if (v.kind === 'binary') (v.satisfied ? (satisfied += counts[j * kinds + code]!) : (unsatisfied += counts[j * kinds + code]!));
    });
    const offScale = offRows.filter((row) => slotOfRow[row] === j);
    return { scores: slicesScores[j]!, binary: { satisfied, responses: satisfied + unsatisfied }, offScale, scale: settled.scale, assumed: settled.assumed };
  });
}

/** A survey's scale over a column (given, or detected from the answers used), and what each distinct answer is on it. */
export interface AnswerScale {
  scale: SurveyScale;
  assumed: string | null;
  /** Per code of the column. */
  verdicts: readonly Verdict[];
}

/** The scale of readAnswers without reading the rows onto it: what settling a data set's scale needs. */
export function answerScale(column: ScoreColumn, survey: SurveyKind, given: SurveyScale | null = null): AnswerScale {
  // Only the answers some row holds: in long form the column's values are every survey's (NPS's 10s are no CSAT).
  const used = new Uint8Array(column.values.length);
  const codes = column.codes;
  for (let row = 0; row < codes.length; row++) used[codes[row]!] = 1;
  const readings = column.values.map((value, code) => (used[code] === 1 ? readAnswer(value) : null));
  const numbers = readings.filter((r): r is { kind: 'number'; value: number } => r?.kind === 'number').map((r) => r.value);
  const levels = readings.filter((r): r is { kind: 'level'; level: number; text: string } => r?.kind === 'level').map((r) => r.level);
  // Labels of a named ordinal scale (SurveyMonkey's not at all … extremely satisfied, ease, agreement, faces).
  const family = numbers.length === 0 ? labelFamily(readings, survey) : null;
  if (family !== null) return onFamily(survey, readings, family, given);
  let assumed: string | null = null;
  let scale: SurveyScale;
  // How far from neutral the labels reach: 1 (satisfied/dissatisfied: binary unless graded), 2 (very …), 3 (extremely …).
  const reach = Math.max(0, ...levels.map((l) => Math.abs(l)));
  if (given !== null) scale = given;
  else if (numbers.length === 0 && (reach >= 2 || levels.includes(0))) {
    // Labelled answers only, graded beyond satisfied/dissatisfied: as many points as the levels used need.
    const points = reach >= 3 ? 7 : reach === 2 ? 5 : 3;
    scale = { min: 1, max: points, higherIsBetter: DEFAULT_SCALES[survey].higherIsBetter };
    assumed = `${survey} answers are labels of ${points} levels: read as a 1–${points} scale (give another with --scale ${survey}=MIN-MAX)`;
  } else {
    scale = fittingScale(survey, numbers);
    if (scale !== DEFAULT_SCALES[survey]) assumed = `${survey} answers run from ${Math.min(...numbers)} to ${Math.max(...numbers)}, off the default ${DEFAULT_SCALES[survey].min}–${DEFAULT_SCALES[survey].max}: read as a ${scale.min}–${scale.max} scale (give it with --scale ${survey}=MIN-MAX)`;
  }
  // A labelled answer sits on a scale of an odd number of points with neutral at its middle; on an even one it has no place.
  const middle = (scale.max - scale.min) % 2 === 0 ? (scale.min + scale.max) / 2 : null;
  // Per distinct answer: what it is on this scale (a score, a binary rating, or off the scale) — decided once per value.
  const verdicts = readings.map((r): Verdict => {
    if (r === null) return { kind: 'none' };
    const binary = r.kind === 'binary' ? r.satisfied : r.kind === 'level' && Math.abs(r.level) === 1 && (middle === null || reach < 2) && !levels.includes(0) ? r.level > 0 : null;
    if (binary !== null) return survey === 'csat' ? { kind: 'binary', satisfied: binary } : { kind: 'off' };
    const value = r.kind === 'number' ? r.value : r.kind === 'level' && middle !== null ? r.level + middle : Number.NaN;
    return value >= scale.min && value <= scale.max ? { kind: 'score', value } : { kind: 'off' };
  });
  return { scale, assumed, verdicts };
}

/** Each row's score on the scale (NaN = none), the binary ratings counted apart, and the rows off the scale. */
function scoreRows(codes: ArrayLike<number>, verdicts: readonly Verdict[]): Pick<SurveyAnswers, 'scores' | 'binary' | 'offScale'> {
  // Per code as typed arrays (the row loop below runs a million times on a large export): its score (NaN = none) and
  // whether it is a satisfied or unsatisfied binary rating, or off the scale.
  const valueOf = new Float64Array(verdicts.length).fill(Number.NaN);
  const flagOf = new Uint8Array(verdicts.length);
  verdicts.forEach((v, code) => {
    if (v.kind === 'score') valueOf[code] = v.value;
    else if (v.kind === 'binary') flagOf[code] = v.satisfied ? SATISFIED : UNSATISFIED;
    else if (v.kind === 'off') flagOf[code] = OFF;
  });
  if (!verdicts.some((v) => v.kind === 'score')) return binaryRows(codes, verdicts, flagOf);
  const scores = new Float64Array(codes.length);
  let satisfied = 0;
  let unsatisfied = 0;
  const offScale: number[] = [];
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row]!;
    scores[row] = valueOf[code]!;
    const flag = flagOf[code]!;
    if (flag === 0) continue;
    if (flag === SATISFIED) satisfied++;
    else if (flag === UNSATISFIED) unsatisfied++;
    else offScale.push(row);
  }
  return { scores, binary: { satisfied, responses: satisfied + unsatisfied }, offScale };
}

/** Answers that are all binary ratings or none (Zendesk's Good/Bad): counted per code, no score per row to set. */
function binaryRows(codes: ArrayLike<number>, verdicts: readonly Verdict[], flagOf: Uint8Array): Pick<SurveyAnswers, 'scores' | 'binary' | 'offScale'> {
  const count = new Uint32Array(verdicts.length);
  for (let row = 0; row < codes.length; row++) count[codes[row]!]!++;
  let satisfied = 0;
  let unsatisfied = 0;
  flagOf.forEach((flag, code) => {
    if (flag === SATISFIED) satisfied += count[code]!;
    else if (flag === UNSATISFIED) unsatisfied += count[code]!;
  });
  return { scores: new Float64Array(codes.length).fill(Number.NaN), binary: { satisfied, responses: satisfied + unsatisfied }, offScale: rowsOffScale(codes, verdicts) };
}

/** The rows whose answer is off the scale (read only when some answer is). */
export function rowsOffScale(codes: ArrayLike<number>, verdicts: readonly Verdict[]): number[] {
  const off = new Uint8Array(verdicts.length);
  verdicts.forEach((v, code) => (off[code] = v.kind === 'off' ? 1 : 0));
  if (!off.includes(1)) return [];
  const rows: number[] = [];
  for (let row = 0; row < codes.length; row++) if (off[codes[row]!] === 1) rows.push(row);
  return rows;
}

const SATISFIED = 1;
const UNSATISFIED = 2;
const OFF = 3;

export type Verdict = { kind: 'none' } | { kind: 'score'; value: number } | { kind: 'binary'; satisfied: boolean } | { kind: 'off' };

type Reading = { kind: 'number'; value: number } | { kind: 'binary'; satisfied: boolean } | { kind: 'level'; level: number; text: string } | { kind: 'label'; text: string } | null;

/**
 * One distinct answer as written: a number (`4`, `4,5`, `9/10`, `10 - Extremely likely`), a binary rating, a level of
 * a labelled bipolar scale (−3…3), a label of a named ordinal scale (LABEL_FAMILIES), or null (empty/none).
 */
export function readAnswer(text: string): Reading {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\ufe0f/g, '');
  if (s === '') return null;
  const number = /^([-+]?\d+(?:[.,]\d+)?)(?:\s*\/\s*\d+|\s*[-–—:]\s*\p{L}.*|\s*\(\p{L}.*\))?$/u.exec(s);
  if (number !== null) return { kind: 'number', value: Number(number[1]!.replace(',', '.')) };
  if (YES.has(s) || s === '👍' || s === '👍🏻') return { kind: 'binary', satisfied: true };
  if (NO.has(s) || s === '👎' || s === '👎🏻') return { kind: 'binary', satisfied: false };
  const level = LEVELS.get(s);
  if (level !== undefined) return { kind: 'level', level, text: s };
  return FAMILY_LABELS.has(s) ? { kind: 'label', text: s } : { kind: 'number', value: Number.NaN };
}

/**
 * Ordinal scales whose labels are not the bipolar satisfied/dissatisfied ones, in scale order (1 first). A data set's
 * labels are read on one of them when all its labels belong to it and one of them is not a bipolar level.
 */
interface LabelFamily {
  name: string;
  surveys: readonly SurveyKind[];
  /** Per point, its spellings (point 1 first). */
  points: readonly (readonly string[])[];
  higherIsBetter: boolean;
}

const LABEL_FAMILIES: readonly LabelFamily[] = [
  { name: "SurveyMonkey's satisfaction scale", surveys: ['csat'], points: [['not at all satisfied'], ['not so satisfied'], ['somewhat satisfied'], ['very satisfied'], ['extremely satisfied']], higherIsBetter: true },
  // Intercom's and most chat widgets' five faces.
  { name: 'a five-face scale', surveys: ['csat'], points: [['😠', '😡'], ['🙁', '😞', '☹', '😕'], ['😐', '😑'], ['🙂', '😃', '😊', '😀'], ['🤩', '😍', '😁']], higherIsBetter: true },
  // CES: 1 = the least effort (lower is better, as the default CES scale).
  { name: 'an ease scale', surveys: ['ces'], points: [['very easy'], ['easy'], ['neither easy nor difficult', 'neutral'], ['difficult'], ['very difficult']], higherIsBetter: false },
  { name: "SurveyMonkey's ease scale", surveys: ['ces'], points: [['extremely easy'], ['very easy'], ['somewhat easy'], ['not so easy'], ['not at all easy']], higherIsBetter: false },
  // CES 2.0: agreement with "the company made it easy to handle my issue" — higher is better.
  { name: 'a 5-point agreement scale', surveys: ['ces'], points: [['strongly disagree'], ['disagree'], ['neither agree nor disagree', 'neutral'], ['agree'], ['strongly agree']], higherIsBetter: true },
  { name: 'a 7-point agreement scale (CES 2.0)', surveys: ['ces'], points: [['strongly disagree'], ['disagree'], ['somewhat disagree'], ['neither agree nor disagree', 'neutral'], ['somewhat agree'], ['agree'], ['strongly agree']], higherIsBetter: true },
];

const FAMILY_LABELS = new Set(LABEL_FAMILIES.flatMap((f) => f.points.flat()));

/** The smallest family of the survey holding every label used, when one of them is not a bipolar level; else null. */
function labelFamily(readings: readonly Reading[], survey: SurveyKind): LabelFamily | null {
  const texts = readings.flatMap((r) => (r?.kind === 'label' || r?.kind === 'level' ? [r.text] : []));
  if (texts.length === 0) return null;
  // `Extremely` / `somewhat satisfied` with nothing below satisfied is SurveyMonkey's unipolar wording: whether or not
  // somebody answered `Not so satisfied`, the same answers keep the same scale.
  const unipolar = LABEL_FAMILIES[0]!;
  if (survey === 'csat' && texts.every((t) => unipolar.points.some((p) => p.includes(t))) && texts.some((t) => t === 'extremely satisfied' || t === 'somewhat satisfied')) return unipolar;
  if (!texts.some((t) => !LEVELS.has(t))) return null;
  if (readings.some((r) => r?.kind === 'binary' || (r?.kind === 'number' && Number.isNaN(r.value)))) return null;
  const fitting = LABEL_FAMILIES.filter((f) => f.surveys.includes(survey) && texts.every((t) => f.points.some((p) => p.includes(t))));
  return fitting.sort((a, b) => a.points.length - b.points.length)[0] ?? null;
}

/** Answers that are labels of `family`: each its point (1…N) on the family's scale, or on the one given. */
function onFamily(survey: SurveyKind, readings: readonly Reading[], family: LabelFamily, given: SurveyScale | null): AnswerScale {
  const n = family.points.length;
  const scale = given ?? { min: 1, max: n, higherIsBetter: family.higherIsBetter };
  const assumed = given === null ? `${survey} answers are labels of ${family.name}: read as 1–${n}, ${family.higherIsBetter ? 'higher' : 'lower'} is better (give another with --scale ${survey}=MIN-MAX)` : null;
  const verdicts = readings.map((r): Verdict => {
    if (r === null) return { kind: 'none' };
    const value = r.kind === 'label' || r.kind === 'level' ? family.points.findIndex((p) => p.includes(r.text)) + 1 : Number.NaN;
    return value >= scale.min && value <= scale.max ? { kind: 'score', value } : { kind: 'off' };
  });
  return { scale, assumed, verdicts };
}

/** The survey's default scale when every number fits it, else the smallest usual one that holds them. */
function fittingScale(survey: SurveyKind, numbers: readonly number[]): SurveyScale {
  const base = DEFAULT_SCALES[survey];
  const finite = numbers.filter(Number.isFinite);
  if (finite.length === 0) return base;
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  if (low >= base.min && high <= base.max) return base;
  for (const [min, max] of [[1, 7], [1, 10], [0, 10]] as const) if (low >= min && high <= max) return { min, max, higherIsBetter: base.higherIsBetter };
  return base; // nothing usual holds them: the default, and the rows off it are rejected
}

// Zendesk writes `Good with Comment` / `Bad with Comment` when the customer left one.
const YES = new Set(['good', 'good with comment', "good, i'm satisfied", 'positive', 'like', 'yes', 'thumbs up', 'хорошо', 'нравится', 'да']);
const NO = new Set(['bad', 'bad with comment', "bad, i'm unsatisfied", 'negative', 'dislike', 'no', 'thumbs down', 'плохо', 'не нравится', 'нет']);

/** Labelled scales, by level from −3 (worst) to 3 (best); 0 is neutral. */
const LEVELS = new Map<string, number>([
  ...['extremely satisfied', 'extremely happy'].map((l) => [l, 3] as const),
  ...['very satisfied', 'very happy', 'amazing', 'excellent', 'отлично'].map((l) => [l, 2] as const),
  // Three-level scales (Freshdesk's classic Awesome / Just Okay / Not Good; great / okay / not good) sit at ±1.
  ...['satisfied', 'happy', 'somewhat satisfied', 'slightly satisfied', 'great', 'awesome', 'доволен'].map((l) => [l, 1] as const),
  ...['neutral', 'neither satisfied nor dissatisfied', 'okay', 'ok', 'just okay', 'нейтрально'].map((l) => [l, 0] as const),
  ...['dissatisfied', 'unsatisfied', 'unhappy', 'somewhat dissatisfied', 'slightly dissatisfied', 'not good', 'недоволен'].map((l) => [l, -1] as const),
  ...['very dissatisfied', 'very unsatisfied', 'very unhappy'].map((l) => [l, -2] as const),
  ...['extremely dissatisfied', 'extremely unhappy', 'terrible', 'awful'].map((l) => [l, -3] as const),
]);
