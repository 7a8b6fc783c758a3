import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — plain JS bench helper, no types
import { generate } from '../../bench/generate-zendesk.js';
import { dumpColumns } from '../helpers/dump-columns.js';
import { runBin } from './run-bin.js';

/**
 * Large files are read in two halves at once (a worker thread takes the second). Forcing that path on small
 * generated files, every output must be byte-identical to the one-pass read: values, counts, rejections and their
 * line numbers (physical lines of the whole file, multi-line subjects included).
 */
const dir = mkdtempSync(join(tmpdir(), 'sm-parallel-'));
const PARALLEL = { SUPPORT_METRICS_PARALLEL_MIN_BYTES: '1' };
const SEQUENTIAL = { SUPPORT_METRICS_PARALLEL_MIN_BYTES: '1000000000000' };

function bothWays(args: string[]) {
  const rejectsParallel = join(dir, `rp-${Math.random()}.csv`);
  const rejectsSequential = join(dir, `rs-${Math.random()}.csv`);
  const parallel = runBin(['report', ...args, '--format', 'json', '--rejects', rejectsParallel], PARALLEL);
  const sequential = runBin(['report', ...args, '--format', 'json', '--rejects', rejectsSequential], SEQUENTIAL);
  return { parallel, sequential, rejectsParallel: readFileSync(rejectsParallel, 'utf8'), rejectsSequential: readFileSync(rejectsSequential, 'utf8') };
}

describe('parallel read of one file in two halves', () => {
  it('gives byte-identical reports and rejections on a Zendesk-layout file with bad rows in the second half', async () => {
    const file = join(dir, 'zendesk.csv');
    await generate(file, 3000, {});
    // Bad rows near the end: an unreadable date, a repeated id (of the first data row), a response before creation.
    appendFileSync(
      file,
      '"999001","A","1","","Support","Late","Open","Normal","Mail","2026-13-45 10:00:00 +0000","","","","0","0","5","5","","","-"\r\n' +
        '"100000","B","2","","Support","Again","Open","Normal","Mail","2026-03-01 10:00:00 +0000","","","","0","0","5","5","","","-"\r\n',
    );
    const { parallel, sequential, rejectsParallel, rejectsSequential } = bothWays([file]);
    expect(parallel.code).toBe(0);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(rejectsParallel).toBe(rejectsSequential);
    const report = JSON.parse(parallel.stdout);
    expect(report.inputs[0]).toMatchObject({ rows: 3002, accepted: 3000, rejected: 2 });
    // 3000 generated records, 3/8 of them with a subject over 2 or 3 lines: the bad rows sit far below line 3002.
    const lines = rejectsParallel.trim().split('\n').slice(1).map((l) => Number(l.split(',')[1]));
    const physicalLines = readFileSync(file, 'utf8').split('\r\n').length - 1;
    expect(lines).toEqual([physicalLines - 1, physicalLines]);
  });

  it('gives the same on the Windows-1251 Bitrix24 layout', async () => {
    const file = join(dir, 'bitrix.csv');
    await generate(file, 3000, { layout: 'bitrix24', delimiter: ';', encoding: 'windows-1251' });
    const { parallel, sequential } = bothWays([file, '--tz', 'Europe/Moscow']);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(JSON.parse(parallel.stdout).inputs[0]).toMatchObject({ preset: 'bitrix24', encoding: 'windows-1251', rows: 3000, accepted: 3000 });
  });

  it('falls back to one pass when the guessed split lands inside a quoted multi-line field', () => {
    // A subject of 2000 lines that each look like a record of the right width: the split is guessed inside it.
    const file = join(dir, 'trap.csv');
    const trap = Array.from({ length: 2000 }, (_, i) => `${i},2026-11-02 10:00,x`).join('\n');
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 2},2026-11-02 10:${String(i + 10)},ok`).join('\n');
    writeFileSync(file, `Id,Created at,Subject\n1,2026-11-02 09:00,"${trap}"\n${rows}\n`);
    const { parallel, sequential } = bothWays([file]);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(JSON.parse(parallel.stdout).inputs[0]).toMatchObject({ rows: 21, accepted: 21, rejected: 0 });
  });

  it('keeps every column, text codes included, row for row the same as one pass (validate reads them all)', async () => {
    const file = join(dir, 'columns.csv');
    await generate(file, 3000, {});
    // Every text column decoded per row, every number column and the elapsed durations, through the library.
    const run = (env: Record<string, string>) => dumpColumns(file, dir, env);
    const parallel = run(PARALLEL);
    const sequential = run(SEQUENTIAL);
    expect(parallel.status, parallel.stderr).toBe(0);
    expect(parallel.stdout).toBe(sequential.stdout);
    const columns = JSON.parse(parallel.stdout);
    expect(columns.rows).toBe(3000);
    expect(Object.keys(columns.texts).sort()).toEqual(['agent', 'channel', 'csat', 'customer_id', 'status', 'team', 'priority'].sort());
    // Via cycles Mail, Web form, Chat, API, Phone: normalised channel names, in row order
    expect(columns.texts.channel.slice(0, 5)).toEqual(['email', 'web form', 'chat', 'api', 'phone']);
  });
});
