import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fieldText } from '../../src/read/csv-tokenizer.js';
import { readCsvLayout, streamCsvRecords } from '../../src/read/csv.js';
import { detectEncoding } from '../../src/read/encoding.js';
import { resolveInput } from '../../src/read/input.js';

const dir = mkdtempSync(join(tmpdir(), 'sm-csv-'));
let n = 0;
function file(content: Buffer | string): string {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, content);
  return path;
}
const knowsIdAndCreated = (cells: readonly string[]) => cells.filter((c) => /^(id|created|дата создания|№)$/i.test(c.trim())).length;

async function readAll(path: string, options: { encoding?: string; delimiter?: string } = {}) {
  const layout = await readCsvLayout(await resolveInput(path), { ...options, scoreHeader: knowsIdAndCreated });
  const rows: { line: number; cells: string[] }[] = [];
  await streamCsvRecords(layout, (r) => rows.push({ line: r.line, cells: Array.from({ length: r.fieldCount }, (_, i) => fieldText(r, i, layout.decode)) }));
  return { layout, rows };
}

describe('detectEncoding', () => {
  it('tells UTF-8 (with or without BOM), UTF-16 LE/BE and Windows-1251 apart', () => {
    expect(detectEncoding(Buffer.from('\ufeffId', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Buffer.from('Дата', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x49, 0x00]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x49]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(iconv.encode('Дата создания', 'win1251'))).toEqual({ encoding: 'windows-1251', bomLength: 0 });
    // A head cut inside a multi-byte character is still UTF-8.
    expect(detectEncoding(Buffer.from('ok Ж', 'utf8').subarray(0, 4)).encoding).toBe('utf-8');
  });
});

describe('readCsvLayout + streamCsvRecords', () => {
  it('reads a Windows-1251 ; file with Russian captions, decoding kept fields', async () => {
    const path = file(iconv.encode('№;Дата создания;Клиент\r\n1;02.11.2026 10:00:00;ООО "Ромашка"\r\n', 'win1251'));
    const { layout, rows } = await readAll(path);
    expect(layout.encoding).toBe('windows-1251');
    expect(layout.delimiter).toBe(';');
    expect(layout.headers).toEqual(['№', 'Дата создания', 'Клиент']);
    expect(rows).toEqual([{ line: 2, cells: ['1', '02.11.2026 10:00:00', 'ООО "Ромашка"'] }]);
  });

  it('finds the header after title lines (Google Ads "Excel CSV": UTF-16 LE + BOM, tab)', async () => {
    const text = 'Campaign report\r\n"November 1, 2026 - November 7, 2026"\r\nId\tCreated\tCost\r\n7\t2026-11-02\t"1,606,880"\r\n';
    const path = file(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    const { layout, rows } = await readAll(path);
    expect(layout.encoding).toBe('utf-16le');
    expect(layout.delimiter).toBe('\t');
    expect(layout.headerLine).toBe(3);
    expect(layout.headers).toEqual(['Id', 'Created', 'Cost']);
    expect(rows).toEqual([{ line: 4, cells: ['7', '2026-11-02', '1,606,880'] }]);
  });

  it('reads UTF-16 BE with BOM', async () => {
    const path = file(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(iconv.encode('Id;Created\r\n1;Дата\r\n', 'utf-16be'))]));
    const { layout, rows } = await readAll(path);
    expect([layout.encoding, layout.delimiter]).toEqual(['utf-16be', ';']);
    expect(rows).toEqual([{ line: 2, cells: ['1', 'Дата'] }]);
  });

  it('sniffs | and , and keeps going past blank lines; --delimiter and --encoding override', async () => {
    expect((await readAll(file('Id|Created\n1|2026-11-02\n\n2|2026-11-03\n'))).rows.map((r) => r.line)).toEqual([2, 4]);
    const bom = await readAll(file('\ufeffId,Created\n1,"a;b"\n'));
    expect(bom.layout.headers).toEqual(['Id', 'Created']);
    expect(bom.rows[0]!.cells).toEqual(['1', 'a;b']);
    const forced = await readAll(file('Id,Created;x\n1,2;3\n'), { delimiter: ';' });
    expect(forced.layout.headers).toEqual(['Id,Created', 'x']);
    const latin = await readAll(file(Buffer.from('Id,Created\n1,caf\xe9\n', 'latin1')), { encoding: 'latin1' });
    expect(latin.rows[0]!.cells[1]).toBe('café');
  });

  it('tells repeated headers apart', async () => {
    const { layout } = await readAll(file('Id,Created,Resolution time (in hrs),Resolution time (in hrs)\n1,2,3,4\n'));
    expect(layout.headers).toEqual(['Id', 'Created', 'Resolution time (in hrs)', 'Resolution time (in hrs)_1']);
  });

  it('says what is wrong with a missing or empty file', async () => {
    await expect(resolveInput(join(dir, 'missing.csv'))).rejects.toThrow(/missing\.csv: does not exist; check the path/);
    await expect(resolveInput(file('')).then((input) => readCsvLayout(input, { scoreHeader: knowsIdAndCreated }))).rejects.toThrow(/is empty/);
  });
});
