import { describe, expect, it } from 'vitest';
import { WallTime } from '../../src/read/source.js';
import { dateWallMs, sheetCellOf, timeWallMs, type CellContext } from '../../src/read/xlsx-cell.js';
import { DateStyle } from '../../src/read/xlsx-styles.js';

const HOUR_MS = 3_600_000;

describe('dateWallMs', () => {
  it('counts the 1900 system from 1899-12-30, one day later before the phantom 1900-02-29 (serial 60)', () => {
    // 25569 days after 1899-12-30 is 1970-01-01; 46328.5 is 2026-11-02 12:00.
    expect(dateWallMs(25569, false)).toBe(0);
    expect(dateWallMs(46328.5, false)).toBe(Date.UTC(2026, 10, 2, 12));
    expect(dateWallMs(61, false)).toBe(Date.UTC(1900, 2, 1));
    expect(dateWallMs(59, false)).toBe(Date.UTC(1900, 1, 28));
    expect(dateWallMs(1, false)).toBe(Date.UTC(1900, 0, 1));
    // Below 1: a time on day 0.
    expect(dateWallMs(0.75, false)).toBe(Date.UTC(1899, 11, 30, 18));
  });

  it('counts the 1904 system from 1904-01-01, with no phantom day', () => {
    expect(dateWallMs(0, true)).toBe(Date.UTC(1904, 0, 1));
    // 46328.5 − 1462 = 44866.5 is the same 2026-11-02 12:00.
    expect(dateWallMs(44866.5, true)).toBe(Date.UTC(2026, 10, 2, 12));
  });

  it('rounds to the millisecond: a serial written with 15 digits gives the whole second it shows', () => {
    // 14:05:09 is 50709 s = 0.586909722222222… day.
    expect(dateWallMs(46328.5869097222, false)).toBe(Date.UTC(2026, 10, 2, 14, 5, 9));
  });
});

describe('timeWallMs', () => {
  it('is day 0 plus the serial in days, whatever its length', () => {
    expect(timeWallMs(0.5)).toBe(Date.UTC(1899, 11, 30) + 12 * HOUR_MS);
    expect(timeWallMs(2.5)).toBe(Date.UTC(1899, 11, 30) + 60 * HOUR_MS);
  });
});

describe('sheetCellOf', () => {
  const context: CellContext = { sharedStrings: ['Ann', ''], dateStyles: Uint8Array.of(DateStyle.None, DateStyle.Date, DateStyle.Time), date1904: false, maxCellChars: 1 << 20 };

  it('reads each cell type', () => {
    expect(sheetCellOf(undefined, '12.5', 0, context)).toBe(12.5);
    expect(sheetCellOf('n', '1E-3', 0, context)).toBe(0.001);
    expect(sheetCellOf('s', '0', 0, context)).toBe('Ann');
    expect(sheetCellOf('str', 'A_x0009_B', 0, context)).toBe('A\tB');
    expect(sheetCellOf('b', '1', 0, context)).toBe(true);
    expect(sheetCellOf('b', '0', 0, context)).toBe(false);
    expect(sheetCellOf('e', '#VALUE!', 0, context)).toBe('#VALUE!');
    expect(sheetCellOf('d', '2026-11-02T14:05:09', 0, context)).toEqual(new WallTime(Date.UTC(2026, 10, 2, 14, 5, 9)));
  });

  it('reads a number by its style: a date, a time, or a number when the style is unknown', () => {
    expect(sheetCellOf(undefined, '46328.5', 1, context)).toEqual(new WallTime(Date.UTC(2026, 10, 2, 12)));
    expect(sheetCellOf(undefined, '1.5', 2, context)).toEqual(new WallTime(Date.UTC(1899, 11, 30) + 36 * HOUR_MS));
    expect(sheetCellOf(undefined, '46328.5', 9, context)).toBe(46328.5);
  });

  it('gives null for no value and for an empty string, and a number cell that is not a number as its text', () => {
    expect(sheetCellOf(undefined, '', 0, context)).toBeNull();
    expect(sheetCellOf('s', '1', 0, context)).toBeNull();
    expect(sheetCellOf('inlineStr', '', 0, context)).toBeNull();
    expect(sheetCellOf(undefined, 'n/a', 0, context)).toBe('n/a');
  });

  it('rejects a shared-string index past the table', () => {
    expect(() => sheetCellOf('s', '2', 0, context)).toThrow('a cell points to shared string "2", but the workbook has 2');
  });
});
