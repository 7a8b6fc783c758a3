import type { Slicing } from '../stats/slicing.js';
import type { Dataset, ElapsedColumn } from './dataset.js';

type Column = Float64Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * The data set cut into one data set per slice of `slicing`, rows kept in their order within each slice. Row keys are not carried (no metric of a slice reads them).
 *
 * Why not `datasetRows` once per slice: picking each slice's rows reads the whole column once per slice, and with a
 * file not in time order 44 weeks meant 44 passes of cache misses over every column (~45 ms per column, issue #13).
 * Here a column is scattered once, in one sequential pass, into slice order — each slice's column is then a view of
 * its stretch — and only when some slice first reads it.
 */
export function datasetSlices(dataset: Dataset, { slotOfRow, slices, rows }: Slicing): Dataset[] {
  // Where each slice's stretch starts in slice order (offsets[k] … offsets[k + 1]); offsets[slices] = rows in any.
  const offsets = new Uint32Array(slices + 1);
  for (let k = 0; k < slices; k++) offsets[k + 1] = offsets[k]! + rows[k]!;
  const scattered = new Map<Column, Column>();
  const inSliceOrder = <T extends Column>(values: T): T => {
    let out = scattered.get(values);
    if (out === undefined) scattered.set(values, (out = scatter(values, slotOfRow, offsets)));
    return out as T;
  };
  return Array.from({ length: slices }, (_, k) => {
    const view = <T extends Column>(values: T): T => inSliceOrder(values).subarray(offsets[k]!, offsets[k + 1]!) as T;
    const slice: Dataset = {
      kind: dataset.kind,
      rows: offsets[k + 1]! - offsets[k]!,
      numbers: lazyRecord(dataset.numbers, view),
      elapsed: lazyRecord(dataset.elapsed, (e): ElapsedColumn => lazyRecord({ seconds: e.seconds, source: e.source }, view) as unknown as ElapsedColumn),
      texts: lazyRecord(dataset.texts, (t) => ({ codes: view(t.codes), values: t.values })),
      mapped: dataset.mapped,
      unmapped: dataset.unmapped,
      lineOfRow: new Uint32Array(0),
      inputOfRow: new Uint32Array(0),
      ...(dataset.scales === undefined ? {} : { scales: dataset.scales }),
      ...(dataset.noColumnIn === undefined ? {} : { noColumnIn: dataset.noColumnIn }),
    };
    Object.defineProperty(slice, 'lineOfRow', lazyProperty(() => view(dataset.lineOfRow)));
    Object.defineProperty(slice, 'inputOfRow', lazyProperty(() => view(dataset.inputOfRow)));
    return slice;
  });
}

/** The column's values in slice order: one pass over the rows, writing each where its slice's stretch has reached. */
function scatter<T extends Column>(values: T, slotOfRow: Int32Array, offsets: Uint32Array): T {
  const next = offsets.slice(0, offsets.length - 1);
  // One loop per element type: a single generic loop sees four array types and runs several times slower.
  if (values instanceof Float64Array) return scatterFloat64(values, slotOfRow, next, offsets[offsets.length - 1]!) as T;
  if (values instanceof Uint8Array) return scatterUint8(values, slotOfRow, next, offsets[offsets.length - 1]!) as T;
  if (values instanceof Uint16Array) return scatterUint16(values, slotOfRow, next, offsets[offsets.length - 1]!) as T;
  return scatterUint32(values as Uint32Array, slotOfRow, next, offsets[offsets.length - 1]!) as T;
}

function scatterFloat64(values: Float64Array, slotOfRow: Int32Array, next: Uint32Array, total: number): Float64Array {
  const out = new Float64Array(total);
  for (let row = 0; row < values.length; row++) {
    const k = slotOfRow[row]!;
    if (k >= 0) out[next[k]!++] = values[row]!;
  }
  return out;
}
function scatterUint8(values: Uint8Array, slotOfRow: Int32Array, next: Uint32Array, total: number): Uint8Array {
  const out = new Uint8Array(total);
  for (let row = 0; row < values.length; row++) {
    const k = slotOfRow[row]!;
    if (k >= 0) out[next[k]!++] = values[row]!;
  }
  return out;
}
function scatterUint16(values: Uint16Array, slotOfRow: Int32Array, next: Uint32Array, total: number): Uint16Array {
  const out = new Uint16Array(total);
  for (let row = 0; row < values.length; row++) {
    const k = slotOfRow[row]!;
    if (k >= 0) out[next[k]!++] = values[row]!;
  }
  return out;
}
function scatterUint32(values: Uint32Array, slotOfRow: Int32Array, next: Uint32Array, total: number): Uint32Array {
  const out = new Uint32Array(total);
  for (let row = 0; row < values.length; row++) {
    const k = slotOfRow[row]!;
    if (k >= 0) out[next[k]!++] = values[row]!;
  }
  return out;
}

/** A copy of `record` whose values are `derive(original)`, each derived when first read (then kept). */
function lazyRecord<T, U>(record: Readonly<Record<string, T>>, derive: (value: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  // Keys only: reading the values here would derive every column of a record that is itself lazy.
  for (const key of Object.keys(record)) Object.defineProperty(out, key, lazyProperty(() => derive(record[key]!)));
  return out;
}

function lazyProperty<U>(compute: () => U): PropertyDescriptor {
  let cached: U | undefined;
  return { enumerable: true, configurable: true, get: () => (cached ??= compute()) };
}
