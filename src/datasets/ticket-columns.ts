import type { ColumnSketch } from '../stats/column-sketch.js';
import type { Dataset } from './dataset.js';

/**
 * The per-ticket times the ticket metrics read, as plain typed arrays in the dataset's row order: created_at (epoch
 * ms), first response and resolution in seconds (NaN = none) with where each came from (ValueSource).
 */
export interface TicketColumns {
  createdAt: Float64Array;
  firstResponseSeconds: Float64Array;
  firstResponseSource: Uint8Array;
  resolutionSeconds: Float64Array;
  resolutionSource: Uint8Array;
  /** The durations' sketches when the reader made them for exactly these rows (stats/column-sketch.ts). */
  firstResponseSketch?: ColumnSketch | undefined;
  resolutionSketch?: ColumnSketch | undefined;
}

/**
 * A ticket data set's time columns; a duration the file has no column for is none (NaN) on every row. Each column is
 * read from the data set when first used: a metric reading two of them does not gather the others of a report slice.
 */
export function ticketColumns(dataset: Dataset): TicketColumns {
  const none = () => ({ seconds: new Float64Array(dataset.rows).fill(Number.NaN), source: new Uint8Array(dataset.rows) });
  let noFirstResponse: ReturnType<typeof none> | undefined;
  let noResolution: ReturnType<typeof none> | undefined;
  const firstResponse = () => dataset.elapsed.first_response ?? (noFirstResponse ??= none());
  const resolution = () => dataset.elapsed.resolution ?? (noResolution ??= none());
  return {
    get createdAt() {
      return dataset.numbers.created_at!;
    },
    get firstResponseSeconds() {
      return firstResponse().seconds;
    },
    get firstResponseSource() {
      return firstResponse().source;
    },
    get resolutionSeconds() {
      return resolution().seconds;
    },
    get resolutionSource() {
      return resolution().source;
    },
    firstResponseSketch: dataset.elapsed.first_response?.sketch,
    resolutionSketch: dataset.elapsed.resolution?.sketch,
  };
}
