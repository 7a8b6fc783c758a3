import { describe, expect, it } from 'vitest';
import { progressBar, progressLine, showsProgress } from '../../src/cli/progress-bar.js';

describe('the progress bar (issue #14)', () => {
  it('shows on a terminal only: never into a pipe, never in CI, never with --quiet', () => {
    expect(showsProgress(true, false, {})).toBe(true);
    expect(showsProgress(false, false, {})).toBe(false);
    expect(showsProgress(true, true, {})).toBe(false);
    expect(showsProgress(true, false, { CI: 'true' })).toBe(false);
    expect(showsProgress(true, false, { CI: 'false' })).toBe(true);
  });

  it('bytes of the total and rows per second, over both reading threads', () => {
    // 121 of 233 MiB: 52 %, 11 of 20 cells; 1,224,000 rows in 2 s: 612,000 rows/s.
    expect(progressLine('tickets.csv', 121 * 1_048_576, 233 * 1_048_576, 1_224_000, 2)).toBe('reading tickets.csv ██████████░░░░░░░░░░ 52% 121/233 MB · 612,000 rows/s');
  });

  it('draws nothing in the first second, then at most every 200 ms, and clears its line at the end', () => {
    const written: string[] = [];
    let clock = 0;
    const bar = progressBar((t) => written.push(t), () => clock);
    bar.startFile('big.csv', 1000);
    bar.counters[0] = 300; // main thread's bytes
    bar.counters[2] = 200; // the worker's
    clock = 900;
    bar.tick();
    expect(written).toEqual([]);
    clock = 1000;
    bar.tick();
    clock = 1100;
    bar.tick(); // within 200 ms of the last: not drawn
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\rreading big\.csv .* 50% /);
    bar.finish();
    expect(written.at(-1)).toBe('\r\u001b[K');
  });
});
