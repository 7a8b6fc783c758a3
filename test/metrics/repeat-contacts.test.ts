import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_CUSTOMER, REPEAT, repeatContactRate, repeatContactRateOfSlices, repeatFlags } from '../../src/metrics/repeat-contacts.js';
import { reopenRate, reopenRateOfSlices } from '../../src/metrics/reopen-rate.js';
import { slicing } from '../../src/stats/slicing.js';

const at = (iso: string) => Date.parse(`${iso}Z`);

describe('repeat contacts (SPEC §5 worked example)', () => {
  // Customers: 1 = A, 2 = B, 0 = none; categories: 1 = billing, 2 = login, 0 = none. Rows out of time order on purpose.
  const customer = [1, 1, 1, 1, 2, 2, 0];
  const category = [1, 1, 1, 2, 0, 0, 0];
  const created = [at('2026-01-20T10:00:00'), at('2026-01-01T10:00:00'), at('2026-01-05T09:00:00'), at('2026-01-06T10:00:00'), at('2026-01-02T10:00:00'), at('2026-01-09T10:00:00'), at('2026-01-03T10:00:00')];

  it('A/billing Jan 5 (4 days after Jan 1) and B Jan 9 (exactly 7 days after Jan 2) repeat: 2 of 6 → 0.3333', () => {
    const flags = repeatFlags(customer, category, created, 7);
    // Jan 20 is 15 days after Jan 5 (no); A/login Jan 6 is the first of its category (no); the customerless ticket is left out
    expect(Array.from(flags)).toEqual([0, 0, REPEAT, 0, 0, REPEAT, NO_CUSTOMER]);
    const result = repeatContactRate(flags, customer, 7);
    expect(result.value).toBeCloseTo(2 / 6, 12);
    expect(result.details).toEqual({ repeatTickets: 2, tickets: 6, customersWithRepeats: 2, customers: 2, windowDays: 7, withoutCustomer: 1 });
  });

  it('without a category column the same customer counts across categories; a shorter window repeats less', () => {
    // A: Jan 1, 5 (4 d), 6 (1 d), 20 (14 d); B: Jan 2, 9 (7 d)
    expect(Array.from(repeatFlags(customer, null, created, 7)).filter((f) => f === REPEAT)).toHaveLength(3);
    expect(Array.from(repeatFlags(customer, null, created, 3)).filter((f) => f === REPEAT)).toHaveLength(1);
  });

  it('an earlier ticket outside the window still makes the later one a repeat (flags over all rows, counted in the window)', () => {
    const flags = repeatFlags(customer, category, created, 7);
    // A window of Jan 4 – Jan 10: rows 2 (Jan 5, repeat of Jan 1), 3 (Jan 6), 5 (Jan 9, repeat of Jan 2)
    const inWindow = [2, 3, 5];
    const result = repeatContactRate(inWindow.map((r) => flags[r]!), inWindow.map((r) => customer[r]!), 7);
    expect(result.details).toMatchObject({ repeatTickets: 2, tickets: 3 });
  });
});

describe('repeat contacts and reopens of every slice at once', () => {
  it('each slice counts as repeatContactRate and reopenRate count its rows alone', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -1, max: 3 }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), fc.integer({ min: 0, max: 2 })), { maxLength: 200 }), (rows) => {
        // Per row: flag, customer code (0 = none, flagged NO_CUSTOMER as repeatFlags does), slice, resolution (null = unresolved), reopens.
        const customer = rows.map((r) => r[1]);
        const flags = rows.map((r) => (r[1] === 0 ? NO_CUSTOMER : r[0] === NO_CUSTOMER ? REPEAT : r[0]));
        const slots = Int32Array.from(rows, (r) => r[2]);
        const resolution = Float64Array.from(rows, (r) => r[3] ?? Number.NaN);
        const reopens = Float64Array.from(rows, (r) => r[4]);
        const repeats = repeatContactRateOfSlices(flags, customer, 7, slicing(slots, 4))!;
        const reopened = reopenRateOfSlices({ resolutionSeconds: resolution, reopens }, slicing(slots, 4));
        for (let k = 0; k < 4; k++) {
          const mine = rows.map((_, i) => i).filter((i) => slots[i] === k);
          expect(repeats[k]).toEqual(repeatContactRate(mine.map((i) => flags[i]!), mine.map((i) => customer[i]!), 7));
          expect(reopened[k]).toEqual(reopenRate({ resolutionSeconds: Float64Array.from(mine, (i) => resolution[i]!), reopens: Float64Array.from(mine, (i) => reopens[i]!) }));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('repeatFlags against the definition, row by row', () => {
  it('a ticket repeats when an earlier ticket of its customer (and category) lies at most the window before; ties by row order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 40 })), { maxLength: 120 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10 }),
        (rows, withCategory, windowDays) => {
          // Times in half days (whole seconds: equal times are ties, broken by row order).
          const customer = rows.map((r) => r[0]);
          const category = withCategory ? rows.map((r) => r[1]) : null;
          const created = rows.map((r) => Date.UTC(2026, 0, 1) + r[2] * 43_200_000);
          const flags = repeatFlags(customer, category, created, windowDays);
          rows.forEach((_, i) => {
            if (customer[i] === 0) return expect(flags[i]).toBe(NO_CUSTOMER);
            const earlier = rows.some((__, j) => j !== i && customer[j] === customer[i] && (category === null || category[j] === category[i]) && (created[j]! < created[i]! || (created[j] === created[i] && j < i)) && created[i]! - created[j]! <= windowDays * 86_400_000);
            expect(flags[i]).toBe(earlier ? REPEAT : 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
