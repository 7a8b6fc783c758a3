import { closeSync, existsSync, linkSync, lstatSync, openSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parseDocument } from 'htmlparser2';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { openXlsxSource } from '../../src/read/xlsx.js';
import { runBin } from './run-bin.js';

// Output safety across every format (issue #16): names from the data that attack a spreadsheet (formulas), a page
// (HTML), a Markdown table (pipes, line breaks), a terminal (ESC sequences, C0 controls) or a reader's eyes (bidi
// overrides that reverse the text after them).
const dir = mkdtempSync(join(tmpdir(), 'sm-outsafe-'));
const NAMES = {
  hyperlink: '=HYPERLINK("http://x","y")',
  plus: '+1',
  minus: '-2',
  at: '@SUM(A1)',
  tab: '\tTabbed',
  cr: '\rCarriage',
  script: '<script>alert(1)</script>',
  quotes: '"quotes"',
  pipes: '|pipes|',
  newline: 'line one\nline two',
  control: 'ctl\u0001x',
  ansi: '\u001b[31mred\u001b[0m',
  rlo: '\u202eevil.exe',
  isolates: '\u2066lri\u2069 \u2067rli\u2069 \u2068fsi\u2069',
} as const;
const names = Object.values(NAMES);

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const tickets = join(dir, 'tickets.csv');
const header = 'id,created_at,first_response_minutes,resolution_minutes,agent,channel,category';
const rows = names.map((name, i) => [String(i + 1), `2026-11-02T${String(8 + (i % 10)).padStart(2, '0')}:00:00Z`, String(5 + i), String(60 + i), name, name, name].map(csvCell).join(','));
// Rejected rows whose bad values are attacks too: --rejects writes them back.
const rejected = [
  ['90', '=HYPERLINK("http://x","y")', '5', '60', 'Max', 'email', 'billing'],
  ['91', '\u202e\u001b[31m2026', '5', '60', 'Max', 'email', 'billing'],
  ['92', '@cmd|x', '5', '60', 'Max', 'email', 'billing'],
].map((r) => r.map(csvCell).join(','));
writeFileSync(tickets, [header, ...rows, ...rejected, ''].join('\n'));

// eslint-disable-next-line no-control-regex
const C0_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const C0_ANY = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const FORMULA_START = /^[=+\-@\t\r]/;

function run(args: string[], cwd?: string) {
  return runBin(['report', tickets, '--tz', 'UTC', '--by', 'agent,channel,category', '--quiet', ...args], {}, undefined, cwd);
}

function ok(args: string[]) {
  const result = run(args);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** Every cell of a CSV file: none a formula, none with a raw control (other than tab and line breaks) or bidi mark. */
function expectSafeCsv(csv: string): string[][] {
  const records = parseCsv(csv, { relax_column_count: true }) as string[][];
  expect(records.length).toBeGreaterThan(1);
  for (const cell of records.flat()) {
    if (/^-?\d/.test(cell) && Number.isFinite(Number(cell))) continue; // a number, written as a number
    expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
    expect(cell, JSON.stringify(cell)).not.toMatch(C0_EXCEPT_LINE_BREAKS);
    expect(cell, JSON.stringify(cell)).not.toMatch(BIDI);
  }
  return records;
}

/** Every cell of every sheet read back: text a string cell, never a formula; no character XML 1.0 forbids. */
async function expectSafeXlsx(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
        if (typeof cell.value === 'string') {
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          texts.push(cell.value);
        }
      }),
    ),
  );
  // The parts are XML: a raw C0 control makes Excel call the workbook corrupt.
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(readFileSync(path));
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.file(name)!.async('string');
    expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/); // eslint-disable-line no-control-regex
    expectWellFormedXml(xml);
  }
  return texts;
}

function expectWellFormedXml(xml: string): void {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.write(xml).close();
  expect(failure).toBeNull();
}

describe('output safety: names that attack each format (issue #16)', () => {
  it('json keeps every name exactly, escaped by JSON itself', () => {
    const json = JSON.parse(ok(['--format', 'json']).stdout) as { groups: { by: string; key: string }[] };
    const agents = json.groups.filter((g) => g.by === 'agent').map((g) => g.key);
    for (const name of [NAMES.hyperlink, NAMES.script, NAMES.control, NAMES.ansi, NAMES.rlo, NAMES.isolates, NAMES.pipes, NAMES.newline]) expect(agents).toContain(name);
  });

  it('the terminal table: no raw ESC, C0 control or bidi override; each shown visibly as \\uXXXX', () => {
    const table = ok(['--format', 'table']).stdout;
    expect(table).not.toMatch(C0_ANY);
    expect(table).not.toMatch(BIDI);
    expect(table).toContain('\\u001B[31mred\\u001B[0m');
    expect(table).toContain('\\u202Eevil.exe');
    expect(table).toContain('ctl\\u0001x');
  });

  it('csv: no cell a formula (leading \'), no raw control or bidi override', () => {
    const records = expectSafeCsv(ok(['--format', 'csv']).stdout);
    const keys = records.map((r) => r[2]!);
    expect(keys).toContain(`'${NAMES.hyperlink}`);
    expect(keys).toContain("'+1");
    expect(keys).toContain("'-2");
    expect(keys).toContain("'@SUM(A1)");
    expect(keys).toContain('\\u001B[31mred\\u001B[0m');
    expect(keys).toContain('\\u202Eevil.exe');
    expect(keys).toContain(NAMES.newline);
  });

  it('md: nothing becomes markup, no table broken by a pipe or a line break, no control or bidi override', () => {
    const md = ok(['--format', 'md']).stdout;
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toMatch(C0_ANY);
    expect(md).not.toMatch(BIDI);
    // Every table row has as many unescaped pipes as its table's header.
    let width = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      const pipes = line.split(/(?<!\\)\|/).length;
      if (width === 0) width = pipes;
      expect(pipes, line).toBe(width);
    }
    expect(md).toContain('### \\|pipes\\|');
    expect(md).toContain('### line one line two');
  });

  it('html: every name escaped, no script element, controls and bidi overrides shown visibly', () => {
    const html = ok(['--format', 'html']).stdout;
    const document = parseDocument(html);
    const scripts: unknown[] = [];
    const walk = (node: { type?: string; name?: string; children?: unknown[] }) => {
      if (node.type === 'script' || node.name === 'script') scripts.push(node);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(document as never);
    expect(scripts).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(C0_EXCEPT_LINE_BREAKS);
    expect(html).not.toMatch(BIDI);
    expect(html).toContain('\\u202Eevil.exe');
  });

  it('junit: well-formed XML, names escaped', () => {
    const xml = ok(['--format', 'junit']).stdout;
    expectWellFormedXml(xml);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(C0_EXCEPT_LINE_BREAKS);
  });

  it('xlsx (--out): names are string cells, never formulas; the XML parts well-formed', async () => {
    const out = join(dir, 'report.xlsx');
    ok(['--out', out]);
    const texts = await expectSafeXlsx(out);
    expect(texts).toContain(NAMES.hyperlink);
    expect(texts).toContain(NAMES.script);
  });

  it('every format through --out: the file holds what stdout would', () => {
    for (const [format, ext] of [['json', 'json'], ['csv', 'csv'], ['md', 'md'], ['html', 'html'], ['junit', 'xml'], ['table', 'txt']] as const) {
      const out = join(dir, `report-out.${ext}`);
      ok(['--out', out]);
      expect(readFileSync(out, 'utf8'), format).toBe(ok(['--format', format]).stdout);
    }
  });

  it('--details csv and xlsx: no formula, no raw control or bidi override', async () => {
    const csvPath = join(dir, 'details.csv');
    ok(['--format', 'json', '--details', csvPath]);
    const records = expectSafeCsv(readFileSync(csvPath, 'utf8'));
    expect(records.flat()).toContain(`'${NAMES.hyperlink}`);
    const xlsxPath = join(dir, 'details.xlsx');
    ok(['--format', 'json', '--details', xlsxPath]);
    const texts = await expectSafeXlsx(xlsxPath);
    expect(texts).toContain(NAMES.hyperlink);
  });

  it('--rejects: the rejected values written back defused', () => {
    const path = join(dir, 'rejects.csv');
    ok(['--format', 'json', '--rejects', path]);
    const records = expectSafeCsv(readFileSync(path, 'utf8'));
    const values = records.map((r) => r[4]!);
    expect(values).toContain(`'=HYPERLINK("http://x","y")`);
    expect(values).toContain("'@cmd|x");
    expect(values).toContain('\\u202E\\u001B[31m2026');
  });
});

describe('xlsx: names from the data written exactly, as ST_Xstring escapes (issue #16)', () => {
  // exceljs alone dropped ESC, U+0001 and DEL, turned CR into LF, let `_x0041_` read back as `A` and wrote U+FFFF raw
  // (a workbook Excel calls corrupt). Each is now written as Excel writes it (`_xHHHH_`, `_x005F_` for a literal `_x`).
  const exact = {
    ansi: { name: '\u001b[31mred\u001b[0m', xml: '_x001B_[31mred_x001B_[0m' },
    control: { name: 'ctl\u0001x', xml: 'ctl_x0001_x' },
    rlo: { name: '\u202eevil.exe', xml: '\u202eevil.exe' },
    literal: { name: '_x0041_', xml: '_x005F_x0041_' },
    cr: { name: 'car\rriage', xml: 'car_x000D_riage' },
    del: { name: 'del\u007fx', xml: 'del_x007F_x' },
    nonCharacter: { name: 'non\uffffchar', xml: 'non_xFFFF_char' },
    hyperlink: { name: '=HYPERLINK("http://x","y")', xml: '=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)' },
    at: { name: '@SUM(1)', xml: '@SUM(1)' },
  } as const;
  const home = mkdtempSync(join(tmpdir(), 'sm-outsafe-xlsx-'));
  // The file's own name carries a control character too: the Inputs sheet shows it.
  const input = join(home, 'names\u0001.csv');
  writeFileSync(input, [header.split(',').slice(0, 5).join(','), ...Object.values(exact).map(({ name }, i) => [String(i + 1), `2026-11-02T0${i}:00:00Z`, String(5 + i), String(60 + i), name].map(csvCell).join(',')), ''].join('\n'));

  async function xmlParts(path: string): Promise<Record<string, string>> {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(path));
    const parts: Record<string, string> = {};
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) parts[name] = await zip.file(name)!.async('string');
    return parts;
  }

  it('the shared strings hold each name escaped; exceljs and our reader read each back exactly, as a text cell', async () => {
    const out = join(home, 'report.xlsx');
    const result = runBin(['report', input, '--tz', 'UTC', '--by', 'agent', '--quiet', '--format', 'xlsx', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const parts = await xmlParts(out);
    const strings = [...parts['xl/sharedStrings.xml']!.matchAll(/<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/g)].map((m) => m[1]!);
    for (const { xml } of Object.values(exact)) expect(strings).toContain(xml);
    expect(strings).toContain(input.replace('\u0001', '_x0001_'));
    for (const [name, xml] of Object.entries(parts)) {
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/); // eslint-disable-line no-control-regex
      expect(xml, name).not.toContain('<f>');
      expectWellFormedXml(xml);
    }

    // exceljs decodes the escapes; every agent cell is a string, none a formula.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const byAgent = workbook.getWorksheet('By agent')!;
    const agents = new Set<unknown>();
    byAgent.eachRow((row, number) => {
      if (number === 1) return;
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
      agents.add(row.getCell(1).value);
    });
    expect([...agents].sort()).toEqual(Object.values(exact).map((e) => e.name).sort());
    expect(workbook.getWorksheet('Inputs')!.getCell('A2').value).toBe(input);

    // Our own reader (the one that reads exports) gives the same texts.
    const source = await openXlsxSource({ label: 'report.xlsx', path: out, gzip: false, size: statSync(out).size, sheet: null }, { sheet: 'By agent' });
    const read = new Set<unknown>();
    for await (const row of source.rows()) if (row.line > 1) read.add(row.cells[0]);
    expect([...read].sort()).toEqual(Object.values(exact).map((e) => e.name).sort());
  });

  it('the same report, the same bytes; --details xlsx escapes the same way', async () => {
    const [first, second, details] = ['a.xlsx', 'b.xlsx', 'details.xlsx'].map((name) => join(home, name));
    for (const out of [first!, second!]) expect(runBin(['report', input, '--tz', 'UTC', '--by', 'agent', '--quiet', '--out', out, ...(out === first ? ['--details', details!] : [])]).code).toBe(0);
    expect(readFileSync(second!).equals(readFileSync(first!))).toBe(true);
    const strings = (await xmlParts(details!))['xl/sharedStrings.xml']!;
    for (const { xml } of Object.values(exact)) expect(strings).toContain(`<t>${xml}</t>`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(details!);
    const agentColumn = (workbook.getWorksheet('Rows')!.getRow(1).values as unknown[]).indexOf('agent');
    const agents = workbook.getWorksheet('Rows')!.getColumn(agentColumn).values.slice(2);
    expect([...agents].sort()).toEqual(Object.values(exact).map((e) => e.name).sort());
  });
});

describe('output safety: where reports are written (issue #16)', () => {
  it('writes through a temp file and a rename: an existing report is replaced whole (a new inode), no temp file left', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-outsafe-rename-'));
    const out = join(folder, 'report.json');
    writeFileSync(out, 'old report, longer than nothing');
    const before = statSync(out).ino;
    ok(['--out', out]);
    expect(statSync(out).ino).not.toBe(before);
    JSON.parse(readFileSync(out, 'utf8'));
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('a report written again keeps its permissions: a private (0600) one stays private, a shared (0664) one shared', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-outsafe-mode-'));
    for (const [name, mode] of [['private.json', 0o600], ['shared.json', 0o664]] as const) {
      const out = join(folder, name);
      writeFileSync(out, 'old');
      chmodSync(out, mode);
      ok(['--out', out]);
      expect(statSync(out).mode & 0o777, name).toBe(mode);
      expect(readFileSync(out, 'utf8')).not.toBe('old');
    }
  });

  it('a failed write leaves no partial or temp file: the out path is a folder → exit 2, one line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-outsafe-dir-'));
    mkdirSync(join(folder, 'report.json'));
    for (const option of ['--out', '--details', '--rejects']) {
      const path = join(folder, option === '--details' ? 'report.csv' : option === '--rejects' ? 'rejects.csv' : 'report.json');
      if (!existsSync(path)) mkdirSync(path);
      const result = run([option, path, ...(option === '--out' ? [] : ['--format', 'json'])]);
      expect(result.code, option).toBe(2);
      expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stderr).toContain(path);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(folder).sort()).toEqual(['rejects.csv', 'report.csv', 'report.json']);
  });

  it('never over an input: the same path, ./path, a symlink to it → exit 2, the input untouched', () => {
    const before = readFileSync(tickets, 'utf8');
    const link = join(dir, 'link-to-tickets.csv');
    if (!existsSync(link)) symlinkSync(tickets, link);
    for (const [option, path, cwd] of [
      ['--out', tickets, undefined],
      ['--out', './tickets.csv', dir],
      ['--out', link, undefined],
      ['--details', link, undefined],
      ['--rejects', './tickets.csv', dir],
    ] as const) {
      const result = run([option, path, ...(option === '--out' ? ['--format', 'csv'] : ['--format', 'json'])], cwd);
      expect(result.code, `${option} ${path}`).toBe(2);
      expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stderr).toMatch(/input/);
    }
    expect(readFileSync(tickets, 'utf8')).toBe(before);
  });

  it('a hard link to an input is the input too', () => {
    const hard = join(dir, 'hard-link-to-tickets.csv');
    if (!existsSync(hard)) linkSync(tickets, hard);
    const result = run(['--out', hard, '--format', 'csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it is one of the input files');
  });

  it('checked before anything is written: a good --rejects path and an --out over an input or in no folder write nothing', () => {
    for (const out of [tickets, join(dir, 'no-such-folder', 'report.json')]) {
      const rejects = join(dir, `rejects-first-${out === tickets ? 'input' : 'folder'}.csv`);
      const details = join(dir, `details-first-${out === tickets ? 'input' : 'folder'}.csv`);
      const result = run(['--rejects', rejects, '--details', details, '--out', out, '--format', 'csv']);
      expect(result.code).toBe(2);
      expect(existsSync(rejects)).toBe(false);
      expect(existsSync(details)).toBe(false);
    }
  });

  it('a report path in a folder that does not exist → exit 2, one line naming the folder; nothing created', () => {
    const missing = join(dir, 'no-such-folder');
    for (const option of ['--out', '--details', '--rejects']) {
      const result = run([option, join(missing, option === '--out' ? 'report.json' : 'rows.csv'), ...(option === '--out' ? [] : ['--format', 'json'])]);
      expect(result.code, option).toBe(2);
      expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
      expect(result.stderr).toContain(`folder ${missing} does not exist`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('a report path under a file (not a folder) → exit 2, one line', () => {
    const result = run(['--out', join(tickets, 'report.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
    expect(result.stderr).toContain(`${tickets} is not a folder`);
  });

  // root writes anywhere: as root the run drops to nobody (uid 65534), so the folder's mode is what stops it.
  it('an unwritable folder → exit 2, one line naming the folder, nothing left in it', () => {
    const home = mkdtempSync(join(tmpdir(), 'sm-outsafe-ro-'));
    chmodSync(home, 0o755);
    const input = join(home, 'tickets.csv');
    writeFileSync(input, readFileSync(tickets));
    chmodSync(input, 0o644);
    const folder = join(home, 'read-only');
    mkdirSync(folder, 0o555);
    chmodSync(folder, 0o555);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const bin = fileURLToPath(new URL('../../bin/support-metrics.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'report', input, '--quiet', '--out', join(folder, 'report.json')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...asUser });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
    expect(result.stderr).toContain(`the folder ${folder} is not writable`);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('output safety: two outputs naming one file (issue #16)', () => {
  // Each case in a folder of its own, run from there: [the arguments, the two named as the message names them].
  function refused(setUp: (folder: string) => void, args: string[], message: string) {
    const folder = mkdtempSync(join(tmpdir(), 'sm-outsafe-two-'));
    setUp(folder);
    const before = readdirSync(folder).sort();
    const result = run([...args, '--format', 'json'], folder);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stderr).toBe(`support-metrics: ${message}\n`);
    expect(result.stdout).toBe('');
    expect(readdirSync(folder).sort(), 'nothing written').toEqual(before);
    return folder;
  }

  it('the same path, ./path, a folder through a symlink → exit 2 before reading, one line naming both, nothing written', () => {
    refused(() => undefined, ['--out', 'r.json', '--rejects', 'r.json'], '--out r.json and --rejects r.json name the same file; give each its own path');
    refused(() => undefined, ['--out', 'report.csv', '--rejects', './report.csv'], '--out report.csv and --rejects ./report.csv name the same file; give each its own path');
    refused(() => undefined, ['--details', 'sub/../rows.csv', '--rejects', 'rows.csv'], '--details sub/../rows.csv and --rejects rows.csv name the same file; give each its own path');
    refused((f) => {
      mkdirSync(join(f, 'real'));
      symlinkSync('real', join(f, 'link'));
    }, ['--out', 'real/a.csv', '--details', 'link/a.csv'], '--out real/a.csv and --details link/a.csv name the same file; give each its own path');
  });

  it('a symlink to the other (existing or not yet), a hard link → refused the same way', () => {
    // link.csv → a.csv, which does not exist yet: both writes would land on a.csv.
    refused((f) => symlinkSync('a.csv', join(f, 'link.csv')), ['--out', 'a.csv', '--details', 'link.csv'], '--out a.csv and --details link.csv name the same file; give each its own path');
    const existing = refused((f) => {
      writeFileSync(join(f, 'a.csv'), 'old\n');
      symlinkSync(join(f, 'a.csv'), join(f, 'link.csv'));
    }, ['--out', 'link.csv', '--rejects', 'a.csv'], '--out link.csv and --rejects a.csv name the same file; give each its own path');
    expect(readFileSync(join(existing, 'a.csv'), 'utf8')).toBe('old\n');
    refused((f) => {
      writeFileSync(join(f, 'a.csv'), 'old\n');
      linkSync(join(f, 'a.csv'), join(f, 'hard.csv'));
    }, ['--out', 'a.csv', '--details', 'hard.csv'], '--out a.csv and --details hard.csv name the same file; give each its own path');
  });

  it('stdout twice: --out - with --rejects -, --out naming stdout (as /dev/stdout does) with --rejects -, the report on stdout with --rejects naming it → exit 2', () => {
    refused(() => undefined, ['--out', '-', '--rejects', '-'], '--rejects - and the report cannot both go to stdout; write the report to a file with --out FILE, or the rejected rows with --rejects FILE');
    // A link of our own to /proc/self/fd/1, never /dev/stdout itself: were the check lost, the write would replace it.
    if (existsSync('/proc/self/fd/1')) {
      refused((f) => symlinkSync('/proc/self/fd/1', join(f, 'stdout')), ['--out', 'stdout', '--rejects', '-'], '--out stdout and --rejects - both write to stdout; give each its own path');
      refused((f) => symlinkSync('/proc/self/fd/1', join(f, 'stdout.csv')), ['--rejects', 'stdout.csv'], 'the report on stdout and --rejects stdout.csv both write to stdout; give each its own path');
    }
  });

  it('different files are fine: --out, --details and --rejects side by side, each written', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-outsafe-two-'));
    const result = run(['--out', 'r.csv', '--details', 'rows.csv', '--rejects', 'rejects.csv'], folder);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['rejects.csv', 'r.csv', 'rows.csv'].sort());
  });
});

describe('output safety: a symlink or a pipe at the output path (issue #16)', () => {
  it('a symlink is written through: its target replaced whole, the link kept, no temp file left', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-outsafe-link-'));
    mkdirSync(join(folder, 'reports'));
    const target = join(folder, 'reports', 'latest.json');
    writeFileSync(target, 'old report\n');
    const before = statSync(target).ino;
    symlinkSync('reports/latest.json', join(folder, 'latest.json'));
    // A link to a file not there yet makes it.
    symlinkSync('reports/new.json', join(folder, 'new.json'));
    for (const out of ['latest.json', 'new.json']) expect(run(['--out', out], folder).code).toBe(0);
    for (const link of ['latest.json', 'new.json']) expect(lstatSync(join(folder, link)).isSymbolicLink(), link).toBe(true);
    expect(statSync(target).ino).not.toBe(before);
    const report = ok(['--format', 'json']).stdout;
    expect(readFileSync(target, 'utf8')).toBe(report);
    expect(readFileSync(join(folder, 'reports', 'new.json'), 'utf8')).toBe(report);
    expect(readdirSync(folder).sort()).toEqual(['latest.json', 'new.json', 'reports']);
    expect(readdirSync(join(folder, 'reports')).sort()).toEqual(['latest.json', 'new.json']);
  });

  it('a link to a missing folder names that folder; a loop of links is one line, exit 2', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-outsafe-link-'));
    symlinkSync('nowhere/r.json', join(folder, 'r.json'));
    symlinkSync('b.json', join(folder, 'a.json'));
    symlinkSync('a.json', join(folder, 'b.json'));
    const missing = run(['--out', 'r.json'], folder);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`support-metrics: r.json: cannot be written: the folder ${join(folder, 'nowhere')} does not exist; create the folder or choose another path\n`);
    const loop = run(['--out', 'a.json'], folder);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toBe('support-metrics: a.json: cannot be written: its symlinks go round in a loop (ELOOP); point the link at a file, or choose another path\n');
    expect(readdirSync(folder).sort()).toEqual(['a.json', 'b.json', 'r.json']);
  });

  // A rename onto a device or a pipe replaces the node itself: as root, --out /dev/null made /dev/null a regular file.
  it('a named pipe is written into, not replaced', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-outsafe-fifo-'));
    const fifo = join(folder, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // The reader copies into a file (not into this process, which waits in spawnSync meanwhile: a pipe would fill).
    const received = join(mkdtempSync(join(tmpdir(), 'sm-outsafe-fifo-read-')), 'received.json');
    const copy = openSync(received, 'w');
    const reader = spawn('cat', [fifo], { stdio: ['ignore', copy, 'ignore'] });
    closeSync(copy);
    const finished = new Promise<void>((done) => reader.on('close', () => done()));
    const result = run(['--out', fifo, '--format', 'json']);
    const timer = setTimeout(() => reader.kill(), 5_000);
    await finished;
    clearTimeout(timer);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(received, 'utf8')).toBe(ok(['--format', 'json']).stdout);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(folder)).toEqual(['report.fifo']);
  });
});
