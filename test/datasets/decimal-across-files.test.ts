import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KindName } from '../../src/datasets/kind.js';
import { readDatasets } from '../../src/datasets/read-dataset.js';
import { Zone } from '../../src/read/zone.js';

const folder = mkdtempSync(join(tmpdir(), 'sm-decimal-'));
const write = (name: string, text: string, kind: KindName) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return { name: path, kind };
};
const read = (inputs: { name: string; kind: KindName }[], fields: readonly string[] = ['amount', 'mrr']) => readDatasets(inputs, { zone: new Zone('UTC'), zoneGiven: true, fields });
const undecidedWarnings = (warnings: readonly string[]) => warnings.filter((w) => w.includes('is a decimal or a thousands separator'));
/** The values of a numeric field of the data set, per input file, in row order. */
const valuesOf = (result: Awaited<ReturnType<typeof read>>, field: string, input: number) => {
  const dataset = result.datasets[0]!;
  return [...dataset.numbers[field]!].filter((_, row) => dataset.inputOfRow[row] === input);
};

describe('the decimal separator of one data set in several files', () => {
  it('a ;-separated spend file of "1,250" and "2,500" takes the decimal dot another file of the data set proves ("1,234.56")', async () => {
    const proving = write('proving-dot.csv', 'date;amount;new_customers\n2026-01-05;1,234.56;4\n2026-01-20;2,000.00;6\n', 'spend');
    const undecided = write('undecided-comma.csv', 'date;amount;new_customers\n2026-02-03;1,250;5\n2026-02-17;2,500;5\n', 'spend');
    for (const inputs of [[proving, undecided], [undecided, proving]]) {
      const result = await read(inputs);
      // Alone, the ;-file read "1,250" with a decimal comma: 1.25 and 2.5. With the file proving "," groups thousands:
      expect(valuesOf(result, 'amount', inputs.indexOf(undecided))).toEqual([1250, 2500]);
      expect(valuesOf(result, 'amount', inputs.indexOf(proving))).toEqual([1234.56, 2000]);
      expect(undecidedWarnings(result.warnings)).toEqual([]);
      expect(result.notes).toContain(
        `${undecided.name}: column "amount" has values like "1,250" and none that shows whether "," is a decimal or a thousands separator; read with "." as the decimal as ${proving.name} of the same data set proves ("1,234.56")`,
      );
      const column = result.inputs[inputs.indexOf(undecided)]!.columns.find((c) => c.field === 'amount')!;
      expect(column.format).toBe(`money, decimal dot (as ${proving.name} proves)`);
    }
  });

  it('a ,-separated spend file of "1.250" and "2.500" takes the decimal comma another file proves ("1.234,56")', async () => {
    const proving = write('proving-comma.csv', 'date,amount,new_customers\n2026-01-05,"1.234,56",4\n2026-01-20,"2.000,00",6\n', 'spend');
    const undecided = write('undecided-dot.csv', 'date,amount,new_customers\n2026-02-03,1.250,5\n2026-02-17,2.500,5\n', 'spend');
    const result = await read([undecided, proving]);
    // Alone, the ,-file read "1.250" with a decimal dot: 1.25 and 2.5; its data set writes "." for thousands.
    expect(valuesOf(result, 'amount', 0)).toEqual([1250, 2500]);
    expect(valuesOf(result, 'amount', 1)).toEqual([1234.56, 2000]);
    expect(undecidedWarnings(result.warnings)).toEqual([]);
    expect(result.notes).toContain(
      `${undecided.name}: column "amount" has values like "1.250" and none that shows whether "." is a decimal or a thousands separator; read with "," as the decimal as ${proving.name} of the same data set proves ("1.234,56")`,
    );
    expect(result.inputs[0]!.columns.find((c) => c.field === 'amount')!.format).toBe(`money, decimal comma (as ${proving.name} proves)`);
    expect(result.inputs[1]!.columns.find((c) => c.field === 'amount')!.format).toBe('money, decimal comma');
  });

  it('keeps the guess and its warning when no other file proves a separator', async () => {
    const first = write('alone-1.csv', 'date;amount\n2026-02-03;1,250\n', 'spend');
    const second = write('alone-2.csv', 'date;amount\n2026-02-04;3,750\n', 'spend');
    const result = await read([first, second]);
    // Both ;-files: a decimal comma assumed, 1.25 and 3.75, and each says so.
    expect(valuesOf(result, 'amount', 0)).toEqual([1.25]);
    expect(valuesOf(result, 'amount', 1)).toEqual([3.75]);
    expect(undecidedWarnings(result.warnings)).toHaveLength(2);
    expect(result.inputs[0]!.columns.find((c) => c.field === 'amount')!.format).toBe('money, decimal comma (assumed)');
  });

  it('two files proving different separators keep their own, and a third that proves none keeps its warning', async () => {
    const dot = write('two-dot.csv', 'date;amount\n2026-01-05;1,234.56\n', 'spend');
    const comma = write('two-comma.csv', 'date;amount\n2026-01-06;1.234,56\n', 'spend');
    const undecided = write('two-undecided.csv', 'date;amount\n2026-01-07;1,250\n', 'spend');
    const result = await read([dot, comma, undecided]);
    expect(valuesOf(result, 'amount', 0)).toEqual([1234.56]);
    expect(valuesOf(result, 'amount', 1)).toEqual([1234.56]);
    // Nothing settles it: the ;-file's decimal comma, warned.
    expect(valuesOf(result, 'amount', 2)).toEqual([1.25]);
    expect(undecidedWarnings(result.warnings)).toEqual([expect.stringContaining(`${undecided.name}: column "amount"`)]);
  });

  it('only the same field settles: a proven new_customers column is no proof for amount', async () => {
    const other = write('field-other.csv', 'date;amount;new_customers\n2026-01-05;100;1,5\n', 'spend');
    const undecided = write('field-undecided.csv', 'date;amount\n2026-01-07;1,250\n', 'spend');
    const result = await read([other, undecided], ['amount', 'new_customers']);
    expect(valuesOf(result, 'amount', 1)).toEqual([1.25]);
    expect(undecidedWarnings(result.warnings)).toEqual([expect.stringContaining(`${undecided.name}: column "amount"`)]);
  });

  it('--decimal wins over every file', async () => {
    const proving = write('option-proving.csv', 'date;amount\n2026-01-05;1,234.56\n', 'spend');
    const undecided = write('option-undecided.csv', 'date;amount\n2026-01-07;1,250\n', 'spend');
    const result = await readDatasets([proving, undecided], { zone: new Zone('UTC'), zoneGiven: true, fields: ['amount'], decimal: ',' });
    // "1,234.56" with a decimal comma is no number: the row is rejected; "1,250" is 1.25.
    expect(result.inputs.map((i) => i.rejected)).toEqual([1, 0]);
    expect(valuesOf(result, 'amount', 1)).toEqual([1.25]);
    expect(result.notes.filter((n) => n.includes('of the same data set proves'))).toEqual([]);
  });

  it('ticket durations: "2,250" minutes beside a file of the same export with "1,5" are 2.25 minutes, not 2250', async () => {
    const header = 'Id,Via,Created at,Solved at,First reply time in minutes\n';
    const proving = write('zendesk-1.csv', `${header}1,Mail,2026-01-05 10:00:00,,"1,5"\n`, 'tickets');
    const undecided = write('zendesk-2.csv', `${header}2,Mail,2026-01-06 10:00:00,,"2,250"\n`, 'tickets');
    const result = await read([proving, undecided], ['first_response_minutes']);
    expect(result.inputs.map((i) => i.preset)).toEqual(['zendesk', 'zendesk']);
    // 1.5 min = 90 s; 2.25 min = 135 s (read alone with a decimal dot: 2250 min = 135,000 s).
    expect([...result.datasets[0]!.elapsed.first_response!.seconds]).toEqual([90, 135]);
    expect(undecidedWarnings(result.warnings)).toEqual([]);
    expect(result.notes).toContain(`${undecided.name}: column "First reply time in minutes" has values like "2,250" and none that shows whether "," is a decimal or a thousands separator; read with "," as the decimal as ${proving.name} of the same data set proves ("1,5")`);
  });

  it('subscriptions: an MRR of "1.490" beside a file of "49,00" is 1490', async () => {
    const header = 'customer_id,started_at,mrr\n';
    const proving = write('subs-1.csv', `${header}a,2026-01-01,"49,00"\n`, 'subscriptions');
    const undecided = write('subs-2.csv', `${header}b,2026-01-01,1.490\n`, 'subscriptions');
    const result = await read([proving, undecided]);
    // 49.00 and 1490 (read alone with a decimal dot, 1.49).
    expect([...result.datasets[0]!.numbers.mrr!]).toEqual([49, 1490]);
    expect(undecidedWarnings(result.warnings)).toEqual([]);
  });

  it('files of another preset prove nothing for each other', async () => {
    const zendesk = write('preset-zendesk.csv', 'Id,Via,Created at,Solved at,First reply time in minutes\n1,Mail,2026-01-05 10:00:00,,"1,5"\n', 'tickets');
    const generic = write('preset-generic.csv', 'ticket_id,created_at,first_response_minutes\n2,2026-01-06 10:00:00,"2,250"\n', 'tickets');
    const result = await read([zendesk, generic], ['first_response_minutes']);
    expect(result.inputs.map((i) => i.preset)).toEqual(['zendesk', null]);
    // The generic file's "2,250" stays read with a dot: 2250 min = 135,000 s, warned.
    expect([...result.datasets[0]!.elapsed.first_response!.seconds]).toEqual([90, 135_000]);
    expect(undecidedWarnings(result.warnings)).toHaveLength(1);
  });
});
