import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KINDS } from '../../src/datasets/kinds.js';
import type { DatasetKind } from '../../src/datasets/kind.js';
import { recordBuilder } from '../../src/datasets/record-builder.js';
import { compileRowCheck, pickedSchema } from '../../src/datasets/row-check.js';

/** The scalar fields of a kind's zod record that the engine reads into slots, and its key when it is an id. */
function slotFields(kind: DatasetKind): string[] {
  return kind.fields.filter((f) => f.type !== 'text' && f.type !== 'score' && f.type !== 'id' && f.field in kind.record.shape).map((f) => f.field);
}
function keyFieldOf(kind: DatasetKind): string | null {
  return kind.fields.find((f) => f.field === kind.key)?.type === 'id' ? kind.key! : null;
}

// Values near each other (so order rules fire both ways), the edges zod cares about, and anything else.
const value = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, Number.MAX_VALUE, -Number.MIN_VALUE),
  fc.double(),
);
const key = fc.oneof(fc.constant(null), fc.constant(''), fc.string(), fc.integer(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY), fc.double());

describe('the row check compiled from each kind’s zod schema', () => {
  for (const kind of KINDS) {
    it(`accepts exactly the ${kind.kind} rows zod's safeParse accepts, on any subset of fields`, () => {
      const all = slotFields(kind);
      const keyField = keyFieldOf(kind);
      fc.assert(
        fc.property(
          fc.subarray(all, { minLength: 0 }),
          fc.boolean(),
          fc.array(fc.tuple(fc.boolean(), value), { minLength: all.length, maxLength: all.length }),
          key,
          (fields, withKey, cells, id) => {
            const keyUsed = withKey ? keyField : null;
            const values = new Float64Array(fields.length);
            const empty = new Uint8Array(fields.length);
            fields.forEach((_, k) => {
              empty[k] = cells[k]![0] ? 1 : 0;
              values[k] = cells[k]![1];
            });
            const check = compileRowCheck(kind, fields, keyUsed);
            const expected = pickedSchema(kind, fields, keyUsed).safeParse(recordBuilder(fields, keyUsed)(values, empty, id)).success;
            expect(check(values, empty, id)).toBe(expected);
          },
        ),
        { numRuns: 1500 },
      );
    });
  }

  it('checks what the schema says, by hand: a ticket answered before it was created, a negative duration, an empty id', () => {
    const tickets = KINDS.find((k) => k.kind === 'tickets')!;
    const fields = ['created_at', 'first_response_at', 'first_response_minutes'];
    const check = compileRowCheck(tickets, fields, 'id');
    const row = (created: number, responded: number | null, minutes: number | null) =>
      [new Float64Array([created, responded ?? 0, minutes ?? 0]), new Uint8Array([0, responded === null ? 1 : 0, minutes === null ? 1 : 0])] as const;
    expect(check(...row(1000, 2000, 60), 17)).toBe(true);
    expect(check(...row(1000, 1000, 0), 'ABC-1')).toBe(true); // answered the same millisecond, zero minutes
    expect(check(...row(1000, 999, 60), 17)).toBe(false); // response before creation
    expect(check(...row(1000, null, -1), 17)).toBe(false); // negative duration
    expect(check(...row(Number.NaN, null, null), 17)).toBe(false); // unparseable created_at
    expect(check(...row(1000, null, null), '')).toBe(false); // empty text id
    expect(check(...row(1000, null, null), null)).toBe(false); // no id
  });

  it('refuses a zod construct it cannot compile, naming the field, instead of passing it unchecked', () => {
    const kind = { ...KINDS[0]!, record: z.object({ created_at: z.number().int() }) } as DatasetKind;
    expect(() => compileRowCheck(kind, ['created_at'], null)).toThrow(/created_at has the zod check number_format/);
    const textKind = { ...KINDS[0]!, record: z.object({ created_at: z.string() }) } as DatasetKind;
    expect(() => compileRowCheck(textKind, ['created_at'], null)).toThrow(/created_at is a zod string/);
  });
});
