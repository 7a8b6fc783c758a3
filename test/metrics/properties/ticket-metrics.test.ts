import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { art, artOfSlices } from '../../../src/metrics/art.js';
import { frt, frtOfSlices } from '../../../src/metrics/frt.js';
import { reopenRate, reopenRateOfSlices } from '../../../src/metrics/reopen-rate.js';
import { repeatContactRate, repeatContactRateOfSlices, repeatFlags } from '../../../src/metrics/repeat-contacts.js';
import type { Threshold } from '../../../src/metrics/threshold.js';
import { ticketVolume, ticketVolumeOfSlices } from '../../../src/metrics/ticket-volume.js';
import { slicing } from '../../../src/stats/slicing.js';
import { ValueSource } from '../../../src/value-source.js';
import { expectClose, withShuffle } from './arbitraries.js';

/**
 * Properties of the ticket metrics as library functions over columns (issue #16): row order changes nothing (means
 * within 1e-9 relative), rates stay in [0, 1], quantiles between min and max, counts add up, and each slice's counts
 * (groups, periods) add up to the whole.
 */

const SLICES = 4;
// A ticket as the columns hold it: durations in seconds (NaN = none; whole minutes, fractions, zeros, a reply logged
// before the ticket now and then), where each came from, its reopen count (NaN = empty cell) and its slice.
const seconds = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 5000 }).map((m) => m * 60) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(Number.NaN) },
  { weight: 1, arbitrary: fc.integer({ min: -600, max: 0 }) },
);
const ticket = fc.record({
  firstResponse: seconds,
  resolution: seconds,
  source: fc.constantFrom(ValueSource.exportColumn, ValueSource.timestamps),
  reopens: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(Number.NaN)),
  slot: fc.integer({ min: -1, max: SLICES - 1 }),
  customer: fc.integer({ min: 0, max: 5 }),
  category: fc.integer({ min: 0, max: 2 }),
  // Minutes over ten days: many tickets of one customer within and beyond 7 days, and ties at the same second.
  createdMinute: fc.integer({ min: 0, max: 14_400 }),
});
type Ticket = typeof ticket extends fc.Arbitrary<infer T> ? T : never;
const target = fc.option(fc.record({ comparator: fc.constantFrom<Threshold['comparator']>('<', '<=', '>', '>='), value: fc.constantFrom(0, 900, 3600, 14_400) }), { nil: null });

function columns(rows: readonly Ticket[]) {
  const sourceOf = (v: number, s: number) => (Number.isNaN(v) ? ValueSource.none : s);
  return {
    firstResponseSeconds: Float64Array.from(rows, (r) => r.firstResponse),
    firstResponseSource: Uint8Array.from(rows, (r) => sourceOf(r.firstResponse, r.source)),
    resolutionSeconds: Float64Array.from(rows, (r) => r.resolution),
    resolutionSource: Uint8Array.from(rows, (r) => sourceOf(r.resolution, r.source)),
    reopens: Float64Array.from(rows, (r) => r.reopens),
  };
}

function expectDurationSummarySane(d: { count: number; mean: number | null; median: number | null; p90: number | null; min: number | null; max: number | null; withinTarget: number | null }): void {
  if (d.count === 0) {
    expect([d.mean, d.median, d.p90, d.min, d.max]).toEqual([null, null, null, null, null]);
    return;
  }
  // Statistics are rounded to 1e-9 s (summary.ts roundNano): within that of the bounds.
  const slack = 1e-9 * Math.max(1, Math.abs(d.min!), Math.abs(d.max!));
  for (const q of [d.median!, d.p90!, d.mean!]) {
    expect(q).toBeGreaterThanOrEqual(d.min! - slack);
    expect(q).toBeLessThanOrEqual(d.max! + slack);
  }
  expect(d.p90!).toBeGreaterThanOrEqual(d.median! - slack);
  if (d.withinTarget !== null) {
    expect(d.withinTarget).toBeGreaterThanOrEqual(0);
    expect(d.withinTarget).toBeLessThanOrEqual(1);
  }
}

describe('ticket volume (properties)', () => {
  it('is the same in any row order, and resolved + unresolved = tickets, unanswered ≤ tickets', () => {
    fc.assert(
      fc.property(withShuffle(ticket, { maxLength: 60 }), ({ rows, shuffled }) => {
        const result = ticketVolume(columns(rows));
        expect(ticketVolume(columns(shuffled))).toEqual(result);
        expect(result.value).toBe(rows.length);
        expect(result.details.resolved + result.details.unresolved).toBe(rows.length);
        expect(result.details.unanswered).toBeLessThanOrEqual(rows.length);
      }),
      { numRuns: 200 },
    );
  });

  it("adds up over slices: each slice's tickets, resolved and unanswered sum to those of the rows in some slice", () => {
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 60 }), (rows) => {
        const parts = ticketVolumeOfSlices(columns(rows), slicing(Int32Array.from(rows, (r) => r.slot), SLICES));
        const whole = ticketVolume(columns(rows.filter((r) => r.slot >= 0)));
        const sum = (f: (v: (typeof parts)[number]) => number) => parts.reduce((n, v) => n + f(v), 0);
        expect([sum((v) => v.value), sum((v) => v.details.resolved), sum((v) => v.details.unanswered)]).toEqual([whole.value, whole.details.resolved, whole.details.unanswered]);
      }),
      { numRuns: 200 },
    );
  });
});

describe.each([
  { name: 'FRT', metric: (rows: readonly Ticket[], t: Threshold | null) => frt(columns(rows), t), left: 'unanswered' as const, value: (r: Ticket) => r.firstResponse },
  { name: 'ART', metric: (rows: readonly Ticket[], t: Threshold | null) => art(columns(rows), t), left: 'unresolved' as const, value: (r: Ticket) => r.resolution },
])('$name (properties)', ({ metric, left, value }) => {
  it('is the same in any row order (the mean within 1e-9 relative, every other detail exactly)', () => {
    fc.assert(
      fc.property(withShuffle(ticket, { maxLength: 80 }), target, ({ rows, shuffled }, t) => {
        const { details: a, value: va } = metric(rows, t);
        const { details: b, value: vb } = metric(shuffled, t);
        expectClose(vb, va);
        expect({ ...b, mean: null }).toEqual({ ...a, mean: null });
        expectClose(b.mean, a.mean);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps median and p90 between min and max, withinTarget in [0, 1], and counts every ticket once', () => {
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 80 }), target, (rows, t) => {
        const result = metric(rows, t) as { value: number | null; details: Parameters<typeof expectDurationSummarySane>[0] & Record<typeof left, number> & { sources: { exportColumn: number; timestamps: number } } };
        const d = result.details;
        expectDurationSummarySane(d);
        expect(result.value).toBe(d.mean);
        expect(d.count + d[left]).toBe(rows.length);
        expect(d.count).toBe(rows.filter((r) => !Number.isNaN(value(r))).length);
        expect(d.sources.exportColumn + d.sources.timestamps).toBe(d.count);
        if (t === null) expect(d.withinTarget).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('FRT and ART of slices (properties)', () => {
  it("add up: the slices' counts and unanswered/unresolved sum to the whole of the sliced rows, and each slice is sane", () => {
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 80 }), target, (rows, t) => {
        const cut = slicing(Int32Array.from(rows, (r) => r.slot), SLICES);
        const targets = Array<Threshold | null>(SLICES).fill(t);
        const inSlices = rows.filter((r) => r.slot >= 0);
        const frts = frtOfSlices(columns(rows), cut, targets);
        const arts = artOfSlices(columns(rows), cut, targets);
        const whole = { frt: frt(columns(inSlices), t).details, art: art(columns(inSlices), t).details };
        expect(frts.reduce((n, r) => n + r.details.count, 0)).toBe(whole.frt.count);
        expect(frts.reduce((n, r) => n + r.details.unanswered, 0)).toBe(whole.frt.unanswered);
        expect(arts.reduce((n, r) => n + r.details.count, 0)).toBe(whole.art.count);
        expect(arts.reduce((n, r) => n + r.details.unresolved, 0)).toBe(whole.art.unresolved);
        for (const r of [...frts, ...arts]) expectDurationSummarySane(r.details);
      }),
      { numRuns: 150 },
    );
  });
});

describe('reopen rate (properties)', () => {
  it('is the same in any row order, stays in [0, 1] and is null only without resolved tickets', () => {
    fc.assert(
      fc.property(withShuffle(ticket, { maxLength: 60 }), ({ rows, shuffled }) => {
        const result = reopenRate(columns(rows));
        expect(reopenRate(columns(shuffled))).toEqual(result);
        expect(result.details.reopened).toBeLessThanOrEqual(result.details.resolved);
        if (result.details.resolved === 0) expect(result.value).toBeNull();
        else {
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('adds up over slices: reopened and resolved sum to those of the sliced rows', () => {
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 60 }), (rows) => {
        const parts = reopenRateOfSlices(columns(rows), slicing(Int32Array.from(rows, (r) => r.slot), SLICES));
        const whole = reopenRate(columns(rows.filter((r) => r.slot >= 0)));
        expect(parts.reduce((n, r) => n + r.details.reopened, 0)).toBe(whole.details.reopened);
        expect(parts.reduce((n, r) => n + r.details.resolved, 0)).toBe(whole.details.resolved);
      }),
      { numRuns: 200 },
    );
  });
});

describe('repeat contacts (properties)', () => {
  const MINUTE = 60_000;
  const rate = (rows: readonly Ticket[], withCategory: boolean, windowDays: number) => {
    const customer = Int32Array.from(rows, (r) => r.customer);
    const flags = repeatFlags(customer, withCategory ? Int32Array.from(rows, (r) => r.category) : null, Float64Array.from(rows, (r) => r.createdMinute * MINUTE), windowDays);
    return { flags, customer, result: repeatContactRate(flags, customer, windowDays) };
  };

  it('is the same in any row order (ties at one second too), stays in [0, 1], and a customer’s first ticket is never a repeat', () => {
    fc.assert(
      fc.property(withShuffle(ticket, { maxLength: 60 }), fc.boolean(), fc.integer({ min: 0, max: 10 }), ({ rows, shuffled }, withCategory, windowDays) => {
        const { result } = rate(rows, withCategory, windowDays);
        expect(rate(shuffled, withCategory, windowDays).result).toEqual(result);
        const d = result.details;
        expect(d.tickets + d.withoutCustomer).toBe(rows.length);
        expect(d.customersWithRepeats).toBeLessThanOrEqual(d.customers);
        // Each customer (and category) has one first contact, so at most tickets − customers repeats.
        expect(d.repeatTickets).toBeLessThanOrEqual(d.tickets - d.customers);
        if (d.tickets === 0) expect(result.value).toBeNull();
        else {
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('adds up over slices: repeat tickets, tickets and tickets without a customer sum to those of the sliced rows', () => {
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 60 }), fc.boolean(), (rows, withCategory) => {
        const { flags, customer } = rate(rows, withCategory, 7);
        const slots = Int32Array.from(rows, (r) => r.slot);
        const parts = repeatContactRateOfSlices(flags, customer, 7, slicing(slots, SLICES))!;
        const inSlices = [...slots.keys()].filter((row) => slots[row]! >= 0);
        const whole = repeatContactRate(Uint8Array.from(inSlices, (row) => flags[row]!), Int32Array.from(inSlices, (row) => customer[row]!), 7).details;
        for (const field of ['repeatTickets', 'tickets', 'withoutCustomer'] as const) expect(parts.reduce((n, r) => n + r.details[field], 0)).toBe(whole[field]);
        for (const r of parts) if (r.value !== null) expect(r.value).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
