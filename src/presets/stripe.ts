import type { Preset } from './preset.js';

/**
 * Stripe's subscriptions export (Billing → Subscriptions → Export; SPEC §2): one row per subscription, amounts in major
 * units, lower-case currency codes, times in UTC (the header says so). `Ended At (UTC)` ends a subscription, never
 * `Canceled At (UTC)` (a cancelled subscription runs to the end of its period). Rows that never paid — trialing,
 * incomplete, incomplete_expired — are skipped and counted: no revenue, no customer acquired. `past_due` and `unpaid`
 * subscriptions are still active until Stripe ends them (`Ended At`). Excel re-saves write `12/25/25 20:18`.
 */
export const stripe: Preset = {
  name: 'stripe',
  kind: 'subscriptions',
  description: 'Stripe subscriptions CSV export (also re-saved by Excel)',
  columns: [
    ['Customer ID', 'customer_id'],
    ['Customer', 'customer_id'],
    ['Start (UTC)', 'started_at'],
    ['Start Date (UTC)', 'started_at'],
    ['Ended At (UTC)', 'ended_at'],
    ['Amount', 'amount'],
    ['Quantity', 'quantity'],
    ['Interval', 'interval'],
    ['Currency', 'currency'],
    ['Status', 'status'],
    ['Plan', 'plan'],
  ],
  evidence: ['Customer ID', 'Start (UTC)', 'Start Date (UTC)', 'Ended At (UTC)', 'Canceled At (UTC)', 'Current Period End (UTC)', 'Current Period Start (UTC)', 'Cancel At Period End', 'Trial End (UTC)'],
  // Columns the generic aliases would otherwise take for a start or an end.
  ignoreColumns: ['Canceled At (UTC)', 'Created (UTC)', 'Current Period Start (UTC)', 'Current Period End (UTC)', 'Trial Start (UTC)', 'Trial End (UTC)', 'id'],
  skipRows: [{ header: 'Status', values: ['trialing', 'incomplete', 'incomplete_expired'], reason: 'never paid (trialing or incomplete)' }],
};
