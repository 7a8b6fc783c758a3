import type { Dataset } from '../datasets/dataset.js';
import { rowsInSlice, sliceDatasets, type SlicedDatasets } from './sliced-datasets.js';

/** The fields a report can be grouped by (`--by`): text fields of tickets, and of survey responses (own or their ticket's). */
export const GROUP_FIELDS = ['channel', 'agent', 'team', 'priority', 'category'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** The key of rows whose field is empty, or whose data set has no such column: a group of its own, never dropped. */
export const NO_KEY = '(none)';

/**
 * The data sets split by the values of `field`: the groups — keys held by some row (sorted, `(none)` last), each with
 * its slice — and the ticket and survey data sets cut into one slice per key. Data sets of kinds without the field (spend, finance) are left out of
 * groups. With `only`, the one key equal to it (case aside) and no other: a scoped target's group.
 */
export function groupDatasets(datasets: readonly Dataset[], field: GroupField, only?: string): { groups: { key: string; slice: number }[]; sliced: SlicedDatasets } {
  const grouped = datasets.filter((d) => d.kind === 'tickets' || d.kind === 'surveys');
  // Each code's key (trimmed text, or (none)); the keys sorted, (none) last and always there; each row's slot by its code.
  const keyOfCode = grouped.map((d) => d.texts[field]?.values.map((v) => (v.trim() === '' ? NO_KEY : v.trim())) ?? []);
  const all = [...new Set(keyOfCode.flat()).add(NO_KEY)].sort((a, b) => (a === NO_KEY ? 1 : b === NO_KEY ? -1 : a < b ? -1 : a > b ? 1 : 0));
  // A scoped target's group takes every spelling of its key, case aside (`Max` and `max`), as its target applies to both.
  const spellings = only === undefined ? [] : all.filter((key) => key.toLowerCase() === only.toLowerCase());
  const keys = only === undefined ? all : spellings.slice(0, 1);
  const slotOfKey = new Map(only === undefined ? keys.map((key, k) => [key, k]) : spellings.map((key) => [key, 0]));
  const slots = grouped.map((d, i) => {
    const column = d.texts[field];
    const slotOfRow = new Int32Array(d.rows).fill(slotOfKey.get(NO_KEY) ?? -1);
    if (column !== undefined) {
      const slotOfCode = Int32Array.from(keyOfCode[i]!, (key) => slotOfKey.get(key) ?? -1);
      const codes = column.codes;
      for (let row = 0; row < codes.length; row++) slotOfRow[row] = slotOfCode[codes[row]!]!;
    }
    return slotOfRow;
  });
  const sliced = sliceDatasets(grouped, slots, keys.length);
  // A key no row holds (a value seen only outside the window) is no group: its slice stays, empty, and is not listed.
  return { groups: keys.flatMap((key, slice) => (rowsInSlice(sliced, slice) > 0 ? [{ key, slice }] : [])), sliced };
}
