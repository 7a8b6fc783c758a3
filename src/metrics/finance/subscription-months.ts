/**
 * Subscriptions as columns (SPEC §5): per row its customer (a code), start and end (epoch ms; NaN = still running)
 * and monthly recurring revenue (yearly plans already ÷ 12; NaN = unknown, counted as 0 revenue).
 */
export interface SubscriptionColumns {
  customer: ArrayLike<number>;
  startedAt: ArrayLike<number>;
  endedAt: ArrayLike<number>;
  mrr: ArrayLike<number>;
}

/** One calendar month [start, next start): customers active at its start, their MRR, and how many left by the next. */
export interface SubscriptionMonth {
  start: number;
  active: number;
  mrr: number;
  churned: number;
}

/**
 * The months between consecutive `boundaries` (month starts b0 < b1 < … < bn; n months). A customer is active at an
 * instant t when one of its subscriptions has started_at ≤ t and (no end or t < ended_at); its MRR at t is the sum
 * over those. churned(M) = active at the start of M and not at the start of M + 1 — so a customer only churns when
 * all its subscriptions have ended, and one that starts and ends within a month is never counted (as ChartMogul).
 */
export function subscriptionMonths(subs: SubscriptionColumns, boundaries: readonly number[]): SubscriptionMonth[] {
  const at = boundaries.map((t) => activeCustomersAt(subs, t));
  return boundaries.slice(0, -1).map((start, i) => {
    let churned = 0;
    for (const customer of at[i]!.customers) if (!at[i + 1]!.customers.has(customer)) churned++;
    return { start, active: at[i]!.customers.size, mrr: at[i]!.mrr, churned };
  });
}

/** The customers active at instant t and their MRR. */
export function activeCustomersAt(subs: SubscriptionColumns, t: number): { customers: Set<number>; mrr: number } {
  const customers = new Set<number>();
  let mrr = 0;
  for (let row = 0; row < subs.customer.length; row++) {
    const end = subs.endedAt[row]!;
    if (subs.startedAt[row]! <= t && (Number.isNaN(end) || t < end)) {
      customers.add(subs.customer[row]!);
      const revenue = subs.mrr[row]!;
      if (!Number.isNaN(revenue)) mrr += revenue;
    }
  }
  return { customers, mrr };
}

/** Customers whose first subscription (over all rows) starts in [since, until). */
export function customersAcquired(subs: SubscriptionColumns, since: number, until: number): number {
  const first = new Map<number, number>();
  for (let row = 0; row < subs.customer.length; row++) {
    const customer = subs.customer[row]!;
    const start = subs.startedAt[row]!;
    const known = first.get(customer);
    if (known === undefined || start < known) first.set(customer, start);
  }
  let acquired = 0;
  for (const start of first.values()) if (start >= since && start < until) acquired++;
  return acquired;
}
