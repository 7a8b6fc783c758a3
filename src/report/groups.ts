import { datasetRows, type Dataset } from '../datasets/dataset.js';
import { sliceRows } from './slice-rows.js';

/** The fields a report can be grouped by (`--by`): text fields of tickets, and of survey responses (own or their ticket's). */
export const GROUP_FIELDS = ['channel', 'agent', 'team', 'priority', 'category'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** The key of rows whose field is empty, or whose data set has no such column: a group of its own, never dropped. */
export const NO_KEY = '(none)';

/**
 * The data sets split by the values of `field`: one entry per key (sorted, `(none)` last), each with every data set
 * restricted to that key's rows. Data sets of kinds without the field (spend, finance) are left out of groups.
 */
export function groupDatasets(datasets: readonly Dataset[], field: GroupField): { key: string; datasets: Dataset[] }[] {
  const grouped = datasets.filter((d) => d.kind === 'tickets' || d.kind === 'surveys');
  // Per data set: each code's key (trimmed text, or (none)); then the rows of each key (slice-rows.ts).
  const rowsByKey = grouped.map((d) => {
    const column = d.texts[field];
    if (column === undefined) return new Map([[NO_KEY, Uint32Array.from({ length: d.rows }, (_, row) => row)]]);
    const keyOf = column.values.map((v) => (v.trim() === '' ? NO_KEY : v.trim()));
    const keys = [...new Set(keyOf)];
    const slotOf = keyOf.map((k) => keys.indexOf(k));
    const rows = sliceRows(Int32Array.from(column.codes, (code) => slotOf[code]!), keys.length);
    return new Map(keys.map((key, k) => [key, rows[k]!] as const).filter(([, r]) => r.length > 0));
  });
  const keys = [...new Set(rowsByKey.flatMap((m) => [...m.keys()]))].sort((a, b) => (a === NO_KEY ? 1 : b === NO_KEY ? -1 : a < b ? -1 : a > b ? 1 : 0));
  // No metric of a group reads the row keys: not carried.
  return keys.map((key) => ({ key, datasets: grouped.map((d, i) => datasetRows({ ...d, keys: undefined }, rowsByKey[i]!.get(key) ?? new Uint32Array(0))) }));
}
