import type { Slicing } from '../stats/slicing.js';

/** Per ticket: whether it repeats an earlier contact (REPEAT), does not (FIRST), or has no customer to tell (NO_CUSTOMER). */
export const FIRST = 0;
export const REPEAT = 1;
export const NO_CUSTOMER = 2;

const DAY_MS = 86_400_000;

/**
 * Marks each ticket a repeat contact when the same customer (and the same category, when given) opened an earlier
 * ticket at most `windowDays` days before it, the bound included (SPEC §5, seed 001). Run over the whole data set, so
 * that an earlier ticket outside a report window still counts as the earlier contact. Codes: 0 = no customer.
 * Linear in the rows: counting sort by customer (and category), then each customer's few tickets in time order.
 */
export function repeatFlags(customer: ArrayLike<number>, category: ArrayLike<number> | null, createdAt: ArrayLike<number>, windowDays: number): Uint8Array {
  const n = customer.length;
  const flags = new Uint8Array(n);
  let customers = 1;
  let categories = 1;
  for (let row = 0; row < n; row++) customers = Math.max(customers, customer[row]! + 1);
  if (category !== null) for (let row = 0; row < n; row++) categories = Math.max(categories, category[row]! + 1);
  // One dense key per customer (and category): the codes themselves while their product is small, else numbered.
  const dense = customers * categories <= 1 << 22;
  const keyOf = dense ? null : new Map<number, number>();
  const key = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const c = customer[row]!;
    if (c === 0) {
      flags[row] = NO_CUSTOMER;
      key[row] = -1;
      continue;
    }
    const raw = category === null ? c : c * categories + category[row]!;
    if (keyOf === null) key[row] = raw;
    else {
      let k = keyOf.get(raw);
      if (k === undefined) keyOf.set(raw, (k = keyOf.size));
      key[row] = k;
    }
  }
  const keys = keyOf === null ? customers * categories : keyOf.size;
  // Counting sort of the rows by key.
  const start = new Int32Array(keys + 1);
  for (let row = 0; row < n; row++) if (key[row]! >= 0) start[key[row]! + 1]!++;
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const order = new Int32Array(start[keys]!);
  const next = start.slice(0, keys);
  for (let row = 0; row < n; row++) if (key[row]! >= 0) order[next[key[row]!]!++] = row;
  // The times gathered in key order once: the work per key then reads memory in sequence, not a customer's tickets
  // scattered over a million-row column.
  const times = new Float64Array(order.length);
  for (let j = 0; j < order.length; j++) times[j] = createdAt[order[j]!]!;
  const span = windowDays * DAY_MS;
  // One scratch for every key's sort, as large as the largest key's rows: thousands of customers made thousands of
  // small arrays per run (~80 ms of a million-row report, issue #13).
  let largest = 0;
  for (let k = 0; k < keys; k++) largest = Math.max(largest, start[k + 1]! - start[k]!);
  const scratch = { rows: new Int32Array(largest), times: new Float64Array(largest), packed: new Float64Array(largest) };
  for (let k = 0; k < keys; k++) {
    const from = start[k]!;
    const to = start[k + 1]!;
    if (to - from < 2) continue;
    const rows = order.subarray(from, to);
    const t = times.subarray(from, to);
    sortByTime(rows, t, scratch);
    for (let i = 1; i < rows.length; i++) if (t[i]! - t[i - 1]! <= span) flags[rows[i]!] = REPEAT;
  }
  return flags;
}

const LOCAL = 2 ** 20;

/**
 * Sorts one key's rows and their times by creation time, in place. Exports list tickets mostly in time order (checked first); else
 * each row becomes one number — whole seconds from the group's first, times 2^20, plus its place — sorted natively,
 * which is many times faster than a comparator. Rows within one second keep their order: either way one of two such
 * tickets is the repeat of the other, so the counts are the same.
 */
function sortByTime(rows: Int32Array, times: Float64Array, scratch: { rows: Int32Array; times: Float64Array; packed: Float64Array }): void {
  let sorted = true;
  let min = times[0]!;
  let max = times[0]!;
  for (let i = 1; i < times.length; i++) {
    const t = times[i]!;
    if (t < times[i - 1]!) sorted = false;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (sorted) return;
  const original = scratch.rows.subarray(0, rows.length);
  const originalTimes = scratch.times.subarray(0, rows.length);
  original.set(rows);
  originalTimes.set(times);
  if (rows.length >= LOCAL || (max - min) / 1000 >= 2 ** 32) {
    const order = Array.from(original.keys()).sort((a, b) => originalTimes[a]! - originalTimes[b]! || a - b);
    order.forEach((i, j) => {
      rows[j] = original[i]!;
      times[j] = originalTimes[i]!;
    });
    return;
  }
  const packed = scratch.packed.subarray(0, rows.length);
  for (let i = 0; i < rows.length; i++) packed[i] = Math.floor((originalTimes[i]! - min) / 1000) * LOCAL + i;
  packed.sort();
  for (let j = 0; j < rows.length; j++) {
    const i = packed[j]! % LOCAL;
    rows[j] = original[i]!;
    times[j] = originalTimes[i]!;
  }
}

export interface RepeatContactResult {
  value: number | null;
  details: { repeatTickets: number; tickets: number; customersWithRepeats: number; customers: number; windowDays: number; withoutCustomer: number; reason?: string };
}

/** The repeat-contact rate over tickets (in a window): repeat tickets / tickets with a customer. */
export function repeatContactRate(flags: ArrayLike<number>, customer: ArrayLike<number>, windowDays: number): RepeatContactResult {
  let tickets = 0;
  let repeatTickets = 0;
  let withoutCustomer = 0;
  let largest = 0;
  for (let row = 0; row < customer.length; row++) largest = Math.max(largest, customer[row]!);
  // Per customer code: 1 seen, 2 seen with a repeat (codes are dense: an array, not a set).
  const seen = new Uint8Array(largest + 1);
  for (let row = 0; row < flags.length; row++) {
    const flag = flags[row]!;
    if (flag === NO_CUSTOMER) {
      withoutCustomer++;
      continue;
    }
    tickets++;
    const c = customer[row]!;
    if (flag === REPEAT) {
      repeatTickets++;
      seen[c] = 2;
    } else if (seen[c] === 0) seen[c] = 1;
  }
  let customers = 0;
  let withRepeats = 0;
  for (let c = 0; c < seen.length; c++) {
    if (seen[c]! > 0) customers++;
    if (seen[c] === 2) withRepeats++;
  }
  const details = { repeatTickets, tickets, customersWithRepeats: withRepeats, customers, windowDays, withoutCustomer };
  if (tickets === 0) return { value: null, details: { ...details, reason: withoutCustomer > 0 ? `none of the ${withoutCustomer} tickets names a customer` : 'no ticket in the window' } };
  return { value: repeatTickets / tickets, details };
}

/** Above this many (slice, customer) cells the slices are counted one by one (repeatContactRate of each). */
const MAX_SLICE_CUSTOMERS = 1 << 24;

/**
 * repeatContactRate of every slice of the tickets (groups, periods) in one pass: per slice its tickets by flag, and per
 * slice and customer whether it was seen and with a repeat. Null when slices × customers is too many cells to hold.
 */
export function repeatContactRateOfSlices(flags: ArrayLike<number>, customer: ArrayLike<number>, windowDays: number, { slotOfRow, slices }: Slicing): RepeatContactResult[] | null {
  let largest = 0;
  for (let row = 0; row < customer.length; row++) if (customer[row]! > largest) largest = customer[row]!;
  const width = largest + 1;
  if (slices * width > MAX_SLICE_CUSTOMERS) return null;
  const byFlag = new Uint32Array(slices * 3);
  // Per slice and customer code: 1 seen, 2 seen with a repeat.
  const seen = new Uint8Array(slices * width);
  for (let row = 0; row < flags.length; row++) {
    const k = slotOfRow[row]!;
    if (k < 0) continue;
    const flag = flags[row]!;
    byFlag[k * 3 + flag]!++;
    if (flag === NO_CUSTOMER) continue;
    const at = k * width + customer[row]!;
    if (flag === REPEAT) seen[at] = 2;
    else if (seen[at] === 0) seen[at] = 1;
  }
  return Array.from({ length: slices }, (_, k) => {
    let customers = 0;
    let withRepeats = 0;
    for (let c = k * width; c < (k + 1) * width; c++) {
      if (seen[c]! > 0) customers++;
      if (seen[c] === 2) withRepeats++;
    }
    const repeatTickets = byFlag[k * 3 + REPEAT]!;
    const tickets = byFlag[k * 3 + FIRST]! + repeatTickets;
    const withoutCustomer = byFlag[k * 3 + NO_CUSTOMER]!;
    const details = { repeatTickets, tickets, customersWithRepeats: withRepeats, customers, windowDays, withoutCustomer };
    if (tickets === 0) return { value: null, details: { ...details, reason: withoutCustomer > 0 ? `none of the ${withoutCustomer} tickets names a customer` : 'no ticket in the window' } };
    return { value: repeatTickets / tickets, details };
  });
}
