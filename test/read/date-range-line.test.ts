import { describe, expect, it } from 'vitest';
import { dateRangeLine } from '../../src/read/date-range-line.js';
import { UTC, Zone } from '../../src/read/zone.js';

describe("a report's date-range line", () => {
  it('reads "October 1, 2026 - October 31, 2026" as [Oct 1, Nov 1), both days included, in the zone', () => {
    expect(dateRangeLine(['Campaign report', 'October 1, 2026 - October 31, 2026'], UTC)).toEqual({ line: 'October 1, 2026 - October 31, 2026', since: Date.UTC(2026, 9, 1), until: Date.UTC(2026, 10, 1) });
    // Berlin: Oct 1 00:00 CEST = Sep 30 22:00 UTC; Nov 1 00:00 CET = Oct 31 23:00 UTC (the range crosses the DST change)
    const berlin = dateRangeLine(['Oct 1, 2026 – Oct 31, 2026'], new Zone('Europe/Berlin'));
    expect(berlin).toMatchObject({ since: Date.UTC(2026, 8, 30, 22), until: Date.UTC(2026, 9, 31, 23) });
  });
  it('All time, and lines that are no range', () => {
    expect(dateRangeLine(['All time'], UTC)).toEqual({ line: 'All time', allTime: true });
    expect(dateRangeLine(['Campaign report', 'Brand - Search'], UTC)).toBeNull();
  });
});
