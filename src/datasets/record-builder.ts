/** Turns one row's parsed values into the plain object zod validates (for a row the compiled check refused: row-check.ts). */
export type RecordBuilder = (values: Float64Array, empty: Uint8Array, key: number | string | null) => Record<string, unknown>;

/**
 * Builds a kind's row object constructor for the fields a run reads: `values[k]` (or null where `empty[k]` is 1) under
 * `fields[k]`, and the key under `keyField`. Generated once per file from the field names — our own identifiers,
 * checked below — so each row is one object literal of a fixed shape, as fast as a hand-written literal; assigning
 * the fields by name in a loop made every row object slow to build and to validate (measured +300 ms per million
 * rows, issue #8).
 */
export function recordBuilder(fields: readonly string[], keyField: string | null): RecordBuilder {
  for (const name of [...fields, ...(keyField === null ? [] : [keyField])]) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`field name ${JSON.stringify(name)} is not an identifier`);
  }
  const properties = fields.map((field, k) => `${field}: empty[${k}] === 1 ? null : values[${k}]`);
  if (keyField !== null) properties.unshift(`${keyField}: key`);
  return new Function('values', 'empty', 'key', `return { ${properties.join(', ')} };`) as RecordBuilder;
}
