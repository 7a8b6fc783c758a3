import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TicketTimes } from '../metrics/ticket-times.js';
import { findRecordBoundary } from '../read/csv.js';
import { isAsciiCompatible } from '../read/encoding.js';
import { Rejections, sortRejections } from './rejections.js';
import { findRepeatedIds } from './ticket-ids.js';
import { readTicketPart, type TicketPart } from './ticket-part.js';
import { planTicketFile, type TicketFilePlan } from './ticket-plan.js';
import type { InputSummary, TicketDataset, TicketReadOptions } from './tickets.js';

/**
 * Files whose body is at least this large are read in two halves at once, one in a worker thread (2 cores: the
 * machines this runs on). Smaller files are not worth a worker's start-up. SUPPORT_METRICS_PARALLEL_MIN_BYTES
 * overrides it (tests force the parallel path on small files with it).
 */
const PARALLEL_MIN_BYTES = Number(process.env.SUPPORT_METRICS_PARALLEL_MIN_BYTES ?? 32 * 1024 * 1024);
const WORKER_URL = new URL('./ticket-worker.js', import.meta.url);

/**
 * Reads one or more ticket files into one data set: per file, a plan from its head, then its rows (in two parallel
 * halves when large), then — over all files — repeated ids rejected (first kept) and their rows dropped.
 */
export async function readTickets(files: readonly string[], options: TicketReadOptions): Promise<TicketDataset> {
  const notes: string[] = [];
  const plans: TicketFilePlan[] = [];
  const partsOfFile: TicketPart[][] = [];
  for (const [inputIndex, file] of files.entries()) {
    // Start the helper before reading the head, so its start-up overlaps the planning.
    const size = await sizeOf(file);
    const helper = size >= PARALLEL_MIN_BYTES && existsSync(fileURLToPath(WORKER_URL)) ? new Worker(WORKER_URL) : null;
    try {
      const plan = await planTicketFile(file, inputIndex, options, notes);
      plans.push(plan);
      partsOfFile.push(await readTicketFile(plan, size, helper));
    } finally {
      void helper?.terminate();
    }
  }
  return mergeParts(plans, partsOfFile, notes);
}

/** The file's size in bytes; 0 when it cannot be read (the plan then reports why, properly). */
async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

/** The parts of one file, in order, with line numbers made absolute. */
async function readTicketFile(plan: TicketFilePlan, size: number, helper: Worker | null): Promise<TicketPart[]> {
  const whole = { start: plan.bomLength, end: null, firstLine: 1, skipThroughLine: plan.headerLine };
  const split = helper !== null && isAsciiCompatible(plan.encoding) ? await findRecordBoundary(plan, plan.bomLength + Math.floor((size - plan.bomLength) / 2), plan.width) : null;
  if (helper === null || split === null) return [await readTicketPart(plan, whole)];

  // The worker gets its range first: the first half below reads synchronously and holds this thread until done.
  const secondHalf = readPartInWorker(helper, plan, { start: split, end: null, firstLine: 1, skipThroughLine: 0 });
  const [first, second] = await Promise.all([readTicketPart(plan, { ...whole, end: split }), secondHalf]);
  // The split was a guess: if the first half did not end between records, it fell inside a quoted field.
  if (!first.end.clean || first.end.nextLine <= plan.headerLine) return [await readTicketPart(plan, whole)];
  const shift = first.end.nextLine - 1;
  for (let i = 0; i < second.lineOfRow.length; i++) second.lineOfRow[i] = second.lineOfRow[i]! + shift;
  for (const r of second.rejections) r.line += shift;
  second.end.nextLine += shift;
  return [first, second];
}

function readPartInWorker(worker: Worker, plan: TicketFilePlan, range: Parameters<typeof readTicketPart>[1]): Promise<TicketPart> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (message: { part?: TicketPart; error?: string }) => {
      worker.off('error', onError);
      if (message.part) resolve(message.part);
      else reject(new Error(message.error));
    });
    worker.postMessage({ plan, range });
  });
}

/** Concatenates the parts of all files, rejects repeated ids across them, and builds the summaries. */
function mergeParts(plans: TicketFilePlan[], partsOfFile: TicketPart[][], notes: string[]): TicketDataset {
  const rejections = new Rejections();
  const inputs: InputSummary[] = [];
  const parts = partsOfFile.flat();
  const inputOfPart = partsOfFile.flatMap((fileParts, input) => fileParts.map(() => input));
  plans.forEach((plan, input) => {
    const fileParts = partsOfFile[input]!;
    const accepted = fileParts.reduce((n, p) => n + p.createdAt.length, 0);
    const rejected = fileParts.reduce((n, p) => n + p.rejections.length, 0);
    inputs.push({
      file: plan.file,
      kind: 'tickets',
      preset: plan.preset,
      encoding: plan.encoding,
      delimiter: plan.delimiter,
      rows: fileParts.reduce((n, p) => n + p.rows, 0),
      accepted,
      rejected,
      skipped: fileParts.reduce((n, p) => n + p.skipped, 0),
      merged: 0,
    });
    for (const part of fileParts) {
      for (const r of part.rejections) {
        const index = plan.columnOfField[r.field];
        rejections.add({ file: plan.file, inputIndex: input, line: r.line, column: index === undefined ? undefined : index + 1, field: r.field, value: r.value, reason: r.reason, message: r.message });
      }
    }
  });

  const total = parts.reduce((n, p) => n + p.createdAt.length, 0);
  const concat = <T extends Float64Array | Uint8Array | Uint32Array>(pick: (p: TicketPart) => T, make: (n: number) => T): T => {
    if (parts.length === 1) return pick(parts[0]!);
    const out = make(total);
    let offset = 0;
    for (const part of parts) {
      out.set(pick(part), offset);
      offset += pick(part).length;
    }
    return out;
  };
  const lineOfRow = concat((p) => p.lineOfRow, (n) => new Uint32Array(n));
  const inputOfRow = new Uint32Array(total);
  let offset = 0;
  parts.forEach((part, k) => {
    inputOfRow.fill(inputOfPart[k]!, offset, offset + part.createdAt.length);
    offset += part.createdAt.length;
  });
  const times: TicketTimes = {
    createdAt: concat((p) => p.createdAt, (n) => new Float64Array(n)),
    firstResponseSeconds: concat((p) => p.firstResponseSeconds, (n) => new Float64Array(n)),
    firstResponseSource: concat((p) => p.firstResponseSource, (n) => new Uint8Array(n)),
    resolutionSeconds: concat((p) => p.resolutionSeconds, (n) => new Float64Array(n)),
    resolutionSource: concat((p) => p.resolutionSource, (n) => new Uint8Array(n)),
  };
  const numericIds = concat((p) => p.numericIds, (n) => new Float64Array(n));
  const textIds = parts.flatMap((p) => p.textIds);

  const repeats = findRepeatedIds(numericIds, textIds);
  if (repeats.length > 0) {
    const textIdOfRow = new Map<number, string>();
    if (textIds.length > 0) {
      let k = 0;
      for (let row = 0; row < total; row++) if (Number.isNaN(numericIds[row]!)) textIdOfRow.set(row, textIds[k++]!);
    }
    const place = (row: number) => (plans.length > 1 ? `${plans[inputOfRow[row]!]!.file}:${lineOfRow[row]}` : `line ${lineOfRow[row]}`);
    const drop = new Uint8Array(total);
    for (const [row, firstRow] of repeats) {
      drop[row] = 1;
      const input = inputOfRow[row]!;
      const plan = plans[input]!;
      rejections.add({
        file: plan.file,
        inputIndex: input,
        line: lineOfRow[row]!,
        column: plan.idIndex + 1,
        field: 'id',
        value: textIdOfRow.get(row) ?? String(numericIds[row]),
        reason: 'duplicate ticket id',
        message: `repeats the ticket id of ${place(firstRow)} (the first is kept)`,
      });
      inputs[input]!.accepted--;
      inputs[input]!.rejected++;
    }
    const kept = total - repeats.length;
    const keep = <T extends Float64Array | Uint8Array>(values: T): T => {
      const out = new (values.constructor as new (n: number) => T)(kept);
      let k = 0;
      for (let i = 0; i < total; i++) if (drop[i] === 0) out[k++] = values[i]!;
      return out;
    };
    times.createdAt = keep(times.createdAt);
    times.firstResponseSeconds = keep(times.firstResponseSeconds);
    times.firstResponseSource = keep(times.firstResponseSource);
    times.resolutionSeconds = keep(times.resolutionSeconds);
    times.resolutionSource = keep(times.resolutionSource);
  }
  sortRejections(rejections);
  return { times, inputs, rejections, notes };
}
