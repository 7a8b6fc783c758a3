import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesPerRecord, sharedRegions } from '../../src/datasets/shared-output.js';
import { findRecordBoundary } from '../../src/read/csv.js';
// @ts-expect-error a plain-JS bench module: its deterministic generator is reused, not copied
import { rng } from '../../bench/generate-zendesk.js';
import { dumpColumns } from '../helpers/dump-columns.js';
import { runBin } from './run-bin.js';

/**
 * The shared output regions of a parallel read are sized from samples of the records of each half (shared-output.ts).
 * When a half outgrows its region it goes on in private arrays; the report must stay byte-identical to a one-pass read
 * all the same — values, repeated ids across the halves, rejections and their line numbers, windows. The regions are
 * shrunk here (SUPPORT_METRICS_REGION_SCALE) so that both halves outgrow them on a file small enough for a test.
 */
const dir = mkdtempSync(join(tmpdir(), 'sm-regions-'));
const SCALE = 0.05;
const PARALLEL = { SUPPORT_METRICS_PARALLEL_MIN_BYTES: '1', SUPPORT_METRICS_REGION_SCALE: String(SCALE) };
const SEQUENTIAL = { SUPPORT_METRICS_PARALLEL_MIN_BYTES: '1000000000000' };
const HEADER = 'id,created_at,first_response_at,resolved_at,channel,agent,subject';
const ROWS = 60_000;

/**
 * Short records, except two blocks of 3 KB subjects: around the middle of the first half (where its region's size is
 * sampled) and right after the middle of the file (where the second half's is). BOM, CRLF, a few multi-line subjects,
 * repeated numeric and text ids, unreadable and out-of-order timestamps.
 */
function skewedFile(path: string): void {
  const random = rng(7);
  const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  const lines: string[] = [];
  for (let i = 1; i <= ROWS; i++) {
    let id = random() < 0.05 ? String(1 + Math.floor(random() * ROWS)) : String(i);
    if (random() < 0.1) id = `T-${1 + Math.floor(random() * (ROWS / 10))}`;
    const created = 1_793_610_000 + i * 60;
    const responded = created + Math.floor(random() * 7200);
    const resolved = responded + Math.floor(random() * 72_000);
    let response = random() < 0.2 ? '' : iso(responded);
    if (random() < 0.01) response = 'garbage';
    else if (random() < 0.01) response = iso(created - 100);
    const long = (i > ROWS * 0.2 && i < ROWS * 0.2 + 400) || (i > ROWS * 0.5 - 5 && i < ROWS * 0.5 + 400);
    const subject = long ? 'y'.repeat(3000) : random() < 0.1 ? 'multi\r\nline' : 'p';
    lines.push(`${id},${iso(created)},${response},${iso(resolved)},${['email', 'chat', 'phone'][i % 3]},A${i % 7},"${subject}"`);
  }
  writeFileSync(path, `\ufeff${HEADER}\r\n${lines.join('\r\n')}\r\n`);
}

/** Data records before byte `at` (the header and the BOM aside), counted as the tokenizer would: by record ends. */
function recordsBefore(path: string, at: number): number {
  const text = readFileSync(path).subarray(0, at).toString('utf8');
  // Every record ends with CRLF; a multi-line subject holds a CRLF inside quotes, so count the quoted ones out.
  return text.split('\r\n').length - 1 - (text.match(/"multi\r\nline"/g)?.length ?? 0) - 1;
}

describe('parallel read whose halves outgrow the regions sized for them', () => {
  const file = join(dir, 'skewed.csv');
  skewedFile(file);

  it('is a file whose sampled record sizes really leave both halves short of room (the case under test)', async () => {
    const size = statSync(file).size;
    const layout = { path: file, delimiter: ',' };
    const split = (await findRecordBoundary(layout, 3 + Math.floor((size - 3) / 2), 7))!;
    const first = (await bytesPerRecord(file, ',', split - Math.floor((split - 3) * 0.9), split))!;
    const { firstCapacity, secondCapacity } = sharedRegions((split - 3) / first, (size - split) / (await bytesPerRecord(file, ',', split, size))!, SCALE);
    const firstRecords = recordsBefore(file, split);
    expect(firstCapacity).toBeLessThan(firstRecords);
    expect(secondCapacity).toBeLessThan(ROWS - firstRecords);
  });

  for (const extra of [[], ['--since', '2026-11-20', '--until', '2026-12-15']]) {
    it(`gives the one-pass report byte for byte ${extra.length === 0 ? 'on the whole file' : 'in a window'}`, () => {
      const run = (env: Record<string, string>, name: string) => {
        const rejects = join(dir, `${name}-${extra.length}.csv`);
        const result = runBin(['report', file, ...extra, '--format', 'json', '--rejects', rejects], env);
        return { ...result, rejects: readFileSync(rejects, 'utf8') };
      };
      const parallel = run(PARALLEL, 'parallel');
      const sequential = run(SEQUENTIAL, 'sequential');
      expect(parallel.code, parallel.stderr).toBe(0);
      expect(parallel.stdout).toBe(sequential.stdout);
      expect(parallel.rejects).toBe(sequential.rejects);
      const report = JSON.parse(parallel.stdout);
      expect(report.inputs[0].rows).toBe(ROWS);
      expect(report.inputs[0].accepted + report.inputs[0].rejected).toBe(ROWS);
    });
  }

  it('keeps every column row for row the same as one pass', () => {
    const run = (env: Record<string, string>) => dumpColumns(file, dir, env);
    const parallel = run(PARALLEL);
    const sequential = run(SEQUENTIAL);
    expect(parallel.status, parallel.stderr).toBe(0);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(JSON.parse(parallel.stdout).rows).toBeGreaterThan(ROWS * 0.8);
  });
});
