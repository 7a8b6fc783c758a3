import type { Dataset } from '../datasets/dataset.js';
import { datasetSlices } from '../datasets/dataset-slices.js';
import { slicing, type Slicing } from '../stats/slicing.js';

/**
 * Ticket and survey data sets cut alike into slices (the groups of `--by`, the periods of `--period`): each data set
 * with its slicing — for metrics that tally every slice of a column at once — and, built when first asked for, each
 * slice's own data sets, for the metrics computed slice by slice.
 */
export interface SlicedDatasets {
  parents: readonly Dataset[];
  slicings: readonly Slicing[];
  slices: number;
  /** Slice k's data sets, in the order of `parents`. */
  datasetsOf(k: number): Dataset[];
}

/** `parents` cut by each one's slot of every row (−1 = in no slice) into `slices` slices. */
export function sliceDatasets(parents: readonly Dataset[], slotsOfRows: readonly Int32Array[], slices: number): SlicedDatasets {
  const slicings = slotsOfRows.map((slots) => slicing(slots, slices));
  let cut: Dataset[][] | undefined;
  return {
    parents,
    slicings,
    slices,
    datasetsOf(k) {
      cut ??= parents.map((d, i) => datasetSlices(d, slicings[i]!));
      return cut.map((slicesOfParent) => slicesOfParent[k]!);
    },
  };
}

/** Rows in slice k over all the data sets. */
export function rowsInSlice(sliced: SlicedDatasets, k: number): number {
  return sliced.slicings.reduce((n, s) => n + s.rows[k]!, 0);
}
