import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, fieldText } from '../../src/read/csv-tokenizer.js';

interface Row {
  line: number;
  fields: string[];
}

const utf8 = (b: Buffer, s: number, e: number) => b.toString('utf8', s, e);

/** Runs the tokenizer over `bytes` cut into chunks at the given offsets. */
function tokenize(bytes: Buffer, delimiter: string, cuts: number[] = []): Row[] {
  const rows: Row[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (r) => {
    rows.push({ line: r.line, fields: Array.from({ length: r.fieldCount }, (_, i) => fieldText(r, i, utf8)) });
  });
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.push(bytes.subarray(start, cut));
    start = cut;
  }
  tokenizer.push(bytes.subarray(start));
  tokenizer.end();
  return rows;
}

describe('CsvTokenizer', () => {
  it('reads quotes, "" escapes, CRLF inside quotes, blank lines and keeps physical line numbers', () => {
    const text = 'Id,Subject\r\n1,"Cannot log in\r\nafter reset"\r\n\r\n2,"Say ""hi"", please"\r\n3,plain';
    expect(tokenize(Buffer.from(text), ',')).toEqual([
      { line: 1, fields: ['Id', 'Subject'] },
      { line: 2, fields: ['1', 'Cannot log in\r\nafter reset'] },
      { line: 5, fields: ['2', 'Say "hi", please'] },
      { line: 6, fields: ['3', 'plain'] },
    ]);
  });

  it('handles lone CR line ends, a trailing delimiter and a quoted empty field', () => {
    expect(tokenize(Buffer.from('a;b;\r"";x\r'), ';')).toEqual([
      { line: 1, fields: ['a', 'b', ''] },
      { line: 2, fields: ['', 'x'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const bytes = Buffer.from('x|y\r\n"1|\r\n2"|"a""b"\r\n\r\n3|\r\n');
    const whole = tokenize(bytes, '|');
    for (let cut = 0; cut <= bytes.length; cut++) expect(tokenize(bytes, '|', [cut])).toEqual(whole);
  });

  it('keeps text after a closing quote raw, as csv-parse relax_quotes does', () => {
    expect(tokenize(Buffer.from('"a"b,c\n'), ',')).toEqual([{ line: 1, fields: ['"a"b', 'c'] }]);
  });
});

/**
 * Differential property test: csv-parse is the reference for the records; the generator's own bookkeeping is the
 * reference for line numbers (csv-parse counts a CRLF inside quotes as two lines: with `"x\r\ny"` on lines 3–4 its
 * `info.lines` says 5).
 */
describe('CsvTokenizer against csv-parse (property)', () => {
  const delimiters = [',', ';', '\t', '|'] as const;
  const newlines = ['\n', '\r\n', '\r'] as const;
  const fieldText = fc.oneof(
    fc.constant(''),
    fc.string({ unit: fc.constantFrom('a', 'b', 'Ж', '1', ' ', ',', ';', '\t', '|', '"', '\n', '\r', '\r\n', '€'), maxLength: 8 }),
  );
  const table = fc.record({
    delimiter: fc.constantFrom(...delimiters),
    newline: fc.constantFrom(...newlines),
    width: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(fc.array(fieldText, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
    blankAfter: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    quoteAll: fc.boolean(),
    finalNewline: fc.boolean(),
    bom: fc.boolean(),
  });

  /** Writes the generated table as CSV text; returns it with the expected records and their start lines. */
  function render(t: fc.RecordValue<typeof table>) {
    const lines: string[] = [];
    const expectedLines: number[] = [];
    const rows = t.rows.map((r) => r.slice(0, t.width));
    let line = 1;
    rows.forEach((row, i) => {
      // A record of one empty unquoted field would be a blank line: quote it, as writers do.
      const cells = row.map((v) => {
        const needsQuotes = t.quoteAll || (row.length === 1 && v === '') || /[",;\t|\r\n]/.test(v) || v.includes(t.delimiter);
        return needsQuotes ? `"${v.replaceAll('"', '""')}"` : v;
      });
      // Newlines inside a field are written in the file's own style, as real exports do.
      const record = cells.join(t.delimiter).replace(/\r\n|\r|\n/g, t.newline);
      expectedLines.push(line);
      lines.push(record);
      line += (record.match(t.newline === '\r\n' ? /\r\n/g : t.newline === '\n' ? /\n/g : /\r/g) ?? []).length + 1;
      if (t.blankAfter[i] && i < rows.length - 1) {
        lines.push('');
        line++;
      }
    });
    const text = lines.join(t.newline) + (t.finalNewline ? t.newline : '');
    const normalisedRows = rows.map((r) => r.map((v) => v.replace(/\r\n|\r|\n/g, t.newline)));
    const withBom = Buffer.concat([t.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    const reference = parse(withBom, { delimiter: t.delimiter, record_delimiter: t.newline, skip_empty_lines: true, relax_column_count: true, bom: true }) as string[][];
    expect(reference).toEqual(normalisedRows);
    const body = withBom.subarray(t.bom ? 3 : 0); // the reader strips the BOM before the tokenizer
    return { body, reference, expectedLines };
  }

  it('yields the same records and the right line numbers, chunks cut anywhere', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 3 }), (t, cutSeeds) => {
        const { body, reference, expectedLines } = render(t);
        const ours = tokenize(body, t.delimiter, cutSeeds.map((s) => s % (body.length + 1)));
        expect(ours.map((r) => r.fields)).toEqual(reference);
        expect(ours.map((r) => r.line)).toEqual(expectedLines);
      }),
      { numRuns: 2000 },
    );
  });

  it('yields the same records with a chunk boundary at every byte', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { body, reference, expectedLines } = render(t);
        for (let cut = 0; cut <= body.length; cut++) {
          const ours = tokenize(body, t.delimiter, [cut]);
          expect(ours.map((r) => r.fields)).toEqual(reference);
          expect(ours.map((r) => r.line)).toEqual(expectedLines);
        }
      }),
      { numRuns: 300 },
    );
  });
});
