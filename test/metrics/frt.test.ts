import { describe, expect, it } from 'vitest';
import { frt } from '../../src/metrics/frt.js';
import { ValueSource } from '../../src/value-source.js';
import { statusOf } from '../../src/targets/status.js';
import { parseTarget } from '../../src/targets/parse-target.js';

const none = Number.NaN;

describe('frt', () => {
  it('reproduces the SPEC §5 worked example exactly', () => {
    // Minutes 5, 10, 20, 40 and one ticket without a response → seconds 300, 600, 1200, 2400.
    const seconds = Float64Array.from([300, 600, 1200, 2400, none]);
    const source = Uint8Array.from([1, 1, 1, 1, 0]);
    const result = frt({ firstResponseSeconds: seconds, firstResponseSource: source }, parseTarget('< 15 min'));
    // mean = (300 + 600 + 1200 + 2400) / 4 = 4500 / 4 = 1125
    expect(result.value).toBe(1125);
    // median: h = (4 − 1)·0.5 = 1.5 → 600 + 0.5·(1200 − 600) = 900
    expect(result.details.median).toBe(900);
    // p90: h = 3·0.9 = 2.7 → 1200 + 0.7·(2400 − 1200) = 2040
    expect(result.details.p90).toBe(2040);
    expect(result.details.unanswered).toBe(1);
    expect(result.details.count).toBe(4);
    expect(result.details.min).toBe(300);
    expect(result.details.max).toBe(2400);
    // within "< 15 min" (900 s): 300 and 600 → 2 of 4
    expect(result.details.withinTarget).toBe(0.5);
    // target "< 15 min": 1125 s is not below 900 s
    expect(statusOf(result.value, parseTarget('< 15 min'))).toBe('missed');
  });

  it('counts where each value came from', () => {
    const result = frt({
      firstResponseSeconds: Float64Array.from([60, 120, none]),
      firstResponseSource: Uint8Array.from([ValueSource.exportColumn, ValueSource.timestamps, ValueSource.none]),
    });
    expect(result.details.sources).toEqual({ exportColumn: 1, timestamps: 1 });
    expect(result.details.withinTarget).toBeNull();
  });

  it('gives null, not zero, when no ticket was answered', () => {
    const result = frt({ firstResponseSeconds: Float64Array.from([none, none]), firstResponseSource: new Uint8Array(2) });
    expect(result.value).toBeNull();
    expect(result.details.median).toBeNull();
    expect(result.details.unanswered).toBe(2);
    expect(statusOf(result.value, parseTarget('< 15 min'))).toBe('no-data');
  });
});
