import { describe, expect, it } from 'vitest';
import { parseTimestampText } from '../../src/read/timestamp.js';
import { UTC, Zone } from '../../src/read/zone.js';

const wall = (text: string) => Date.parse(`${text}Z`);

describe('Zone counts the wall times it read by rule (a repeated or skipped DST hour)', () => {
  it('reads 2026-10-25 02:30 Berlin (twice that day) as the first, summer time, and counts it', () => {
    const berlin = new Zone('Europe/Berlin');
    // First occurrence: 02:30 at +02:00 = 00:30 UTC (the second would be 01:30 UTC at +01:00).
    expect(parseTimestampText('2026-10-25 02:30:00', 'iso', berlin)).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(berlin.repeated).toBe(1);
    expect(berlin.firstRepeated).toBe(wall('2026-10-25T02:30:00'));
    expect(berlin.skipped).toBe(0);
  });

  it('reads 2026-03-29 02:30 Berlin (does not exist) with the offset before the gap: 01:30 UTC = 03:30 summer time', () => {
    const berlin = new Zone('Europe/Berlin');
    expect(parseTimestampText('2026-03-29 02:30:00', 'iso', berlin)).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(parseTimestampText('29.03.2026 02:59:59', 'dmy-dotted', berlin)).toBe(Date.parse('2026-03-29T01:59:59Z'));
    expect(berlin.skipped).toBe(2);
    expect(berlin.firstSkipped).toBe(wall('2026-03-29T02:30:00'));
  });

  it('counts nothing for times beside the changed hour, in UTC or in a zone without DST', () => {
    const berlin = new Zone('Europe/Berlin');
    // 01:59:59 and 03:00:00 on both change days are single, existing wall times.
    for (const t of ['2026-10-25 01:59:59', '2026-10-25 03:00:00', '2026-03-29 01:59:59', '2026-03-29 03:00:00', '2026-07-01 02:30:00']) parseTimestampText(t, 'iso', berlin);
    expect(berlin.repeated + berlin.skipped).toBe(0);
    const moscow = new Zone('Europe/Moscow');
    parseTimestampText('2026-10-25 02:30:00', 'iso', moscow);
    expect(moscow.repeated + moscow.skipped).toBe(0);
    parseTimestampText('2026-10-25 02:30:00', 'iso', UTC);
    expect(UTC.repeated + UTC.skipped).toBe(0);
  });

  it('keeps the counts per instance while sharing the offsets of one zone name', () => {
    const a = new Zone('Europe/Berlin');
    const b = new Zone('Europe/Berlin');
    parseTimestampText('2026-10-25 02:15:00', 'iso', a);
    expect([a.repeated, b.repeated]).toEqual([1, 0]);
    // Same reading through the shared cache.
    expect(parseTimestampText('2026-10-25 02:15:00', 'iso', b)).toBe(parseTimestampText('2026-10-25 02:15:00', 'iso', a));
  });

  it('finds the transition near a wall time: the wall hour and the offsets before and after', () => {
    const berlin = new Zone('Europe/Berlin');
    // Autumn: at 01:00 UTC, +02:00 → +01:00; the wall hour 02:00–03:00 repeats.
    expect(berlin.transitionNear(wall('2026-10-25T02:30:00'))).toEqual({ from: wall('2026-10-25T02:00:00'), to: wall('2026-10-25T03:00:00'), before: 7_200_000, after: 3_600_000 });
    // Spring: at 01:00 UTC, +01:00 → +02:00; the wall hour 02:00–03:00 is skipped.
    expect(berlin.transitionNear(wall('2026-03-29T02:30:00'))).toEqual({ from: wall('2026-03-29T02:00:00'), to: wall('2026-03-29T03:00:00'), before: 3_600_000, after: 7_200_000 });
    expect(berlin.transitionNear(wall('2026-07-01T02:30:00'))).toBeNull();
    expect(UTC.transitionNear(wall('2026-10-25T02:30:00'))).toBeNull();
  });
});
