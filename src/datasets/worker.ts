/**
 * Worker thread entry: reads one byte range of a CSV file (the second half of a parallel read). It is started before
 * the file's plan is known — by the bin, before the CLI's modules load (early-worker.ts) — so its module loading
 * overlaps the main thread's; the plan and range then arrive as a message.
 */
import { parentPort } from 'node:worker_threads';
import type { CsvRange } from '../read/csv.js';
import type { FilePlan } from './plan.js';
import type { SharedOutput } from './row-reader.js';
import { readCsvPart, transferablesOf } from './read-part.js';
import { mark } from '../timing.js';
import { WORKER_SLOT } from '../read/progress.js';

parentPort!.once('message', async ({ plan, range, output, progress }: { plan: FilePlan; range: CsvRange; output: SharedOutput | null; progress?: Float64Array }) => {
  try {
    // Its bytes and records in the shared counters the main thread draws the progress bar from.
    const { part, end } = await readCsvPart(plan, range, output, undefined, progress === undefined ? undefined : { counters: progress, slot: WORKER_SLOT });
    parentPort!.postMessage({ part, end }, transferablesOf(part));
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
mark('ready');
