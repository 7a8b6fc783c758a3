import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findRecordBoundary, type CsvRange, type CsvRangeEnd } from '../read/csv.js';
import { detectEncoding, isAsciiCompatible } from '../read/encoding.js';
import { asInputError, detectContentFormat, isFileSystemError, readInputHead, resolveInput, type InputFile } from '../read/input.js';
import type { SheetSource } from '../read/source.js';
import { Zone } from '../read/zone.js';
import { PARALLEL_MIN_BYTES, takeWorker, WORKER_URL } from './early-worker.js';
import { mergeSketches, type ColumnSketch } from '../stats/column-sketch.js';
import { checkMapFields, mappedHeaderIndex, presetIgnores } from './mapping.js';
import { PRESETS } from '../presets/index.js';
import { InputError, UsageError } from '../errors.js';
import { settleSurveyScales } from './survey-scales.js';
import { joinSurveysToTickets } from './join-tickets.js';
import { withOneCurrency, withoutTotalRows, withRowCurrencies } from './currency.js';
import type { DatasetKind, KindName } from './kind.js';
import { KINDS, kindNamed } from './kinds.js';
import { planFile, settleDecimalAcrossFiles, settleSlashOrderAcrossFiles, type ColumnPlan, type FilePlan, type PlannedFile, type ProgressSink, type ReadOptions } from './plan.js';
import { readCsvPart, readSheetPart } from './read-part.js';
import { MAIN_SLOT } from '../read/progress.js';
import { Rejections, sortRejections } from './rejections.js';
import { findRepeatedIds } from './row-ids.js';
import { RowReader, type DatasetPart, type SharedOutput } from './row-reader.js';
import { allocateShared, bytesPerRecord, halves, joinHalves, sharedRegions } from './shared-output.js';
import { mergeTextColumns, type TextColumn } from './text-codes.js';
import { zoneReadingWarnings } from './zone-readings.js';
import { ValueSource } from '../value-source.js';
import { datasetRows, describeColumn, type Dataset, type InputSummary, type ReadResult } from './dataset.js';


/** One input as named on the command line, with its kind when the user gave it (`--tickets FILE`). */
export interface InputSpec {
  name: string;
  kind?: KindName | undefined;
}

/** A planned input with its file and its helper thread: started before its planning (the first), or undefined (later). */
type PlannedInput = PlannedFile & { input: InputFile; helper?: Worker | null };

/**
 * Reads every input into data sets, one per kind (several files of a kind are one data set): per file, its kind and
 * plan from its head, then its rows (a large CSV in two parallel halves), then — per kind, over all its files —
 * repeated keys rejected (first kept) and their rows dropped.
 */
export async function readDatasets(specs: readonly InputSpec[], options: ReadOptions): Promise<ReadResult> {
  checkMapFields(options.map ?? {}, KINDS);
  const planned: PlannedInput[] = [];
  try {
    for (const [inputIndex, spec] of specs.entries()) planned.push(await planInput(spec, inputIndex, options, inputIndex === 0));
    settleAcrossFiles(planned);
    return await readPlanned(planned, options);
  } finally {
    for (const file of planned) void file.helper?.terminate();
  }
}

/**
 * `validate`: each input read alone — one unreadable file does not hide the others, and no key repeated across files is
 * rejected — but planned beside the others first, so that the files of one data set settle their slash-date order and
 * decimal separators together, as `report` reads them. Per input, its result or the InputError that stopped it.
 */
export async function readEachDataset(specs: readonly InputSpec[], options: ReadOptions): Promise<(ReadResult | InputError)[]> {
  checkMapFields(options.map ?? {}, KINDS);
  const planned: (PlannedInput | InputError)[] = [];
  const settled = (file: PlannedInput | InputError): file is PlannedInput => !(file instanceof InputError);
  try {
    // Each is input 0 of the data set it is read in: itself alone.
    for (const [index, spec] of specs.entries()) planned.push(await planInput(spec, 0, options, index === 0).catch(inputErrorOnly));
    settleAcrossFiles(planned.filter(settled));
    const results: (ReadResult | InputError)[] = [];
    for (const file of planned) results.push(settled(file) ? await readPlanned([file], options).catch(inputErrorOnly) : file);
    return results;
  } finally {
    for (const file of planned) if (settled(file)) void file.helper?.terminate();
  }
}

/** An InputError as a value (a file that cannot be read); any other error is a bug and goes on up. */
function inputErrorOnly(error: unknown): InputError {
  if (error instanceof InputError) return error;
  throw error;
}

/**
 * Plans one input from its head. The first input's helper — the one the bin started before the CLI loaded
 * (early-worker.ts), else one started now — is taken before planning, so its start-up overlaps the planning (for a
 * file it can take half of); the others' when their file is read, so that no more than one waits.
 */
async function planInput(spec: InputSpec, inputIndex: number, options: ReadOptions, first: boolean): Promise<PlannedInput> {
  const input = await resolveInput(spec.name);
  const helper = first ? await helperFor(input, options) : undefined;
  try {
    const kinds = spec.kind === undefined ? KINDS : [kindNamed(spec.kind)];
    return { ...(await planFile(input, inputIndex, kinds, options)), input, helper };
  } catch (error) {
    void helper?.terminate();
    throw fileSystemErrorOf(input.label, error);
  }
}

/**
 * Every file is planned before any is read: the files of one data set settle their slash-date order and decimal
 * separators together. Plan data only — no file is read again — and the plans, with what they settled, then go to
 * the readers and their worker threads.
 */
function settleAcrossFiles(planned: readonly PlannedFile[]): void {
  settleSlashOrderAcrossFiles(planned);
  settleDecimalAcrossFiles(planned);
}

/** Reads the planned inputs, in order, into data sets. */
async function readPlanned(planned: readonly PlannedInput[], options: ReadOptions): Promise<ReadResult> {
  const notes: string[] = [];
  const warnings: string[] = [];
  const files: { plan: FilePlan; parts: DatasetPart[] }[] = [];
  for (const file of planned) {
    notes.push(...file.notes);
    warnings.push(...file.warnings);
    const helper = file.helper === undefined ? await helperFor(file.input, options) : file.helper;
    file.helper = helper;
    try {
      options.progress?.startFile(file.input.label, file.input.size);
      const parts = await readFileParts(file.plan, file.input, file.source, helper, options.progress).catch((error: unknown) => {
        throw fileSystemErrorOf(file.input.label, error);
      });
      warnings.push(...zoneReadingWarnings(file.plan, parts));
      files.push({ plan: file.plan, parts });
    } finally {
      void helper?.terminate();
      file.helper = null;
    }
  }
  checkMapMatched(options.map ?? {}, files.map((f) => f.plan));
  const rejections = new Rejections();
  const inputs: InputSummary[] = files.map(({ plan, parts }) => summarise(plan, parts, rejections));
  const datasets: Dataset[] = [];
  for (const kind of KINDS) {
    const ofKind = files.map((f, index) => ({ ...f, index })).filter((f) => f.plan.kind === kind.kind);
    if (ofKind.length === 0) continue;
    const merged = mergeFiles(kind, ofKind, inputs, rejections, notes);
    if (kind.kind === 'surveys') datasets.push(withSurveyScales(merged, ofKind, inputs, rejections, options, warnings));
    else if (kind.ratingsAside === true && merged.texts.csat !== undefined) datasets.push(withTicketRatings(merged, ofKind, options, warnings));
    else if (kind.kind === 'spend') datasets.push(withRowCurrencies(withoutTotalRows(merged, inputs, warnings), ofKind.map((f) => f.plan)));
    else if (kind.kind === 'subscriptions') datasets.push(withRowCurrencies(merged, ofKind.map((f) => f.plan)));
    else datasets.push(merged);
  }
  joinSurveys(datasets, notes);
  withOneCurrency(datasets, inputs, options.currency);
  sortRejections(rejections);
  return { datasets, inputs, rejections, notes, warnings };
}

/**
 * A read that fails in the file system (EIO from a failing disk or a network share gone away, /proc/self/mem) as one
 * line naming the file — the readers map the errors they expect, this catches the rest (corpus, issue #16).
 */
function fileSystemErrorOf(label: string, error: unknown): unknown {
  return isFileSystemError(error) ? asInputError(label, error) : error;
}

/** A `--map` whose header no input has is a mistake (a typo in a CI job's options), not a note: exit 2. */
function checkMapMatched(map: Readonly<Record<string, string>>, plans: readonly FilePlan[]): void {
  for (const [field, header] of Object.entries(map)) {
    if (plans.some((plan) => plan.columns.some((c) => c.field === field && c.via === 'map'))) continue;
    explainUnusedMap(field, header, plans);
    const first = plans[0];
    const seen = first === undefined ? '' : `; ${first.file} has ${first.headers.slice(0, 8).map((h) => JSON.stringify(h)).join(', ')}${first.headers.length > 8 ? ', …' : ''}`;
    throw new UsageError(`--map ${field}=${JSON.stringify(header)} matches no header of any input${seen}; check the spelling (a part of a header is enough when only one header contains it)`);
  }
}

/**
 * A `--map` whose header an input does have, yet took no column: say why, rather than that no input has the header
 * (issue #16, found by the option fuzzer: `report fixtures/surveys-chatwoot.csv --map created_at="Recorded date"` said
 * `matches no header of any input; fixtures/surveys-chatwoot.csv has …, "Recorded date"`). Either the field is not one
 * of the kind the file is read as (mapHeaders leaves other kinds' fields to their files), or another --map took that
 * column first (one column holds one field). Returns when no input has the header: that is the typo message.
 */
function explainUnusedMap(field: string, header: string, plans: readonly FilePlan[]): void {
  for (const plan of plans) {
    const index = mappedHeaderIndex(plan.headers, header);
    if (index < 0) continue;
    const found = JSON.stringify(plan.headers[index]);
    const kind = kindNamed(plan.kind);
    if (!kind.fields.some((f) => f.field === field)) {
      const kinds = KINDS.filter((k) => k.fields.some((f) => f.field === field)).map((k) => k.kind);
      throw new UsageError(
        `--map ${field}=${JSON.stringify(header)}: ${plan.file} has the header ${found}, but the file is read as ${plan.kind} and ${field} is a field of ${kinds.join(' and ')}; ` +
          `map one of its fields (${kind.fields.map((f) => f.field).join(', ')}), or give the file's kind with --${kinds[0]} ${plan.file}`,
      );
    }
    const holder = plan.columns.find((c) => c.index === index);
    if (holder !== undefined) {
      throw new UsageError(`--map ${field}=${JSON.stringify(header)}: the header ${found} of ${plan.file} is already mapped to ${holder.field}${holder.via === 'map' ? ` (--map ${holder.field})` : ''}; a column holds one field: map ${field} to another header`);
    }
  }
}

/** Survey responses joined to the tickets they answer (join-tickets.ts), in place, with a note of how many matched. */
function joinSurveys(datasets: Dataset[], notes: string[]): void {
  const at = datasets.findIndex((d) => d.kind === 'surveys');
  const tickets = datasets.find((d) => d.kind === 'tickets');
  if (at < 0 || tickets === undefined) return;
  const join = joinSurveysToTickets(datasets[at]!, tickets);
  if (join === null || join.withTicketId === 0) return;
  datasets[at] = join.surveys;
  const missed = join.withTicketId - join.matched;
  const taken = join.fields.length === 0 ? '' : ` (their ${join.fields.join(', ')} taken from it where the response names none)`;
  notes.push(`${join.matched} of the ${join.withTicketId} survey responses that name a ticket answer one of the tickets read${taken}${missed === 0 ? '' : `; ${missed} name${missed === 1 ? 's' : ''} a ticket not among them`}`);
}

/** A helper thread for reading `input` in two halves, when it can be (splittable); its failure is noted, never unhandled. */
async function helperFor(input: InputFile, options: ReadOptions): Promise<Worker | null> {
  const helper = (await splittable(input, options)) && existsSync(fileURLToPath(WORKER_URL)) ? (takeWorker() ?? new Worker(WORKER_URL)) : null;
  // From now on its failure is noted, never unhandled (a stack trace): the file is then read in one pass.
  helper?.on('error', () => deadHelpers.add(helper)).on('exit', () => deadHelpers.add(helper));
  return helper;
}

/** Whether a file can be read in two halves: a large, uncompressed CSV in an encoding that keeps ASCII bytes. */
async function splittable(input: InputFile, options: ReadOptions): Promise<boolean> {
  if (input.size < PARALLEL_MIN_BYTES || input.gzip) return false;
  const head = await readInputHead(input, 8192);
  return detectContentFormat(head) === 'csv' && isAsciiCompatible(options.encoding ?? detectEncoding(head).encoding);
}

/** The parts of one file, in order, with line numbers made absolute. */
async function readFileParts(plan: FilePlan, input: InputFile, source: SheetSource | null, helper: Worker | null, sink?: ProgressSink): Promise<DatasetPart[]> {
  if (source !== null) return [await readSheetPart(plan, source)];
  const progress = sink === undefined ? undefined : { counters: sink.counters, slot: MAIN_SLOT, tick: () => sink.tick() };
  const whole: CsvRange = { start: plan.bomLength, end: null, firstLine: 1, skipThroughLine: plan.headerLine };
  const split = helper !== null && isAsciiCompatible(plan.encoding!) ? await findRecordBoundary(plan as { path: string; delimiter: string }, plan.bomLength + Math.floor((input.size - plan.bomLength) / 2), plan.width) : null;
  if (helper === null || split === null) return [(await readCsvPart(plan, whole, null, undefined, progress)).part];

  // Both halves write into shared columns (shared-output.ts), sized from the records' mean size near each half.
  const firstReader = new RowReader(plan);
  const output = await sharedOutput(plan, input.size, split, firstReader);
  // The worker gets its range first: the first half below reads synchronously and holds this thread until done.
  // A worker that fails (out of memory, killed) costs only the speed-up: the file is then read in one pass.
  const secondHalf = readPartInWorker(helper, plan, { start: split, end: null, firstLine: 1, skipThroughLine: 0 }, output?.[1] ?? null, sink?.counters).catch(() => null);
  const [first, second] = await Promise.all([readCsvPart(plan, { ...whole, end: split }, output?.[0] ?? null, firstReader, progress), secondHalf]);
  // The split was a guess: if the first half did not end between records, it fell inside a quoted field.
  if (second === null || !first.end.clean || first.end.nextLine <= plan.headerLine) return [(await readCsvPart(plan, whole, null, undefined, progress)).part];
  const shift = first.end.nextLine - 1;
  for (let i = 0; i < second.part.lineOfRow.length; i++) second.part.lineOfRow[i] = second.part.lineOfRow[i]! + shift;
  for (const r of second.part.rejections) r.line += shift;
  return [first.part, second.part];
}

/** The shared output regions of the two halves, or null when the records' size cannot be told (then private arrays). */
async function sharedOutput(plan: FilePlan, size: number, split: number, reader: RowReader): Promise<[SharedOutput, SharedOutput] | null> {
  const layout = plan as { path: string; delimiter: string };
  const first = await bytesPerRecord(layout.path, layout.delimiter, split - Math.floor((split - plan.bomLength) * 0.9), split);
  const second = await bytesPerRecord(layout.path, layout.delimiter, split, size);
  if (first === null || second === null) return null;
  const { firstCapacity, secondCapacity } = sharedRegions((split - plan.bomLength) / first, (size - split) / second);
  return halves(allocateShared(reader, firstCapacity + secondCapacity), firstCapacity, secondCapacity);
}

/** Helpers that failed or exited: a job posted to one would never be answered. */
const deadHelpers = new WeakSet<Worker>();

function readPartInWorker(worker: Worker, plan: FilePlan, range: CsvRange, output: SharedOutput | null, progress?: Float64Array): Promise<{ part: DatasetPart; end: CsvRangeEnd }> {
  return new Promise((resolve, reject) => {
    if (deadHelpers.has(worker)) return reject(new Error('the helper thread is gone'));
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('exit', () => reject(new Error('the helper thread exited')));
    worker.once('message', (message: { part?: DatasetPart; end?: CsvRangeEnd; error?: string }) => {
      worker.off('error', onError);
      if (message.part) resolve({ part: message.part, end: message.end! });
      else reject(new Error(message.error));
    });
    worker.postMessage({ plan, range, output, ...(progress === undefined ? {} : { progress }) });
  });
}

/** Where a file's rows went, and how it was read; its rejections are added to `rejections` with file and column. */
function summarise(plan: FilePlan, parts: readonly DatasetPart[], rejections: Rejections): InputSummary {
  const sum = (pick: (p: DatasetPart) => number) => parts.reduce((n, p) => n + pick(p), 0);
  for (const part of parts) {
    for (const r of part.rejections) {
      const column = plan.columns.find((c) => c.field === r.field);
      rejections.add({ file: plan.file, sheet: plan.sheet, inputIndex: plan.inputIndex, line: r.line, column: column === undefined ? undefined : column.index + 1, field: r.field, value: r.value, reason: r.reason, message: r.message });
    }
  }
  return {
    file: plan.file,
    kind: plan.kind,
    preset: plan.preset,
    format: plan.format,
    compression: plan.gzip ? 'gzip' : null,
    encoding: plan.encoding,
    delimiter: plan.delimiter,
    sheet: plan.sheet,
    headerLine: plan.headerLine,
    rows: sum((p) => p.rows),
    accepted: sum((p) => p.lineOfRow.length),
    rejected: sum((p) => p.rejections.length),
    skipped: sum((p) => p.skipped),
    merged: 0,
    columns: plan.columns.map((c: ColumnPlan) => describeColumn(c)),
    unusedHeaders: plan.headers.filter((header, index) => header !== '' && !plan.columns.some((c) => c.index === index || c.alsoIndexes?.includes(index)) && !plan.skipRules.some((r) => r.index === index)),
    skipRows: plan.skipRules.map((rule, r) => ({ header: plan.headers[rule.index]!, values: rule.values, reason: rule.reason, skipped: sum((p) => p.skippedByRule[r] ?? 0) })),
    ...(plan.datedBy === null ? {} : { datedBy: { line: plan.datedBy.line, since: new Date(plan.datedBy.since).toISOString(), until: new Date(plan.datedBy.until).toISOString() } }),
  };
}

/** Concatenates the parts of one kind's files, rejects repeated keys across them, and builds the data set. */
function mergeFiles(kind: DatasetKind, files: readonly { plan: FilePlan; parts: DatasetPart[]; index: number }[], inputs: InputSummary[], rejections: Rejections, notes: string[]): Dataset {
  const parts = files.flatMap((f) => f.parts);
  const total = parts.reduce((n, p) => n + p.lineOfRow.length, 0);
  const concat = <T extends Float64Array | Uint8Array | Uint32Array>(arrays: T[], make: (n: number) => T): T => {
    if (arrays.length === 1) return arrays[0]!;
    const secondFrom = parts.length === 2 ? parts[1]!.sharedFrom : null;
    const joined = secondFrom !== null ? joinHalves(arrays[0]!, arrays[1]!, secondFrom) : null;
    if (joined !== null) return joined;
    const out = make(total);
    let offset = 0;
    for (const a of arrays) {
      out.set(a, offset);
      offset += a.length;
    }
    return out;
  };
  const lineOfRow = concat(parts.map((p) => p.lineOfRow), (n) => new Uint32Array(n));
  const inputOfRow = new Uint32Array(total);
  let offset = 0;
  for (const f of files) {
    for (const p of f.parts) {
      inputOfRow.fill(f.index, offset, offset + p.lineOfRow.length);
      offset += p.lineOfRow.length;
    }
  }
  // A column one file lacks is empty (NaN / code 0) for that file's rows.
  const numberFields = [...new Set(parts.flatMap((p) => Object.keys(p.numbers)))];
  const numbers: Record<string, Float64Array> = {};
  for (const field of numberFields) numbers[field] = concat(parts.map((p) => p.numbers[field] ?? new Float64Array(p.lineOfRow.length).fill(Number.NaN)), (n) => new Float64Array(n));
  const elapsedNames = [...new Set(parts.flatMap((p) => Object.keys(p.elapsed)))];
  const elapsed: Dataset['elapsed'] = {};
  for (const name of elapsedNames) {
    const sketches = parts.map((p) => p.elapsed[name]?.sketch);
    elapsed[name] = {
      seconds: concat(parts.map((p) => p.elapsed[name]?.seconds ?? new Float64Array(p.lineOfRow.length).fill(Number.NaN)), (n) => new Float64Array(n)),
      // A file without the duration's columns does not say its tickets are unanswered (unresolved): unknown, not none.
      source: concat(parts.map((p) => p.elapsed[name]?.source ?? new Uint8Array(p.lineOfRow.length).fill(ValueSource.noColumn)), (n) => new Uint8Array(n)),
      // A part without the column is all NaN: nothing to add to the sketch.
      sketch: mergeSketches(sketches.filter((k): k is ColumnSketch => k !== undefined)),
    };
  }
  const textFields = [...new Set(parts.flatMap((p) => Object.keys(p.texts)))];
  const texts: Record<string, TextColumn> = {};
  for (const field of textFields) texts[field] = mergeTextColumns(parts.map((p) => p.texts[field] ?? { codes: new Uint16Array(p.lineOfRow.length), values: [''] }), total);

  const mapped: Record<string, string> = {};
  for (const f of files) for (const c of f.plan.columns) mapped[c.field] ??= c.header;
  // The headers a metric's reason may offer for --map: not those the file's preset says never to read (a Jira file's
  // `Time to first response` is SLA time left, yet was offered as first_response_at).
  const presetOf = (name: string | null) => PRESETS.find((p) => p.name === name);
  const unmapped = [...new Set(files.flatMap((f) => inputs[f.index]!.unusedHeaders.filter((h) => !presetIgnores(presetOf(f.plan.preset), h))))];
  const noColumnIn = filesWithout(files, [...numberFields, ...elapsedNames], (part, name) => part.numbers[name] !== undefined || part.elapsed[name] !== undefined);
  const dataset: Dataset = { kind: kind.kind, rows: total, numbers, elapsed, texts, mapped, unmapped, lineOfRow, inputOfRow, ...(noColumnIn === null ? {} : { noColumnIn }) };
  if (kind.key === undefined) return dataset;

  const numericIds = concat(parts.map((p) => p.numericIds), (n) => new Float64Array(n));
  const textIds = parts.flatMap((p) => p.textIds);
  const textIdOfRow = new Map<number, string>();
  if (textIds.length > 0) {
    let k = 0;
    for (let row = 0; row < total; row++) if (Number.isNaN(numericIds[row]!)) textIdOfRow.set(row, textIds[k++]!);
  }
  const keyed: Dataset = { ...dataset, keys: { numeric: numericIds, text: textIdOfRow } };
  const repeats = findRepeatedIds(numericIds, textIds);
  if (repeats.length === 0) return keyed;
  const planOf = (row: number) => files.find((f) => f.index === inputOfRow[row])!.plan;
  const place = (row: number) => (files.length > 1 ? `${planOf(row).file}:${lineOfRow[row]}` : `line ${lineOfRow[row]}`);
  const drop = new Uint8Array(total);
  const mergedIn = new Map<FilePlan, number>();
  for (const [row, firstRow] of repeats) {
    drop[row] = 1;
    const plan = planOf(row);
    // Zendesk Explore writes a ticket once per value of a multi-valued attribute (its tags): same id, same times = one
    // ticket, its first row kept (issue #15). The same id with other times is a duplicate as anywhere (SPEC §4).
    if (plan.mergeRepeats && planOf(firstRow).mergeRepeats && sameRecordTimes(keyed, kind, row, firstRow)) {
      inputs[plan.inputIndex]!.accepted--;
      inputs[plan.inputIndex]!.merged++;
      mergedIn.set(plan, (mergedIn.get(plan) ?? 0) + 1);
      continue;
    }
    const keyColumn = plan.columns.find((c) => c.field === kind.key)!;
    rejections.add({
      file: plan.file,
      sheet: plan.sheet,
      inputIndex: plan.inputIndex,
      line: lineOfRow[row]!,
      column: keyColumn.index + 1,
      field: kind.key,
      value: textIdOfRow.get(row) ?? (keyColumn.type === 'id' ? String(numericIds[row]) : monthText(numericIds[row]!, plan.zone)),
      reason: `duplicate ${kind.keyLabel ?? kind.key}`,
      message: `repeats the ${kind.keyLabel ?? kind.key} of ${place(firstRow)} (the first is kept)`,
    });
    inputs[plan.inputIndex]!.accepted--;
    inputs[plan.inputIndex]!.rejected++;
  }
  for (const [plan, n] of mergedIn) {
    notes.push(`${plan.file}: ${n} row${n === 1 ? ' repeats' : 's repeat'} a ${kind.keyLabel ?? kind.key} of an earlier row with the same times (one row per value of a multi-valued attribute such as Ticket tags): merged into it and counted as merged`);
  }
  return keepRows(keyed, drop, total - repeats.length);
}

/** Per name that some files have and others lack, the inputs and files without it; null when all have the same. */
function filesWithout(files: readonly { plan: FilePlan; parts: DatasetPart[]; index: number }[], names: readonly string[], has: (part: DatasetPart, name: string) => boolean): Dataset['noColumnIn'] | null {
  const out: NonNullable<Dataset['noColumnIn']> = {};
  for (const name of names) {
    const without = files.filter((f) => !f.parts.some((p) => has(p, name)));
    if (without.length > 0) out[name] = { inputs: without.map((f) => f.index), files: without.map((f) => f.plan.file) };
  }
  return Object.keys(out).length === 0 ? null : out;
}

/**
 * Whether two rows hold the same times: every instant, duration and number read (NaN = empty equals empty), every
 * derived duration, and the kind's bracket labels (codes of one merged column compare as the texts do).
 */
function sameRecordTimes(dataset: Dataset, kind: DatasetKind, a: number, b: number): boolean {
  const same = (x: number, y: number) => x === y || (Number.isNaN(x) && Number.isNaN(y));
  for (const values of Object.values(dataset.numbers)) if (!same(values[a]!, values[b]!)) return false;
  for (const column of Object.values(dataset.elapsed)) if (!same(column.seconds[a]!, column.seconds[b]!)) return false;
  for (const field of kind.bracketFields ?? []) {
    const codes = dataset.texts[field]?.codes;
    if (codes !== undefined && codes[a] !== codes[b]) return false;
  }
  return true;
}

/**
 * A survey data set with each survey's scale settled over all its answers (survey-scales.ts); a row with an answer
 * off its scale is rejected with its file and line, and the scale it broke.
 */
function withSurveyScales(dataset: Dataset, files: readonly { plan: FilePlan; index: number }[], inputs: InputSummary[], rejections: Rejections, options: ReadOptions, warnings: string[]): Dataset {
  const settled = settleSurveyScales(dataset, options.scales ?? {});
  warnings.push(...settled.warnings);
  const drop = new Uint8Array(dataset.rows);
  for (const answer of settled.offScale) {
    if (drop[answer.row] === 1) continue; // one rejection per row, for its first answer off scale
    drop[answer.row] = 1;
    const plan = files.find((f) => f.index === dataset.inputOfRow[answer.row])!.plan;
    const column = plan.columns.find((c) => c.field === answer.field);
    rejections.add({ file: plan.file, sheet: plan.sheet, inputIndex: plan.inputIndex, line: dataset.lineOfRow[answer.row]!, column: column === undefined ? undefined : column.index + 1, field: answer.field, value: answer.value, reason: 'score off scale', message: answer.message });
    inputs[plan.inputIndex]!.accepted--;
    inputs[plan.inputIndex]!.rejected++;
  }
  const dropped = drop.reduce((n, d) => n + d, 0);
  const kept = dropped === 0 ? dataset : keepRows(dataset, drop, dataset.rows - dropped);
  return { ...kept, scales: settled.scales };
}

/**
 * Tickets with their inline ratings on a scale settled over all of them (as a survey file's); a rating off it or not
 * a rating at all is left out of CSAT with a warning naming where — the ticket itself, whose times are fine, is kept.
 */
function withTicketRatings(dataset: Dataset, files: readonly { plan: FilePlan; index: number }[], options: ReadOptions, warnings: string[]): Dataset {
  const settled = settleSurveyScales(dataset, { csat: options.scales?.csat });
  warnings.push(...settled.warnings.map((w) => `inline ratings: ${w}`));
  const off = settled.offScale;
  if (off.length === 0) return { ...dataset, scales: settled.scales };
  const ratings = dataset.texts.csat!;
  const codes = ratings.codes.slice();
  for (const answer of off) codes[answer.row] = 0;
  const where = off.slice(0, 3).map((answer) => {
    const plan = files.find((f) => f.index === dataset.inputOfRow[answer.row])!.plan;
    return `${plan.file}:${dataset.lineOfRow[answer.row]} ${JSON.stringify(answer.value)}`;
  });
  const scale = settled.scales.csat!.scale;
  warnings.push(`${off.length} inline ticket rating${off.length === 1 ? ' is' : 's are'} not on the csat scale ${scale.min}–${scale.max} (${where.join(', ')}${off.length > 3 ? ', …' : ''}): left out of CSAT, the tickets counted; pass --scale csat=MIN-MAX if the scale is another`);
  return { ...dataset, texts: { ...dataset.texts, csat: { codes, values: ratings.values } }, scales: settled.scales };
}

/** A month key (epoch ms of its first day in `zone`) as `2026-01`, for messages. */
function monthText(ms: number, zone: string): string {
  return new Date(ms + new Zone(zone).offsetAt(ms)).toISOString().slice(0, 7);
}

/** The data set without the rows flagged in `drop`. */
function keepRows(dataset: Dataset, drop: Uint8Array, kept: number): Dataset {
  const rows = new Uint32Array(kept);
  let k = 0;
  for (let i = 0; i < drop.length; i++) if (drop[i] === 0) rows[k++] = i;
  return datasetRows(dataset, rows);
}
