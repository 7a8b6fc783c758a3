import { chmodSync, existsSync, mkdirSync, symlinkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readZipParts, writeZip, type ZipPart } from '../helpers/write-xlsx.js';

/**
 * The malformed-input corpus of issue #16, written at test time into a folder the caller gives (never committed):
 * every input format (CSV, XLSX, HTML table ".xls", XML Spreadsheet 2003 ".xls", .gz) × every data set kind, each
 * broken in one way a real export or a real download gets broken, plus seeded mutations (bytes flipped, cut,
 * repeated) of every file in fixtures/. Deterministic: the same files byte for byte on every run (fixed seeds).
 */

export type CorpusFormat = 'csv' | 'xlsx' | 'html' | 'xml' | 'gz' | 'other';
export type KindName = 'tickets' | 'surveys' | 'spend' | 'subscriptions' | 'finance';

export interface CorpusFile {
  /** What the file is named on the command line (a path; a folder for the `directory` case). */
  path: string;
  format: CorpusFormat;
  /** The kind the file was built as; the run names it (`--tickets FILE`) so rows reach the row reader. */
  kind: KindName | null;
  /** What is wrong with it, e.g. `unterminated-quote`, `mutate-flip-3 zendesk-tickets.csv`. */
  case: string;
  /** A chmod 000 file: whether it is really unreadable depends on who runs the tests (root reads it anyway). */
  unreadable?: boolean;
  /** A file that must be refused (exit 2): nothing in it can be read as a data set. */
  mustFail?: boolean;
  /** The data rows written below the header, when every one must be counted in `rows` (read, rejected or skipped). */
  dataRows?: number;
}

type Table = string[][];

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A small valid table of each kind, generic header names, six data rows. */
export const BASE: Record<KindName, Table> = {
  tickets: [
    ['ticket_id', 'created_at', 'first_response_at', 'resolved_at', 'channel', 'agent', 'customer_id'],
    ['T-1', '2026-11-02T09:00:00Z', '2026-11-02T09:10:00Z', '2026-11-02T11:00:00Z', 'email', 'Max', 'C-1'],
    ['T-2', '2026-11-02T10:00:00Z', '2026-11-02T10:05:00Z', '2026-11-02T12:00:00Z', 'chat', 'Lea', 'C-2'],
    ['T-3', '2026-11-03T12:00:00Z', '', '', 'email', '', 'C-1'],
    ['T-4', '2026-11-03T13:00:00Z', '2026-11-03T13:30:00Z', '2026-11-04T09:00:00Z', 'phone', 'Max', 'C-3'],
    ['T-5', '2026-11-04T08:00:00Z', '2026-11-04T08:01:00Z', '2026-11-04T08:20:00Z', 'chat', 'Lea', 'C-4'],
    ['T-6', '2026-11-05T16:00:00Z', '2026-11-05T17:00:00Z', '', 'email', 'Max', 'C-2'],
  ],
  surveys: [
    ['responded_at', 'survey', 'score', 'ticket_id', 'customer_id', 'comment'],
    ['2026-11-02 10:15', 'csat', '5', '1001', 'C-1', 'Quick'],
    ['2026-11-02 11:40', 'csat', '4', '1002', 'C-2', ''],
    ['2026-11-03 09:05', 'nps', '9', '', 'C-1', 'yes'],
    ['2026-11-03 14:30', 'ces', '2', '1004', 'C-3', ''],
    ['2026-11-04 08:00', 'nps', '6', '1005', 'C-4', 'meh'],
    ['2026-11-05 12:00', 'csat', '3', '1006', 'C-5', ''],
  ],
  spend: [
    ['date', 'amount', 'type', 'channel', 'currency', 'new_customers'],
    ['2026-11-01', '1250.00', 'marketing', 'Google Ads', 'USD', '4'],
    ['2026-11-02', '430.50', 'sales', 'Outbound', 'USD', ''],
    ['2026-11-03', '123.45', 'service', 'Support', 'USD', ''],
    ['2026-11-04', '99.00', 'marketing', 'Meta', 'USD', '1'],
    ['2026-11-05', '12.00', 'marketing', 'Meta', 'USD', ''],
    ['2026-11-06', '300.00', 'sales', 'Outbound', 'USD', '2'],
  ],
  subscriptions: [
    ['customer_id', 'started_at', 'ended_at', 'mrr', 'plan', 'currency', 'status'],
    ['cus_001', '2026-01-05', '', '49.00', 'Basic', 'USD', 'active'],
    ['cus_002', '2026-01-20', '2026-03-20', '99.00', 'Pro', 'USD', 'canceled'],
    ['cus_003', '2026-02-11', '', '49.00', 'Basic', 'USD', 'active'],
    ['cus_004', '2026-03-01', '2026-05-01', '49.00', 'Basic', 'USD', 'canceled'],
    ['cus_005', '2026-03-15', '', '199.00', 'Team', 'USD', 'active'],
    ['cus_006', '2026-04-02', '2026-06-02', '49.00', 'Basic', 'USD', 'canceled'],
  ],
  finance: [
    ['month', 'marketing_spend', 'sales_spend', 'new_customers', 'revenue', 'active_customers', 'churned_customers', 'service_cost'],
    ['2026-01', '3000', '1000', '40', '5000', '100', '5', '500'],
    ['2026-02', '2500', '900', '20', '5500', '110', '5', '550'],
    ['2026-03', '2700', '950', '25', '5800', '118', '6', '560'],
    ['2026-04', '2600', '980', '22', '6000', '122', '4', '570'],
    ['2026-05', '2800', '990', '30', '6300', '131', '7', '580'],
    ['2026-06', '2900', '1000', '28', '6600', '140', '6', '590'],
  ],
};

export const KIND_NAMES = Object.keys(BASE) as KindName[];

/** Which column of each kind holds its main timestamp / its main number, for the value cases. */
const TIME_COLUMN: Record<KindName, number> = { tickets: 1, surveys: 0, spend: 0, subscriptions: 1, finance: 0 };
const NUMBER_COLUMN: Record<KindName, number> = { tickets: 2, surveys: 2, spend: 1, subscriptions: 3, finance: 1 };

/** mulberry32: a small seeded generator, so every run writes the same bytes. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writers: one table in each format.

function csvField(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(table: Table, delimiter = ','): string {
  return `${table.map((row) => row.map((v) => csvField(v, delimiter)).join(delimiter)).join('\n')}\n`;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function toHtml(table: Table): string {
  const rows = table.map((row, i) => `<tr>${row.map((v) => (i === 0 ? `<td>${escapeXml(v)}</td>` : `<td>${escapeXml(v)}</td>`)).join('')}</tr>`);
  return `\ufeff<html>\n<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>\n<body>\n<table border="1">\n<thead>${rows[0]}</thead>\n<tbody>${rows.slice(1).join('\n')}</tbody>\n</table>\n</body>\n</html>\n`;
}

export function toXml2003(table: Table): string {
  const rows = table.map((row) => `<ss:Row>${row.map((v) => `<ss:Cell><ss:Data ss:Type="String">${escapeXml(v)}</ss:Data></ss:Cell>`).join('')}</ss:Row>`);
  return `<?xml version="1.0"?>\n<ss:Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n<ss:Worksheet ss:Name="Sheet1">\n<ss:Table>\n${rows.join('\n')}\n</ss:Table>\n</ss:Worksheet>\n</ss:Workbook>\n`;
}

/** A1-style column letters of a 0-based column index. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `<sheetData>` rows of inline strings: the reader's own path for text cells without a shared-strings part. */
export function sheetDataOf(table: Table, firstRow = 1): string {
  return table
    .map((row, r) => `<row r="${r + firstRow}">${row.map((v, c) => (v === '' ? '' : `<c r="${columnLetters(c)}${r + firstRow}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`)).join('')}</row>`)
    .join('');
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a minimal workbook around one sheet's XML (as test/helpers/write-xlsx.ts writeRawXlsx). */
export function xlsxParts(sheetXml: string): ZipPart[] {
  const part = (name: string, xml: string): ZipPart => ({ name, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`) });
  return [
    part('[Content_Types].xml', `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    part('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    part('xl/worksheets/sheet1.xml', sheetXml),
  ];
}

function sheetXml(table: Table, dimension?: string): string {
  return `<worksheet xmlns="${MAIN}">${dimension === undefined ? '' : `<dimension ref="${dimension}"/>`}<sheetData>${sheetDataOf(table)}</sheetData></worksheet>`;
}

/** The bytes of a zip of these parts (through the test helper's writer, which is independent of the reader). */
function zipBytes(dir: string, parts: ZipPart[]): Buffer {
  const path = join(dir, '.zip-scratch');
  writeZip(path, parts);
  return readFileSync(path);
}

// ---------------------------------------------------------------------------------------------------------------
// Cases. A table case changes the rows (and is written in every format); a byte case changes the bytes of a CSV.

/** Table-level cases: each is written as CSV, XLSX, HTML, XML 2003 and gzip CSV. */
const TABLE_CASES: Record<string, (table: Table, kind: KindName) => Table> = {
  valid: (t) => t,
  'header-only': (t) => [t[0]!],
  'too-many-columns': (t) => t.map((row, i) => (i % 2 === 1 ? [...row, 'extra', 'more', 'x'] : row)),
  'too-few-columns': (t) => t.map((row, i) => (i % 2 === 0 && i > 0 ? row.slice(0, 2) : row)),
  'one-cell-rows': (t) => t.map((row, i) => (i > 0 ? row.slice(0, 1) : row)),
  'duplicate-headers': (t) => [[...t[0]!, ...t[0]!], ...t.slice(1).map((row) => [...row, ...row])],
  'empty-headers': (t) => [t[0]!.map((h, i) => (i % 2 === 1 ? '' : h)), ...t.slice(1)],
  'all-empty-headers': (t) => [t[0]!.map(() => ''), ...t.slice(1)],
  'year-0-and-9999': (t, k) => t.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === TIME_COLUMN[k] ? (i % 2 === 0 ? '0000-01-01T00:00:00Z' : '9999-12-31T23:59:59Z') : v)))),
  'year-0-dotted': (t, k) => t.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === TIME_COLUMN[k] ? (i % 2 === 0 ? '01.01.0000' : '31.12.9999 23:59:59') : v)))),
  'huge-numbers': (t, k) => t.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === NUMBER_COLUMN[k] ? ['1e308', '-1e308', '1e309', '1.7976931348623157e308', '4.9e-324', '99999999999999999999999'][i % 6]! : v)))),
  'nan-numbers': (t, k) => t.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === NUMBER_COLUMN[k] ? ['NaN', 'Infinity', '-Infinity', 'nan', '+inf', '0x1F'][i % 6]! : v)))),
  'nan-times': (t, k) => t.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === TIME_COLUMN[k] ? ['NaN', '1e308', '-1', '99999999999999', 'Infinity', '2026-13-45T99:99:99Z'][i % 6]! : v)))),
  'control-chars': (t) => t.map((row, i) => (i === 0 ? row : row.map((v) => `${v}\u0001\u001b[31m\u202e`))),
  'long-field-100k': (t) => t.map((row, i) => (i === 2 ? row.map((v, c) => (c === row.length - 1 ? 'x'.repeat(100_000) : v)) : row)),
  'header-repeated-below': (t) => [...t.slice(0, 3), t[0]!, ...t.slice(3)],
  'total-rows': (t) => [...t, ['Total', ...t[0]!.slice(1).map(() => '')], ['Итого:', '', '']],
  'blank-rows-between': (t) => t.flatMap((row, i) => (i > 0 ? [row, row.map(() => '')] : [row])),
  'many-rows-of-one-cell': (t) => [t[0]!, ...Array.from({ length: 3000 }, (_, i) => [`x${i}`])],
};

export const TABLE_CASE_NAMES: readonly string[] = Object.keys(TABLE_CASES);

/** Table cases whose every row below the header is a data record in every format: `rows` must count them all. */
const COUNTED_CASES = new Set(['valid', 'too-many-columns', 'too-few-columns', 'one-cell-rows', 'duplicate-headers', 'year-0-and-9999', 'year-0-dotted', 'huge-numbers', 'nan-numbers', 'nan-times', 'control-chars', 'long-field-100k', 'many-rows-of-one-cell']);

/** Byte-level cases of a CSV (also written gzipped). */
const BYTE_CASES: Record<string, (csv: string, kind: KindName) => Buffer> = {
  'unterminated-quote': (csv) => Buffer.from(csv.replace(/\n([^\n]*)\n/, '\n"$1\n')),
  'unterminated-quote-at-end': (csv) => Buffer.from(`${csv}"last,row,never,closed\n`),
  'quote-inside-unquoted': (csv) => Buffer.from(csv.split('\n').map((line, i) => (i > 0 && line ? line.replace(',', ',ab"cd"ef,').replace(/,ab"cd"ef,[^,]*/, ',ab"cd"ef') : line)).join('\n')),
  'text-after-closing-quote': (csv) => Buffer.from(csv.split('\n').map((line, i) => (i === 2 ? `"${line.split(',')[0]}"junk,${line.split(',').slice(1).join(',')}` : line)).join('\n')),
  'mixed-delimiters': (csv) => Buffer.from(csv.split('\n').map((line, i) => (i % 2 === 0 ? line.replaceAll(',', ';') : i % 3 === 0 ? line.replaceAll(',', '\t') : line)).join('\n')),
  'mixed-line-ends': (csv) => Buffer.from(csv.split('\n').map((line, i) => line + ['\r\n', '\r', '\n', '\n\r'][i % 4]).join('')),
  'cr-only': (csv) => Buffer.from(csv.replaceAll('\n', '\r')),
  'no-newline-at-all': (csv) => Buffer.from(csv.replaceAll('\n', ',')),
  'no-final-newline': (csv) => Buffer.from(csv.trimEnd()),
  'nul-bytes': (csv) => Buffer.from(csv.replace(/\n([^\n,]*),/, '\n$1\u0000\u0000,').replace(/,([^,\n]*)\n([^\n]*)$/, ',\u0000$1\n$2')),
  'nul-after-head': (csv) => Buffer.concat([Buffer.from(csv), Buffer.from('\u0000'.repeat(64)), Buffer.from(csv.split('\n').slice(1).join('\n'))]),
  'binary-junk': (_csv, kind) => junk(4096, 1000 + KIND_NAMES.indexOf(kind)),
  'binary-junk-after-header': (csv, kind) => Buffer.concat([Buffer.from(`${csv.split('\n')[0]}\n`), junk(8192, 2000 + KIND_NAMES.indexOf(kind))]),
  'truncated-utf8-end': (csv) => Buffer.concat([Buffer.from(csv.trimEnd()), Buffer.from('Ёж').subarray(0, 3)]),
  // The first byte of a two-byte letter, then the delimiter: a letter cut in the middle of a row.
  'truncated-utf8-inside': (csv) => {
    const lines = csv.split('\n');
    return Buffer.concat([Buffer.from(`${lines.slice(0, 2).join('\n')}\n`), Buffer.from([0xd0]), Buffer.from(lines.slice(2).join('\n'))]);
  },
  'invalid-utf8': (csv) => Buffer.concat([Buffer.from(csv.split('\n').slice(0, 2).join('\n')), Buffer.from([0x0a, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x2c]), Buffer.from(csv.split('\n').slice(2).join('\n'))]),
  'utf16le-no-bom': (csv) => Buffer.from(csv, 'utf16le'),
  'utf16be-no-bom': (csv) => Buffer.from(csv, 'utf16le').swap16(),
  'utf16le-bom-odd-length': (csv) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le'), Buffer.from([0x41])]),
  'bom-only': () => Buffer.from([0xef, 0xbb, 0xbf]),
  'empty-file': () => Buffer.alloc(0),
  'whitespace-only': () => Buffer.from('\n\n   \r\n\t\n'),
  'delimiters-only': () => Buffer.from(',,,,\n,,,,\n;;;\n'),
  'one-long-line-1mb': (csv) => Buffer.from(csv.split('\n')[0] + ','.repeat(0) + 'y'.repeat(1_000_000)),
  'many-columns-20000': (csv) => Buffer.from(`${csv.split('\n')[0]},${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\n${csv.split('\n').slice(1).join('\n')}`),
  'quoted-newlines-everywhere': (csv) => Buffer.from(csv.split('\n').map((line, i) => (i > 0 && line ? line.split(',').map((v) => `"${v}\n\n"`).join(',') : line)).join('\n')),
  'html-looking-csv': (csv) => Buffer.from(`<table>\n${csv}`),
};

export const BYTE_CASE_NAMES: readonly string[] = Object.keys(BYTE_CASES);

function junk(length: number, seed: number): Buffer {
  const random = seeded(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

// ---------------------------------------------------------------------------------------------------------------
// The corpus.

export interface Corpus {
  files: CorpusFile[];
  /** Files per format. */
  counts: Record<CorpusFormat, number>;
}

export async function generateCorpus(dir: string): Promise<Corpus> {
  mkdirSync(dir, { recursive: true });
  const files: CorpusFile[] = [];
  let serial = 0;
  const add = (name: string, bytes: Buffer | string, entry: Omit<CorpusFile, 'path'>): CorpusFile => {
    const path = join(dir, `${String(serial++).padStart(4, '0')}-${name}`);
    writeFileSync(path, bytes);
    const file = { path, ...entry };
    files.push(file);
    return file;
  };

  // Each table case in CSV for every kind, and in one more format per kind, rotating: every case reaches the other
  // four formats over the five kinds, and every kind every format, in 2 files per case and kind instead of 5 (the
  // corpus stays within its time budget).
  const counted = (table: Table, name: string) => (COUNTED_CASES.has(name) ? { dataRows: table.length - 1 } : {});
  const writers: Record<'gz' | 'xlsx' | 'html' | 'xml', (table: Table, name: string, kind: KindName) => void> = {
    gz: (table, name, kind) => add(`${kind}-${name}.csv.gz`, gzipSync(toCsv(table)), { format: 'gz', kind, case: name, ...counted(table, name) }),
    xlsx: (table, name, kind) => add(`${kind}-${name}.xlsx`, zipBytes(dir, xlsxParts(sheetXml(table))), { format: 'xlsx', kind, case: name, ...counted(table, name) }),
    html: (table, name, kind) => add(`${kind}-${name}.html.xls`, toHtml(table), { format: 'html', kind, case: name, ...counted(table, name) }),
    xml: (table, name, kind) => add(`${kind}-${name}.xml.xls`, toXml2003(table), { format: 'xml', kind, case: name, ...counted(table, name) }),
  };
  const others = ['xlsx', 'html', 'xml', 'gz'] as const;
  let turn = 0;
  for (const kind of KIND_NAMES) {
    for (const [name, change] of Object.entries(TABLE_CASES)) {
      const table = change(BASE[kind].map((row) => [...row]), kind);
      add(`${kind}-${name}.csv`, toCsv(table), { format: 'csv', kind, case: name, ...counted(table, name) });
      writers[others[turn % 4]!](table, name, kind);
      turn++;
    }
    // Byte cases: each as the CSV of two kinds in turn, gzipped for one of them.
    const csv = toCsv(BASE[kind]);
    Object.entries(BYTE_CASES).forEach(([name, change], index) => {
      const turnOf = (index + KIND_NAMES.indexOf(kind)) % 5;
      if (turnOf >= 2) return;
      const bytes = change(csv, kind);
      const mustFail = name === 'empty-file' || name === 'bom-only' || name === 'whitespace-only' || name === 'binary-junk';
      add(`${kind}-${name}.csv`, bytes, { format: 'csv', kind, case: name, mustFail });
      if (turnOf === 0) add(`${kind}-${name}.csv.gz`, gzipSync(bytes), { format: 'gz', kind, case: name, mustFail });
    });
    // A CSV under the workbook's name: read by its content, not the extension.
    add(`${kind}-csv-renamed.xlsx`, csv, { format: 'xlsx', kind, case: 'csv-renamed-xlsx' });
    addBrokenWorkbooks(dir, kind, add, KIND_NAMES.indexOf(kind) < 2);
    addBrokenMarkup(kind, add);
  }

  addBigFiles(dir, add);
  await addExceljsWorkbooks(dir, add);
  addMutations(add);

  // A folder, and a file nobody may read (chmod 000; root reads it anyway, so the test accepts either outcome).
  const folder = join(dir, `${String(serial++).padStart(4, '0')}-a-folder.csv`);
  mkdirSync(folder, { recursive: true });
  files.push({ path: folder, format: 'other', kind: null, case: 'directory', mustFail: true });
  const locked = add('unreadable.csv', toCsv(BASE.tickets), { format: 'csv', kind: 'tickets', case: 'unreadable', unreadable: true });
  chmodSync(locked.path, 0o000);
  // A file whose read fails even for root: /proc/self/mem opens, then EIO at offset 0 (as a failing disk does).
  if (existsSync('/proc/self/mem')) {
    const failing = join(dir, `${String(serial++).padStart(4, '0')}-read-fails.csv`);
    symlinkSync('/proc/self/mem', failing);
    files.push({ path: failing, format: 'other', kind: 'tickets', case: 'read-error-eio', mustFail: true });
  }

  const counts: Record<CorpusFormat, number> = { csv: 0, xlsx: 0, html: 0, xml: 0, gz: 0, other: 0 };
  for (const file of files) counts[file.format]++;
  return { files, counts };
}

type Add = (name: string, bytes: Buffer | string, entry: Omit<CorpusFile, 'path'>) => CorpusFile;

/** Truncated, corrupt and lying workbooks of one kind. */
function addBrokenWorkbooks(dir: string, kind: KindName, add: Add, zipCases: boolean): void {
  const table = BASE[kind];
  const good = zipBytes(dir, xlsxParts(sheetXml(table)));
  const random = seeded(3000 + KIND_NAMES.indexOf(kind));
  // Breaks of the zip itself do not depend on the kind: two kinds get them.
  if (zipCases) addBrokenZips(dir, kind, good, random, add);
  // A sheet that says it holds a billion rows: the dimension and the last row's number.
  const billion = table.map((row) => [...row]);
  const bomb = `<worksheet xmlns="${MAIN}"><dimension ref="A1:Z1000000000"/><sheetData>${sheetDataOf(billion)}<row r="1000000000"><c r="Z1000000000" t="inlineStr"><is><t>end</t></is></c></row></sheetData></worksheet>`;
  add(`${kind}-billion-rows.xlsx`, zipBytes(dir, xlsxParts(bomb)), { format: 'xlsx', kind, case: 'zip-bomb-billion-rows' });
  add(`${kind}-billion-dimension.xlsx`, zipBytes(dir, xlsxParts(sheetXml(table, 'A1:XFD1000000000'))), { format: 'xlsx', kind, case: 'zip-bomb-dimension' });
  // A cell at the last column Excel has (XFD) and one beyond it.
  const far = `<worksheet xmlns="${MAIN}"><sheetData>${sheetDataOf(table)}<row r="9"><c r="XFD9" t="inlineStr"><is><t>far</t></is></c><c r="ZZZZ9" t="inlineStr"><is><t>beyond</t></is></c></row></sheetData></worksheet>`;
  add(`${kind}-far-cell.xlsx`, zipBytes(dir, xlsxParts(far)), { format: 'xlsx', kind, case: 'far-cell' });
  // A sheet with 16,384 columns: the header row is full width.
  const wide = [Array.from({ length: 16_384 }, (_, i) => (i < table[0]!.length ? table[0]![i]! : `extra ${i}`)), ...table.slice(1)];
  add(`${kind}-16384-columns.xlsx`, zipBytes(dir, xlsxParts(sheetXml(wide))), { format: 'xlsx', kind, case: '16384-columns' });
  add(`${kind}-16384-columns.csv`, toCsv(wide), { format: 'csv', kind, case: '16384-columns' });
  // Parts missing or broken.
  const parts = xlsxParts(sheetXml(table));
  add(`${kind}-no-sheet-part.xlsx`, zipBytes(dir, parts.filter((p) => !p.name.includes('worksheets'))), { format: 'xlsx', kind, case: 'xlsx-no-sheet', mustFail: true });
  add(`${kind}-no-workbook-part.xlsx`, zipBytes(dir, parts.filter((p) => !p.name.includes('workbook'))), { format: 'xlsx', kind, case: 'xlsx-no-workbook' });
  add(`${kind}-malformed-sheet-xml.xlsx`, zipBytes(dir, parts.map((p) => (p.name.includes('worksheets') ? { name: p.name, data: p.data.subarray(0, Math.floor(p.data.length * 0.6)) } : p))), { format: 'xlsx', kind, case: 'xlsx-sheet-cut' });
  add(`${kind}-sheet-is-junk.xlsx`, zipBytes(dir, parts.map((p) => (p.name.includes('worksheets') ? { name: p.name, data: junk(2048, 4000 + KIND_NAMES.indexOf(kind)) } : p))), { format: 'xlsx', kind, case: 'xlsx-sheet-junk' });
  add(`${kind}-bad-shared-string.xlsx`, zipBytes(dir, xlsxParts(`<worksheet xmlns="${MAIN}"><sheetData>${sheetDataOf(table.slice(0, 1))}<row r="2"><c r="A2" t="s"><v>99999</v></c><c r="B2" t="s"><v>-1</v></c><c r="C2"><v>1e308</v></c><c r="D2" t="d"><v>0000-00-00</v></c></row>${sheetDataOf(table.slice(1), 3)}</sheetData></worksheet>`)), { format: 'xlsx', kind, case: 'xlsx-bad-cells' });
  add(`${kind}-rows-out-of-order.xlsx`, zipBytes(dir, xlsxParts(`<worksheet xmlns="${MAIN}"><sheetData>${sheetDataOf(table.slice(0, 1))}${sheetDataOf(table.slice(1).reverse(), 2).replace(/r="(\d+)"/g, (_m, n: string) => `r="${9 - Number(n)}"`)}</sheetData></worksheet>`)), { format: 'xlsx', kind, case: 'xlsx-rows-out-of-order' });
  // Serial dates far out: year 0 and 9999 as Excel serial numbers and beyond.
  const serials = table.map((row, i) => (i === 0 ? row : row.map((v, c) => (c === TIME_COLUMN[kind] ? ['0', '-1', '2958465.99999', '1e308', '2958466', '60'][i % 6]! : v))));
  const serialXml = `<worksheet xmlns="${MAIN}"><sheetData>${sheetDataOf(serials).replace(/<c r="([A-Z]+\d+)" t="inlineStr"><is><t>(-?[\d.e]+)<\/t><\/is><\/c>/g, '<c r="$1"><v>$2</v></c>')}</sheetData></worksheet>`;
  add(`${kind}-serial-extremes.xlsx`, zipBytes(dir, xlsxParts(serialXml)), { format: 'xlsx', kind, case: 'xlsx-serial-extremes' });
}

/** Truncated, corrupt and lying zips (the same for every kind). */
function addBrokenZips(dir: string, kind: KindName, good: Buffer, random: () => number, add: Add): void {
  for (const share of [0.1, 0.5, 0.9, 0.98]) {
    add(`${kind}-truncated-${share}.xlsx`, good.subarray(0, Math.floor(good.length * share)), { format: 'xlsx', kind, case: `truncated-xlsx-${share}`, mustFail: true });
  }
  for (let n = 0; n < 3; n++) {
    const bytes = Buffer.from(good);
    // Bytes flipped in the middle third (the deflated parts), not in the zip's own signatures.
    for (let i = 0; i < 8; i++) bytes[Math.floor(good.length / 3 + random() * (good.length / 3))]! ^= 0xff;
    add(`${kind}-corrupt-${n}.xlsx`, bytes, { format: 'xlsx', kind, case: 'corrupt-xlsx' });
  }
  // Central directory claiming a huge uncompressed size (4 GiB − 1) for every part: the real file stays small.
  const lying = Buffer.from(good);
  for (let at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) lying.writeUInt32LE(0xfffffff0, at + 24);
  for (let at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0; at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) lying.writeUInt32LE(0xfffffff0, at + 22);
  add(`${kind}-declared-4gib.xlsx`, lying, { format: 'xlsx', kind, case: 'zip-bomb-declared-size' });
  add(`${kind}-zip-not-xlsx.xlsx`, zipBytes(dir, [{ name: 'readme.txt', data: Buffer.from('hello') }]), { format: 'xlsx', kind, case: 'zip-not-xlsx', mustFail: true });
  add(`${kind}-ole-header.xls`, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), junk(1024, 5000)]), { format: 'other', kind, case: 'xls-binary', mustFail: true });
}

/** Broken HTML tables and XML Spreadsheets of one kind. */
function addBrokenMarkup(kind: KindName, add: Add): void {
  const table = BASE[kind];
  const html = toHtml(table);
  const xml = toXml2003(table);
  add(`${kind}-cut.html.xls`, html.slice(0, Math.floor(html.length * 0.6)), { format: 'html', kind, case: 'html-cut' });
  add(`${kind}-no-closing-tags.html.xls`, html.replaceAll('</td>', '').replaceAll('</tr>', ''), { format: 'html', kind, case: 'html-no-closing' });
  add(`${kind}-colspan.html.xls`, html.replace('<td>', '<td colspan="1000000000">').replace(/<tbody><tr><td>/, '<tbody><tr><td rowspan="99999999">'), { format: 'html', kind, case: 'html-huge-span' });
  add(`${kind}-nested-tables.html.xls`, html.replace(/<td>([^<]*)<\/td>/, '<td><table><tr><td>$1</td></tr></table></td>'), { format: 'html', kind, case: 'html-nested' });
  add(`${kind}-no-table.html.xls`, '<html><body><p>Your session expired. Please log in.</p></body></html>', { format: 'html', kind, case: 'html-no-table', mustFail: true });
  add(`${kind}-charset-bogus.html.xls`, html.replace('charset=UTF-8', 'charset=x-no-such-charset'), { format: 'html', kind, case: 'html-bad-charset' });
  add(`${kind}-cut.xml.xls`, xml.slice(0, Math.floor(xml.length * 0.6)), { format: 'xml', kind, case: 'xml-cut' });
  add(`${kind}-huge-index.xml.xls`, xml.replace('<ss:Cell>', '<ss:Cell ss:Index="1000000000">'), { format: 'xml', kind, case: 'xml-huge-index' });
  add(`${kind}-index-16384.xml.xls`, xml.replace(/<\/ss:Row>/, '<ss:Cell ss:Index="16384"><ss:Data ss:Type="String">far</ss:Data></ss:Cell></ss:Row>'), { format: 'xml', kind, case: 'xml-index-16384' });
  add(`${kind}-bad-index.xml.xls`, xml.replace('<ss:Cell>', '<ss:Cell ss:Index="-5">').replace(/<ss:Cell>(?=[^]*<ss:Cell>)/, '<ss:Cell ss:Index="abc">'), { format: 'xml', kind, case: 'xml-bad-index' });
  add(`${kind}-merge-across.xml.xls`, xml.replace('<ss:Cell>', '<ss:Cell ss:MergeAcross="1000000000">'), { format: 'xml', kind, case: 'xml-merge-across' });
  add(`${kind}-entities.xml.xls`, xml.replace('<?xml version="1.0"?>', '<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>').replace(/<ss:Data ss:Type="String">([^<]*)<\/ss:Data>/, '<ss:Data ss:Type="String">&lol2;&#0;&#xFFFFFF;&bogus;</ss:Data>'), { format: 'xml', kind, case: 'xml-entities' });
  add(`${kind}-no-rows.xml.xls`, '<?xml version="1.0"?>\n<ss:Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><ss:Worksheet ss:Name="Sheet1"><ss:Table></ss:Table></ss:Worksheet></ss:Workbook>', { format: 'xml', kind, case: 'xml-no-rows', mustFail: true });
  add(`${kind}-number-types.xml.xls`, toXml2003(table).replace(/ss:Type="String">(\d[^<]*)</g, 'ss:Type="Number">$1<').replace(/ss:Type="String">([^<]*)</, 'ss:Type="DateTime">$1<'), { format: 'xml', kind, case: 'xml-typed' });
}

/** The 20 MB single field, in CSV, gzip, HTML, XML 2003 and XLSX (whose deflated sheet stays small). */
function addBigFiles(dir: string, add: Add): void {
  const big = 'z'.repeat(20 * 1024 * 1024);
  const table = BASE.tickets.map((row, i) => (i === 3 ? row.map((v, c) => (c === 5 ? big : v)) : row));
  const csv = toCsv(table);
  add('tickets-20mb-field.csv', csv, { format: 'csv', kind: 'tickets', case: '20mb-field' });
  add('tickets-20mb-field.csv.gz', gzipSync(csv), { format: 'gz', kind: 'tickets', case: '20mb-field' });
  add('tickets-20mb-quoted-field-unterminated.csv', `${toCsv(BASE.tickets)}"${big}`, { format: 'csv', kind: 'tickets', case: '20mb-unterminated' });
  add('surveys-20mb-header.csv', `${BASE.surveys[0]!.join(',')},${big}\n${toCsv(BASE.surveys.slice(1))}`, { format: 'csv', kind: 'surveys', case: '20mb-header-field' });
  add('tickets-20mb-field.html.xls', toHtml(table), { format: 'html', kind: 'tickets', case: '20mb-field' });
  add('tickets-20mb-field.xml.xls', toXml2003(table), { format: 'xml', kind: 'tickets', case: '20mb-field' });
  add('tickets-20mb-field.xlsx', zipBytes(dir, xlsxParts(sheetXml(table))), { format: 'xlsx', kind: 'tickets', case: '20mb-field' });
  // 4 MB of one line without any newline (no record end within the sniffing head).
  add('spend-no-newline-4mb.csv', `${BASE.spend[0]!.join(',')},${'1,'.repeat(2 * 1024 * 1024)}`, { format: 'csv', kind: 'spend', case: 'no-newline-4mb' });
}

/** Workbooks from exceljs itself (shared strings, styles, date cells), then broken. */
async function addExceljsWorkbooks(dir: string, add: Add): Promise<void> {
  for (const kind of KIND_NAMES) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    for (const row of BASE[kind]) sheet.addRow(row.map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
    sheet.addRow([new Date(Date.UTC(9999, 11, 31)), -1e308, Number.NaN, 'x']);
    sheet.addRow([new Date(-62135596800000), 1e308, { formula: '1/0', result: { error: '#DIV/0!' } }, { richText: [{ text: 'rich' }] }]);
    const path = join(dir, '.exceljs-scratch.xlsx');
    await workbook.xlsx.writeFile(path);
    const good = readFileSync(path);
    add(`${kind}-exceljs.xlsx`, good, { format: 'xlsx', kind, case: 'exceljs-extremes' });
    add(`${kind}-exceljs-cut.xlsx`, good.subarray(0, good.length - 200), { format: 'xlsx', kind, case: 'exceljs-cut-directory', mustFail: true });
    const parts = readZipParts(path);
    add(`${kind}-exceljs-bad-strings.xlsx`, zipBytes(dir, parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? { name: p.name, data: p.data.subarray(0, Math.floor(p.data.length / 2)) } : p))), { format: 'xlsx', kind, case: 'exceljs-shared-strings-cut' });
    add(`${kind}-exceljs-bad-styles.xlsx`, zipBytes(dir, parts.map((p) => (p.name === 'xl/styles.xml' ? { name: p.name, data: junk(512, 6000) } : p))), { format: 'xlsx', kind, case: 'exceljs-styles-junk' });
  }
}

/** Seeded mutations of every fixture: bytes flipped, the file cut, a stretch repeated; and each gzipped once. */
function addMutations(add: Add): void {
  const fixtures = readdirSync(FIXTURES).filter((name) => !name.endsWith('.json')).sort();
  fixtures.forEach((name, index) => {
    const original = readFileSync(join(FIXTURES, name));
    const format: CorpusFormat = original[0] === 0x50 && original[1] === 0x4b ? 'xlsx' : /<ss:Workbook|urn:schemas-microsoft-com:office:spreadsheet/.test(original.subarray(0, 400).toString('latin1')) ? 'xml' : name.endsWith('.xls') ? 'html' : 'csv';
    const random = seeded(7919 * (index + 1));
    const at = () => Math.floor(random() * original.length);
    // Per fixture: bytes flipped, the file cut, a stretch repeated, and in turn a second flip and a gzip cut short
    // (even fixtures) or junk inserted (odd ones).
    for (let n = 0; n < (index % 2 === 0 ? 2 : 1); n++) {
      const flipped = Buffer.from(original);
      const flips = 1 + Math.floor(random() * 6);
      for (let i = 0; i < flips; i++) flipped[at()]! ^= 1 << Math.floor(random() * 8);
      add(`mutate-flip${n}-${name}`, flipped, { format, kind: null, case: `mutate-flip ${name}` });
    }
    add(`mutate-cut-${name}`, original.subarray(0, at()), { format, kind: null, case: `mutate-cut ${name}` });
    const from = at();
    const length = 1 + Math.floor(random() * 200);
    const stretch = original.subarray(from, from + length);
    add(`mutate-repeat-${name}`, Buffer.concat([original.subarray(0, from + length), stretch, stretch, stretch, original.subarray(from + length)]), { format, kind: null, case: `mutate-repeat ${name}` });
    const junkAt = at();
    if (index % 2 === 0) {
      const gz = gzipSync(original);
      add(`mutate-gz-cut-${name}.gz`, gz.subarray(0, Math.max(10, Math.floor(gz.length * random()))), { format: 'gz', kind: null, case: `mutate-gz-cut ${name}` });
      return;
    }
    add(`mutate-insert-${name}`, Buffer.concat([original.subarray(0, junkAt), junk(1 + Math.floor(random() * 64), index), original.subarray(junkAt)]), { format, kind: null, case: `mutate-insert ${name}` });
  });
}
