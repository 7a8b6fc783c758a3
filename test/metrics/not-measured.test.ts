import { describe, expect, it } from 'vitest';
import { art, artOfSlices } from '../../src/metrics/art.js';
import { frt, frtOfSlices } from '../../src/metrics/frt.js';
import { ticketVolume, ticketVolumeOfSlices } from '../../src/metrics/ticket-volume.js';
import { slicing } from '../../src/stats/slicing.js';
import { ValueSource } from '../../src/value-source.js';

/**
 * Several files read as one, some without a first-response (resolution) column: their rows' source is noColumn —
 * unknown, neither measured nor unanswered (unresolved), counted apart as notMeasured.
 */
const N = Number.NaN;
const { timestamps, none, noColumn } = ValueSource;
// Rows 0–3 from a file with the columns (answered 300 s, 900 s; row 2 unanswered; row 3 answered 1500 s),
// rows 4–5 from a file without them.
const firstResponseSeconds = Float64Array.from([300, 900, N, 1500, N, N]);
const firstResponseSource = Uint8Array.from([timestamps, timestamps, none, timestamps, noColumn, noColumn]);
// Resolution: rows 0 and 3 resolved (3600 s, 7200 s), 1 and 2 unresolved, 4–5 unknown.
const resolutionSeconds = Float64Array.from([3600, N, N, 7200, N, N]);
const resolutionSource = Uint8Array.from([timestamps, none, none, timestamps, noColumn, noColumn]);
const tickets = { firstResponseSeconds, firstResponseSource, resolutionSeconds, resolutionSource };

describe('tickets of a file without the column', () => {
  it('are left out of FRT and ART and counted as notMeasured, not unanswered or unresolved', () => {
    const first = frt(tickets, null, { notMeasured: true });
    // mean (300 + 900 + 1500) / 3 = 900; unanswered = 6 rows − 3 measured − 2 not measured = 1
    expect(first.value).toBe(900);
    expect(first.details).toMatchObject({ count: 3, unanswered: 1, notMeasured: 2 });
    const resolution = art(tickets, null, { notMeasured: true });
    // mean (3600 + 7200) / 2 = 5400; unresolved = 6 − 2 − 2 = 2
    expect(resolution.value).toBe(5400);
    expect(resolution.details).toMatchObject({ count: 2, unresolved: 2, notMeasured: 2 });
    // Without the option (one file, or all with the column) the details are as before: no notMeasured key.
    expect('notMeasured' in frt({ firstResponseSeconds: firstResponseSeconds.slice(0, 4), firstResponseSource: firstResponseSource.slice(0, 4) }).details).toBe(false);
  });

  it('are counted apart by the ticket volume', () => {
    const volume = ticketVolume(tickets, { firstResponseNotMeasured: true, resolutionNotMeasured: true });
    // 6 tickets: answered 3, not measured 2 → unanswered 1; resolved 2, not measured 2 → unresolved 2
    expect(volume).toEqual({ value: 6, details: { resolved: 2, unresolved: 2, unanswered: 1, firstResponseNotMeasured: 2, resolutionNotMeasured: 2 } });
    expect(ticketVolume(tickets).details).toEqual({ resolved: 2, unresolved: 4, unanswered: 3 });
  });

  it('per slice as in the whole', () => {
    // Slice 0: rows 0, 2, 4; slice 1: rows 1, 3, 5.
    const slices = slicing(Int32Array.from([0, 1, 0, 1, 0, 1]), 2);
    const [a, b] = frtOfSlices(tickets, slices, [null, null], { notMeasured: true });
    // Slice 0: 300 measured, row 2 unanswered, row 4 not measured; slice 1: 900, 1500 measured, row 5 not measured.
    expect(a!.details).toMatchObject({ count: 1, unanswered: 1, notMeasured: 1 });
    expect(b!.details).toMatchObject({ count: 2, unanswered: 0, notMeasured: 1 });
    const [ra, rb] = artOfSlices(tickets, slices, [null, null], { notMeasured: true });
    // Slice 0: 3600 resolved, row 2 unresolved, row 4 unknown; slice 1: 7200 resolved, row 1 unresolved, row 5 unknown.
    expect(ra!.details).toMatchObject({ count: 1, unresolved: 1, notMeasured: 1 });
    expect(rb!.details).toMatchObject({ count: 1, unresolved: 1, notMeasured: 1 });
    const [va, vb] = ticketVolumeOfSlices(tickets, slices, { firstResponseNotMeasured: true, resolutionNotMeasured: true });
    expect(va!.details).toEqual({ resolved: 1, unresolved: 1, unanswered: 1, firstResponseNotMeasured: 1, resolutionNotMeasured: 1 });
    expect(vb!.details).toEqual({ resolved: 1, unresolved: 1, unanswered: 0, firstResponseNotMeasured: 1, resolutionNotMeasured: 1 });
  });
});
