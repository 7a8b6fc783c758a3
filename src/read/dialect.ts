import { parse } from 'csv-parse/sync';

/** The delimiters real exports use (SPEC §3): comma, semicolon (Russian Excel, Bitrix24), tab (Google Ads), pipe. */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

export interface HeadRecord {
  cells: string[];
  /** Physical line where the record ends (csv-parse `info.lines`); the header row is one line in practice. */
  line: number;
}

/** Parses the decoded head of a file with csv-parse, forgiving of the cut at its end and of odd preamble lines. */
export function parseHead(text: string, delimiter: string): HeadRecord[] {
  const rows = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return rows.map((r) => ({ cells: r.record, line: r.info.lines }));
}

/**
 * Picks the delimiter under which most records of the head agree on one field count above 1.
 *
 * Not csv-parse's `delimiter_auto`: its discovery pass parses with no delimiter and throws on files where every field
 * is quoted (`"Id";"Created at"`, Bitrix24 CRM and Zendesk Explore exports), and it weighs space and colon, which
 * every timestamp contains. Ties go to the wider table, then to the order of DELIMITER_CANDIDATES.
 */
export function sniffDelimiter(text: string): string {
  let best: { delimiter: string; agreeing: number; width: number } = { delimiter: ',', agreeing: 0, width: 1 };
  for (const delimiter of DELIMITER_CANDIDATES) {
    const records = parseHead(text, delimiter);
    const counts = new Map<number, number>();
    for (const r of records) {
      // The written width, trailing empty cells included: a hand-kept sheet's empty last column (`…;RUB;`) must not
      // make its rows disagree, while `1 234,56` under ',' splits every row the same wrong way.
      const width = r.cells.length;
      if (trimmedWidth(r.cells) > 1) counts.set(width, (counts.get(width) ?? 0) + 1);
    }
    for (const [width, agreeing] of counts) {
      if (agreeing > best.agreeing || (agreeing === best.agreeing && width > best.width)) best = { delimiter, agreeing, width };
    }
  }
  return best.delimiter;
}

/** Field count without trailing empty cells (Bitrix24 CRM ends every line with `;`, Excel pads short rows). */
export function trimmedWidth(cells: string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === '') width--;
  return width;
}

/**
 * Finds the header row: the record among the first 50 that names the most known columns (`scoreHeader`); when none
 * names any, the first record with two or more non-empty cells. Title and date-range lines before it (Google Ads,
 * Chatwoot) are skipped this way.
 */
export function findHeaderRow(records: HeadRecord[], scoreHeader: (cells: readonly string[]) => number): HeadRecord | undefined {
  let best: HeadRecord | undefined;
  let bestScore = 0;
  for (const r of records.slice(0, 50)) {
    const score = scoreHeader(r.cells);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best ?? records.find((r) => r.cells.filter((c) => c.trim() !== '').length >= 2) ?? records[0];
}
