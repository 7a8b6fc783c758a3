/** Every metric the tool computes: what it is, its unit and which way is better (`support-metrics metrics`). */
export interface MetricDefinition {
  id: string;
  label: string;
  unit: 'seconds' | 'count' | 'fraction' | 'score' | 'currency' | 'ratio' | 'months';
  /** Which way is better, for arrows and colours. */
  better: 'lower' | 'higher' | 'neither';
  definition: string;
}

export const METRIC_CATALOG: readonly MetricDefinition[] = [
  {
    id: 'ticket_volume',
    label: 'Ticket volume',
    unit: 'count',
    better: 'neither',
    definition: 'Tickets created in the window (by created_at); details: resolved, unresolved, unanswered.',
  },
  {
    id: 'frt',
    label: 'First response time',
    unit: 'seconds',
    better: 'lower',
    definition:
      'Per ticket: first_response_at − created_at, or the export\'s first-reply duration when that cell is filled. ' +
      'Value: the mean over answered tickets; median and p90 (linear interpolation, (n−1)·q) beside it. ' +
      'Tickets without a response are left out and counted as unanswered.',
  },
  {
    id: 'art',
    label: 'Resolution time',
    unit: 'seconds',
    better: 'lower',
    definition:
      'Per resolved ticket: resolved_at − created_at, or the export\'s full-resolution duration when that cell is filled. ' +
      'Value: the mean over resolved tickets; median and p90 beside it. Unresolved tickets are counted as unresolved.',
  },
];

export function metricDefinition(id: string): MetricDefinition {
  const definition = METRIC_CATALOG.find((m) => m.id === id);
  if (definition === undefined) throw new Error(`unknown metric ${id}`);
  return definition;
}
