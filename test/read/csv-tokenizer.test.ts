import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { CsvTokenizer, fieldText, type CsvRecord, type CsvScanner } from '../../src/read/csv-tokenizer.js';

interface Row {
  line: number;
  fields: string[];
}

const utf8 = (b: Buffer, s: number, e: number) => b.toString('utf8', s, e);

/** Every test runs on both scanners: the WASM one and the JS one it falls back to. */
const SCANNERS: CsvScanner[] = ['wasm', 'js'];

/** Runs the tokenizer over `bytes` cut into chunks at the given offsets. */
function tokenizeWith(bytes: Buffer, delimiter: string, cuts: number[], scanner: CsvScanner): Row[] {
  const rows: Row[] = [];
  feed(bytes, delimiter, cuts, scanner, (r) => {
    rows.push({ line: r.line, fields: Array.from({ length: r.fieldCount }, (_, i) => fieldText(r, i, utf8)) });
  });
  return rows;
}

/** Everything a record tells its callers: field bytes (hex, so any encoding compares), flags, line. */
function tokenizeRaw(bytes: Buffer, delimiter: string, cuts: number[], scanner: CsvScanner, done: (t: CsvTokenizer) => void) {
  const records: { line: number; fields: string[]; quoted: number[]; escaped: number[] }[] = [];
  done(
    feed(bytes, delimiter, cuts, scanner, (r) => {
      const fields = Array.from({ length: r.fieldCount }, (_, i) => r.bytes.toString('hex', r.starts[i], r.ends[i]));
      records.push({ line: r.line, fields, quoted: [...r.quoted.subarray(0, r.fieldCount)], escaped: [...r.escaped.subarray(0, r.fieldCount)] });
    }),
  );
  return records;
}

function feed(bytes: Buffer, delimiter: string, cuts: number[], scanner: CsvScanner, onRecord: (r: CsvRecord) => void): CsvTokenizer {
  const tokenizer = new CsvTokenizer(delimiter, onRecord, 1, scanner);
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.push(bytes.subarray(start, cut));
    start = cut;
  }
  tokenizer.push(bytes.subarray(start));
  tokenizer.end();
  return tokenizer;
}

describe('CsvTokenizer scanners', () => {
  it('runs the WASM scanner in this test run (built by npm run build), and the JS one when asked', () => {
    expect(new CsvTokenizer(',', () => {}, 1, 'wasm').scanner).toBe('wasm');
    expect(new CsvTokenizer(',', () => {}, 1, 'js').scanner).toBe('js');
  });
});

describe.each(SCANNERS)('CsvTokenizer (%s scanner)', (scanner) => {
  const tokenize = (bytes: Buffer, delimiter: string, cuts: number[] = []) => tokenizeWith(bytes, delimiter, cuts, scanner);

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

  /** Whole-input records, then the same with a chunk boundary at every byte. */
  function expectAtEveryCut(bytes: Buffer, delimiter: string, expected: Row[]) {
    expect(tokenize(bytes, delimiter)).toEqual(expected);
    for (let cut = 0; cut <= bytes.length; cut++) expect(tokenize(bytes, delimiter, [cut])).toEqual(expected);
  }

  it('reads fields longer than a 64-byte block, quoted or not', () => {
    const plain = 'p'.repeat(150);
    const quoted = `${'y,'.repeat(70)}"z\r\n${'w'.repeat(70)}`;
    const text = `${plain},"${quoted.replaceAll('"', '""')}"\r\n${'Ж'.repeat(80)},end\r\n`;
    expectAtEveryCut(Buffer.from(text), ',', [
      { line: 1, fields: [plain, quoted] },
      { line: 3, fields: ['Ж'.repeat(80), 'end'] },
    ]);
  });

  it('reads quotes, "" and CRLF at every offset from a block border', () => {
    // The first field's length moves the rest across the 64-byte blocks (and the cuts across chunks).
    for (let k = 0; k < 140; k++) {
      const first = 'p'.repeat(k);
      const bytes = Buffer.from(`${first},"a""b",c\r\n"d\r\ne",""\r\n""""\n${first}q"r,s",t\n`);
      const expected = [
        { line: 1, fields: [first, 'a"b', 'c'] },
        { line: 2, fields: ['d\r\ne', ''] },
        { line: 4, fields: ['"'] },
        { line: 5, fields: [`${first}q"r`, 's"', 't'] },
      ];
      expect(tokenize(bytes, ',')).toEqual(expected);
      for (const cut of [k, k + 1, k + 4, k + 5, k + 10, k + 11, k + 16, k + 17, 2 * k + 28]) expect(tokenize(bytes, ',', [cut])).toEqual(expected);
    }
  });

  it('reads records of 4096 fields and more (past the WASM scanner\'s limit) among short ones', () => {
    const wide = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? `"${i}"` : String(i)));
    const bytes = Buffer.from(['a,b', wide(4096).join(','), wide(5000).join(','), 'c,"d"', ''].join('\r\n'));
    const fields = (n: number) => Array.from({ length: n }, (_, i) => String(i));
    const expected = [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: fields(4096) },
      { line: 3, fields: fields(5000) },
      { line: 4, fields: ['c', 'd'] },
    ];
    expect(tokenize(bytes, ',')).toEqual(expected);
    expect(tokenize(bytes, ',', [30000])).toEqual(expected);
  });

  it('joins a CRLF split across chunks into one line end', () => {
    const bytes = Buffer.from('a,b\r\n"c\r\nd",e\r\nf,g');
    const expected = [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c\r\nd', 'e'] },
      { line: 4, fields: ['f', 'g'] },
    ];
    expect(tokenize(bytes, ',', [4])).toEqual(expected); // between the CRs and LFs
    expect(tokenize(bytes, ',', [9, 16])).toEqual(expected);
  });

  it('reads lone CR line ends amid CRLF ones, before and after clean records', () => {
    const clean = (from: number) => Array.from({ length: 100 }, (_, i) => `${from + i},"v""${i}"\r\n`).join('');
    const bytes = Buffer.from(`${clean(0)}b,c\rd,"e\rf"\r\ng,h\r\n${clean(100)}`);
    const cleanRows = (from: number, line: number) => Array.from({ length: 100 }, (_, i) => ({ line: line + i, fields: [String(from + i), `v"${i}`] }));
    const expected = [
      ...cleanRows(0, 1),
      { line: 101, fields: ['b', 'c'] },
      { line: 102, fields: ['d', 'e\rf'] }, // the CR inside quotes counts as a line break too
      { line: 104, fields: ['g', 'h'] },
      ...cleanRows(100, 105),
    ];
    expect(tokenize(bytes, ',')).toEqual(expected);
    for (let cut = 0; cut <= bytes.length; cut += 7) expect(tokenize(bytes, ',', [cut])).toEqual(expected);
  });

  it('reads text after a closing quote and a quote inside an unquoted field amid clean records', () => {
    const clean = (from: number) => Array.from({ length: 50 }, (_, i) => `"${from + i}";"x"\n`).join('');
    const bytes = Buffer.from(`${clean(0)}"a"b;c\nd"e;"f"\n${clean(50)}`);
    const cleanRows = (from: number, line: number) => Array.from({ length: 50 }, (_, i) => ({ line: line + i, fields: [String(from + i), 'x'] }));
    expectAtEveryCut(bytes, ';', [...cleanRows(0, 1), { line: 51, fields: ['"a"b', 'c'] }, { line: 52, fields: ['d"e', 'f'] }, ...cleanRows(50, 53)]);
  });

  it('leaves bytes ≥ 0x80 alone: UTF-8 Cyrillic, and Windows-1251 bytes whose low 7 bits are a quote, LF, CR or delimiter', () => {
    // cp1251: ў 0xA2 (0x22 + 0x80), Љ 0x8A, Ќ 0x8D, ¬ 0xAC, » 0xBB, ‰ 0x89, ь 0xFC
    const odd = 'ўЉЌ¬»‰ь';
    const text = (d: string) => `Иванова ${odd}${d}"Привет${d} ${odd}\r\nмир"${d}${odd}\r\n"${odd}"""${d}Ж\r\n`;
    const expected = (d: string) => [
      { line: 1, fields: [`Иванова ${odd}`, `Привет${d} ${odd}\r\nмир`, odd] },
      { line: 3, fields: [`${odd}"`, 'Ж'] },
    ];
    expectAtEveryCut(Buffer.from(text(';'), 'utf8'), ';', expected(';'));
    const cp1251 = (b: Buffer, s: number, e: number) => iconv.decode(b.subarray(s, e), 'windows-1251');
    for (const d of [',', ';', '\t', '|']) {
      const bytes = iconv.encode(text(d), 'windows-1251');
      const rows: Row[] = [];
      feed(bytes, d, [], scanner, (r) => rows.push({ line: r.line, fields: Array.from({ length: r.fieldCount }, (_, i) => fieldText(r, i, cp1251)) }));
      expect(rows).toEqual(expected(d));
    }
  });

  it.each([',', ';', '\t', '|'])('splits on the delimiter %j only, outside quotes', (d) => {
    const others = [',', ';', '\t', '|'].filter((o) => o !== d).join('');
    expectAtEveryCut(Buffer.from(`a${others}${d}"b${d}c"${d}${d}\r\n"${d}"${d}x\n`), d, [
      { line: 1, fields: [`a${others}`, `b${d}c`, '', ''] },
      { line: 2, fields: [d, 'x'] },
    ]);
  });

  it('reads a record pushed from inside another tokenizer\'s callback', () => {
    const inner: Row[] = [];
    const innerTokenizer = new CsvTokenizer(',', (r) => inner.push({ line: r.line, fields: Array.from({ length: r.fieldCount }, (_, i) => fieldText(r, i, utf8)) }), 1, scanner);
    const outer = tokenize(Buffer.from('a,"b""c"\n"d",e\n'), ',').length;
    const rows: Row[] = [];
    feed(Buffer.from('x,"y"\nz,"w\n"\n'), ',', [], scanner, (r) => {
      rows.push({ line: r.line, fields: Array.from({ length: r.fieldCount }, (_, i) => fieldText(r, i, utf8)) });
      innerTokenizer.push(Buffer.from(`"${r.line}",""""\n`));
    });
    innerTokenizer.end();
    expect(outer).toBe(2);
    expect(rows).toEqual([
      { line: 1, fields: ['x', 'y'] },
      { line: 2, fields: ['z', 'w\n'] },
    ]);
    expect(inner).toEqual([
      { line: 1, fields: ['1', '"'] },
      { line: 2, fields: ['2', '"'] },
    ]);
  });
});

/** The WASM path against the JS one on any bytes (either CSV or not): the same records, flags, offsets and lines. */
describe('CsvTokenizer: WASM scanner against the JS one (property)', () => {
  const piece = fc.constantFrom('a', 'bc', 'Ж', '\xa2', '"', '""', ',', ';', '\t', '|', '\r', '\n', '\r\n', ' ', 'long field text, forty bytes or so......');
  const input = fc.record({
    text: fc.array(piece, { maxLength: 300 }).map((pieces) => pieces.join('')),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    cuts: fc.array(fc.nat(), { maxLength: 4 }),
  });

  it('gives what the JS scanner gives', () => {
    fc.assert(
      fc.property(input, ({ text, delimiter, cuts }) => {
        const bytes = Buffer.from(text, 'latin1');
        const at = cuts.map((c) => c % (bytes.length + 1));
        const run = (scanner: CsvScanner) => {
          let tokenizer: CsvTokenizer | undefined;
          const records = tokenizeRaw(bytes, delimiter, at, scanner, (t) => (tokenizer = t));
          return { records, nextLine: tokenizer!.nextLine };
        };
        expect(run('wasm')).toEqual(run('js'));
      }),
      { numRuns: 3000 },
    );
  });
});

/**
 * Differential property test: csv-parse is the reference for the records; the generator's own bookkeeping is the
 * reference for line numbers (csv-parse counts a CRLF inside quotes as two lines: with `"x\r\ny"` on lines 3–4 its
 * `info.lines` says 5).
 */
describe.each(SCANNERS)('CsvTokenizer against csv-parse (property, %s scanner)', (scanner) => {
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
  type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;

  /** Writes the generated table as CSV text; returns it with the expected records and their start lines. */
  function render(t: Table) {
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
        const ours = tokenizeWith(body, t.delimiter, cutSeeds.map((s) => s % (body.length + 1)), scanner);
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
          const ours = tokenizeWith(body, t.delimiter, [cut], scanner);
          expect(ours.map((r) => r.fields)).toEqual(reference);
          expect(ours.map((r) => r.line)).toEqual(expectedLines);
        }
      }),
      { numRuns: 300 },
    );
  });
});
