import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'sm-cli-'));

function json(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('report on the Zendesk fixture', () => {
  const report = json(['fixtures/zendesk-tickets.csv']);

  it('names the preset and accounts for every row', () => {
    expect(report.schema).toBe('support-metrics/report@1');
    expect(report.inputs).toEqual([
      expect.objectContaining({ file: 'fixtures/zendesk-tickets.csv', kind: 'tickets', preset: 'zendesk', encoding: 'utf-8', delimiter: ',', rows: 8, accepted: 8, rejected: 0, skipped: 0, merged: 0 }),
    ]);
    // How it was read: format, header line, and per mapped column its header, how it was found and its value format.
    expect(report.inputs[0]).toMatchObject({ format: 'csv', sheet: null, headerLine: 1 });
    expect(report.inputs[0].columns).toContainEqual({ field: 'created_at', header: 'Created at', column: 16, via: 'preset', format: 'YYYY-MM-DD HH:mm:ss[±hhmm], offsets in the values', read: true });
    expect(report.inputs[0].columns).toContainEqual({ field: 'first_response_minutes', header: 'First reply time in minutes', column: 29, via: 'preset', format: 'minutes', read: true });
    // Columns no metric needs are mapped but not parsed; the inline rating is read (CSAT without a survey file).
    expect(report.inputs[0].columns).toContainEqual({ field: 'first_resolution_minutes', header: 'First resolution time in minutes', column: 31, via: 'preset', format: 'minutes', read: false });
    expect(report.inputs[0].columns).toContainEqual({ field: 'csat', header: 'Satisfaction Score', column: 24, via: 'preset', format: 'score', read: true });
  });

  it('computes FRT from "First reply time in minutes"', () => {
    // minutes 3, 5, 8, 12, 15, 30, 45 (one unanswered) → seconds 180, 300, 480, 720, 900, 1800, 2700
    const frt = report.metrics.frt;
    // mean = 7080 / 7 = 1011.428571428…
    expect(frt.value).toBeCloseTo(7080 / 7, 6);
    // median: h = 6·0.5 = 3 → 720; p90: h = 5.4 → 1800 + 0.4·900 = 2160
    expect(frt.details).toMatchObject({ count: 7, median: 720, p90: 2160, min: 180, max: 2700, unanswered: 1, sources: { exportColumn: 7, timestamps: 0 } });
    // below 900 s: 180, 300, 480, 720 → 4/7
    expect(frt.details.withinTarget).toBeCloseTo(4 / 7, 9);
    expect(frt.target).toEqual({ comparator: '<', value: 900, text: '< 15 min', source: '000_eed479c8e4db3466.txt' });
    expect(frt.status).toBe('missed');
  });

  it('computes ART with the timestamp fall-back for one ticket', () => {
    // seconds 1800, 2700 (timestamps), 5400, 10800, 21600, 86400; sum 128700 → mean 21450
    const art = report.metrics.art;
    expect(art.value).toBe(21450);
    // median (5400 + 10800) / 2 = 8100; p90: h = 4.5 → 21600 + 0.5·64800 = 54000
    expect(art.details).toMatchObject({ count: 6, median: 8100, p90: 54000, unresolved: 2, sources: { exportColumn: 5, timestamps: 1 } });
    expect(art.status).toBe('missed');
    expect(report.metrics.ticket_volume).toMatchObject({ value: 8, details: { resolved: 6, unresolved: 2, unanswered: 1 }, status: 'no-target' });
  });
});

describe('report on the Bitrix24 fixture (Windows-1251, --tz Europe/Moscow)', () => {
  it('gives FRT/ART/volume and the window in Moscow time', () => {
    const report = json(['fixtures/bitrix24-openlines.csv', '--tz', 'Europe/Moscow']);
    expect(report.inputs[0]).toMatchObject({ preset: 'bitrix24', encoding: 'windows-1251', delimiter: ';', rows: 7, accepted: 5, rejected: 1, skipped: 1 });
    // FRT 45, 120, 300, 600 s: mean 1065/4 = 266.25; median (120+300)/2 = 210; p90 h=2.7 → 300 + 0.7·300 = 510
    expect(report.metrics.frt).toMatchObject({ value: 266.25, details: { median: 210, p90: 510, unanswered: 1, sources: { exportColumn: 3, timestamps: 1 } }, status: 'met' });
    // ART 1200, 1800, 7200, 14400 s: mean 24600/4 = 6150; median 4500; p90 → 7200 + 0.7·7200 = 12240
    expect(report.metrics.art).toMatchObject({ value: 6150, details: { median: 4500, p90: 12240, unresolved: 1 }, status: 'met' });
  });

  it('selects by created_at with --since/--until read in --tz', () => {
    // [3 Nov 00:00, 4 Nov 00:00) Moscow = [2 Nov 21:00Z, 3 Nov 21:00Z): tickets 103 (01:30), 104, 106
    const report = json(['fixtures/bitrix24-openlines.csv', '--tz', 'Europe/Moscow', '--since', '2026-11-03', '--until', '2026-11-04']);
    expect(report.window).toEqual({ since: '2026-11-02T21:00:00.000Z', until: '2026-11-03T21:00:00.000Z', timezone: 'Europe/Moscow' });
    expect(report.metrics.ticket_volume.value).toBe(3);
    // FRT 45 (104) and 300 (106); 103 unanswered
    expect(report.metrics.frt.details).toMatchObject({ count: 2, mean: 172.5, unanswered: 1 });
  });
});

describe('report on the plain ISO fixture with bad rows', () => {
  it('reports the good rows and summarises the rejected ones on stderr', () => {
    const result = runBin(['report', 'fixtures/tickets-plain.csv', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.inputs[0]).toMatchObject({ preset: null, rows: 9, accepted: 5, rejected: 4 });
    // FRT 90, 300, 600, 1200 → mean 547.5, median 450, p90 600 + 0.7·600 = 1020
    expect(report.metrics.frt).toMatchObject({ value: 547.5, details: { median: 450, p90: 1020 }, status: 'met' });
    // ART 3600, 7200, 7200, 28800 → mean 11700, median 7200, p90 7200 + 0.7·21600 = 22320
    expect(report.metrics.art).toMatchObject({ value: 11700, details: { median: 7200, p90: 22320 }, status: 'met' });
    expect(result.stderr).toContain('4 rows rejected (unparseable timestamp 1, response before creation 1, duplicate ticket id 1, missing value 1)');
    expect(result.stderr).toContain('fixtures/tickets-plain.csv:8:2: created_at "not-a-date" is not a timestamp (expected YYYY-MM-DD HH:mm:ss[±hhmm]); fix the row or pass --date-format');
    expect(result.stderr).toContain('fixtures/tickets-plain.csv:10:1: id "T-2" repeats the ticket id of line 3 (the first is kept)');
  });

  it('--strict stops with exit 2 and no report', () => {
    const result = runBin(['report', 'fixtures/tickets-plain.csv', '--strict', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('fixtures/tickets-plain.csv: has 4 rejected rows and --strict is set; no report written');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--rejects writes every rejected row as CSV, formula-safe', () => {
    const out = join(dir, 'rejects.csv');
    const result = runBin(['report', 'fixtures/tickets-plain.csv', '--rejects', out, '--quiet']);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('file,line,column,field,value,reason,message');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('fixtures/tickets-plain.csv,8,2,created_at,not-a-date,unparseable timestamp,is not a timestamp (expected YYYY-MM-DD HH:mm:ss[±hhmm]); fix the row or pass --date-format');
    expect(result.stderr).toBe('');
  });

  it('refuses to write over an input file', () => {
    const copy = join(dir, 'input.csv');
    writeFileSync(copy, readFileSync('fixtures/tickets-plain.csv'));
    const result = runBin(['report', copy, '--rejects', copy, '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refusing to write');
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync('fixtures/tickets-plain.csv', 'utf8'));
  });
});

describe('exit codes and messages', () => {
  it('--fail-on-miss exits 1 when a target is missed, 0 when all are met', () => {
    expect(runBin(['report', 'fixtures/zendesk-tickets.csv', '--fail-on-miss', '--quiet']).code).toBe(1);
    expect(runBin(['report', 'fixtures/tickets-plain.csv', '--fail-on-miss', '--quiet']).code).toBe(0);
  });

  it('a missing file: exit 2, one line naming it', () => {
    const result = runBin(['report', 'no-such-export.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('support-metrics: no-such-export.csv: does not exist; check the path\n');
  });

  it('an empty file: exit 2, one line', () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const result = runBin(['report', empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`support-metrics: ${empty}: is empty; export the data again with a header row and at least one row\n`);
  });

  it('a file without a required column: exit 2, the field, the headers and the nearest one', () => {
    const noCreated = join(dir, 'no-created.csv');
    writeFileSync(noCreated, 'Ticket ID,Create date,Subject\n1,2026-11-02,Hello\n');
    const result = runBin(['report', noCreated]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `support-metrics: ${noCreated}: has no column for the required field created_at; headers found: "Ticket ID", "Create date", "Subject"; did you mean "Create date"? pass --map created_at="Create date"\n`,
    );
    // and the suggested --map works
    const mapped = runBin(['report', noCreated, '--map', 'created_at=Create date', '--format', 'json']);
    expect(JSON.parse(mapped.stdout).metrics.ticket_volume.value).toBe(1);
  });

  it('usage errors exit 2 without a stack trace', () => {
    expect(runBin(['report', 'fixtures/zendesk-tickets.csv', '--tz', 'Mars/Olympus']).stderr).toBe(
      'support-metrics: --tz "Mars/Olympus" is not a time zone; use an IANA name such as Europe/Moscow or UTC\n',
    );
    expect(runBin(['report', 'fixtures/zendesk-tickets.csv', '--bogus']).code).toBe(2);
    expect(runBin(['report']).code).toBe(2);
  });
});

describe('output', () => {
  it('JSON is byte-identical across runs', () => {
    const a = runBin(['report', 'fixtures/zendesk-tickets.csv', '--format', 'json']).stdout;
    const b = runBin(['report', 'fixtures/zendesk-tickets.csv', '--format', 'json']).stdout;
    expect(a).toBe(b);
  });

  it('the table shows values, targets and verdicts, with no colour codes off a TTY', () => {
    const result = runBin(['report', 'fixtures/zendesk-tickets.csv']);
    expect(result.code).toBe(0);
    // Per metric: label, value, count and verdict on its first line; median and p90, the target and the share within
    // it under them — within 80 columns.
    expect(result.stdout).toMatch(/│ First response time │ 16m 51s\s+│\s+7 │ ✗ missed\s+│\n│ \(low sample\)\s+│ median 12m 00s, p90 36m 00s\s+│\s+│ target < 15 min │/);
    expect(result.stdout).toMatch(/│ Resolution time\s+│ 5h 57m\s+│\s+6 │ ✗ missed\s+│\n│ \(low sample\)\s+│ median 2h 15m, p90 15h 00m\s+│\s+│ target < 4 h\s+│/);
    expect(Math.max(...result.stdout.split('\n').filter((l) => l.startsWith('│')).map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(result.stdout).toContain('fixtures/zendesk-tickets.csv (tickets, zendesk layout): 8 rows, 8 accepted, 0 rejected, 0 skipped');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('--out writes the report file (format from the extension)', () => {
    const out = join(dir, 'report.json');
    const result = runBin(['report', 'fixtures/zendesk-tickets.csv', '--out', out, '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8')).metrics.art.value).toBe(21450);
  });

  it('metrics lists definitions with targets and sources', () => {
    const result = runBin(['metrics']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('frt — First response time (seconds; lower is better)');
    expect(result.stdout).toContain('target (saas): < 15 min  [source: 000_eed479c8e4db3466.txt]');
  });
});

describe('review fixes on the command line', () => {
  it('--since is read with --date-format', () => {
    const data = join(dir, 'dmy.csv');
    writeFileSync(data, 'id,created_at\n1,02/04/2026 10:00\n2,05/04/2026 10:00\n3,25/04/2026 10:00\n');
    const report = json([data, '--date-format', 'DD/MM/YYYY', '--since', '03/04/2026']);
    expect(report.window.since).toBe('2026-04-03T00:00:00.000Z');
    expect(report.metrics.ticket_volume.value).toBe(2);
  });

  it('a non-ASCII --delimiter is a usage error, not a crash', () => {
    const result = runBin(['report', 'fixtures/tickets-plain.csv', '--delimiter', '§']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('support-metrics: --delimiter "§" must be one ASCII character, such as , ; | or tab\n');
  });

  it('a second file that only repeats tickets of the first does not abort the run', () => {
    const again = join(dir, 'again.csv');
    writeFileSync(again, 'ticket_id,created_at\nT-1,2026-11-02T09:00:00Z\nT-4,2026-11-03T08:00:00Z\n');
    const result = runBin(['report', 'fixtures/tickets-plain.csv', again, '--format', 'json', '--quiet']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).inputs.map((i: { accepted: number; rejected: number }) => [i.accepted, i.rejected])).toEqual([
      [5, 4],
      [0, 2],
    ]);
    // …but a file whose rows all fail for other reasons still stops the run
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'ticket_id,created_at\nX-1,yesterday\n');
    expect(runBin(['report', 'fixtures/tickets-plain.csv', broken, '--quiet']).code).toBe(2);
  });
});
