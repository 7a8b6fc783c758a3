import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeColumn } from '../../src/datasets/columns.js';
import { normaliseChannel } from '../../src/datasets/normalise-channel.js';
import { mergeTextColumns, TextCodes } from '../../src/datasets/text-codes.js';

/** Looks bytes up as the CSV reader does: a miss is decoded once and added. */
function codeOf(codes: TextCodes, text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  const code = codes.lookBytes(bytes, 0, bytes.length);
  return code >= 0 ? code : codes.addBytes(bytes, 0, bytes.length, text);
}

describe('text columns as codes', () => {
  it('gives one code per distinct value, the same by bytes and by text, 0 for empty', () => {
    const codes = new TextCodes();
    expect(codeOf(codes, 'Max Weber')).toBe(1);
    expect(codeOf(codes, 'Lea Vogel')).toBe(2);
    expect(codeOf(codes, 'Max Weber')).toBe(1);
    expect(codes.codeOfText('Lea Vogel')).toBe(2);
    expect(codes.codeOfText('   ')).toBe(0);
    expect(codes.values).toEqual(['', 'Max Weber', 'Lea Vogel']);
  });

  it('matches a property: any sequence of values round-trips through its codes (rehashing included)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== ''), { maxLength: 3000 }), (texts) => {
        const codes = new TextCodes();
        const got = texts.map((t) => codeOf(codes, t));
        expect(got.map((c) => codes.values[c])).toEqual(texts);
        expect(new Set(got).size).toBe(new Set(texts).size);
      }),
      { numRuns: 50 },
    );
  });

  it('values that normalise alike share a code (channel names, SPEC §2)', () => {
    const codes = new TextCodes(normaliseChannel);
    const got = ['E-mail', 'Email', 'Mail', 'Онлайн-чат', 'Live chat', 'Телефония', 'Voice', 'Telegram'].map((t) => codeOf(codes, t));
    expect(got.map((c) => codes.values[c])).toEqual(['email', 'email', 'email', 'chat', 'chat', 'phone', 'phone', 'messaging']);
    expect(codes.values).toEqual(['', 'email', 'chat', 'phone', 'messaging']);
  });

  it('merges parts read apart (two halves, several files): the same text, the same code', () => {
    const merged = mergeTextColumns(
      [
        { codes: Uint16Array.of(1, 2, 0, 1), values: ['', 'Max', 'Lea'] },
        { codes: Uint16Array.of(1, 2), values: ['', 'Lea', 'Tom'] },
      ],
      6,
    );
    expect(merged.values).toEqual(['', 'Max', 'Lea', 'Tom']);
    expect(Array.from(merged.codes)).toEqual([1, 2, 0, 1, 2, 3]);
    expect(merged.codes).toBeInstanceOf(Uint16Array);
  });

  it('keeps codes in 2 bytes a row until a code needs 4', () => {
    const column = new CodeColumn();
    for (let i = 0; i < 3000; i++) column.push(i % 7);
    expect(column.values()).toBeInstanceOf(Uint16Array);
    column.push(70_000);
    const values = column.values();
    expect(values).toBeInstanceOf(Uint32Array);
    expect(values.length).toBe(3001);
    expect(values[2999]).toBe(2999 % 7);
    expect(values[3000]).toBe(70_000);
  });
});
