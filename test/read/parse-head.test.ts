import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEAD_BYTES, headText } from '../../src/read/csv.js';
import { DELIMITER_CANDIDATES, parseHead, sniffDelimiter } from '../../src/read/dialect.js';
import { detectEncoding } from '../../src/read/encoding.js';

/**
 * parseHead against csv-parse, which read the head until issue #10, with the options it had then. Records are compared
 * as csv-parse gives them; line numbers as csv-parse counts them on the text with every line break written `\n`:
 * the same physical lines, since csv-parse counts a CRLF inside quotes as two.
 */
function csvParseHead(text: string, delimiter: string, recordDelimiters?: string[]): { cells: string[]; line: number }[] {
  const rows = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    ...(recordDelimiters === undefined ? {} : { record_delimiter: recordDelimiters }),
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return rows.map((r) => ({ cells: r.record, line: r.info.lines }));
}

/**
 * `anyLineEnd`: csv-parse settles on the first record's line ending and then reads a lone `\n` of a CRLF file as
 * text; the body's reader (and parseHead) end a record at any CR, LF or CRLF. Files whose record ends agree are
 * compared with csv-parse as it was configured; mixed ones with all three line endings given to it.
 */
function expectSameAsCsvParse(text: string, delimiter: string, anyLineEnd = false): void {
  const ours = parseHead(text, delimiter);
  const reference = csvParseHead(text, delimiter, anyLineEnd ? ['\r\n', '\n', '\r'] : undefined);
  expect(ours.map((r) => r.cells)).toEqual(reference.map((r) => r.cells));
  expect(ours.map((r) => r.line)).toEqual(csvParseHead(text.replace(/\r\n?/g, '\n'), delimiter).map((r) => r.line));
}

/** The head of a file as readCsvLayout decodes and cuts it. */
function headOf(bytes: Buffer, headBytes = HEAD_BYTES): string {
  const head = bytes.subarray(0, headBytes);
  const { encoding, bomLength } = detectEncoding(head);
  return headText(head, encoding, bomLength, head.length < headBytes);
}

describe('parseHead against csv-parse', () => {
  const fixtures = readdirSync(new URL('../../fixtures/', import.meta.url)).filter((name) => name.endsWith('.csv'));

  it.each(fixtures)('the head of fixtures/%s: same records and lines, under the sniffed delimiter and every other', (name) => {
    const text = headOf(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
    expectSameAsCsvParse(text, sniffDelimiter(text));
    // Under another delimiter a quote can open mid-field and leave a file's CRLF lines outside quotes (Jira under ";").
    for (const delimiter of DELIMITER_CANDIDATES) expectSameAsCsvParse(text, delimiter, true);
  });

  it('a Zendesk-like head cut inside a quoted multi-line subject, between CR and LF, inside a UTF-8 character', () => {
    const rows = ['"Id","Subject","Created at","Status"'];
    for (let id = 1; id <= 1200; id++) {
      const subject = id % 7 === 0 ? `Cannot log in\r\nafter reset ""${id}""` : id % 11 === 0 ? 'Ошибка оплаты; карта' : `Refund ${id}`;
      rows.push(`"${id}","${subject}","2026-11-02 09:15:00 +0100","${id % 3 === 0 ? 'Open' : 'Solved'}"`);
    }
    const bytes = Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8');
    expect(bytes.length).toBeGreaterThan(HEAD_BYTES);
    /** Ten places spread over the head, `offset` bytes into each occurrence of `needle`. */
    const tenOf = (needle: string, offset: number) => {
      const at: number[] = [];
      for (let i = bytes.indexOf(needle); i >= 0 && i < HEAD_BYTES; i = bytes.indexOf(needle, i + 1)) at.push(i + offset);
      return at.filter((_, k) => k % Math.ceil(at.length / 10) === 0);
    };
    const cuts = [...tenOf('log in\r\n', 8), ...tenOf('"\r\n"', 2), ...tenOf('Ошибка', 1), HEAD_BYTES];
    // A cut between CR and LF ends the head with a lone CR, which csv-parse, settled on CRLF, would read as text.
    for (const cut of cuts) expectSameAsCsvParse(headOf(bytes, cut), ',', true);
    // The record the cut falls in is left out: whole records only, the last one complete.
    const head = parseHead(headOf(bytes), ',');
    expect(head[0]!.cells).toEqual(['Id', 'Subject', 'Created at', 'Status']);
    expect(head.at(-1)!.cells).toHaveLength(4);
  });

  it('keeps csv-parse quirks: text after a closing quote kept as written (its "" read as one), a quote inside a field', () => {
    expect(parseHead('Id,Note\n1,"a"b\n2,"x""y"z\n3,a"b\n4, "c"\n', ',').map((r) => r.cells)).toEqual([
      ['Id', 'Note'],
      ['1', '"a"b'],
      ['2', '"x"y"z'],
      ['3', 'a"b'],
      ['4', ' "c"'],
    ]);
  });

  const delimiter = fc.constantFrom(...DELIMITER_CANDIDATES);
  const newline = fc.constantFrom('\n', '\r\n', '\r');
  const plainCell = fc.string({ unit: fc.constantFrom('a', 'b', 'Ж', '1', ' ', ',', ';', '\t', '|', '"', '€'), maxLength: 6 });
  const quotedText = fc.string({ unit: fc.constantFrom('a', 'Ж', ' ', ',', ';', '\t', '|', '"', '\n', '\r\n', '\r'), maxLength: 8 });
  const cell = fc.oneof(
    { arbitrary: plainCell.map((v) => ({ kind: 'plain' as const, v })), weight: 4 },
    { arbitrary: quotedText.map((v) => ({ kind: 'quoted' as const, v })), weight: 3 },
    { arbitrary: fc.tuple(quotedText, fc.constantFrom('b', 'x y', 'Ж"')).map(([v, tail]) => ({ kind: 'raw' as const, v, tail })), weight: 1 },
  );
  const head = fc.record({
    delimiter,
    newline,
    records: fc.array(fc.record({ cells: fc.array(cell, { minLength: 1, maxLength: 5 }), blankLinesAfter: fc.nat(2) }), { minLength: 1, maxLength: 10 }),
    end: fc.constantFrom('newline', 'none', 'open quote'),
  });

  it('generated heads: same records and lines as csv-parse; firstLine is the physical line each record starts on', () => {
    fc.assert(
      fc.property(head, (h) => {
        let text = '';
        const firstLines: number[] = [];
        const breaksIn = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;
        h.records.forEach((record, index) => {
          const written = record.cells.map((c) => {
            // A plain cell that would open a quote, or hold the delimiter or a line break, is quoted, as writers do.
            if (c.kind === 'plain' && !c.v.startsWith('"') && !c.v.includes(h.delimiter)) return c.v;
            const quoted = `"${c.v.replaceAll('"', '""')}"`;
            return c.kind === 'raw' ? `${quoted}${c.tail}` : quoted;
          });
          // One empty cell alone would be a blank line: writers quote it.
          const line = written.length === 1 && written[0] === '' ? '""' : written.join(h.delimiter);
          firstLines.push(1 + breaksIn(text));
          text += line;
          if (index < h.records.length - 1 || h.end !== 'none') text += h.newline + h.newline.repeat(record.blankLinesAfter);
        });
        if (h.end === 'open quote') text += `tail${h.delimiter}"never closed${h.newline}more`;
        // Quoted cells may hold any line break; the record ends are the file's own.
        expectSameAsCsvParse(text, h.delimiter);
        const ours = parseHead(text, h.delimiter);
        expect(ours).toHaveLength(h.records.length);
        expect(ours.map((r) => r.firstLine)).toEqual(firstLines);
      }),
      { numRuns: 1500 },
    );
  });
});
