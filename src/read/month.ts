import type { Zone } from './zone.js';

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  янв: 1, фев: 2, мар: 3, апр: 4, май: 5, мая: 5, июн: 6, июл: 7, авг: 8, сен: 9, сент: 9, окт: 10, ноя: 11, дек: 12,
  январь: 1, февраль: 2, март: 3, апрель: 4, июнь: 6, июль: 7, август: 8, сентябрь: 9, октябрь: 10, ноябрь: 11, декабрь: 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
};

/**
 * A calendar month as finance sheets write it — `2026-01`, `2026-01-01`, `01.2026`, `01/2026`, `1.1.2026`,
 * `Jan 2026`, `January 2026`, `Январь 2026`, `2026 Jan` — to the epoch ms of its first day at midnight in `zone`.
 * NaN when the text names no month. Monthly sheets are small: read per value, no per-column format.
 */
export function parseMonthText(text: string, zone: Zone): number {
  const s = text.trim().toLowerCase().replace(/\s+г\.?$/u, '');
  let year = Number.NaN;
  let month = Number.NaN;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?(?:[ t].*)?$/.exec(s)) !== null) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else if ((m = /^(\d{1,2})[./-](\d{4})$/.exec(s)) !== null) {
    month = Number(m[1]);
    year = Number(m[2]);
  } else if ((m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s.*)?$/.exec(s)) !== null) {
    // A full date names its month; day-first or month-first, the month is the part that is not the 1st when one is 1.
    const [a, b] = [Number(m[1]), Number(m[2])];
    month = a === 1 && b !== 1 && b <= 12 ? b : s.includes('/') && a <= 12 ? a : b;
    year = Number(m[3]);
  } else if ((m = /^([\p{L}]+)\.?[\s,'-]*(\d{2}|\d{4})$/u.exec(s)) !== null) {
    month = MONTH_NAMES[m[1]!] ?? Number.NaN;
    year = Number(m[2]!.length === 2 ? `20${m[2]}` : m[2]);
  } else if ((m = /^(\d{4})[\s,-]*([\p{L}]+)\.?$/u.exec(s)) !== null) {
    year = Number(m[1]);
    month = MONTH_NAMES[m[2]!] ?? Number.NaN;
  }
  if (!(month >= 1 && month <= 12 && year >= 1900 && year <= 2199)) return Number.NaN;
  return zone.toUtc(Date.UTC(year, month - 1, 1));
}

/** The month of an instant's wall time: for a date cell of a workbook (`2026-01-01` shown as `Jan-26`). */
export function monthOfWallTime(wallMs: number, zone: Zone): number {
  const d = new Date(wallMs);
  const year = d.getUTCFullYear();
  if (!(year >= 1900 && year <= 2199)) return Number.NaN; // `202601` typed as a number is not a date
  return zone.toUtc(Date.UTC(year, d.getUTCMonth(), 1));
}
