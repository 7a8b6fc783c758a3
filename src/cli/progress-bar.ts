import { progressCounters } from '../read/progress.js';
import type { ProgressSink } from '../datasets/plan.js';

/** Reads shorter than this show no bar: a bar that flashes for a quick run is noise. */
const QUIET_FOR_MS = 1000;
const REDRAW_MS = 200;

/**
 * Whether a run shows a progress bar: only on a terminal (never into a pipe or a file), never in CI output (CI=…),
 * never with --quiet.
 */
export function showsProgress(stderrIsTerminal: boolean, quiet: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return stderrIsTerminal && !quiet && (env.CI === undefined || env.CI === '' || env.CI === 'false');
}

/**
 * A one-line progress bar on stderr for reads over a second: bytes read of the file's size and rows per second, over
 * both reading threads (their shared counters). `finish` clears it before anything else is written.
 */
export function progressBar(write: (text: string) => void, now: () => number): ProgressSink & { finish(): void } {
  const counters = progressCounters();
  let label = '';
  let total = 0;
  let started = 0;
  let drawn = 0;
  let shown = false;
  return {
    counters,
    startFile(name, bytes) {
      label = name;
      total = bytes;
      started = now();
      counters.fill(0);
    },
    tick() {
      const at = now();
      if (at - started < QUIET_FOR_MS || at - drawn < REDRAW_MS) return;
      drawn = at;
      shown = true;
      write(`\r${progressLine(label, counters[0]! + counters[2]!, total, counters[1]! + counters[3]!, (at - started) / 1000)}\u001b[K`);
    },
    finish() {
      if (shown) write('\r\u001b[K');
      shown = false;
    },
  };
}

/** `reading tickets.csv ████████░░░░░░░░ 52% 121/233 MB · 612,000 rows/s` */
export function progressLine(label: string, bytes: number, total: number, rows: number, seconds: number): string {
  const share = total > 0 ? Math.min(1, bytes / total) : 0;
  const width = 20;
  const full = Math.round(share * width);
  const mb = (n: number) => (n / 1_048_576).toFixed(0);
  const rate = seconds > 0 ? Math.round(rows / seconds).toLocaleString('en-US') : '0';
  const name = label.length > 30 ? `…${label.slice(-29)}` : label;
  return `reading ${name} ${'█'.repeat(full)}${'░'.repeat(width - full)} ${Math.round(share * 100)}% ${mb(bytes)}/${mb(total)} MB · ${rate} rows/s`;
}
