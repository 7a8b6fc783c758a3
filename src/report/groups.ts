import { datasetRows, type Dataset } from '../datasets/dataset.js';

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
  // Per data set, per code: its key (trimmed text, or (none)).
  const keyOf = grouped.map((d) => d.texts[field]?.values.map((v) => (v.trim() === '' ? NO_KEY : v.trim())) ?? null);
  const rowsByKey = grouped.map(() => new Map<string, number[]>());
  grouped.forEach((d, i) => {
    const column = d.texts[field];
    const keys = keyOf[i]!;
    const byKey = rowsByKey[i]!;
    for (let row = 0; row < d.rows; row++) {
      const key = column === undefined || keys === null ? NO_KEY : keys[column.codes[row]!]!;
      let rows = byKey.get(key);
      if (rows === undefined) byKey.set(key, (rows = []));
      rows.push(row);
    }
  });
  const keys = [...new Set(rowsByKey.flatMap((m) => [...m.keys()]))].sort((a, b) => (a === NO_KEY ? 1 : b === NO_KEY ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => ({ key, datasets: grouped.map((d, i) => datasetRows(d, Uint32Array.from(rowsByKey[i]!.get(key) ?? []))) }));
}
