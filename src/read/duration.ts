import type { NumberParser } from './number.js';

/**
 * Units a duration column can be in; the header says which (SPEC §3). `days` only where a preset says so (Zendesk
 * Explore's `Full resolution time (days)`): a generic header's "days" may be business days, so it is not read from
 * headers.
 */
export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

export const SECONDS_PER_UNIT: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/**
 * The unit a header names: `First reply time in minutes`, `Time to close (seconds)`, `Resolution time (in hrs)`,
 * `Время ответа, мин`. Minutes are looked for first because Zendesk's business twins say
 * "in minutes within business hours". Null when the header names no unit.
 */
export function durationUnitFromHeader(header: string): DurationUnit | null {
  const h = header.toLowerCase();
  if (/\bmin(ute)?s?\b|\bminutes?\b|мин|\bminuten\b|\bmin\./.test(h)) return 'minutes';
  if (/\bsec(ond)?s?\b|\bseconds?\b|секунд|\bсек\b|\bsekunden\b|\bsek\./.test(h)) return 'seconds';
  if (/\bhrs?\b|\bhours?\b|час|\bstunden\b|\bstd\./.test(h)) return 'hours';
  // A one-letter unit only as the whole of a bracket or after a comma, where nothing else can be meant (Front's
  // `First reply time (s)`, a Russian sheet's `Время решения (ч)` or `Время ответа, с`): anywhere else "s" or "h" is
  // a letter of a word.
  const short = /(?:\(\s*|,\s*)(s|с|m|м|h|ч)\s*\)?\s*$/u.exec(h)?.[1];
  if (short === 's' || short === 'с') return 'seconds';
  if (short === 'm' || short === 'м') return 'minutes';
  if (short === 'h' || short === 'ч') return 'hours';
  return null;
}

/**
 * Parses a duration cell to seconds: a number in `unit`, or `HH:MM:SS` / `HH:MM` with hours above 24 allowed
 * (Freshdesk). NaN when neither.
 */
export function durationParser(unit: DurationUnit, parseNumber: NumberParser): NumberParser {
  const scale = SECONDS_PER_UNIT[unit];
  return (bytes, start, end) => {
    const value = parseNumber(bytes, start, end);
    if (!Number.isNaN(value)) return value * scale;
    return parseClockDuration(bytes.toString('latin1', start, end));
  };
}

function parseClockDuration(text: string): number {
  // `00:35 hrs` as Zoho Desk writes it: the word after the clock is its unit, already said by the colon.
  const m = /^\s*(\d+):([0-5]\d)(?::([0-5]\d))?\s*(?:hrs?|h)?\s*$/.exec(text);
  if (m === null) return Number.NaN;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}
