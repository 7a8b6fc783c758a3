import type ExcelJS from 'exceljs';

/**
 * Text for a workbook cell, written so that it reads back exactly (ECMA-376 Part 1, §22.9.2.19 ST_Xstring): a
 * character XML 1.0 cannot hold becomes `_xHHHH_`, its UTF-16 code in hex, as Excel writes it, and a `_` that would
 * start such an escape becomes `_x005F_`, so a name that is literally `_x0041_` does not read back as `A`.
 *
 * exceljs (4.4) does neither: it drops U+0000–U+0008, U+000B, U+000C, U+000E–U+001F and U+007F, writes a
 * carriage return raw (which every XML parser reads as a line feed), writes U+FFFE/U+FFFF raw (a part Excel calls
 * corrupt, which exceljs itself cannot load again) and turns a lone surrogate into U+FFFD. The text handed to it
 * here is plain ASCII where it matters, which it writes as it is.
 *
 * Escaped: the C0 controls except tab and line feed, carriage return too (XML end-of-line handling would make it a line
 * feed), DEL (legal XML, but exceljs drops it), U+FFFE, U+FFFF and a surrogate without its pair. `_` is escaped when
 * `x` and four hex digits follow, whatever comes after them: an escape written next to them starts with `_`, and
 * `_x0041` + `_x0001_` would read `_x0041_` first.
 */
export function xlsxText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (unit) => `_x${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`) : text;
}

// eslint-disable-next-line no-control-regex
const ESCAPED = /_(?=x[0-9A-Fa-f]{4})|[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NEEDS_ESCAPE = new RegExp(ESCAPED.source);

/** A row of the sheet with every text cell through xlsxText; numbers and empty cells as they are. */
export function addTextRow(sheet: ExcelJS.Worksheet, values: readonly (string | number | null | undefined)[]): ExcelJS.Row {
  return sheet.addRow(values.map((value) => (typeof value === 'string' ? xlsxText(value) : value)));
}
