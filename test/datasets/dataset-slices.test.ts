import { describe, expect, it } from 'vitest';
import { datasetRows, type Dataset } from '../../src/datasets/dataset.js';
import { datasetSlices } from '../../src/datasets/dataset-slices.js';
import { slicing } from '../../src/stats/slicing.js';

/** Six tickets: a number, a duration with its source, a text column; rows 2 and 5 in no slice. */
function tickets(): Dataset {
  return {
    kind: 'tickets',
    rows: 6,
    numbers: { created_at: Float64Array.of(10, 20, 30, 40, 50, 60) },
    elapsed: { first_response: { seconds: Float64Array.of(1, Number.NaN, 3, 4, 5, 6), source: Uint8Array.of(1, 0, 1, 2, 1, 2) } },
    texts: { agent: { codes: Uint16Array.of(1, 2, 1, 0, 2, 1), values: ['', 'Max', 'Lea'] } },
    mapped: { created_at: 'Created at' },
    unmapped: [],
    lineOfRow: Uint32Array.of(2, 3, 4, 5, 6, 7),
    inputOfRow: Uint32Array.of(0, 0, 0, 0, 0, 0),
  };
}

describe('datasetSlices: each slice a data set of its rows, columns scattered once into slice order', () => {
  it('gives each slice exactly what datasetRows gives for its rows, in row order', () => {
    const d = tickets();
    const slots = Int32Array.of(1, 0, -1, 1, 0, -1);
    const [first, second] = datasetSlices(d, slicing(slots, 2));
    for (const [slice, rows] of [
      [first!, Uint32Array.of(1, 4)],
      [second!, Uint32Array.of(0, 3)],
    ] as const) {
      const alone = datasetRows(d, rows);
      expect(slice.rows).toBe(rows.length);
      expect(Array.from(slice.numbers.created_at!)).toEqual(Array.from(alone.numbers.created_at!));
      expect(Array.from(slice.elapsed.first_response!.seconds)).toEqual(Array.from(alone.elapsed.first_response!.seconds));
      expect(Array.from(slice.elapsed.first_response!.source)).toEqual(Array.from(alone.elapsed.first_response!.source));
      expect(Array.from(slice.texts.agent!.codes)).toEqual(Array.from(alone.texts.agent!.codes));
      expect(Array.from(slice.lineOfRow)).toEqual(Array.from(alone.lineOfRow));
    }
    // Slice 0 is rows 1 and 4: created 20 and 50, no first response then 5 s, agents Lea and Lea.
    expect(Array.from(first!.numbers.created_at!)).toEqual([20, 50]);
    expect(first!.texts.agent!.values[first!.texts.agent!.codes[1]!]).toBe('Lea');
  });

  it('scatters a column only when some slice reads it, and once for all slices', () => {
    const d = tickets();
    let reads = 0;
    const counted = { ...d, numbers: {} as Record<string, Float64Array> };
    Object.defineProperty(counted.numbers, 'created_at', { enumerable: true, get: () => (reads++, d.numbers.created_at!) });
    const slices = datasetSlices(counted, slicing(Int32Array.of(0, 1, 0, 1, 0, 1), 2));
    expect(reads).toBe(0);
    expect(Array.from(slices[1]!.numbers.created_at!)).toEqual([20, 40, 60]);
    expect(Array.from(slices[0]!.numbers.created_at!)).toEqual([10, 30, 50]);
    // One scatter: both slices are stretches of one array in slice order.
    expect(slices[0]!.numbers.created_at!.buffer).toBe(slices[1]!.numbers.created_at!.buffer);
    expect(reads).toBeGreaterThan(0);
  });
});
