/**
 * Lifetime value and what follows from it (SPEC §5, seed 000): LTV = (ARPA − s) · L, with ARPA the average revenue
 * per customer per month, s the service cost per customer-month and L = 1 / churn the average lifetime in months;
 * LTV:CAC; CAC payback = CAC / (ARPA − s). A value that cannot be computed is null with its reason, never 0 or ∞.
 */
export interface LtvInputs {
  /** Σ revenue at month starts / Σ customers active at month starts; null when no customer-month. */
  arpa: number | null;
  churnRate: number | null;
  /** Why churn is unknown, when it is (passed on as LTV's reason). */
  churnReason?: string | undefined;
  serviceCostPerCustomerMonth: number;
}

export interface LtvResult {
  value: number | null;
  details: { arpa: number | null; lifetimeMonths: number | null; churnRate: number | null; serviceCostPerCustomerMonth: number; reason?: string };
}

export function ltv(inputs: LtvInputs): LtvResult {
  const { arpa, churnRate, serviceCostPerCustomerMonth: s } = inputs;
  const lifetimeMonths = churnRate === null || churnRate === 0 ? null : 1 / churnRate;
  const details = { arpa, lifetimeMonths, churnRate, serviceCostPerCustomerMonth: s };
  const reason =
    churnRate === null ? `churn is unknown: ${inputs.churnReason ?? 'no churn data'}`
    : arpa === null ? 'no customer was active at the start of a month: no revenue per customer'
    : churnRate === 0 ? 'no churn observed in the window: the lifetime is unknown (not infinite)'
    : arpa - s <= 0 ? `the service cost per customer-month (${round(s)}) is not below ARPA (${round(arpa)}): no margin to live on`
    : null;
  if (reason !== null) return { value: null, details: { ...details, reason } };
  return { value: (arpa! - s) * lifetimeMonths!, details };
}

export interface RatioResult {
  value: number | null;
  details: { reason?: string };
}

/** LTV:CAC. */
export function ltvToCac(ltvValue: number | null, cacValue: number | null, why: { ltv?: string | undefined; cac?: string | undefined }): RatioResult {
  if (ltvValue === null) return { value: null, details: { reason: `LTV is unknown: ${why.ltv ?? 'no data'}` } };
  if (cacValue === null) return { value: null, details: { reason: `CAC is unknown: ${why.cac ?? 'no data'}` } };
  if (cacValue === 0) return { value: null, details: { reason: 'CAC is 0 (no spend): the ratio has no meaning' } };
  return { value: ltvValue / cacValue, details: {} };
}

/** CAC payback in months: CAC / (ARPA − s), the months of margin that pay back one customer's acquisition. */
export function cacPaybackMonths(cacValue: number | null, arpa: number | null, s: number, why: { cac?: string | undefined; arpa?: string | undefined }): RatioResult {
  if (cacValue === null) return { value: null, details: { reason: `CAC is unknown: ${why.cac ?? 'no data'}` } };
  if (arpa === null) return { value: null, details: { reason: why.arpa ?? 'no revenue per customer' } };
  if (arpa - s <= 0) return { value: null, details: { reason: `the service cost per customer-month (${round(s)}) is not below ARPA (${round(arpa)}): never paid back` } };
  return { value: cacValue / (arpa - s), details: {} };
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
