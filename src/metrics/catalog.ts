/** Every metric the tool computes: what it is, its unit and which way is better (`support-metrics metrics`). */
export interface MetricDefinition {
  id: string;
  label: string;
  unit: 'seconds' | 'count' | 'fraction' | 'score' | 'currency' | 'ratio' | 'months';
  /** Which way is better, for arrows and colours. */
  better: 'lower' | 'higher' | 'neither';
  /** The data it is computed from (JUnit's test suites): tickets, survey answers, or spend/subscriptions/finance. */
  dataset: 'tickets' | 'surveys' | 'finance';
  definition: string;
}

export const METRIC_CATALOG: readonly MetricDefinition[] = [
  {
    id: 'ticket_volume',
    dataset: 'tickets',
    label: 'Ticket volume',
    unit: 'count',
    better: 'neither',
    definition: 'Tickets created in the window (by created_at); details: resolved, unresolved, unanswered (and, when files read together differ, firstResponseNotMeasured / resolutionNotMeasured: tickets of a file without that column, unknown, not unanswered or unresolved).',
  },
  {
    id: 'frt',
    dataset: 'tickets',
    label: 'First response time',
    unit: 'seconds',
    better: 'lower',
    definition:
      'Per ticket: first_response_at − created_at, or the export\'s first-reply duration when that cell is filled. ' +
      'Value: the mean over answered tickets; median and p90 (linear interpolation, (n−1)·q) beside it. ' +
      'Tickets without a response are left out and counted as unanswered; tickets of a file without a first-response column (beside files with one) are left out and counted as notMeasured. ' +
      'With --business-hours: business time, the export\'s business-hours cell (Zendesk "within business hours", Freshdesk "(in hrs)", Intercom "within office hours") when filled, else first_response_at − created_at counted within the config\'s businessCalendar; an answered ticket with neither is withoutBusinessTime, never calendar time.',
  },
  {
    id: 'art',
    dataset: 'tickets',
    label: 'Resolution time',
    unit: 'seconds',
    better: 'lower',
    definition:
      'Per resolved ticket: resolved_at − created_at, or the export\'s full-resolution duration when that cell is filled. ' +
      'Value: the mean over resolved tickets; median and p90 beside it. Unresolved tickets are counted as unresolved; tickets of a file without a resolution column, as notMeasured. ' +
      'With --business-hours: business time, as FRT.',
  },
  {
    id: 'repeat_contact_rate',
    dataset: 'tickets',
    label: 'Repeat contacts',
    unit: 'fraction',
    better: 'lower',
    definition:
      'Share of tickets that repeat a contact: the same customer_id (and the same category, when the export has one) ' +
      'opened an earlier ticket at most windowDays before (default 7, --repeat-window; the bound included), also when ' +
      'that earlier ticket lies before the report window (seed 001). Tickets without a customer are left out and counted ' +
      'as withoutCustomer; details: repeatTickets, tickets, customersWithRepeats, customers. No default target.',
  },
  {
    id: 'reopen_rate',
    dataset: 'tickets',
    label: 'Reopen rate',
    unit: 'fraction',
    better: 'lower',
    definition:
      'Resolved tickets reopened at least once (the export\'s reopen count ≥ 1; an empty count is none) / resolved ' +
      'tickets. Only when the export has a reopen count (Zendesk Reopens). No default target.',
  },
  {
    id: 'csat',
    dataset: 'surveys',
    label: 'CSAT',
    unit: 'score',
    better: 'higher',
    definition:
      'Mean CSAT score on its scale (default 1–5; another given with --scale or detected from the answers, with a warning). ' +
      'Binary ratings (Good/Bad, 👍/👎) have no mean and count toward CSAT satisfied only. Details: responses, scale, distribution. ' +
      'Sources: a survey file; without one, the ratings inside the ticket export (Zendesk Satisfaction Score, Bitrix24 Оценка клиента …). ' +
      'The 4.5 target is a mean on 1–5: on another scale it gives no verdict.',
  },
  {
    id: 'csat_satisfied',
    dataset: 'surveys',
    label: 'CSAT satisfied',
    unit: 'fraction',
    better: 'higher',
    definition:
      'Share of CSAT answers in the top box: the top point of a 2–3-point scale, the top 2 of a 4–7-point one (4–5 of 5), ' +
      'the top 3 of an 8–11-point one; binary ratings count here. ci95: the Wilson score interval (z = 1.96).',
  },
  {
    id: 'nps',
    dataset: 'surveys',
    label: 'NPS',
    unit: 'score',
    better: 'higher',
    definition:
      'Net Promoter Score over 0–10 answers: 100·(promoters 9–10 − detractors 0–6)/responses, −100…100. ' +
      'ci95: 100·(p − d) ± 1.96·100·√((p + d − (p − d)²)/n), clamped to ±100. No default target.',
  },
  {
    id: 'ces',
    dataset: 'surveys',
    label: 'CES',
    unit: 'score',
    better: 'neither',
    definition:
      'Customer Effort Score: the mean answer on its scale, 1–5 where lower is better by default (seed 002); ' +
      'the details say which end is better (CES 2.0: 1–7 agreement, higher better). No default target.',
  },
  {
    id: 'cac',
    dataset: 'finance',
    label: 'CAC',
    unit: 'currency',
    better: 'lower',
    definition:
      'Fully-loaded blended customer acquisition cost (seed 000): (marketing + sales spend) / customers acquired in the window. ' +
      'Acquired = customers whose first subscription starts in the window, else the new_customers of spend or finance rows. ' +
      'Without a window: the months the spend rows span. In the data\'s currency (targets are USD).',
  },
  {
    id: 'churn_rate',
    dataset: 'finance',
    label: 'Churn rate',
    unit: 'fraction',
    better: 'lower',
    definition:
      'Monthly customer churn pooled over the full calendar months of the window (in --tz): Σ churned(M) / Σ active at the start of M, ' +
      'churned(M) = active at the start of M and not at the start of M+1 (a customer churns when all its subscriptions have ended). ' +
      'A finance sheet: Σ churned_customers / Σ active_customers. Null when the file holds no ended subscription.',
  },
  {
    id: 'mrr',
    dataset: 'finance',
    label: 'MRR',
    unit: 'currency',
    better: 'higher',
    definition: 'Monthly recurring revenue of the customers active at the end of the window (a yearly plan counts amount × quantity / 12).',
  },
  {
    id: 'ltv',
    dataset: 'finance',
    label: 'LTV',
    unit: 'currency',
    better: 'higher',
    definition:
      'Lifetime value (seed 000): (ARPA − s) × L, ARPA = Σ MRR at month starts / Σ active customers at month starts, L = 1 / churn, ' +
      's = service spend per customer-month (spend of type service, else the finance sheet\'s service_cost, else the config\'s serviceCostPerCustomerMonth). Null with a reason when no churn is observed.',
  },
  {
    id: 'ltv_to_cac',
    dataset: 'finance',
    label: 'LTV:CAC',
    unit: 'ratio',
    better: 'higher',
    definition: 'LTV / CAC. Target ≥ 3 (common SaaS rule of thumb).',
  },
  {
    id: 'cac_payback_months',
    dataset: 'finance',
    label: 'CAC payback',
    unit: 'months',
    better: 'lower',
    definition: 'Months of margin that pay back one customer\'s acquisition: CAC / (ARPA − s). Target ≤ 12 (common SaaS rule of thumb).',
  },
];

export function metricDefinition(id: string): MetricDefinition {
  const definition = METRIC_CATALOG.find((m) => m.id === id);
  if (definition === undefined) throw new Error(`unknown metric ${id}`);
  return definition;
}
