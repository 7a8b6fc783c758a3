import { describe, expect, it } from 'vitest';
import { NO_CUSTOMER, REPEAT, repeatContactRate, repeatFlags } from '../../src/metrics/repeat-contacts.js';

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
