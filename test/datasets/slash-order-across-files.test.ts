import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatasets } from '../../src/datasets/read-dataset.js';
import { Zone } from '../../src/read/zone.js';

const folder = mkdtempSync(join(tmpdir(), 'sm-slash-'));
const write = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return { name: path, kind: 'tickets' as const };
};
const header = 'ticket_id,created_at,resolved_at\n';

describe('slash dates of one data set in several files (found by the property tests, issue #16)', () => {
  it("a file whose days never pass 12 takes the order another file of the data set proves: 01/01 → 02/01 is one day, not 31", async () => {
    // The shrunk counterexample: the tickets cut by time into the 1st–12th and the rest. Read alone, the first file is
    // month-first (02/01 = February 1st); with the second (13/01) the data set is day-first, as in one file.
    const first = write('first.csv', `${header}1,01/01/2026 00:00,02/01/2026 00:00\n`);
    const second = write('second.csv', `${header}2,11/01/2026 09:23,13/01/2026 00:00\n`);
    for (const inputs of [[first, second], [second, first]]) {
      const read = await readDatasets(inputs, { zone: new Zone('UTC'), zoneGiven: true, fields: ['resolved_at'] });
      const tickets = read.datasets[0]!;
      const row = [...tickets.inputOfRow].indexOf(inputs.indexOf(first));
      // 02/01/2026 − 01/01/2026 day-first = 86,400 s (month-first it was 31 days: 2,678,400 s)
      expect(tickets.elapsed.resolution!.seconds[row]).toBe(86_400);
      expect(read.warnings.filter((w) => w.includes('month-first'))).toEqual([]);
      expect(read.notes).toContain(`${first.name}: the slash dates of "created_at", "resolved_at" never show a day above 12; read day-first (DD/MM/YYYY) as ${second.name} of the same data set proves`);
      expect(read.inputs.flatMap((i) => i.columns.map((c) => c.format))).not.toContainEqual(expect.stringContaining('month-first assumed'));
    }
  });

  it('keeps the month-first guess and its warning when no other file proves an order', async () => {
    const first = write('alone-1.csv', `${header}1,01/01/2026 00:00,02/01/2026 00:00\n`);
    const second = write('alone-2.csv', `${header}2,03/01/2026 00:00,04/01/2026 00:00\n`);
    const read = await readDatasets([first, second], { zone: new Zone('UTC'), zoneGiven: true, fields: ['resolved_at'] });
    // Month-first: 01/01 → 02/01 is January 1st → February 1st, 31 days.
    expect(read.datasets[0]!.elapsed.resolution!.seconds[0]).toBe(31 * 86_400);
    expect(read.warnings.filter((w) => w.includes('never show a day above 12'))).toHaveLength(2);
  });
});

describe('a timestamp column whose sample ties between two formats (found by the rejected-row property, issue #16)', () => {
  it("takes the format of the file's time field: a rejected row's ISO reply time does not make the other row's DD/MM/YYYY unreadable", async () => {
    // The shrunk counterexample: row 2 replies before it was created (rejected); row 3 is good. first_response_at
    // reads one value as ISO and one as DD/MM/YYYY: the tie went to ISO, and the good row was rejected as well.
    const file = write('tie.csv', 'ticket_id,created_at,first_response_at\n9999,01/01/2026 00:00,2025-12-31T00:00:00Z\n1,13/01/2026 00:00,13/01/2026 00:10\n');
    const read = await readDatasets([file], { zone: new Zone('UTC'), zoneGiven: true, fields: ['first_response_at'] });
    expect(read.inputs[0]).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(Array.from(read.datasets[0]!.elapsed.first_response!.seconds)).toEqual([600]);
    expect(read.rejections.all).toEqual([expect.objectContaining({ line: 2 })]);
  });
});
