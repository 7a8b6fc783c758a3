import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_BYTES, wouldReadInHalves } from '../../src/datasets/early-worker.js';

const dir = mkdtempSync(join(tmpdir(), 'sm-early-'));
/** A sparse file of `size` bytes starting with `start`: large without writing it. */
function file(name: string, size: number, start: string | Buffer = 'Id,Created at\n'): string {
  const path = join(dir, name);
  writeFileSync(path, start);
  truncateSync(path, size);
  return path;
}

describe('wouldReadInHalves: the bin starts the helper thread early only for a run that will likely use it', () => {
  const large = file('large.csv', PARALLEL_MIN_BYTES);
  const small = file('small.csv', PARALLEL_MIN_BYTES - 1);

  it('report or validate naming a large file, as an argument or an option value', () => {
    expect(wouldReadInHalves(['report', large])).toBe(true);
    expect(wouldReadInHalves(['report', '--format', 'json', small, large])).toBe(true);
    expect(wouldReadInHalves(['validate', '--tickets', large])).toBe(true);
    expect(wouldReadInHalves(['report', `--tickets=${large}`])).toBe(true);
  });

  it('not for smaller files, other commands, help, stdin or files that are not there', () => {
    expect(wouldReadInHalves(['report', small])).toBe(false);
    expect(wouldReadInHalves(['metrics', large])).toBe(false);
    expect(wouldReadInHalves(['report', '--help', large])).toBe(false);
    expect(wouldReadInHalves(['report', '-'])).toBe(false);
    expect(wouldReadInHalves(['report', join(dir, 'missing.csv'), '--since', '2026-11-01'])).toBe(false);
    expect(wouldReadInHalves([])).toBe(false);
  });

  it('not for gzip or zip (xlsx) files, which are read in one pass', () => {
    expect(wouldReadInHalves(['report', file('large.csv.gz', PARALLEL_MIN_BYTES, Buffer.from([0x1f, 0x8b, 0x08]))])).toBe(false);
    expect(wouldReadInHalves(['report', file('large.xlsx', PARALLEL_MIN_BYTES, 'PK\x03\x04')])).toBe(false);
  });
});
