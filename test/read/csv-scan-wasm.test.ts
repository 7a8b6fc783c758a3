import { describe, expect, it } from 'vitest';
import { LEFT_TO_JS, NEEDS_INPUT, recordScanner } from '../../src/read/csv-scan-wasm.js';

/**
 * The WASM scanner on its own: which records it returns itself and where it stops. Leaving a record to the JS
 * tokenizer never changes the tokenizer's output (test/read/csv-tokenizer.test.ts), so only these tests see it.
 */
function scanAll(text: string, delimiter = ',') {
  const scanner = recordScanner();
  if (scanner === null) throw new Error('the WASM scanner is not built (npm run build)');
  const bytes = scanner.load(null, Buffer.from(text, 'latin1'), delimiter.charCodeAt(0));
  const { record } = scanner;
  const records: { fields: string[]; quoted: number[]; escaped: number[]; breaks: number }[] = [];
  for (;;) {
    const count = scanner.next();
    if (count < 0) return { records, stop: count === NEEDS_INPUT ? 'needs input' : count === LEFT_TO_JS ? 'left to JS' : count, from: scanner.recordStart };
    records.push({
      fields: Array.from({ length: count }, (_, i) => bytes.toString('latin1', record.starts[i], record.ends[i])),
      quoted: [...record.quoted.subarray(0, count)],
      escaped: [...record.escaped.subarray(0, count)],
      breaks: scanner.quotedBreaks,
    });
  }
}

const fieldsOf = (r: ReturnType<typeof scanAll>) => r.records.map((x) => x.fields);

describe('WASM record scanner', () => {
  it('returns fields, quoted and escaped flags and the line breaks inside quotes', () => {
    expect(scanAll('a,"b""c",""\r\n"x\ny\r\nz\rw",,\n\n')).toEqual({
      records: [
        { fields: ['a', 'b""c', ''], quoted: [0, 1, 1], escaped: [0, 1, 0], breaks: 0 },
        { fields: ['x\ny\r\nz\rw', '', ''], quoted: [1, 0, 0], escaped: [0, 0, 0], breaks: 3 }, // LF, CRLF, lone CR
        { fields: [''], quoted: [0], escaped: [0], breaks: 0 }, // the blank line: the tokenizer skips it
      ],
      stop: 'needs input',
      from: 27,
    });
  });

  it('waits for more input, not for the JS tokenizer, when the input ends after a closing quote or a CR', () => {
    for (const tail of ['"c","d"', '"c","d', 'c,d\r', '"c\r', '"c"\r', '"c""', 'c,']) {
      expect(scanAll(`a,b\r\n${tail}`), tail).toEqual({ records: [expect.objectContaining({ fields: ['a', 'b'] })], stop: 'needs input', from: 5 });
    }
  });

  it('leaves to the JS tokenizer the record with a quote inside a field, text after a quote or a lone CR, at any block offset', () => {
    for (let k = 0; k < 140; k++) {
      const first = 'p'.repeat(k);
      for (const bad of ['x,a"b\n', 'x,a"b,c",d\n', 'x,"a"b\n', '"a" ,b\n', 'x\ry\n', 'x,"y"\rz\n']) {
        const text = `${first},1\n${bad}"ok"\n`;
        expect(scanAll(text), JSON.stringify(bad) + k).toEqual({ records: [expect.objectContaining({ fields: [first, '1'] })], stop: 'left to JS', from: k + 3 });
      }
    }
  });

  it('reads a quote at any offset from a block border: after a delimiter, LF, "" or the input start', () => {
    for (let k = 0; k < 140; k++) {
      const first = 'p'.repeat(k);
      const result = scanAll(`${first},"a""""",""\n"b"\n`);
      expect(fieldsOf(result), String(k)).toEqual([[first, 'a""""', ''], ['b']]);
      expect(result.stop).toBe('needs input');
    }
  });

  it('returns records of up to 4096 fields itself and leaves wider ones to the JS tokenizer', () => {
    const wide = (n: number) => Array.from({ length: n }, (_, i) => i).join(';');
    const result = scanAll(`${wide(10)}\n${wide(4096)}\n${wide(4097)}\nx\n`, ';');
    expect(result.records.map((r) => r.fields.length)).toEqual([10, 4096]);
    expect(result.stop).toBe('left to JS');
    expect(result.from).toBe(wide(10).length + wide(4096).length + 2);
  });

  it('reads bytes ≥ 0x80 as plain bytes, whatever their low 7 bits', () => {
    // 0xA2 = 0x22 + 0x80 (quote), 0x8A (LF), 0x8D (CR), 0xAC (,)
    expect(fieldsOf(scanAll('\xa2\x8a,"\x8d\xac\xa2"\n'))).toEqual([['\xa2\x8a', '\x8d\xac\xa2']]);
  });
});
