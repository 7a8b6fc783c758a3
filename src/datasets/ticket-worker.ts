/**
 * Worker thread entry: reads one byte range of a ticket file (the second half of a parallel read). It is started
 * before the file's plan is known, so its module loading overlaps the main thread's work on the head of the file;
 * the plan and range then arrive as a message.
 */
import { parentPort } from 'node:worker_threads';
import type { CsvRange } from '../read/csv.js';
import { readTicketPart, transferablesOf } from './ticket-part.js';
import type { TicketFilePlan } from './ticket-plan.js';

parentPort!.once('message', async ({ plan, range }: { plan: TicketFilePlan; range: CsvRange }) => {
  try {
    const part = await readTicketPart(plan, range);
    parentPort!.postMessage({ part }, transferablesOf(part));
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
