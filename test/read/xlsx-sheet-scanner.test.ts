import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../src/read/source.js';
import type { CellContext } from '../../src/read/xlsx-cell.js';
import { WorksheetScanner } from '../../src/read/xlsx-sheet-scanner.js';
import { readSheetRows, readSheetRowsWithTokenizer } from '../../src/read/xlsx-sheet-rows.js';
import { DateStyle } from '../../src/read/xlsx-styles.js';
import { xmlText } from '../../src/read/xlsx-xml-text.js';
import { readZipDirectory } from '../../src/read/zip-directory.js';
import { temporaryPath, writeZip } from '../helpers/write-xlsx.js';

/**
 * The byte scanner (xlsx-sheet-scanner.ts) against the htmlparser2 Tokenizer path it replaced for UTF-8 parts
 * (readSheetRowsWithTokenizer): the same rows, or the same error, for any sheet, wherever its bytes are cut into chunks.
 */

const PART = 'xl/worksheets/sheet1.xml';

/** Five shared strings (index 5 is past the end: an error), styles 1 and 2 a date and a time. */
const CONTEXT: CellContext = {
  sharedStrings: ['', 'alpha', 'Жалоба', '漢字 😀', 'x&y'],
  dateStyles: Uint8Array.from([DateStyle.None, DateStyle.Date, DateStyle.Time]),
  date1904: false,
  maxCellChars: 1 << 20,
};

type Outcome = { rows: SheetRow[] } | { error: string };

async function tokenizerOutcome(xml: Buffer): Promise<Outcome> {
  const path = writeZip(temporaryPath(), [{ name: PART, data: xml }]);
  const zip = await readZipDirectory(path);
  const rows: SheetRow[] = [];
  try {
    for await (const batch of readSheetRowsWithTokenizer(zip, zip.entries.get(PART)!, CONTEXT)) rows.push(...batch);
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { rows };
}

/** The scanner fed bytes[0, cuts[0]), bytes[cuts[0], cuts[1]), … */
function scannerOutcome(xml: Buffer, cuts: number[], context = CONTEXT): Outcome {
  const rows: SheetRow[] = [];
  const scanner = new WorksheetScanner(context, PART, (row) => rows.push(row));
  try {
    let from = 0;
    for (const cut of [...cuts, xml.length]) {
      if (scanner.stopped) break;
      scanner.push(xml.subarray(from, cut));
      from = cut;
    }
    if (!scanner.stopped) scanner.end();
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { rows };
}

// Pieces of text: ASCII, 2-, 3- and 4-byte UTF-8, every kind of reference and things that only look like one,
// CDATA, a comment inside the text, `<` that is not a tag, Excel's `_xHHHH_` escapes.
const textPiece = fc.constantFrom(
  'a', 'Z', ' ', '\n', '0', '1.5', 'ж', 'é', '漢', '😀', '_x000D_', '_x005F_x0041_',
  '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#10;', '&#x41;', '&#X1F600;', '&#150;', '&#0;', '&#xD800;', '&#1114112;',
  '&amp', '&', '& ', '&nbsp;', '&#;', '&#x;', '&#65', '&AMP;', '&amp;lt;',
  '<![CDATA[a<b&amp;]]>', '<![CDATA[]]]>', '<!-- note -->', '<!-- a -> b > c -->', '<!---->', '<?pi a?>', '< ', '<>', '>', '"', "'",
);
const text = fc.array(textPiece, { maxLength: 5 }).map((pieces) => pieces.join(''));

const cellValue = fc.oneof(
  { arbitrary: fc.constantFrom('0', '12', '100000', '007', '-3', '1.5', '46023.503020833334', '0.25', '1e3', ' 4 ', 'abc', '', '123456789012345', '1234567890123456', '&#49;2'), weight: 4 },
  { arbitrary: text, weight: 1 },
);
const sharedIndex = fc.oneof({ arbitrary: fc.constantFrom('0', '1', '2', '3', '4'), weight: 30 }, { arbitrary: fc.constantFrom('5', '01', ' 2', '1e0', 'x'), weight: 1 });

const quote = fc.constantFrom('"', "'");
const attribute = (name: string, value: string) =>
  fc.tuple(quote, fc.constantFrom('=', ' = ', '=\n')).map(([q, eq]) => ` ${name}${eq}${q}${value.replaceAll(q, q === '"' ? '&quot;' : '&apos;')}${q}`);
const optionalAttribute = (name: string, value: fc.Arbitrary<string>) => fc.option(value.chain((v) => attribute(name, v)), { nil: '' });

const columnLetters = fc.constantFrom('A', 'B', 'C', 'D', 'H', 'a', 'AA', '');
const cellReference = fc.tuple(columnLetters, fc.constantFrom('1', '7', '')).map(([letters, row]) => letters + row);

interface Markup {
  /** The prefix of every element name: '' or `x:`. */
  p: string;
  /** Before the `>` of a closing `</c>` and `</row>`: '' or a space. */
  space: string;
}

const cell = (m: Markup) =>
  fc
    .record({
      r: optionalAttribute('r', cellReference),
      s: optionalAttribute('s', fc.constantFrom('0', '1', '2', '7', '', 'x')),
      type: fc.constantFrom(undefined, 'n', 's', 's', 's', 'str', 'inlineStr', 'b', 'e', 'd', 'zz'),
      other: optionalAttribute('x14ac:foo', text),
      formula: fc.option(text.map((f) => `<${m.p}f>${f}</${m.p}f>`), { nil: '' }),
      value: cellValue,
      shared: sharedIndex,
      runs: fc.array(
        fc.oneof(
          text.map((t) => `<${m.p}t>${t}</${m.p}t>`),
          text.map((t) => `<${m.p}r><${m.p}rPr><${m.p}b/></${m.p}rPr><${m.p}t xml:space="preserve">${t}</${m.p}t></${m.p}r>`),
          text.map((t) => `<${m.p}rPh sb="0" eb="1"><${m.p}t>${t}</${m.p}t></${m.p}rPh>`),
          fc.constantFrom(`<${m.p}rPh sb="0" eb="0"/>`, `<${m.p}phoneticPr fontId="1"/>`, `<${m.p}t/>`),
        ),
        { maxLength: 3 },
      ),
      form: fc.constantFrom('value', 'value', 'value', 'empty value', 'self-closing', 'no value'),
      typeQuote: quote,
    })
    .map(({ r, s, type, other, formula, value, shared, runs, form, typeQuote }) => {
      const t = type === undefined ? '' : ` t=${typeQuote}${type}${typeQuote}`;
      const open = `<${m.p}c${r}${s}${t}${other}`;
      if (form === 'self-closing') return `${open}/>`;
      if (type === 'inlineStr') return `${open}><${m.p}is>${runs.join('')}</${m.p}is></${m.p}c>`;
      const v = form === 'no value' ? '' : form === 'empty value' ? `<${m.p}v/>` : `<${m.p}v>${type === 's' ? shared : value}</${m.p}v>`;
      return `${open}>${formula}${v}</${m.p}c${m.space}>`;
    });

const row = (m: Markup) =>
  fc
    .record({
      r: optionalAttribute('r', fc.constantFrom('1', '2', '5', '20', '0', '-1', '2.5', '', '&#51;')),
      extra: fc.constantFrom('', ' spans="1:3"', ' x14ac:dyDescent="0.25"', " ht='15' customHeight='1'"),
      cells: fc.array(cell(m), { maxLength: 5 }),
      selfClosing: fc.boolean(),
      newline: fc.constantFrom('', '\n', '\r\n  '),
    })
    .map(({ r, extra, cells, selfClosing, newline }) =>
      selfClosing && cells.length === 0 ? `<${m.p}row${r}${extra}/>${newline}` : `<${m.p}row${r}${extra}>${newline}${cells.join(newline)}</${m.p}row${m.space}>${newline}`,
    );

const sheet = fc.tuple(fc.constantFrom('', 'x:'), fc.constantFrom('', ' ', '\n')).chain(([p, space]) =>
  fc
    .record({
      bom: fc.boolean(),
      declaration: fc.boolean(),
      comment: fc.constantFrom('', '<!-- exported by a tool -->', '<!-->'),
      rows: fc.array(row({ p, space }), { maxLength: 8 }),
    })
    .map(({ bom, declaration, comment, rows }) => {
      const ns = p === '' ? 'xmlns' : 'xmlns:x';
      const xml =
        (declaration ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : '') +
        `<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${comment}<${p}dimension ref="A1:C3"/>` +
        `<${p}cols><${p}col min="1" max="2" width="10.5"/></${p}cols><${p}sheetData>${rows.join('')}</${p}sheetData>` +
        // Rows after the sheet data are not the sheet's.
        `<${p}mergeCells count="1"><${p}mergeCell ref="A1:B1"/></${p}mergeCells><${p}row r="99"><${p}c><${p}v>1</${p}v></${p}c></${p}row>` +
        `<${p}extLst><${p}ext uri="{x}"/></${p}extLst></${p}worksheet>`;
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(xml)]);
    }),
);

/** Cut positions in [0, length], sorted, repeats allowed (an empty chunk is a chunk too). */
const cutsOf = (length: number) => fc.array(fc.integer({ min: 0, max: length }), { maxLength: 12 }).map((cuts) => cuts.sort((a, b) => a - b));

describe('WorksheetScanner', () => {
  it('gives the rows (or the error) the Tokenizer path gives, on random sheets cut into chunks at random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        sheet.chain((xml) => fc.tuple(fc.constant(xml), cutsOf(xml.length))),
        async ([xml, cuts]) => {
          expect(scannerOutcome(xml, cuts)).toEqual(await tokenizerOutcome(xml));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same rows with one cut at every byte of a sheet of every construct', async () => {
    const xml = Buffer.from(
      '\ufeff<?xml version="1.0"?><x:worksheet xmlns:x="main"><!-- c --><x:sheetData>' +
        '<x:row r="2" spans="1:4"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Tom &amp;lt; </x:t></x:r>' +
        '<x:rPh sb="0" eb="1"><x:t>ジェリー</x:t></x:rPh><x:t>漢字 😀&#10;&#x1F600;</x:t></x:is></x:c><x:c r="D2" s=\'1\'><x:f>A2*2</x:f><x:v>46023.5</x:v></x:c>' +
        '<x:c r = "E2" t="str"><x:v><![CDATA[a<b]]>&amp;c</x:v></x:c><x:c r="F2" s="2"/><x:c r="G2"><x:v>100000</x:v></x:c></x:row>' +
        '<x:row/><x:row><x:c><x:v>7</x:v></x:c></x:row></x:sheetData><x:row r="9"><x:c><x:v>1</x:v></x:c></x:row></x:worksheet>',
    );
    const expected = await tokenizerOutcome(xml);
    expect(expected).toEqual({
      rows: [
        { line: 2, cells: ['Жалоба', 'Tom &lt; 漢字 😀\n😀', null, expect.anything(), 'a<b&c', null, 100000] },
        { line: 4, cells: [7] },
      ],
    });
    for (let cut = 0; cut <= xml.length; cut++) expect(scannerOutcome(xml, [cut])).toEqual(expected);
    for (let cut = 0; cut + 3 <= xml.length; cut++) expect(scannerOutcome(xml, [cut, cut + 1, cut + 3])).toEqual(expected);
  });

  it('says which cell points past the shared strings, as the Tokenizer path does', async () => {
    const xml = Buffer.from('<worksheet><sheetData><row r="3"><c r="A3" t="s"><v>5</v></c></row></sheetData></worksheet>');
    const error = 'xl/worksheets/sheet1.xml: row 3: a cell points to shared string "5", but the workbook has 5';
    expect(scannerOutcome(xml, [])).toEqual({ error });
    expect(await tokenizerOutcome(xml)).toEqual({ error });
  });

  it('rejects a cell beyond column XFD and a tag that runs on for 8 MiB', () => {
    const wide = Buffer.from('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>');
    expect(scannerOutcome(wide, [])).toEqual({ error: `${PART}: cell XFE1 is beyond column XFD` });

    // An attribute whose quote never closes would otherwise hold the rest of the part in memory.
    const runOn = Buffer.concat([Buffer.from('<sheetData><row r="1"><c r="A1'), Buffer.alloc(9 << 20, 0x61)]);
    const cuts = Array.from({ length: 9 * 16 }, (_, i) => (i + 1) << 16);
    expect(scannerOutcome(runOn, cuts)).toEqual({ error: `${PART} is damaged (a tag runs on for more than 8388608 bytes)` });

    const longText = Buffer.concat([Buffer.from('<sheetData><row r="4"><c t="str"><v>'), Buffer.alloc(9 << 20, 0x61)]);
    expect(scannerOutcome(longText, cuts)).toEqual({ error: 'row 4, column 1, has a cell of more than 1048576 characters' });
  });

  it('reads a sheet of many chunks through readSheetRows as the Tokenizer path does, batch by batch', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const n = i + 1;
      return `<row r="${n}"><c r="A${n}"><v>${n}</v></c><c r="B${n}" t="s"><v>${n % 5}</v></c><c r="C${n}" s="1"><v>${46023 + n / 7}</v></c><c r="D${n}" t="inlineStr"><is><t>строка ${n} &amp; 😀</t></is></c></row>`;
    });
    const xml = Buffer.from(`<?xml version="1.0"?><worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
    expect(xml.length).toBeGreaterThan(4 * 64 * 1024);
    const path = writeZip(temporaryPath(), [{ name: PART, data: xml }]);
    const zip = await readZipDirectory(path);
    const batches = async (read: typeof readSheetRows) => {
      const sizes: number[] = [];
      const all: SheetRow[] = [];
      for await (const batch of read(zip, zip.entries.get(PART)!, CONTEXT)) {
        sizes.push(batch.length);
        all.push(...batch);
      }
      return { sizes, all };
    };
    const scanned = await batches(readSheetRows);
    const tokenized = await batches(readSheetRowsWithTokenizer);
    expect(scanned.all).toEqual(tokenized.all);
    expect(scanned.all).toHaveLength(3000);
    // One batch per inflated chunk (64 KiB), not one per row and not one for the whole part.
    expect(scanned.sizes.length).toBeGreaterThan(3);
    expect(scanned.sizes.length).toBe(tokenized.sizes.length);
  });
});

describe('WorksheetScanner: a text over many chunks', () => {
  // Every awkward place to cut: inside 2-, 3- and 4-byte characters, inside references and things that look like
  // one, inside Excel's `_xHHHH_` escapes, inside CDATA and its `]]>`, inside `</t>` and `</v>`.
  const written = 'Grüße 漢字 😀 R&amp;D &lt;x&gt; &#x1F600;&#10;a_x000D_b _x005F_x000D_ &am; &#65 &#000065; z<![CDATA[<b>]]ü]]]>.';
  const read = 'Grüße 漢字 😀 R&D <x> 😀\na\rb _x000D_ &am; &#65 A z<b>]]ü].';
  const xml = Buffer.from(
    `<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>${written}</t></is></c><c r="C2" t="str"><v>${written}</v></c></row></sheetData></worksheet>`,
  );
  const expected = { rows: [{ line: 2, cells: [null, read, read] }] };

  it('reads the exact text in chunks of every size from 1 byte up', () => {
    for (let size = 1; size <= xml.length; size++) {
      const cuts = Array.from({ length: Math.floor(xml.length / size) }, (_, i) => (i + 1) * size);
      expect(scannerOutcome(xml, cuts), `chunks of ${size} bytes`).toEqual(expected);
    }
  });

  it('reads the exact text with the cell cut at any two places', () => {
    const start = xml.indexOf('<c r="B2"');
    const end = xml.indexOf('</row>');
    for (let first = start; first <= end; first++) for (let second = first; second <= end; second += 3) expect(scannerOutcome(xml, [first, second])).toEqual(expected);
  });

  it('reads a text of 8 MiB given 1 KiB at a time once, not again with every chunk', () => {
    const text = 'Grüße, 漢字 😀 '.repeat(400_000);
    const long = Buffer.from(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`);
    expect(long.length).toBeGreaterThan(8 << 20);
    const cuts = Array.from({ length: long.length >> 10 }, (_, i) => (i + 1) << 10);
    const started = performance.now();
    const outcome = scannerOutcome(long, cuts, { ...CONTEXT, maxCellChars: 8 << 20 });
    // Linear: a tenth of a second or so. Read again from its start with each of its 8,000 chunks, it was 32 GiB of
    // copying and searching.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(outcome).toEqual({ rows: [{ line: 1, cells: [text] }] });
  });

  it('refuses a text past the cell limit while reading it, at the limit', () => {
    const cuts = Array.from({ length: 9 * 16 }, (_, i) => (i + 1) << 16);
    const longText = Buffer.concat([Buffer.from('<sheetData><row r="4"><c t="str"><v>'), Buffer.alloc(9 << 20, 0x61)]);
    expect(scannerOutcome(longText, cuts)).toEqual({ error: 'row 4, column 1, has a cell of more than 1048576 characters' });
  });

  it('reads a reference of 32 digits wherever it is cut, and one of more as written', () => {
    const zeros = '0'.repeat(30);
    const xml = Buffer.from(`<sheetData><row r="1"><c t="str"><v>&#${zeros}65;&#x${zeros}42;&#0${zeros}67;</v></c></row></sheetData>`);
    const expected = { rows: [{ line: 1, cells: [`AB&#0${zeros}67;`] }] };
    for (let cut = 0; cut <= xml.length; cut++) expect(scannerOutcome(xml, [cut])).toEqual(expected);
    for (let size = 1; size < 40; size++) expect(scannerOutcome(xml, Array.from({ length: Math.floor(xml.length / size) }, (_, i) => (i + 1) * size))).toEqual(expected);
  });
});

describe('xmlText', () => {
  const decode = (text: string) => {
    const bytes = Buffer.from(`<${text}>`);
    return xmlText(bytes, 1, bytes.length - 1);
  };

  it('decodes UTF-8 and the references XML defines, each with its semicolon', () => {
    expect(decode('Жалоба 漢字 😀')).toBe('Жалоба 漢字 😀');
    expect(decode('a &amp;lt; b &lt;&gt;&quot;&apos;')).toBe('a &lt; b <>"\'');
    expect(decode('&#10;&#x41;&#X1f600;')).toBe('\nA😀');
  });

  it('keeps what is not a reference as written, and replaces code points as htmlparser2 does', () => {
    expect(decode('&amp &nbsp; & &#; &#x; &#65 &AMP;')).toBe('&amp &nbsp; & &#; &#x; &#65 &AMP;');
    // 0, a surrogate and beyond U+10FFFF are U+FFFD; 150 is Windows-1252's en dash (HTML's rule, htmlparser2's too).
    expect(decode('&#0;&#xD800;&#1114112;&#150;&#129;')).toBe('\ufffd\ufffd\ufffd\u2013\u0081');
    // At most 32 digits, so that a text read in pieces never waits long for a reference's end.
    expect(decode(`&#${'0'.repeat(30)}65;&#${'0'.repeat(31)}65;`)).toBe(`A&#${'0'.repeat(31)}65;`);
  });
});
