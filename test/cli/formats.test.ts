import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'sm-formats-'));
// Three agents, one named like an attack on each format: HTML in Markdown, a formula in a spreadsheet.
const tickets = join(dir, 'tickets.csv');
writeFileSync(
  tickets,
  [
    'id,created_at,first_response_minutes,resolution_minutes,agent,channel',
    '1,2026-11-02T09:00:00Z,5,60,Max,email',
    '2,2026-11-02T10:00:00Z,30,600,Max,chat',
    '3,2026-11-03T09:00:00Z,10,,<script>alert(1)</script>,chat',
    '4,2026-11-03T11:00:00Z,,,"=HYPERLINK(""http://x"",""y"")",email',
    '',
  ].join('\n'),
);

function report(format: string, extra: string[] = []) {
  const result = runBin(['report', tickets, '--tz', 'UTC', '--by', 'agent', '--format', format, '--quiet', ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** The rows of the first Markdown table after `heading` (null: the first table of the document), cells trimmed. */
function markdownTable(md: string, heading: string | null): string[][] {
  const lines = md.split('\n');
  let at = heading === null ? 0 : lines.indexOf(heading);
  while (!lines[at]!.startsWith('|')) at++;
  const rows: string[][] = [];
  for (; at < lines.length && lines[at]!.startsWith('|'); at++) rows.push(lines[at]!.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
  return rows;
}

describe('--format md (issue #14)', () => {
  it('a headline table with verdict marks, a table per group, names escaped', () => {
    const md = report('md');
    const head = markdownTable(md, null);
    expect(head[0]).toEqual(['Metric', 'Value', 'Median', 'p90', 'Count', 'Within target', 'Target', 'Status']);
    const frt = head.find((r) => r[0]!.startsWith('First response time'))!;
    // FRT 5, 30, 10 min: mean 15 min = 900 s, not < 900 → missed; 2 of 3 within target.
    expect(frt).toEqual(['First response time (low sample)', '15m 00s (1 unanswered)', '10m 00s', '26m 00s', '3', '66.7%', '&lt; 15 min', '❌ missed']);
    expect(md).toContain('### &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toContain('<script>');
    const max = markdownTable(md, '### Max');
    // Max: 5 and 30 min → mean 17m 30s, missed; resolution 60 and 600 min → mean 5h 30m.
    expect(max.find((r) => r[0]!.startsWith('First response time'))!.slice(1, 3)).toEqual(['17m 30s', '17m 30s']);
  });
});

describe('--format csv (issue #14)', () => {
  it('long form, numbers as numbers, a formula-like agent written as text', () => {
    const csv = report('csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('metric,by,key,period,value,unit,target,status,count,median,p90,within_target,reason,bracket,bracket_from_seconds,bracket_to_seconds,bracket_share');
    // Exact times: no bracket rows, the four bracket columns empty
    expect(lines).toContain('frt,,,,900,seconds,< 15 min,missed,3,600,1560,0.6666666666666666,,,,,');
    expect(lines.some((l) => l.startsWith(`frt,agent,"'=HYPERLINK(""http://x"",""y"")"`))).toBe(true);
    expect(lines.some((l) => /,=HYPERLINK/.test(l))).toBe(false);
  });
});

describe('--format junit (issue #14)', () => {
  it('one test case per metric with a target, a failure with value and target for a miss, skipped for no data', () => {
    const xml = report('junit');
    const doc = parseDocument(xml, { xmlMode: true });
    const all = (name: string, node: { children?: unknown[] } = doc): { name: string; attribs: Record<string, string>; children: unknown[] }[] =>
      ((node.children ?? []) as { name: string; attribs: Record<string, string>; children: unknown[] }[]).flatMap((c) => [...(c.name === name ? [c] : []), ...all(name, c)]);
    const suites = all('testsuite');
    expect(suites.map((s) => s.attribs.name)).toEqual(['tickets']);
    const cases = all('testcase');
    expect(cases.map((c) => c.attribs.name)).toEqual(['frt: First response time < 15 min', 'art: Resolution time < 4 h']);
    const failure = all('failure', cases[0]);
    expect(failure[0]!.attribs.message).toBe('First response time 15m 00s misses the target < 15 min');
    expect(all('testsuites')[0]!.attribs).toMatchObject({ tests: '2', failures: '2', skipped: '0' });
  });
});

describe('--out picks the format from the extension; the same input gives the same bytes', () => {
  it('.md, .csv, .xml (JUnit), .json; an unknown extension and writing over an input are refused (exit 2)', () => {
    for (const [file, start] of [
      ['r.md', '# Support metrics'],
      ['r.csv', 'metric,by,key'],
      ['r.xml', '<?xml'],
      ['r.json', '{'],
    ] as const) {
      const out = join(dir, file);
      const result = runBin(['report', tickets, '--tz', 'UTC', '--out', out, '--quiet']);
      expect(result.code, result.stderr).toBe(0);
      const first = readFileSync(out, 'utf8');
      expect(first.startsWith(start)).toBe(true);
      runBin(['report', tickets, '--tz', 'UTC', '--out', out, '--quiet']);
      expect(readFileSync(out, 'utf8')).toBe(first);
    }
    const unknown = runBin(['report', tickets, '--out', join(dir, 'r.docx')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^support-metrics: .*no format is known for "\.docx"/);
    const over = runBin(['report', tickets, '--out', tickets, '--format', 'md']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/refusing to write .* one of the input files/);
  });

  it('--format is case-insensitive: JSON, Markdown', () => {
    expect(JSON.parse(report('JSON')).metrics.frt.value).toBe(900);
    expect(report('Markdown').startsWith('# Support metrics')).toBe(true);
  });
});

describe('--format xlsx (issue #14)', () => {
  it('a Summary sheet and one per grouping: numbers as numbers, durations as times, status by fill, frozen header, text as text', async () => {
    const out = join(dir, 'report.xlsx');
    const result = runBin(['report', tickets, '--tz', 'UTC', '--by', 'agent', '--out', out, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const first = readFileSync(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'By agent', 'Inputs', 'Warnings']);
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const frt = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'First response time')!;
    // 900 s stored as an Excel time (900 / 86400 of a day) shown [h]:mm:ss — exceljs reads a time-formatted number back
    // as a Date from Excel's epoch, 1899-12-30: 15 minutes after it. Missed, in red.
    expect((frt.getCell(2).value as Date).getTime() - Date.UTC(1899, 11, 30)).toBe(900_000);
    expect(frt.getCell(2).numFmt).toBe('[h]:mm:ss');
    expect(frt.getCell(7).value).toBeCloseTo(2 / 3, 12);
    expect(frt.getCell(9).value).toBe('missed');
    expect((frt.getCell(9).fill as { fgColor: { argb: string } }).fgColor.argb).toBe('FFFFC7CE');
    const byAgent = workbook.getWorksheet('By agent')!;
    const formulaLike = byAgent.getRows(1, byAgent.rowCount)!.find((r) => String(r.getCell(1).value).startsWith('=HYPERLINK'))!;
    expect(formulaLike.getCell(1).type).toBe(ExcelJS.ValueType.String);
    // The same report, the same bytes.
    runBin(['report', tickets, '--tz', 'UTC', '--by', 'agent', '--out', out, '--quiet']);
    expect(readFileSync(out).equals(first)).toBe(true);
  });

  it('needs a file: --format xlsx on stdout is refused (exit 2)', () => {
    const result = runBin(['report', tickets, '--format', 'xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format xlsx writes a workbook.*--out report\.xlsx/);
  });
});

describe('--stamp (issue #14)', () => {
  it('puts the time of the run into the report; without it there is none, so runs are byte-identical', () => {
    const stamped = JSON.parse(report('json', ['--stamp']));
    expect(stamped.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(stamped.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(JSON.parse(report('json')).generatedAt).toBeUndefined();
    expect(report('md', ['--stamp'])).toMatch(/; made \d{4}-/);
  });
});
