import type { Dataset } from '../datasets/dataset.js';
import type { KindName } from '../datasets/kind.js';
import { ticketColumns } from '../datasets/ticket-columns.js';
import { TICKET_TIME_FIELDS } from '../datasets/tickets.js';
import { art } from '../metrics/art.js';
import { frt } from '../metrics/frt.js';
import type { Threshold } from '../metrics/threshold.js';
import { ticketVolume } from '../metrics/ticket-volume.js';
import type { ArtReport, FrtReport, MetricId, TicketVolumeReport } from './model.js';
import type { z } from 'zod';

/** What a metric computes over the rows of its data set in the window. */
export interface MetricOutcome<D> {
  value: number | null;
  details: D;
  /** How many values the number rests on (for the low-sample warning); null when that makes no sense (a count). */
  sampleSize: number | null;
}

/** A metric the report can carry: which data set it reads, which optional fields, and how it is computed. */
export interface RegisteredMetric<Id extends MetricId, D> {
  id: Id;
  kind: KindName;
  /** Optional fields of the kind the metric reads (the engine parses only what some metric or grouping needs). */
  fields: readonly string[];
  compute(dataset: Dataset, target: Threshold | null): MetricOutcome<D>;
}

type DetailsOf<S extends z.ZodType> = z.infer<S> extends { details: infer D } ? D : never;

const ticketVolumeMetric: RegisteredMetric<'ticket_volume', DetailsOf<typeof TicketVolumeReport>> = {
  id: 'ticket_volume',
  kind: 'tickets',
  fields: TICKET_TIME_FIELDS,
  compute(dataset) {
    const result = ticketVolume(ticketColumns(dataset));
    return { value: result.value, details: result.details, sampleSize: null };
  },
};

const frtMetric: RegisteredMetric<'frt', DetailsOf<typeof FrtReport>> = {
  id: 'frt',
  kind: 'tickets',
  fields: ['first_response_minutes', 'first_response_at'],
  compute(dataset, target) {
    const result = frt(ticketColumns(dataset), target);
    return { value: result.value, details: result.details, sampleSize: result.details.count };
  },
};

const artMetric: RegisteredMetric<'art', DetailsOf<typeof ArtReport>> = {
  id: 'art',
  kind: 'tickets',
  fields: ['resolution_minutes', 'resolved_at'],
  compute(dataset, target) {
    const result = art(ticketColumns(dataset), target);
    return { value: result.value, details: result.details, sampleSize: result.details.count };
  },
};

/** Every metric the report can carry, in report order. */
export const METRICS = [ticketVolumeMetric, frtMetric, artMetric] as const;

/** The optional fields the registered metrics read (the engine parses these beside each kind's required ones). */
export function fieldsNeeded(): string[] {
  return [...new Set(METRICS.flatMap((m) => m.fields))];
}
