import { describe, expect, it } from 'vitest';
import { PhoneticRunBlanker } from '../../src/read/xlsx-phonetic-runs.js';

function blank(chunks: Buffer[]): string {
  const blanker = new PhoneticRunBlanker();
  const out = chunks.map((c) => blanker.push(c));
  out.push(blanker.end());
  return Buffer.concat(out).toString('utf8');
}

const SHARED_STRINGS =
  '<sst><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si><r><t>a</t></r><rPh sb="0" eb="1"><t>エー</t></rPh></si><si><t>plain</t><rPhX/></si></sst>';
const BLANKED =
  '<sst><si><t>漢字</t><!--' + ' '.repeat(Buffer.byteLength('<rPh sb="0" eb="2"><t>カンジ</t></rPh>') - 7) + '--><phoneticPr fontId="1"/></si>' +
  '<si><r><t>a</t></r><!--' + ' '.repeat(Buffer.byteLength('<rPh sb="0" eb="1"><t>エー</t></rPh>') - 7) + '--></si><si><t>plain</t><rPhX/></si></sst>';

describe('PhoneticRunBlanker', () => {
  it('turns each <rPh>…</rPh> into a comment of the same byte length, and nothing else', () => {
    expect(blank([Buffer.from(SHARED_STRINGS)])).toBe(BLANKED);
    expect(Buffer.byteLength(BLANKED)).toBe(Buffer.byteLength(SHARED_STRINGS));
  });

  it('gives the same bytes however the part is cut into chunks (even inside a multi-byte character)', () => {
    const bytes = Buffer.from(SHARED_STRINGS);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(blank([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(BLANKED);
    }
    const oneByteChunks = Array.from(bytes, (b) => Buffer.from([b]));
    expect(blank(oneByteChunks)).toBe(BLANKED);
  });

  it('leaves an empty <rPh …/> alone, so a later run is not swallowed with it', () => {
    const xml = '<si><t>x</t><rPh sb="0" eb="0"/></si><si><t>y</t><rPh sb="0" eb="1"><t>ワイ</t></rPh></si>';
    const out = blank([Buffer.from(xml)]);
    expect(out.startsWith('<si><t>x</t><rPh sb="0" eb="0"/></si><si><t>y</t><!--')).toBe(true);
    expect(out.endsWith('--></si>')).toBe(true);
  });
});
