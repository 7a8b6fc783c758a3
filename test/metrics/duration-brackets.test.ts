import { describe, expect, it } from 'vitest';
import { bracketDistribution, countedBracketLabels } from '../../src/metrics/duration-brackets.js';
import { parseDurationBracket } from '../../src/read/duration-bracket.js';

/** A bracket column as the reader keeps it: code 0 = empty cell, then the labels as first seen. */
function column(rows: string[]) {
  const labels = [''];
  const codes = rows.map((label) => {
    if (label.trim() === '') return 0;
    let code = labels.indexOf(label.trim());
    if (code < 0) code = labels.push(label.trim()) - 1;
    return code;
  });
  return { codes: Uint16Array.from(codes), labels, readings: labels.map((l, code) => (code === 0 ? null : parseDurationBracket(l))) };
}

describe('bracketDistribution: FRT known only by brackets', () => {
  // 3 × 0-1 hrs, 2 × 1-8 hrs, 1 × 8-24 hrs, 1 × >24 hrs, 1 × No replies (the fixture zendesk-explore.csv after merging)
  const frt = column(['8-24 hrs', '0-1 hrs', 'No replies', '1-8 hrs', '0-1 hrs', '>24 hrs', '1-8 hrs', '0-1 hrs']);

  it('tickets per bracket, shortest first; No replies counted apart; shares of the 7 answered', () => {
    const d = bracketDistribution(frt.codes, frt.labels, frt.readings, null);
    expect(d.brackets).toEqual([
      { label: '0-1 hrs', fromSeconds: 0, toSeconds: 3600, count: 3, share: 3 / 7 },
      { label: '1-8 hrs', fromSeconds: 3600, toSeconds: 28_800, count: 2, share: 2 / 7 },
      { label: '8-24 hrs', fromSeconds: 28_800, toSeconds: 86_400, count: 1, share: 1 / 7 },
      { label: '>24 hrs', fromSeconds: 86_400, toSeconds: null, count: 1, share: 1 / 7 },
    ]);
    expect(d.measured).toBe(7);
    expect(d.none).toBe(1);
    expect(d.empty).toBe(0);
    expect(d.withinTarget).toBeNull();
    expect(d.withinTargetRange).toBeNull();
  });

  it('median: rank h = (7 − 1)·0.5 = 3 (0-based) is the first of the two 1-8 hrs; p90: h = 5.4, ranks 5 (8-24) and 6 (>24)', () => {
    const d = bracketDistribution(frt.codes, frt.labels, frt.readings, null);
    expect(d.medianBracket).toBe('1-8 hrs');
    expect(d.medianRange).toEqual([3600, 28_800]);
    expect(d.p90Range).toEqual([28_800, null]);
  });

  it('a target on a bracket boundary gives the exact share; one inside a bracket only its bounds', () => {
    // < 1 h: 0-1 hrs lies wholly within, nothing else reaches below 1 h → exactly 3/7
    const atBoundary = bracketDistribution(frt.codes, frt.labels, frt.readings, { comparator: '<', value: 3600 });
    expect(atBoundary.withinTargetRange).toEqual([3 / 7, 3 / 7]);
    expect(atBoundary.withinTarget).toBe(3 / 7);
    // < 15 min: no bracket lies wholly below 900 s; 0-1 hrs reaches into it → between 0 and 3/7, not known
    const inside = bracketDistribution(frt.codes, frt.labels, frt.readings, { comparator: '<', value: 900 });
    expect(inside.withinTargetRange).toEqual([0, 3 / 7]);
    expect(inside.withinTarget).toBeNull();
    // <= 8 h: 0-1 and 1-8 hrs wholly (5); 8-24 hrs starts at 8 h exactly and may hold a value of 8 h → [5/7, 6/7]
    const inclusive = bracketDistribution(frt.codes, frt.labels, frt.readings, { comparator: '<=', value: 28_800 });
    expect(inclusive.withinTargetRange).toEqual([5 / 7, 6 / 7]);
  });

  it('an even count whose middle ranks straddle two brackets: no median bracket, the range of both', () => {
    // ART of the fixture: 3 × 0-5 hrs, 5-24 hrs, 1-7 days, 7-30 days, 2 × Unsolved → 6 resolved; h = 2.5: ranks 2 (0-5) and 3 (5-24)
    const art = column(['0-5 hrs', '1-7 days', 'Unsolved', '5-24 hrs', '0-5 hrs', 'Unsolved', '7-30 days', '0-5 hrs']);
    const d = bracketDistribution(art.codes, art.labels, art.readings, { comparator: '<', value: 14_400 });
    expect(d.medianBracket).toBeNull();
    expect(d.medianRange).toEqual([0, 86_400]);
    // p90: h = 4.5, ranks 4 (1-7 days) and 5 (7-30 days)
    expect(d.p90Range).toEqual([86_400, 2_592_000]);
    expect(d.none).toBe(2);
    // < 4 h inside 0-5 hrs: [0, 3/6]
    expect(d.withinTargetRange).toEqual([0, 0.5]);
  });

  it('empty cells and labels without a range are counted apart, never placed in a bracket', () => {
    const odd = column(['0-1 hrs', ' ', 'Very slow', 'Very slow', '1-8 hrs']);
    const d = bracketDistribution(odd.codes, odd.labels, odd.readings, null);
    expect(d.measured).toBe(2);
    expect(d.empty).toBe(1);
    expect(d.unrecognised).toEqual([{ label: 'Very slow', count: 2 }]);
    // h = (2 − 1)·0.5 = 0.5: ranks 0 (0-1 hrs) and 1 (1-8 hrs)
    expect(d.medianRange).toEqual([0, 28_800]);
  });

  it('overlapping brackets (two schemes in one column) order no ranks: no median, no p90', () => {
    const mixed = column(['0-1 hrs', '0-5 hrs', '1-8 hrs']);
    const d = bracketDistribution(mixed.codes, mixed.labels, mixed.readings, null);
    expect(d.measured).toBe(3);
    expect(d.medianRange).toBeNull();
    expect(d.p90Range).toBeNull();
  });

  it('no answered ticket: no shares, no ranges', () => {
    const none = column(['No replies', 'No replies']);
    const d = bracketDistribution(none.codes, none.labels, none.readings, { comparator: '<', value: 900 });
    expect(d).toEqual(expect.objectContaining({ measured: 0, none: 2, brackets: [], medianRange: null, p90Range: null, withinTargetRange: null, withinTarget: null }));
  });
});

describe('countedBracketLabels: each ticket\'s bracket under the label the distribution counts it by', () => {
  it('equal ranges in two spellings take the first one\'s label; none and unknown labels stay as written; empty is null', () => {
    // 8-24 hrs and 8-24 hours are one range (28800–86400 s): the distribution counts both under "8-24 hrs"
    const c = column(['8-24 hrs', 'No replies', '8-24 hours', 'Very slow', '', '0-1 hrs']);
    const labels = countedBracketLabels(c.labels, c.readings);
    const perTicket = Array.from(c.codes, (code) => labels[code]);
    expect(perTicket).toEqual(['8-24 hrs', 'No replies', '8-24 hrs', 'Very slow', null, '0-1 hrs']);
    // The per-ticket labels add up to the distribution: 8-24 hrs 2, 0-1 hrs 1
    const d = bracketDistribution(c.codes, c.labels, c.readings, null);
    for (const b of d.brackets) expect(perTicket.filter((l) => l === b.label)).toHaveLength(b.count);
    expect(d.brackets.map((b) => [b.label, b.count])).toEqual([['0-1 hrs', 1], ['8-24 hrs', 2]]);
  });
});
