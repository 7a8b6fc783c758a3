import { readAnswer } from './answers.js';

/**
 * Whether a survey answer is something a score can be read from: a number (`4`, `4,5`, `9/10`) or a rating label
 * real exports write (Zendesk `Good`/`Bad`, Freshdesk `Extremely satisfied` …, thumbs). Which number a label stands
 * for depends on the survey's scale and is decided by the metrics; here only unreadable answers are caught.
 */
export function isScoreText(text: string): boolean {
  const s = text.trim().toLowerCase();
  if (/^[-+]?\d+(?:[.,]\d+)?(?:\s*\/\s*\d+)?$/.test(s)) return true;
  const reading = readAnswer(s);
  return (reading !== null && !(reading.kind === 'number' && Number.isNaN(reading.value))) || /^(?:\p{Extended_Pictographic}|\p{Emoji_Presentation})+\ufe0f?$/u.test(s);
}

/** Zendesk's `Offered`, `Unoffered`, `Not Offered`: a survey was (not) sent, no answer — an empty score. */
export function isNoAnswerText(text: string): boolean {
  return NO_ANSWER.has(text.trim().toLowerCase().replace(/\s+/g, ' '));
}

const NO_ANSWER = new Set(['offered', 'unoffered', 'not offered', 'no rating', 'not rated', 'без оценки', 'нет оценки']);
