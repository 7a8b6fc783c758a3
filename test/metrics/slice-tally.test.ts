import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyDurationSlices, tallyDurationSlicings } from '../../src/metrics/stats/slice-tally.js';
import { tallyDurations } from '../../src/metrics/stats/summary.js';
import { ticketVolume, ticketVolumeOfSlices, ticketVolumeOfSlicings } from '../../src/metrics/ticket-volume.js';
import { reopenRateOfSlices, reopenRateOfSlicings } from '../../src/metrics/reopen-rate.js';
import type { Threshold } from '../../src/metrics/threshold.js';
import { slicing } from '../../src/stats/slicing.js';

/** The rows of slice k, as the per-slice path would copy them. */
function rowsOf<T extends Float64Array | Uint8Array>(values: T, slots: Int32Array, k: number): T {
  const rows = [...slots.keys()].filter((row) => slots[row] === k);
  return (values instanceof Float64Array ? Float64Array.from(rows, (r) => values[r]!) : Uint8Array.from(rows, (r) => values[r]!)) as T;
}

// Durations as exports have them: whole minutes in seconds, fractions from timestamps, many zeros, none (NaN), and
// now and then a negative (a reply logged before the ticket) — the buckets then span both signs.
const duration = fc.oneof(
  fc.integer({ min: 0, max: 20_000 }).map((m) => m * 60),
  fc.double({ min: 0, max: 1e7, noNaN: true }),
  fc.constant(0),
  fc.constant(Number.NaN),
  fc.integer({ min: -600, max: -1 }),
);
const comparator = fc.constantFrom<Threshold['comparator']>('<', '<=', '>', '>=');

describe('tallyDurationSlices: every slice of a column in two passes', () => {
  it('gives each slice exactly what tallyDurations gives for its rows alone (count, mean, median, p90, min, max, passing, tags)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(duration, fc.integer({ min: -1, max: 6 }), fc.integer({ min: 0, max: 2 })), { maxLength: 300 }),
        fc.array(fc.option(fc.tuple(comparator, fc.oneof(fc.constantFrom(900, 0, 3600), fc.double({ min: -10, max: 1e7, noNaN: true }))), { nil: null }), { minLength: 7, maxLength: 7 }),
        (rows, limits) => {
          const values = Float64Array.from(rows, (r) => r[0]);
          const slots = Int32Array.from(rows, (r) => r[1]);
          const tags = Uint8Array.from(rows, (r) => r[2]);
          // A threshold equal to a value present checks the bucket the threshold falls in, value by value.
          const thresholds = limits.map((l, k) => (l === null ? null : { comparator: l[0], value: k === 0 && rows.length > 0 && !Number.isNaN(values[0]!) ? values[0]! : l[1] }));
          const sliced = tallyDurationSlices(values, tags, slicing(slots, 7), thresholds);
          for (let k = 0; k < 7; k++) {
            const alone = tallyDurations(rowsOf(values, slots, k), thresholds[k]!, rowsOf(tags, slots, k));
            expect(sliced[k]).toEqual(alone);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tallies more slices than one batch of counters holds (130 daily periods) the same way', () => {
    const n = 5000;
    const values = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? Number.NaN : ((i * 7919) % 5000) * 60));
    const slots = Int32Array.from({ length: n }, (_, i) => (i * 31) % 131);
    const target: Threshold = { comparator: '<', value: 15 * 60 };
    const sliced = tallyDurationSlices(values, null, slicing(slots, 131), Array(131).fill(target));
    for (const k of [0, 1, 127, 128, 130]) expect(sliced[k]).toEqual(tallyDurations(rowsOf(values, slots, k), target, null));
  });
});

describe('tallyDurationSlicings: several slicings of a column in the same passes', () => {
  it('gives each slicing exactly what tallyDurationSlices gives for it alone (one, two or three slicings, over batches)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(duration, fc.integer({ min: 0, max: 2 })), { maxLength: 300 }),
        // Slices per slicing: 3 fits a batch with the others; 130 spills a batch boundary (128) into the next.
        fc.array(fc.constantFrom(1, 3, 5, 130), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.option(fc.tuple(comparator, fc.constantFrom(900, 0, 3600)), { nil: null }),
        (rows, sizes, seed, limit) => {
          const values = Float64Array.from(rows, (r) => r[0]);
          const tags = Uint8Array.from(rows, (r) => r[1]);
          const cuts = sizes.map((slices, i) => slicing(Int32Array.from(rows, (_, row) => ((row * (i + 7) + seed) % (slices + 1)) - 1), slices));
          const thresholds = sizes.map((slices) => Array.from({ length: slices }, (_, k) => (limit === null || k % 2 === 1 ? null : { comparator: limit[0], value: limit[1] })));
          const together = tallyDurationSlicings(values, tags, cuts, thresholds);
          cuts.forEach((cut, i) => expect(together[i]).toEqual(tallyDurationSlices(values, tags, cut, thresholds[i]!)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ticketVolumeOfSlices', () => {
  it('counts each slice as ticketVolume counts its rows', () => {
    // Rows: slice of each, first response (NaN = unanswered), resolution (NaN = unresolved).
    const slots = Int32Array.of(0, 1, 0, -1, 1, 1);
    const firstResponse = Float64Array.of(60, Number.NaN, 120, 30, 0, Number.NaN);
    const resolution = Float64Array.of(3600, 7200, Number.NaN, 10, Number.NaN, Number.NaN);
    const [first, second] = ticketVolumeOfSlices({ firstResponseSeconds: firstResponse, resolutionSeconds: resolution }, slicing(slots, 2));
    // Slice 0: rows 0, 2 — both answered, one resolved. Slice 1: rows 1, 4, 5 — one answered (row 4's 0 s), one resolved.
    expect(first).toEqual({ value: 2, details: { resolved: 1, unresolved: 1, unanswered: 0 } });
    expect(second).toEqual({ value: 3, details: { resolved: 1, unresolved: 2, unanswered: 2 } });
    expect(second).toEqual(ticketVolume({ firstResponseSeconds: Float64Array.of(Number.NaN, 0, Number.NaN), resolutionSeconds: Float64Array.of(7200, Number.NaN, Number.NaN) }));
  });
});

describe('ticketVolumeOfSlicings, reopenRateOfSlicings: several slicings counted in the same passes', () => {
  it('gives each slicing what it gets alone (one, two or three slicings)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(duration, duration, fc.constantFrom(0, 1, 2, Number.NaN)), { maxLength: 200 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        (rows, sizes, seed) => {
          const tickets = { firstResponseSeconds: Float64Array.from(rows, (r) => r[0]), resolutionSeconds: Float64Array.from(rows, (r) => r[1]), reopens: Float64Array.from(rows, (r) => r[2]) };
          const cuts = sizes.map((slices, i) => slicing(Int32Array.from(rows, (_, row) => ((row * (i + 3) + seed) % (slices + 1)) - 1), slices));
          const volumes = ticketVolumeOfSlicings(tickets, cuts);
          const reopens = reopenRateOfSlicings(tickets, cuts);
          cuts.forEach((cut, i) => {
            expect(volumes[i]).toEqual(ticketVolumeOfSlices(tickets, cut));
            expect(reopens[i]).toEqual(reopenRateOfSlices(tickets, cut));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
