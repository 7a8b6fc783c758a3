import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

/**
 * Times without an offset read in a zone with DST: a wall time in the hour repeated when clocks went back, or in the
 * hour skipped when they went forward, is read by rule (the first occurrence; the offset before the gap) — said as a
 * warning naming the file, the column, how many, an example and the reading. No guess, no warning.
 */
const dir = mkdtempSync(join(tmpdir(), 'sm-dst-'));
const tickets = join(dir, 'tickets.csv');
writeFileSync(
  tickets,
  [
    'Id,Created at,Solved at',
    '1,2026-10-25 02:30:00,2026-10-25 05:00:00', // repeated hour (created)
    '2,2026-03-29 02:30:00,2026-03-29 04:00:00', // skipped hour (created)
    '3,2026-03-29 01:50:00,2026-03-29 02:10:00', // skipped hour (solved)
    '4,2026-05-04 10:00:00,2026-05-04 11:00:00',
  ].join('\n') + '\n',
);

function json(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('wall times in a repeated or skipped hour (--tz Europe/Berlin)', () => {
  const report = json([tickets, '--tz', 'Europe/Berlin']);

  it('warns per column with the count, the hour, an example and how it was read', () => {
    const file = tickets;
    expect(report.warnings).toContain(`${file}: "Created at" has 1 time in the hour repeated when clocks went back (2026-10-25 02:00–03:00 Europe/Berlin, e.g. 2026-10-25 02:30:00), read as the first (summer time, +02:00) — an export with offsets removes the doubt`);
    expect(report.warnings).toContain(`${file}: "Created at" has 1 time that does not exist (2026-03-29 02:00–03:00 skipped in Europe/Berlin, e.g. 2026-03-29 02:30:00), read as 03:30 summer time (+02:00) — an export with offsets removes the doubt`);
    expect(report.warnings).toContain(`${file}: "Solved at" has 1 time that does not exist (2026-03-29 02:00–03:00 skipped in Europe/Berlin, e.g. 2026-03-29 02:10:00), read as 03:10 summer time (+02:00) — an export with offsets removes the doubt`);
  });

  it('reads them as said: the resolution times follow', () => {
    // 1: 02:30 +02:00 (00:30Z) → 05:00 +01:00 (04:00Z) = 12600 s; 2: 02:30 read at +01:00 (01:30Z) → 04:00 +02:00 (02:00Z) = 1800 s;
    // 3: 01:50 +01:00 (00:50Z) → 02:10 read at +01:00 (01:10Z) = 1200 s; 4: 3600 s. Mean (12600 + 1800 + 1200 + 3600) / 4 = 4800.
    expect(report.metrics.art.value).toBe(4800);
  });

  it('says nothing in UTC (no DST) or in a zone without DST', () => {
    for (const zone of ['UTC', 'Europe/Moscow']) expect(json([tickets, '--tz', zone]).warnings.filter((w: string) => w.includes('clocks') || w.includes('does not exist'))).toEqual([]);
  });

  it('is a warning of validate too', () => {
    const result = runBin(['validate', tickets, '--tz', 'Europe/Berlin', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('\\"Created at\\" has 1 time in the hour repeated when clocks went back');
  });
});

describe('a file read in two halves at once', () => {
  it('adds up both halves: the same warnings as one pass', () => {
    // 400 tickets, every 40th created in the repeated hour and every 50th in the skipped one: 10 + 8 in all, spread over both halves.
    const lines = ['Id,Created at,Solved at'];
    for (let i = 0; i < 400; i++) {
      const created = i % 40 === 0 ? '2026-10-25 02:30:00' : i % 50 === 1 ? '2026-03-29 02:15:00' : '2026-06-01 10:00:00';
      lines.push(`${i + 1},${created},2026-11-01 12:00:00`);
    }
    const big = join(dir, 'halves.csv');
    writeFileSync(big, lines.join('\n') + '\n');
    const run = (minBytes: string) => {
      const result = runBin(['report', big, '--tz', 'Europe/Berlin', '--format', 'json'], { SUPPORT_METRICS_PARALLEL_MIN_BYTES: minBytes });
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout).warnings as string[]).filter((w) => w.includes('Created at'));
    };
    const parallel = run('1');
    expect(parallel).toEqual(run('1000000000000'));
    // i = 0, 40, …, 360: 10 repeated; i = 1, 51, …, 351: 8 skipped.
    expect(parallel[0]).toContain('has 10 times in the hour repeated when clocks went back');
    expect(parallel[1]).toContain('has 8 times that do not exist');
  });
});

describe('a zone named in the header (Intercom)', () => {
  const file = join(dir, 'intercom.csv');
  writeFileSync(
    file,
    [
      'Conversation ID,Conversation started at (Europe/Berlin),Conversation first replied at (Europe/Berlin),Channel',
      '101,2026-10-25 02:10:00,2026-10-25 02:40:00,Chat',
      '102,2026-10-25 02:20:00,2026-10-25 03:10:00,Chat',
      '103,2026-10-24 09:00:00,2026-10-24 09:05:00,Chat',
    ].join('\n') + '\n',
  );
  const report = json([file]);

  it('counts the column in its own zone, whatever --tz says', () => {
    expect(report.warnings).toContain(`${file}: "Conversation started at (Europe/Berlin)" has 2 times in the hour repeated when clocks went back (2026-10-25 02:00–03:00 Europe/Berlin, e.g. 2026-10-25 02:10:00), read as the first (summer time, +02:00) — an export with offsets removes the doubt`);
    expect(report.warnings).toContain(`${file}: "Conversation first replied at (Europe/Berlin)" has 1 time in the hour repeated when clocks went back (2026-10-25 02:00–03:00 Europe/Berlin, e.g. 2026-10-25 02:40:00), read as the first (summer time, +02:00) — an export with offsets removes the doubt`);
    // FRT: 02:10→02:40 (both first occurrences) 1800 s; 02:20 +02:00 → 03:10 +01:00 = 00:20Z → 02:10Z = 6600 s; 300 s.
    expect(report.metrics.frt.details).toMatchObject({ count: 3, min: 300, max: 6600 });
  });
});
