import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Shared pieces of the metric property tests (issue #16): a list with a permutation of it, and a comparison of two
 * results that allows sums (means, money) to differ by 1e-9 relative — the rounding of another order of addition —
 * and nothing else.
 */

/** A list of `item`s and the same items in another order. */
export function withShuffle<T>(item: fc.Arbitrary<T>, constraints: fc.ArrayConstraints = {}): fc.Arbitrary<{ rows: T[]; shuffled: T[] }> {
  return fc.array(item, constraints).chain((rows) => fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }).map((shuffled) => ({ rows, shuffled })));
}

/** A list of `item`s and a place to cut it in two (0 … length). */
export function withCut<T>(item: fc.Arbitrary<T>, constraints: fc.ArrayConstraints = {}): fc.Arbitrary<{ rows: T[]; cut: number }> {
  return fc.array(item, constraints).chain((rows) => fc.nat(rows.length).map((cut) => ({ rows, cut })));
}

const RELATIVE = 1e-9;

/** Whether two numbers agree within 1e-9 relative (or both NaN, or both the same infinity). */
export function close(a: number, b: number): boolean {
  if (Object.is(a, b) || a === b) return true;
  return Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Deep equality in which numbers may differ by 1e-9 relative; the path of the first difference is in the message, so
 * a failing property says which detail moved.
 */
export function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (!close(actual, expected)) expect.fail(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) expect.fail(`${path}: length ${actual.length} ≠ ${expected.length}`);
    actual.forEach((a, i) => expectClose(a, expected[i], `${path}[${i}]`));
    return;
  }
  if (actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object') {
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const key of keys) expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  if (actual !== expected) expect.fail(`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
}

/** Numbers a metric may report: finite, or null — never NaN or ±Infinity. */
export function expectFiniteOrNull(value: number | null, what: string): void {
  if (value !== null && !Number.isFinite(value)) expect.fail(`${what} is ${value}: a value that cannot be computed must be null with a reason`);
}
