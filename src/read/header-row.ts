import { parseNumberText } from './number.js';

/** A record of the head of a file: its cells as text, and the line it is on (CSV) or its row number (sheets). */
export interface HeadRecord {
  cells: string[];
  /** CSV: physical line where the record ends (csv-parse's `info.lines`); the header row is one line in practice. Sheets: the row. */
  line: number;
}

/** Rows looked at for the header row; rows after them still count as "the rows below" when cells are compared. */
const HEADER_SEARCH_RECORDS = 50;
const COMPARED_RECORDS = 100;
/** Longer cells are prose (subjects, comments), not the short values an enum column repeats. */
const ENUM_MAX_LENGTH = 40;

/**
 * Finds the header row: the row whose cells look like names, not values.
 *
 * Among the first 50 records, the rows that look like names (`looksLikeNames`) are the candidates; of these, the one
 * that names the most known columns (`scoreHeader`) wins, and when none names any, the first of them. Title and
 * date-range lines before the header (Google Ads, Chatwoot) have fewer than two cells and are never candidates.
 * A data row is not a candidate whatever alias one of its cells matches: a Jira export in Spanish names no column we
 * know, while its rows hold `Medium`, which is a `channel` alias (issue 9). Only when no row looks like names (a
 * header of dates, say) does the row naming the most known columns win regardless, else the first record with two or
 * more non-empty cells.
 */
export function findHeaderRow<R extends HeadRecord>(records: R[], scoreHeader: (cells: readonly string[]) => number): R | undefined {
  const searched = records.slice(0, HEADER_SEARCH_RECORDS);
  const repeats = repeatedValues(records.slice(0, COMPARED_RECORDS));
  const named = searched.filter((r) => looksLikeNames(r.cells, repeats));
  return bestScored(named, scoreHeader) ?? named[0] ?? bestScored(searched, scoreHeader) ?? searched.find((r) => nonEmptyCount(r.cells) >= 2) ?? records[0];
}

/** The record that names the most known columns (the first of equals); undefined when none names any. */
function bestScored<R extends HeadRecord>(records: R[], scoreHeader: (cells: readonly string[]) => number): R | undefined {
  let best: R | undefined;
  let bestScore = 0;
  for (const r of records) {
    const score = scoreHeader(r.cells);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether a row's cells look like column names: two or more non-empty cells, and at most half of its cells (up to its
 * last non-empty one) are values — empty, a number, a date or time, or a short text that its column repeats in another
 * row of the head (`Medium`, `Resolved`, an agent's name). `repeats` comes from `repeatedValues` over the same head.
 */
export function looksLikeNames(cells: readonly string[], repeats: RepeatedValues): boolean {
  const width = trimmedWidth(cells);
  if (nonEmptyCount(cells) < 2) return false;
  let values = 0;
  for (let column = 0; column < width; column++) {
    const text = cells[column]!.trim();
    // Cheapest tests first, and stop once the answer is known: the head is read once, cold, before any data row.
    if (isEmptyText(text) || repeats.has(column, text) || looksLikeNumber(text) || looksLikeDateOrTime(text)) values++;
    if (values * 2 > width) return false;
    if ((values + width - column - 1) * 2 <= width) return true;
  }
  return values * 2 <= width;
}

/** Per column, the short texts that more than one row of the head holds there. */
export interface RepeatedValues {
  has(column: number, text: string): boolean;
}

/**
 * Counts, per column, the rows that hold each short text. A row written twice counts once: a header repeated further
 * down (files joined end to end) must not make its own names look like the values of an enum column.
 */
export function repeatedValues(records: readonly HeadRecord[]): RepeatedValues {
  const counts: Map<string, number>[] = [];
  const seenRows = new Set<string>();
  for (const r of records) {
    const rowKey = r.cells.join('\u0000');
    if (seenRows.has(rowKey)) continue;
    seenRows.add(rowKey);
    r.cells.forEach((cell, column) => {
      const key = enumKey(cell.trim());
      if (key === null) return;
      const seen = (counts[column] ??= new Map());
      seen.set(key, (seen.get(key) ?? 0) + 1);
    });
  }
  return {
    has(column, text) {
      const key = enumKey(text);
      return key !== null && (counts[column]?.get(key) ?? 0) >= 2;
    },
  };
}

function enumKey(text: string): string | null {
  if (isEmptyText(text) || text.length > ENUM_MAX_LENGTH || /[\r\n]/.test(text)) return null;
  return text.toLowerCase();
}

/** The empties of SPEC §3 (`-`, `--`; Google Ads' ` --`) and of issue 9 (`n/a`, `#N/A`, `null`, `none`, `—`). */
function isEmptyText(text: string): boolean {
  return text === '' || /^(?:-{1,2}|—|–|n\/a|#n\/a|null|none)$/i.test(text);
}

function looksLikeNumber(text: string): boolean {
  return !Number.isNaN(parseNumberText(text, '.')) || !Number.isNaN(parseNumberText(text, ','));
}

/**
 * A date or a time as exports write them: `2026-11-02`, `02.11.2026`, `11/02/2026`, `18/Jul/26 9:10 AM`, `Nov 2, 2026`,
 * `2 ноября 2026`, `10:02`, `123:45:00`. Column names carry none of these (`Created at`, `Date of First Response`).
 */
const DATE_OR_TIME = /\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|\d{1,2}[-./ ]\p{L}{3,10}\.?[-./ ]\d{2,4}|\p{L}{3,10}\.? \d{1,2},? \d{4}|(?:^|[\sT])\d{1,3}:\d{2}/u;

/** What every form of DATE_OR_TIME holds: a digit beside a separator. Cheap, so most names and texts skip the slow test. */
const DATE_OR_TIME_HINT = /\d[-./ :]| \d/;

function looksLikeDateOrTime(text: string): boolean {
  return DATE_OR_TIME_HINT.test(text) && DATE_OR_TIME.test(text);
}

/** Field count without trailing empty cells (Bitrix24 CRM ends every line with `;`, Excel pads short rows). */
export function trimmedWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === '') width--;
  return width;
}

function nonEmptyCount(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) if (!isEmptyText(cell.trim())) count++;
  return count;
}
