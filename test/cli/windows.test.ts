import { describe, expect, it } from 'vitest';
import { namedWindow } from '../../src/cli/window-option.js';
import { UTC, Zone } from '../../src/read/zone.js';
import { runBin } from './run-bin.js';

const berlin = new Zone('Europe/Berlin');
const iso = (w: { since: number; until: number }) => [new Date(w.since).toISOString(), new Date(w.until).toISOString()];

describe('--window (issue #13)', () => {
  it('last-week and last-month count from --as-of in the zone', () => {
    // Wednesday 2026-11-11 in Berlin: last week is Mon Nov 2 – Mon Nov 9, midnight CET (UTC+1)
    expect(iso(namedWindow('last-week', berlin, Date.UTC(2026, 10, 11, 12)))).toEqual(['2026-11-01T23:00:00.000Z', '2026-11-08T23:00:00.000Z']);
    // On a Monday, last week is the seven days before it
    expect(iso(namedWindow('last-week', UTC, Date.UTC(2026, 10, 9, 0, 30)))).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-09T00:00:00.000Z']);
    // November 1st in Berlin: October runs from CEST (UTC+2) to CET (UTC+1)
    expect(iso(namedWindow('last-month', berlin, Date.UTC(2026, 10, 1, 10)))).toEqual(['2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z']);
  });

  it('ISO weeks (week 1 holds January 4th; 2026 has 53) and months', () => {
    expect(iso(namedWindow('2026-W45', UTC, 0))).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-09T00:00:00.000Z']);
    expect(iso(namedWindow('2026-W01', UTC, 0))).toEqual(['2025-12-29T00:00:00.000Z', '2026-01-05T00:00:00.000Z']);
    expect(iso(namedWindow('2026-W53', UTC, 0))).toEqual(['2026-12-28T00:00:00.000Z', '2027-01-04T00:00:00.000Z']);
    expect(() => namedWindow('2025-W53', UTC, 0)).toThrow('2025 has ISO weeks 1 to 52');
    expect(iso(namedWindow('2026-02', UTC, 0))).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });

  it('the CLI: a reproducible last-week with --as-of, and conflicting options refused', () => {
    const result = runBin(['report', 'fixtures/zendesk-tickets.csv', '--window', 'last-week', '--as-of', '2026-11-10', '--format', 'json', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.window).toMatchObject({ since: '2026-11-02T00:00:00.000Z', until: '2026-11-09T00:00:00.000Z' });
    expect(report.metrics.ticket_volume.value).toBe(8); // tickets of Nov 2–5
    const both = runBin(['report', 'fixtures/zendesk-tickets.csv', '--window', '2026-11', '--since', '2026-11-01']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--window and --since/--until both name the window; give one of them');
    const bad = runBin(['report', 'fixtures/zendesk-tickets.csv', '--window', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a window; use last-week, last-month, YYYY-Www (2026-W45) or YYYY-MM');
  });
});
