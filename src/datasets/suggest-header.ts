import type { FieldSpec } from './kind.js';
import { normaliseHeader } from './normalise-header.js';

/**
 * Words that name the same thing in export headers, by the word of a canonical field name they stand for. A header
 * shares a word with a field when one of its words is the field's word, a synonym of it, or one of them begins the
 * other (`create` / `created` / `creation`).
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  at: ['on', 'date', 'time', 'timestamp', 'datetime', 'day', 'when', 'дата', 'время'],
  id: ['number', 'no', 'num', 'key', 'ref', 'reference', '#', '№', 'номер', 'код'],
  created: ['opened', 'open', 'submitted', 'new', 'raised', 'logged', 'создан', 'создания', 'открыт', 'открытия', 'обращения'],
  first: ['initial', 'первый', 'первого'],
  response: ['reply', 'replied', 'respond', 'responded', 'answer', 'answered', 'ответ', 'ответа'],
  resolved: ['resolution', 'solved', 'closed', 'close', 'done', 'completed', 'решения', 'решен', 'закрытия', 'закрыт'],
  resolution: ['resolved', 'solved', 'closed', 'close', 'решения', 'закрытия'],
  minutes: ['min', 'mins', 'time', 'duration', 'hours', 'hrs', 'seconds', 'secs', 'мин', 'время'],
  customer: ['requester', 'client', 'contact', 'user', 'account', 'клиент', 'заказчик'],
  agent: ['assignee', 'owner', 'operator', 'teammate', 'employee', 'оператор', 'сотрудник', 'ответственный'],
  team: ['group', 'queue', 'department', 'группа', 'отдел'],
  channel: ['via', 'source', 'medium', 'канал', 'источник'],
  category: ['type', 'topic', 'категория', 'тип'],
  responded: ['response', 'submitted', 'completed', 'recorded', 'answered', 'date'],
  csat: ['satisfied', 'satisfaction', 'rating', 'happy', 'оценка', 'довольны'],
  nps: ['recommend', 'likely', 'рекомендовать', 'порекомендуете'],
  ces: ['effort', 'easy', 'усилия', 'легко'],
  started: ['start', 'begin', 'began', 'since', 'начало', 'начала'],
  ended: ['end', 'ends', 'until', 'окончание', 'окончания'],
  amount: ['cost', 'spend', 'spent', 'sum', 'total', 'price', 'сумма', 'расход', 'стоимость'],
  score: ['rating', 'rate', 'grade', 'оценка', 'балл'],
  month: ['period', 'месяц', 'период'],
  date: ['day', 'дата', 'день'],
  spend: ['cost', 'costs', 'spent', 'expense', 'expenses', 'расходы', 'затраты'],
  revenue: ['income', 'sales', 'mrr', 'выручка', 'доход'],
  active: ['current', 'активные'],
  churned: ['lost', 'cancelled', 'canceled', 'ушедшие', 'отток'],
};

/** Lower-case words of a header or field name: letters and digits of any script, `#` and `№` kept. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}#№]+/gu) ?? [];
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = a.length < b.length ? a : b;
  const longer = a.length < b.length ? b : a;
  return shorter.length >= 4 && longer.startsWith(shorter.slice(0, Math.max(4, shorter.length - 1)));
}

/** The share of the field's words the header carries (directly or as a synonym), 0…1. */
function sharedWords(field: string, header: string): number {
  const fieldWords = wordsOf(field.replace(/_/g, ' '));
  const headerWords = wordsOf(header);
  let shared = 0;
  for (const word of fieldWords) {
    const alike = [word, ...(SYNONYMS[word] ?? [])];
    if (headerWords.some((h) => alike.some((w) => sameWord(h, w)))) shared++;
  }
  return fieldWords.length === 0 ? 0 : shared / fieldWords.length;
}

/** A header that may mean a field: the share of the field's words it carries, and its spelling distance. */
export interface Suggestion {
  header: string;
  share: number;
  distance: number;
}

/** More shared words first, then the closer spelling. */
export function isBetter(a: Suggestion, b: Suggestion): boolean {
  return a.share > b.share || (a.share === b.share && a.distance < b.distance);
}

/**
 * The unused header that most likely means `spec`'s field: the one sharing most of the field's words (`Ticket created
 * - Timestamp` for created_at, not `Escalated`), ties broken by spelling distance to the field's aliases; failing any
 * shared word, a header spelled within 40 % of an alias. Undefined when none is likely.
 */
export function suggestHeader(spec: FieldSpec, headers: readonly string[], used: ReadonlySet<number>): Suggestion | undefined {
  let best: Suggestion | undefined;
  headers.forEach((header, index) => {
    if (used.has(index) || header.trim() === '') return;
    const candidate = { header, share: sharedWords(spec.field, header), distance: aliasDistance(spec, header) };
    if (best === undefined || isBetter(candidate, best)) best = candidate;
  });
  if (best === undefined) return undefined;
  return best.share >= 0.5 || best.distance <= 0.4 ? best : undefined;
}

/** Smallest edit distance from the header (normalised) to any alias, relative to the longer of the two. */
function aliasDistance(spec: FieldSpec, header: string): number {
  const key = normaliseHeader(header);
  let best = Number.POSITIVE_INFINITY;
  for (const alias of spec.aliases) best = Math.min(best, editDistance(key, alias) / Math.max(key.length, alias.length, 1));
  return best;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
