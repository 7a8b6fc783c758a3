import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * Start-up phase marks for issue #10's figures, opt-in: with SUPPORT_METRICS_TIMING=1 each mark is one stderr line,
 * in ms from process start (a worker's clock counts from the process start too). Off, a mark is one boolean test.
 */
const enabled = process.env.SUPPORT_METRICS_TIMING === '1';

export function mark(phase: string): void {
  // Written to fd 2 at once: a worker's process.stderr is relayed by the main thread, and a mark still in that relay
  // when the process exits is lost (the marks of a loaded machine's runs went missing).
  if (enabled) writeSync(2, `support-metrics: timing: ${performance.now().toFixed(1)} ms ${phase}${isMainThread ? '' : ' (worker)'}\n`);
}
