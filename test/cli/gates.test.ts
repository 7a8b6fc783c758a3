import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'sm-gates-'));
const ZENDESK = 'fixtures/zendesk-tickets.csv';
const BITRIX = 'fixtures/bitrix24-openlines.csv';

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('one file named twice is read once (issue 9, item 6)', () => {
  const once = report([ZENDESK]).report;

  it.each([
    ['the same name twice', [ZENDESK, ZENDESK], `support-metrics: note: ${ZENDESK} is named twice; it is read once\n`],
    ['as ./fixtures/… and fixtures/…', [ZENDESK, `./${ZENDESK}`], `support-metrics: note: ${ZENDESK} is named twice (also as "./${ZENDESK}"); it is read once\n`],
    ['as a positional and --tickets', [ZENDESK, '--tickets', ZENDESK], `support-metrics: note: ${ZENDESK} is named twice; it is read once\n`],
    ['by its absolute path', [ZENDESK, resolve(ZENDESK), ZENDESK], `support-metrics: note: ${ZENDESK} is named 3 times (also as "${resolve(ZENDESK)}"); it is read once\n`],
  ])('%s: the numbers of one read, every row accepted, and a note', (_case, args, note) => {
    const twice = report(args);
    // 8 rows, 8 accepted — not 8 accepted and 8 rejected as repeats of themselves
    expect(twice.report.inputs).toHaveLength(1);
    expect(twice.report.inputs[0]).toMatchObject({ file: ZENDESK, rows: 8, accepted: 8, rejected: 0 });
    expect(twice.report.metrics).toEqual(once.metrics);
    expect(twice.report).toEqual(once);
    // the note, once; stderr also carries the report's warnings (low samples), which are not asserted here
    expect(twice.stderr.split('\n').filter((line) => line.includes(': note: '))).toEqual([note.trimEnd()]);
  });

  it('a symlink to a file named beside it is the same file; --quiet drops the note', () => {
    const link = join(dir, 'link.csv');
    symlinkSync(resolve(ZENDESK), link);
    const result = runBin(['report', ZENDESK, link, '--format', 'json', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).inputs.map((i: { accepted: number }) => i.accepted)).toEqual([8]);
  });

  it('a copy of a file is another file, and stdin (-) is never merged with a file', () => {
    const copy = join(dir, 'copy.csv');
    writeFileSync(copy, readFileSync(ZENDESK));
    const copied = runBin(['report', ZENDESK, copy, '--format', 'json', '--quiet']);
    expect(JSON.parse(copied.stdout).inputs.map((i: { accepted: number; rejected: number }) => [i.accepted, i.rejected])).toEqual([
      [8, 0],
      [0, 8],
    ]);
    const piped = runBin(['report', ZENDESK, '-', '--format', 'json', '--quiet'], {}, readFileSync(ZENDESK));
    expect(JSON.parse(piped.stdout).inputs.map((i: { file: string; rejected: number }) => [i.file, i.rejected])).toEqual([
      [ZENDESK, 0],
      ['<stdin>', 8],
    ]);
  });

  it('one file given as two kinds is a usage error', () => {
    const result = runBin(['report', '--tickets', ZENDESK, '--surveys', `./${ZENDESK}`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`support-metrics: ${ZENDESK} is given as --tickets and as --surveys (./${ZENDESK}); a file holds one kind of data: name it once\n`);
  });
});

describe('--out - and --rejects - are stdout (issue 9, item 6)', () => {
  it('--out - prints the report on stdout and creates no file named -', () => {
    expect(existsSync('-')).toBe(false);
    const result = runBin(['report', ZENDESK, '--out', '-', '--format', 'json', '--quiet']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).metrics.art.value).toBe(21450);
    expect(existsSync('-')).toBe(false);
    // without --format, `-` has no extension: the table, as on stdout without --out
    expect(runBin(['report', ZENDESK, '--out', '-', '--quiet']).stdout).toMatch(/^Window: start of data → end of data \(UTC\); targets: saas$/m);
    expect(existsSync('-')).toBe(false);
  });

  it('--rejects - with --out FILE puts the rejected rows as CSV on stdout, the report in the file', () => {
    const out = join(dir, 'with-rejects.json');
    const result = runBin(['report', 'fixtures/tickets-plain.csv', '--rejects', '-', '--out', out, '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(5); // header + the 4 rejected rows
    expect(lines[0]).toBe('file,line,column,field,value,reason,message');
    expect(lines[3]).toBe('fixtures/tickets-plain.csv,10,1,id,T-2,duplicate ticket id,repeats the ticket id of line 3 (the first is kept)');
    expect(JSON.parse(readFileSync(out, 'utf8')).inputs[0]).toMatchObject({ accepted: 5, rejected: 4 });
    expect(existsSync('-')).toBe(false);
  });

  it.each([
    ['no --out', []],
    ['--out -', ['--out', '-']],
  ])('--rejects - with %s: exit 2, both cannot go to stdout', (_case, out) => {
    const result = runBin(['report', 'fixtures/tickets-plain.csv', '--rejects', '-', ...out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'support-metrics: --rejects - and the report cannot both go to stdout; write the report to a file with --out FILE, or the rejected rows with --rejects FILE\n',
    );
    expect(existsSync('-')).toBe(false);
  });
});

describe('--fail-on-miss fails a run that checked nothing (issue 9, item 7)', () => {
  it('an empty window: exit 1 with the reason on one line, and the report still written', () => {
    const result = runBin(['report', ZENDESK, '--tz', 'Europe/Berlin', '--since', '2027-01-01', '--until', '2027-02-01', '--fail-on-miss', '--quiet', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'support-metrics: no data for any metric with a target in the window 2027-01-01 00:00 → 2027-02-01 00:00 (Europe/Berlin); failing because of --fail-on-miss\n',
    );
    const written = JSON.parse(result.stdout);
    // 1 Jan 00:00 in Berlin (CET, +1) = 31 Dec 23:00 UTC
    expect(written.window).toEqual({ since: '2026-12-31T23:00:00.000Z', until: '2027-01-31T23:00:00.000Z', timezone: 'Europe/Berlin' });
    expect(written.metrics.ticket_volume.value).toBe(0);
    expect([written.metrics.frt.status, written.metrics.art.status]).toEqual(['no-data', 'no-data']);
    // without --fail-on-miss the same run is done
    expect(runBin(['report', ZENDESK, '--tz', 'Europe/Berlin', '--since', '2027-01-01', '--until', '2027-02-01', '--quiet']).code).toBe(0);
  });

  it('a file without response and resolution columns: exit 1, "in the data given"', () => {
    const bare = join(dir, 'bare.csv');
    writeFileSync(bare, 'id,created_at\n1,2026-11-02T10:00:00Z\n2,2026-11-03T10:00:00Z\n');
    const result = runBin(['report', bare, '--fail-on-miss', '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('support-metrics: no data for any metric with a target in the data given; failing because of --fail-on-miss\n');
    expect(result.stdout).toMatch(/Ticket volume.*2/);
  });

  it('a window with data that meets the targets: exit 0, nothing on stderr', () => {
    // [3 Nov, 4 Nov) Moscow: FRT 45 and 300 s (mean 172.5 < 900), ART met
    const result = runBin(['report', BITRIX, '--tz', 'Europe/Moscow', '--since', '2026-11-03', '--until', '2026-11-04', '--fail-on-miss', '--quiet', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const written = JSON.parse(result.stdout);
    expect(written.metrics.frt).toMatchObject({ value: 172.5, status: 'met' });
    expect(written.metrics.art.status).toBe('met');
  });

  it('a window with data that misses a target still exits 1 (without the no-data reason)', () => {
    const result = runBin(['report', ZENDESK, '--since', '2026-01-01', '--fail-on-miss', '--quiet', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });
});

describe('the table\'s window is in --tz (issue 9, item 7)', () => {
  it('prints the bounds as wall times in Europe/Moscow, not UTC labelled Moscow', () => {
    const result = runBin(['report', BITRIX, '--tz', 'Europe/Moscow', '--since', '2026-11-03', '--until', '2026-11-04', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\nWindow: 2026-11-03 00:00 → 2026-11-04 00:00 (Europe/Moscow); targets: saas\n');
    expect(result.stdout).not.toContain('2026-11-02T21:00:00.000Z');
  });

  it('an open bound stays in words; a time of day is kept', () => {
    const result = runBin(['report', ZENDESK, '--tz', 'America/New_York', '--since', '2026-11-02 09:30', '--quiet']);
    expect(result.stdout).toContain('\nWindow: 2026-11-02 09:30 → end of data (America/New_York); targets: saas\n');
  });
});
