import type { z } from 'zod';

/**
 * A cross-field rule of a kind: `field`, when filled, is not before `notBefore` (when filled) — a response before the
 * ticket was created, a subscription that ends before it starts. Declared as data, not as a hand-written refinement,
 * so that the zod schema (orderRefinement) and the per-row check compiled from it (row-check.ts) are the same rule.
 */
export interface OrderRule {
  field: string;
  notBefore: string;
  /** The zod issue's message, which is also the rejection's reason. */
  message: string;
}

/** The zod refinement for a kind's order rules: an issue on the later field. Fields absent from the row (not read) are skipped. */
export function orderRefinement(rules: readonly OrderRule[]): (row: Record<string, unknown>, ctx: z.RefinementCtx) => void {
  return (row, ctx) => {
    for (const rule of rules) {
      const later = row[rule.field];
      const earlier = row[rule.notBefore];
      if (typeof later === 'number' && typeof earlier === 'number' && later < earlier) ctx.addIssue({ code: 'custom', path: [rule.field], message: rule.message });
    }
  };
}
