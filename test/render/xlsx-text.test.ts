import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeExcelText } from '../../src/read/xlsx-shared-strings.js';
import { addTextRow, xlsxText } from '../../src/render/xlsx-text.js';

// XML 1.0 §2.2 Char, less CR: a raw CR in a text node is read as LF (§2.11), so it must not be there either.
const NOT_XML_TEXT = /[^\t\n\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

// Strings made of the pieces that matter: escape look-alikes, controls, the non-characters, halves of a pair.
const piece = fc.constantFrom('_', 'x', 'X', '_x', '0', '4', '1', 'F', 'f', 'D', '_x0041_', '_x005F_', '\u0000', '\u0001', '\u001b', '\t', '\n', '\r', '\u007f', '\u0085', '\ufffe', '\uffff', '\ud800', '\udc00', '\u{1f600}', '\u202e', 'a', '=', ' ');
const awkward = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('xlsxText: ST_Xstring escapes (ECMA-376 Part 1 §22.9.2.19)', () => {
  it('escapes what XML 1.0 cannot hold and what would read as an escape; leaves the rest', () => {
    expect(xlsxText('ctl\u0001x')).toBe('ctl_x0001_x');
    expect(xlsxText('\u001b[31mred\u001b[0m')).toBe('_x001B_[31mred_x001B_[0m');
    expect(xlsxText('\u0000\u0008\u000b\u000c\u001f\u007f')).toBe('_x0000__x0008__x000B__x000C__x001F__x007F_');
    expect(xlsxText('\rCarriage')).toBe('_x000D_Carriage');
    expect(xlsxText('_x0041_')).toBe('_x005F_x0041_');
    expect(xlsxText('_x005f_')).toBe('_x005F_x005f_');
    // Without the closing `_` it is no escape, but an escaped character after it would supply one.
    expect(xlsxText('_x0041\u0001')).toBe('_x005F_x0041_x0001_');
    expect(xlsxText('\uffff\ufffe')).toBe('_xFFFF__xFFFE_');
    expect(xlsxText('a\ud800b\udc00')).toBe('a_xD800_b_xDC00_');
    for (const kept of ['tab\tand\nline', '\u202eevil.exe', '\u2066lri\u2069', 'smile \u{1f600}', 'nel\u0085', '_x', '_x12_', '_y0041_', 'snake_x_case', '=HYPERLINK("http://x","y")', '@SUM(1)', '']) {
      expect(xlsxText(kept), JSON.stringify(kept)).toBe(kept);
    }
  });

  it('any text: valid XML text, and Excel\'s decoding (our reader\'s) gives it back exactly', () => {
    fc.assert(
      fc.property(fc.oneof(awkward, fc.string({ unit: 'binary' })), (text) => {
        const escaped = xlsxText(text);
        expect(escaped).not.toMatch(NOT_XML_TEXT);
        expect(unescapeExcelText(escaped)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('through exceljs: a workbook written with addTextRow reads back exactly, every cell a string', async () => {
    const texts = fc.sample(awkward, { numRuns: 300, seed: 16 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Names');
    for (const text of texts) addTextRow(sheet, [text, 1.5, null]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await workbook.xlsx.writeBuffer());
    const read: unknown[] = [];
    back.getWorksheet('Names')!.eachRow({ includeEmpty: true }, (row) => {
      read.push(row.getCell(1).value ?? '');
      expect(row.getCell(2).value).toBe(1.5);
    });
    expect(read).toEqual(texts);
  });
});
