import { describe, expect, it } from 'vitest';
import { art } from '../../src/metrics/art.js';
import { ticketVolume } from '../../src/metrics/ticket-volume.js';
import { pickColumns, rowsInWindow } from '../../src/report/window.js';

const none = Number.NaN;

describe('art', () => {
  it('averages resolved tickets and counts the unresolved', () => {
    // Resolution 1 h, 2 h, 9 h; one unresolved.
    const result = art({ resolutionSeconds: Float64Array.from([3600, none, 7200, 32400]), resolutionSource: Uint8Array.from([2, 0, 1, 1]) }, { comparator: '<', value: 14400 });
    // mean = (3600 + 7200 + 32400) / 3 = 43200 / 3 = 14400 → not < 4 h
    expect(result.value).toBe(14400);
    // median of 3 values = the middle one
    expect(result.details.median).toBe(7200);
    // p90: h = 2·0.9 = 1.8 → 7200 + 0.8·(32400 − 7200) = 27360
    expect(result.details.p90).toBe(27360);
    expect(result.details.unresolved).toBe(1);
    // within "< 4 h": 3600, 7200 → 2 of 3
    expect(result.details.withinTarget).toBeCloseTo(2 / 3, 12);
    expect(result.details.sources).toEqual({ exportColumn: 2, timestamps: 1 });
  });
});

describe('ticketVolume and the window filter', () => {
  const times = {
    createdAt: Float64Array.from([Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 2), Date.UTC(2026, 10, 3), Date.UTC(2026, 10, 4)]),
    firstResponseSeconds: Float64Array.from([60, none, 30, 10]),
    firstResponseSource: Uint8Array.from([1, 0, 1, 1]),
    resolutionSeconds: Float64Array.from([600, none, none, 100]),
    resolutionSource: Uint8Array.from([1, 0, 0, 1]),
  };

  it('counts resolved, unresolved and unanswered', () => {
    expect(ticketVolume(times)).toEqual({ value: 4, details: { resolved: 2, unresolved: 2, unanswered: 1 } });
  });

  it('selects tickets by created_at in [since, until)', () => {
    // Nov 2 00:00 inclusive, Nov 4 00:00 exclusive → the tickets of Nov 2 and Nov 3
    const inWindow = pickColumns(times, rowsInWindow(times.createdAt, Date.UTC(2026, 10, 2), Date.UTC(2026, 10, 4)));
    expect(Array.from(inWindow.createdAt)).toEqual([Date.UTC(2026, 10, 2), Date.UTC(2026, 10, 3)]);
    expect(ticketVolume(inWindow)).toEqual({ value: 2, details: { resolved: 0, unresolved: 2, unanswered: 1 } });
  });
});
