import { describe, expect, it } from 'vitest';
import { isEmptyField, scalarReader } from '../../src/datasets/column-readers.js';
import type { CsvRecord } from '../../src/read/csv-tokenizer.js';
import { UTC } from '../../src/read/zone.js';

/** A one-field record holding `text`. */
function record(text: string): CsvRecord {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes, starts: Int32Array.of(0), ends: Int32Array.of(bytes.length), escaped: Uint8Array.of(0), quoted: Uint8Array.of(0), fieldCount: 1, line: 2 };
}
const utf8 = (b: Buffer, s: number, e: number) => b.toString('utf8', s, e);
const durationColumnParser = (plan: { index: number; unit: 'minutes' | 'seconds'; decimal: '.' | ','; zeroMeansNone: boolean }, decode: typeof utf8) => {
  const reader = scalarReader({ ...plan, type: 'duration' }, UTC, decode);
  return { read: (r: CsvRecord) => reader.csv(r) };
};
const timestampColumnParser = (plan: { index: number; format: 'iso'; unset1900?: boolean }, zone: typeof UTC) => {
  const reader = scalarReader({ ...plan, type: 'instant' }, zone, utf8);
  return { read: (r: CsvRecord) => reader.csv(r) };
};

describe('empty cells', () => {
  it('are nothing, spaces, - and --', () => {
    for (const text of ['', ' ', '-', '--', ' - ']) expect(isEmptyField(Buffer.from(text), 0, text.length)).toBe(true);
    for (const text of ['0', '-5', '---', 'x']) expect(isEmptyField(Buffer.from(text), 0, text.length)).toBe(false);
  });

  it('are n/a, #N/A, null, none and NaN in any case, and the dash —; not words that only start like them', () => {
    const empty = (text: string) => isEmptyField(Buffer.from(text), 0, Buffer.byteLength(text));
    for (const text of ['n/a', 'N/A', '#N/A', 'NULL', 'Null', 'none', 'NONE', 'NaN', ' nan ', '—']) expect(empty(text), text).toBe(true);
    for (const text of ['Good', 'Bad', 'nano', 'non', 'nul', 'Chat', 'API', 'n/ab']) expect(empty(text), text).toBe(false);
  });

  it('read as null (no value), not 0, in duration and timestamp columns', () => {
    const minutes = durationColumnParser({ index: 0, unit: 'minutes', decimal: '.', zeroMeansNone: false }, utf8);
    const when = timestampColumnParser({ index: 0, format: 'iso', unset1900: true }, UTC);
    for (const text of ['', '-', '--', ' ']) {
      expect(minutes.read(record(text))).toBeNull();
      expect(when.read(record(text))).toBeNull();
    }
    expect(minutes.read(record('0'))).toBe(0);
    expect(minutes.read(record('2.5'))).toBe(150);
    // Zendesk's "never set" (its preset says so) …
    expect(when.read(record('1900-01-01 00:00:00'))).toBeNull();
    // … and in a file of no preset, the date it says (issue #9: a preset's value rules apply only with the preset)
    expect(timestampColumnParser({ index: 0, format: 'iso' }, UTC).read(record('1900-01-01 00:00:00'))).toBe(Date.UTC(1900, 0, 1));
    // n/a, #N/A, null, none, — are empty in every column
    for (const text of ['n/a', 'N/A', '#N/A', 'null', 'None', '—']) {
      expect(minutes.read(record(text)), text).toBeNull();
      expect(when.read(record(text)), text).toBeNull();
    }
  });

  it('0 means none only where the preset says so (Bitrix24 wait time)', () => {
    const wait = durationColumnParser({ index: 0, unit: 'seconds', decimal: '.', zeroMeansNone: true }, utf8);
    expect(wait.read(record('0'))).toBeNull();
    expect(wait.read(record('45'))).toBe(45);
  });
});

describe('number cells in timestamp columns (workbooks)', () => {
  const cell = scalarReader({ index: 0, type: 'instant', format: 'iso' }, UTC, utf8).cell;

  it('are Excel serials, Unix seconds from 1e8, Unix milliseconds from 1e11', () => {
    // Serial 46000 = 2025-12-09 (46000 − 25569 = 20431 days after 1970-01-01).
    expect(cell(46000)).toBe(Date.UTC(2025, 11, 9));
    expect(cell(1_700_000_000)).toBe(1_700_000_000_000);
    expect(cell(1_700_000_000_000)).toBe(1_700_000_000_000);
  });

  it('are not times past the year 9999 (1e308 made a month span no loop ends, issue #16)', () => {
    expect(cell(Date.UTC(9999, 11, 31))).toBe(Date.UTC(9999, 11, 31));
    for (const n of [Date.UTC(10000, 0, 1), 1e15, 1e308, Number.MAX_VALUE]) expect(cell(n), String(n)).toBeNaN();
  });
});
