import { parseXmlPart, type XmlPartReader } from './xlsx-xml-part.js';
import type { ZipDirectory, ZipEntry } from './zip-directory.js';

/**
 * Which cell styles show a number as a date or a time (`xl/styles.xml`). A cell's `s="5"` is an index into
 * `<cellXfs>`; that `<xf numFmtId="…">` names a built-in format or a `<numFmt formatCode="…">` of the workbook. A date
 * cell is only a number with such a format, so this decides which numbers are WallTimes.
 */

/** Per `<cellXfs>` index: not a date format, a calendar date (may carry a time), or a time of day / elapsed time. */
export const DateStyle = { None: 0, Date: 1, Time: 2 } as const;
export type DateStyle = (typeof DateStyle)[keyof typeof DateStyle];

export async function readDateStyles(zip: ZipDirectory, entry: ZipEntry): Promise<Uint8Array> {
  const customFormats = new Map<number, DateStyle>();
  const cellFormatIds: number[] = [];
  let numFmtId = '0';
  let formatCode = '';
  let inNumFmts = false;
  let inCellXfs = false;
  const reader: XmlPartReader = {
    open(name) {
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'cellXfs') inCellXfs = true;
      // `<cellStyleXfs>` holds `<xf>`s too (the named styles), `<dxfs>` numFmts of their own (conditional formats):
      // cells index `<cellXfs>`, whose formats are the workbook's `<numFmts>`.
      const wanted = (name === 'numFmt' && inNumFmts) || (name === 'xf' && inCellXfs);
      if (wanted) {
        numFmtId = '0'; // an `<xf>` without one shows General
        formatCode = '';
      }
      return wanted;
    },
    attribute(name, value) {
      if (name === 'numFmtId') numFmtId = value;
      else if (name === 'formatCode') formatCode = value;
    },
    text() {},
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'numFmt' && inNumFmts) customFormats.set(Number(numFmtId), dateStyleOfFormat(formatCode));
      else if (name === 'xf' && inCellXfs) cellFormatIds.push(Number(numFmtId));
    },
  };
  for await (const _ of parseXmlPart<never>(zip, entry, () => reader)) {
    // nothing is emitted: the tables above fill as the part is read
  }
  return Uint8Array.from(cellFormatIds, (id): number => customFormats.get(id) ?? builtInDateStyle(id));
}

/**
 * Built-in formats (ECMA-376 Part 1, §18.8.30): 14–17 and 22 are dates, 18–21 and 45–47 times (`h:mm`, `[h]:mm:ss`,
 * `mm:ss.0`), 27–36 and 50–58 the East Asian date formats Excel writes by id.
 */
function builtInDateStyle(id: number): DateStyle {
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return DateStyle.Time;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return DateStyle.Date;
  return DateStyle.None;
}

/**
 * A custom format code, read as Excel reads it: quoted text (`0" days"`), `\x` and `_x`/`*x` (a literal, a space as
 * wide as x, a fill) and `[…]` (colours, conditions, `[$-409]` locales) show no date part; the elapsed-time tokens
 * `[h]`, `[mm]`, `[ss]` do. What is left is a date when it has a day or a year, or a month with no hour or second
 * beside it (`mmm yy`; `mm:ss` is minutes); a time when it has hours, minutes or seconds only.
 */
export function dateStyleOfFormat(formatCode: string): DateStyle {
  const shown = formatCode.replace(/"[^"]*"?|\\.|[_*]./g, '');
  const elapsed = /\[(?:h+|m+|s+)]/i.test(shown);
  const tokens = shown.replace(/\[[^\]]*]?/g, '');
  if (/[dy]/i.test(tokens)) return DateStyle.Date;
  const hasHourOrSecond = elapsed || /[hs]/i.test(tokens);
  if (/m/i.test(tokens) && !hasHourOrSecond) return DateStyle.Date;
  return hasHourOrSecond ? DateStyle.Time : DateStyle.None;
}
