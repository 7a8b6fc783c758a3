import { describe, expect, it } from 'vitest';
import { repeatedText, skippedText, zoneReadingWarnings } from '../../src/datasets/zone-readings.js';
import type { FilePlan } from '../../src/datasets/plan.js';
import type { DatasetPart } from '../../src/datasets/row-reader.js';
import { Zone } from '../../src/read/zone.js';

const wall = (text: string) => Date.parse(`${text}Z`);

describe('the warnings of wall times read by rule', () => {
  it('say the repeated hour, an example and how it was read', () => {
    expect(repeatedText(new Zone('Europe/Berlin'), 1, wall('2026-10-25T02:30:00'))).toBe('1 time in the hour repeated when clocks went back (2026-10-25 02:00–03:00 Europe/Berlin, e.g. 2026-10-25 02:30:00), read as the first (summer time, +02:00)');
    // New York falls back at 06:00 UTC: 01:00–02:00 wall repeats, the first at −04:00 (EDT).
    expect(repeatedText(new Zone('America/New_York'), 3, wall('2026-11-01T01:10:00'))).toBe('3 times in the hour repeated when clocks went back (2026-11-01 01:00–02:00 America/New_York, e.g. 2026-11-01 01:10:00), read as the first (summer time, -04:00)');
  });

  it('say the skipped hour and the wall time the value became', () => {
    // 02:30 read at +01:00 = 01:30 UTC, which the clocks after the gap (+02:00) show as 03:30.
    expect(skippedText(new Zone('Europe/Berlin'), 1, wall('2026-03-29T02:30:00'))).toBe('1 time that does not exist (2026-03-29 02:00–03:00 skipped in Europe/Berlin, e.g. 2026-03-29 02:30:00), read as 03:30 summer time (+02:00)');
    expect(skippedText(new Zone('Europe/Berlin'), 2, wall('2026-03-29T02:05:00'))).toMatch(/^2 times that do not exist .*read as 03:05 summer time/);
  });

  it('add up the parts of a file per column, the first part giving the example', () => {
    const plan = { file: 'tickets.csv', columns: [{ field: 'created_at', header: 'Created at' }] } as unknown as FilePlan;
    const part = (repeated: number, firstRepeated: number, skipped: number, firstSkipped: number) => ({ zoneReadings: [{ field: 'created_at', zone: 'Europe/Berlin', repeated, firstRepeated, skipped, firstSkipped }] }) as unknown as DatasetPart;
    // 1 + 2 repeated, 0 + 1 skipped; the second part's repeated example (02:45) is not the file's first.
    const warnings = zoneReadingWarnings(plan, [part(1, wall('2026-10-25T02:30:00'), 0, Number.NaN), part(2, wall('2026-10-25T02:45:00'), 1, wall('2026-03-29T02:10:00'))]);
    expect(warnings).toEqual([
      'tickets.csv: "Created at" has 3 times in the hour repeated when clocks went back (2026-10-25 02:00–03:00 Europe/Berlin, e.g. 2026-10-25 02:30:00), read as the first (summer time, +02:00) — an export with offsets removes the doubt',
      'tickets.csv: "Created at" has 1 time that does not exist (2026-03-29 02:00–03:00 skipped in Europe/Berlin, e.g. 2026-03-29 02:10:00), read as 03:10 summer time (+02:00) — an export with offsets removes the doubt',
    ]);
    expect(zoneReadingWarnings(plan, [{ zoneReadings: [] } as unknown as DatasetPart])).toEqual([]);
  });
});
