import { describe, expect, it } from 'vitest';
import { readSharedStrings } from '../../src/read/xlsx-shared-strings.js';
import { readZipDirectory } from '../../src/read/zip-directory.js';
import { temporaryPath, writeZip } from '../helpers/write-xlsx.js';

/**
 * Japanese Excel stores each string typed through an IME with its phonetic reading: `<si><t>漢字</t><rPh sb="0"
 * eb="2"><t>カンジ</t></rPh></si>`. The reading is not the text (exceljs took it for the text: 漢字 read as カンジ).
 */

async function sharedStringsOf(xml: string): Promise<(string | undefined)[]> {
  const path = writeZip(temporaryPath(), [{ name: 'xl/sharedStrings.xml', data: Buffer.from(xml) }]);
  const zip = await readZipDirectory(path);
  return readSharedStrings(zip, zip.entries.get('xl/sharedStrings.xml')!);
}

const ITEMS =
  '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si><r><t>a</t></r><rPh sb="0" eb="1"><t>エー</t></rPh></si><si><t>plain</t><rPhX/></si>';

describe('shared strings: phonetic runs', () => {
  it('leaves each <rPh> reading out of its string, and nothing else', async () => {
    expect(await sharedStringsOf(`<sst>${ITEMS}</sst>`)).toEqual(['漢字', 'a', 'plain']);
  });

  it('gives the same strings wherever the part is cut into chunks (even inside a multi-byte character)', async () => {
    // Entries are inflated in 64 KiB chunks: a padding string ahead moves each byte of the items onto the cut.
    const chunkBytes = 64 * 1024;
    const padded = (padding: number) => `<sst><si><t>${'x'.repeat(padding)}</t></si>${ITEMS}</sst>`;
    const itemsAt = Buffer.byteLength(padded(0)) - Buffer.byteLength(`${ITEMS}</sst>`);
    for (let cut = 0; cut <= Buffer.byteLength(ITEMS); cut++) {
      const padding = chunkBytes - itemsAt - cut;
      expect(await sharedStringsOf(padded(padding))).toEqual(['x'.repeat(padding), '漢字', 'a', 'plain']);
    }
  });

  it('leaves an empty <rPh …/> alone, so a later run is not swallowed with it', async () => {
    const xml = '<sst><si><t>x</t><rPh sb="0" eb="0"/></si><si><t>y</t><rPh sb="0" eb="1"><t>ワイ</t></rPh></si></sst>';
    expect(await sharedStringsOf(xml)).toEqual(['x', 'y']);
  });
});
