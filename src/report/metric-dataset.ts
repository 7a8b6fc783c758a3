import { metricDefinition } from '../metrics/catalog.js';

/** The data a metric is computed from: tickets, survey answers, or spend/subscriptions/finance (the catalog's). */
export function metricDataset(id: string): 'tickets' | 'surveys' | 'finance' {
  return metricDefinition(id).dataset;
}
