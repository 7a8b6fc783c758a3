import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesPerRecord, joinHalves, sharedRegions } from '../../src/datasets/shared-output.js';

describe('joinHalves: the two halves of a parallel read meet in their shared buffer', () => {
  it('moves the second half down to follow the first, recognising it on the buffer object the worker sent back', () => {
    const buffer = new SharedArrayBuffer(10 * 8);
    const first = new Float64Array(buffer, 0, 3);
    first.set([1, 2, 3]);
    // What a worker posts back: a new SharedArrayBuffer object over the same memory (structuredClone does the same).
    const echoed = structuredClone(buffer);
    expect(echoed).not.toBe(buffer);
    const second = new Float64Array(echoed, 6 * 8, 2);
    second.set([4, 5]);
    const whole = joinHalves(first, second, 6)!;
    expect(Array.from(whole)).toEqual([1, 2, 3, 4, 5]);
    expect(whole.buffer).toBe(buffer); // no copy: the first half's own memory
  });

  it('gives up (null: concatenate instead) when a half left its region for private arrays', () => {
    const buffer = new SharedArrayBuffer(10 * 4);
    const first = new Uint32Array(buffer, 0, 3);
    expect(joinHalves<Uint32Array>(first, new Uint32Array(2), 6)).toBeNull(); // the second half outgrew its region
    expect(joinHalves<Uint32Array>(new Uint32Array(3), new Uint32Array(buffer, 24, 2), 6)).toBeNull(); // the first did
    expect(joinHalves(first, new Uint32Array(buffer, 20, 2), 6)).toBeNull(); // not where its region starts
  });

  it('reserves the first half a small margin (its gap is written over) and the second a generous one', () => {
    // 1,000,000 × 1.1 + 4096 = 1,104,096; 900,000 × 2 + 4096 = 1,804,096
    expect(sharedRegions(1_000_000, 900_000, 1)).toEqual({ firstCapacity: 1_104_096, secondCapacity: 1_804_096 });
  });

  it('estimates bytes per record by the bytes, so a stretch of long records counts as much as it weighs', async () => {
    // 20,000 records of 10 bytes, then 2,000 of 100: 400,000 bytes for 22,000 records = 18.18… bytes per record.
    const file = join(mkdtempSync(join(tmpdir(), 'sm-bpr-')), 'skewed.csv');
    writeFileSync(file, '12345,abc\n'.repeat(20_000) + `12345,${'x'.repeat(93)}\n`.repeat(2_000));
    const estimate = (await bytesPerRecord(file, ',', 0, 400_000))!;
    expect(estimate).toBeGreaterThan(18.18 * 0.9);
    expect(estimate).toBeLessThan(18.18 * 1.1);
  });
});
