/** What CAC is computed from, in the window: spend by type and the customers acquired. */
export interface CacInputs {
  marketingSpend: number;
  salesSpend: number;
  newCustomers: number;
  currency: string | null;
}

export interface CacResult {
  value: number | null;
  details: { marketingSpend: number; salesSpend: number; newCustomers: number; currency: string | null; reason?: string };
}

/** Fully-loaded blended CAC (SPEC §5, seed 000): (marketing + sales spend) / customers acquired. */
export function cac(inputs: CacInputs): CacResult {
  const details = { ...inputs };
  if (inputs.newCustomers === 0) return { value: null, details: { ...details, reason: 'no customer acquired in the window' } };
  return { value: (inputs.marketingSpend + inputs.salesSpend) / inputs.newCustomers, details };
}
