import { describe, expect, it } from 'vitest';
import { joinHalves, sharedRegions } from '../../src/datasets/shared-output.js';

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
    expect(joinHalves(first, new Uint32Array(2), 6)).toBeNull(); // the second half outgrew its region
    expect(joinHalves(new Uint32Array(3), new Uint32Array(buffer, 24, 2), 6)).toBeNull(); // the first did
    expect(joinHalves(first, new Uint32Array(buffer, 20, 2), 6)).toBeNull(); // not where its region starts
  });

  it('reserves the first half a small margin (its gap is written over) and the second a generous one', () => {
    // 1,000,000 × 1.06 + 4096 = 1,064,096; 900,000 × 2 + 4096 = 1,804,096
    expect(sharedRegions(1_000_000, 900_000)).toEqual({ firstCapacity: 1_064_096, secondCapacity: 1_804_096 });
  });
});
