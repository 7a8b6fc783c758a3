/** A month's customers at its start and how many of them had left by the next month's start. */
export interface ChurnMonth {
  active: number;
  churned: number;
}

export interface ChurnResult {
  value: number | null;
  details: { months: number; customerMonths: number; churned: number; reason?: string };
}

/** Monthly customer churn pooled over months (SPEC §5): Σ churned(M) / Σ active(start of M). */
export function churnRate(months: readonly ChurnMonth[]): ChurnResult {
  let customerMonths = 0;
  let churned = 0;
  for (const m of months) {
    customerMonths += m.active;
    churned += m.churned;
  }
  const details = { months: months.length, customerMonths, churned };
  if (months.length === 0) return { value: null, details: { ...details, reason: 'the window holds no full calendar month' } };
  if (customerMonths === 0) return { value: null, details: { ...details, reason: 'no customer was active at the start of a month' } };
  return { value: churned / customerMonths, details };
}
