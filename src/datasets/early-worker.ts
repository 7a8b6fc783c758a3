import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { mark } from '../timing.js';

/**
 * The helper thread of a parallel read (worker.ts), started by the bin before it imports the CLI: the worker's own
 * start-up (a fresh isolate loading its modules) then runs on the second core while the CLI's modules load and the
 * head is planned, not after (issue #10). readDatasets takes it with takeWorker; the bin discards it when no read did.
 * The bin imports this module first, so it imports only node built-ins and the timing marks.
 */

/**
 * Files whose body is at least this large are read in two halves at once, one in a worker thread (read-dataset.ts; 2
 * cores: the machines this runs on). Smaller files are not worth a worker's start-up. SUPPORT_METRICS_PARALLEL_MIN_BYTES
 * overrides it (tests force the parallel path on small files with it).
 */
export const PARALLEL_MIN_BYTES = Number(process.env.SUPPORT_METRICS_PARALLEL_MIN_BYTES ?? 32 * 1024 * 1024);
/** The reader's worker thread module (beside this one, in dist/ and in the bundle alike). */
export const WORKER_URL = new URL('./worker.js', import.meta.url);

let early: Worker | null = null;

/**
 * Starts the helper when the command line will likely read a file in halves: a `report` or `validate` naming a file of
 * PARALLEL_MIN_BYTES or more that is not gzip or zip (xlsx). readDatasets still decides; a wrong guess costs a thread
 * that is terminated unused.
 */
export function startEarlyWorker(argv: readonly string[]): void {
  if (early !== null || !wouldReadInHalves(argv)) return;
  const worker = new Worker(WORKER_URL);
  worker.unref(); // until taken, it must not keep the process alive
  // One that fails before it is taken (its modules did not load) is dropped: the read then starts its own, or none.
  worker.once('error', dropEarlyWorker);
  early = worker;
  mark('worker started');
}

/** Whether `argv` (without node and script) looks like a run that reads a file in two halves; cheap: a stat per argument. */
export function wouldReadInHalves(argv: readonly string[]): boolean {
  if ((argv[0] !== 'report' && argv[0] !== 'validate') || argv.includes('--help') || argv.includes('-h')) return false;
  return argv.slice(1).some((arg) => {
    const path = arg.startsWith('--') ? arg.slice(arg.indexOf('=') + 1 || arg.length) : arg;
    return path !== '' && path !== '-' && largeUncompressedFile(path);
  });
}

/** gzip and zip (xlsx) files are read in one pass; what cannot be read is the CLI's to report. */
function largeUncompressedFile(path: string): boolean {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile() || stat.size < PARALLEL_MIN_BYTES) return false;
    const magic = Buffer.alloc(2);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, magic, 0, 2, 0);
    } finally {
      closeSync(fd);
    }
    return !(magic[0] === 0x1f && magic[1] === 0x8b) && !(magic[0] === 0x50 && magic[1] === 0x4b);
  } catch {
    return false;
  }
}

/** The early helper, once; null when none was started or it was taken. The caller owns it and terminates it. */
export function takeWorker(): Worker | null {
  const worker = early;
  early = null;
  if (worker !== null) {
    worker.off('error', dropEarlyWorker); // from here its errors are the taker's, as for a worker it started itself
    worker.ref();
    mark('worker taken');
  }
  return worker;
}

function dropEarlyWorker(): void {
  early = null;
}

/** Terminates the early helper if no read took it, so that it does not outlive the run. */
export function discardEarlyWorker(): void {
  if (early === null) return;
  void early.terminate();
  early = null;
  mark('worker discarded');
}
