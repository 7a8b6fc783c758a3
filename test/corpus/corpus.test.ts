import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYTE_CASE_NAMES, generateCorpus, TABLE_CASE_NAMES, type Corpus, type CorpusFile } from './generate.js';

/**
 * Issue #16: never crash, never lose a row. Every file of the generated corpus (test/corpus/generate.ts) is read by
 * `report FILE --format json --rejects R.csv` and `validate FILE --format json`: the run must end within 10 s and
 * 1 GB, with exit 0 or 2; on 2 the error is one line starting `support-metrics:` naming the file, no stack trace; on 0
 * the JSON parses and every input has rows = accepted + rejected + skipped + merged, and the rejects CSV lists exactly
 * the rejected rows, each with a physical line (sheet row).
 *
 * Spawning ~600 processes × 2 commands costs ~0.35 s of CPU each on these 2-core machines (~3.5 min): too slow for
 * the suite's 5-minute budget. So every file goes through the built CLI's main() (dist/bundle/main.js, the code the
 * bin runs) in two worker threads, each with a 1 GiB heap limit and a 10 s watchdog that terminates the thread; and
 * one file of every case (formats rotating) also goes through the real bin, as its own process with
 * --max-old-space-size=1024, its peak RSS measured by GNU time, so what only a process shows (an uncaught
 * exception's stack, an exit code from a signal, memory outside the heap) is checked too.
 */

const BIN = fileURLToPath(new URL('../../bin/support-metrics.js', import.meta.url));
const WORKER = fileURLToPath(new URL('./run-in-worker.mjs', import.meta.url));
const TIMEOUT_MS = 10_000;
const MEMORY_LIMIT_KIB = 1024 * 1024;
const GNU_TIME = '/usr/bin/time';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Why the run did not end normally: a timeout, a dead thread, a signal. */
  crash?: string;
  maxRssKib?: number;
}

let corpus: Corpus;
let dir: string;
let outDir: string;
const problems: string[] = [];
const timings = { generateMs: 0, inProcessMs: 0, binMs: 0, binRuns: 0 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sm-corpus-'));
  outDir = mkdtempSync(join(tmpdir(), 'sm-corpus-out-'));
  const started = performance.now();
  corpus = await generateCorpus(dir);
  timings.generateMs = performance.now() - started;
}, 60_000);

afterAll(() => {
  for (const file of corpus?.files ?? []) if (file.unreadable) chmodSync(file.path, 0o644);
  rmSync(dir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

/** Two threads running main(), each restarted after a crash or a timeout. */
class ThreadPool {
  private next = 0;
  constructor(private readonly size: number) {}

  async runAll<T>(items: readonly T[], argvOf: (item: T, slot: number) => string[], done: (item: T, run: Run, slot: number) => void): Promise<void> {
    const lanes = Array.from({ length: this.size }, async (_, slot) => {
      let worker = await startWorker();
      while (this.next < items.length) {
        const item = items[this.next++]!;
        const run = await runInWorker(worker, argvOf(item, slot));
        if (run.crash !== undefined) {
          await worker.terminate();
          worker = await startWorker();
        }
        done(item, run, slot);
      }
      await worker.terminate();
    });
    await Promise.all(lanes);
  }
}

function startWorker(): Promise<Worker> {
  const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: 1024 }, env: { ...process.env, NO_COLOR: '1' }, stdout: true, stderr: true });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

function runInWorker(worker: Worker, argv: string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const finish = (run: Run) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(run);
    };
    const onMessage = (message: { code: number | null; stdout: string; stderr: string; ms: number }) => finish(message);
    const onError = (error: Error) => finish({ code: null, stdout: '', stderr: String(error.stack), ms: performance.now() - started, crash: `thread died: ${error.message}` });
    const onExit = (code: number) => finish({ code: null, stdout: '', stderr: '', ms: performance.now() - started, crash: `thread exited (${code})` });
    const timer = setTimeout(() => finish({ code: null, stdout: '', stderr: '', ms: TIMEOUT_MS, crash: `no answer within ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ id: 0, argv });
  });
}

/** The bin as its own process: node --max-old-space-size=1024, under GNU time for the peak RSS when it is there. */
function runBinProcess(argv: string[]): Promise<Run> {
  const rssFile = join(outDir, `rss-${Math.random().toString(36).slice(2)}`);
  const node = [process.execPath, '--max-old-space-size=1024', BIN, ...argv];
  const withTime = existsSync(GNU_TIME);
  const [command, ...args] = withTime ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...node] : node;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command!, args, { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      // GNU time: the child's exit code; killed by a signal it says so ("Command terminated by signal 9") and exits
      // 128 + n, so `signal` (time's own) is null and the signal is the one time names.
      let killedBy: string | null = signal;
      let maxRssKib: number | undefined;
      if (withTime && existsSync(rssFile)) {
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        maxRssKib = Number(lines.at(-1));
        const terminated = lines.find((l) => l.startsWith('Command terminated by signal'));
        if (terminated !== undefined) killedBy ??= terminated.slice('Command terminated by '.length);
      }
      const crash = timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : killedBy !== null ? `killed by ${killedBy}` : undefined;
      resolve({ code, stdout, stderr, ms, ...(crash === undefined ? {} : { crash }), ...(maxRssKib === undefined ? {} : { maxRssKib }) });
    });
  });
}

function reportArgv(file: CorpusFile, rejects: string): string[] {
  return ['report', ...(file.kind === null ? [file.path] : [`--${file.kind}`, file.path]), '--format', 'json', '--rejects', rejects];
}

/** Physical lines of a text file (the bound of a rejection's line): LF, CRLF or lone CR ends. */
function physicalLines(file: CorpusFile): number {
  let bytes = readFileSync(file.path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  }
  let lf = 0;
  let cr = 0;
  for (const b of bytes) {
    if (b === 0x0a) lf++;
    else if (b === 0x0d) cr++;
  }
  // UTF-16 line ends are the same bytes; a CRLF file counts its lines once.
  return Math.max(lf, cr) + 1;
}

const runsAsRoot = process.getuid?.() === 0;
const STACK_FRAME = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;
const ERROR_DUMP = /(^|\s)(\w*Error|Error \[\w+\]): /m;

/** What is wrong with one run of `report`, as sentences; none when it behaved. */
function checkReport(file: CorpusFile, run: Run, rejectsPath: string, via: string): string[] {
  const where = `${via} ${file.case} ${file.path}`;
  if (run.crash !== undefined) return [`${where}: ${run.crash}`];
  const found: string[] = [];
  if (run.maxRssKib !== undefined && run.maxRssKib > MEMORY_LIMIT_KIB) found.push(`${where}: peak RSS ${Math.round(run.maxRssKib / 1024)} MiB`);
  if (run.code !== 0 && run.code !== 2) return [...found, `${where}: exit ${run.code}: ${run.stderr.slice(0, 400)}`];
  if (STACK_FRAME.test(run.stderr) || ERROR_DUMP.test(run.stderr) || run.stderr.includes('unexpected error')) found.push(`${where}: stack or unexpected error: ${run.stderr.slice(0, 600)}`);
  if (file.mustFail && run.code !== 2) found.push(`${where}: read (exit ${run.code}) although nothing in it is a data set`);
  // chmod 000 stops every user but root (CI may run as root: then the file is read like any other).
  if (file.unreadable && !runsAsRoot && (run.code !== 2 || !run.stderr.includes('permission denied'))) found.push(`${where}: an unreadable file gave exit ${run.code}: ${run.stderr.slice(0, 200)}`);
  if (file.case === 'read-error-eio' && !run.stderr.includes('cannot be read (EIO')) found.push(`${where}: a read error (EIO) not said as one: ${run.stderr.slice(0, 200)}`);
  if (run.code === 2) {
    const last = run.stderr.trimEnd().split('\n').at(-1) ?? '';
    if (!last.startsWith('support-metrics:')) found.push(`${where}: error line does not start with support-metrics: ${JSON.stringify(last.slice(0, 300))}`);
    if (!last.includes(file.path)) found.push(`${where}: error line does not name the file: ${JSON.stringify(last.slice(0, 300))}`);
    if (last.length > 2000) found.push(`${where}: error line is ${last.length} characters long`);
    return found;
  }
  let report: { inputs: { file: string; rows: number; accepted: number; rejected: number; skipped: number; merged: number; headerLine: number }[] };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    return [...found, `${where}: exit 0 but stdout is not JSON: ${run.stdout.slice(0, 200)}`];
  }
  let rejected = 0;
  if (file.dataRows !== undefined && report.inputs[0]?.rows !== file.dataRows) found.push(`${where}: ${file.dataRows} data rows written, ${report.inputs[0]?.rows} counted as read`);
  for (const input of report.inputs) {
    rejected += input.rejected;
    const sum = input.accepted + input.rejected + input.skipped + input.merged;
    if (input.rows !== sum) found.push(`${where}: rows ${input.rows} ≠ accepted ${input.accepted} + rejected ${input.rejected} + skipped ${input.skipped} + merged ${input.merged} = ${sum}`);
  }
  if (!existsSync(rejectsPath)) return [...found, `${where}: no rejects file written`];
  const rows = parse(readFileSync(rejectsPath), { columns: true, bom: true }) as { file: string; line: string }[];
  if (rows.length !== rejected) found.push(`${where}: the rejects CSV lists ${rows.length} rows, the report ${rejected} rejected`);
  const bound = file.format === 'csv' || file.format === 'gz' ? physicalLines(file) : Number.POSITIVE_INFINITY;
  const headerLine = report.inputs[0]?.headerLine ?? 1;
  for (const row of rows) {
    const line = Number(row.line);
    if (!Number.isInteger(line) || line <= headerLine || line > bound) {
      found.push(`${where}: rejected row with line ${JSON.stringify(row.line)} (header on ${headerLine}, ${bound} lines)`);
      break;
    }
  }
  return found;
}

/** What is wrong with one run of `validate --format json`. */
function checkValidate(file: CorpusFile, run: Run): string[] {
  const where = `validate ${file.case} ${file.path}`;
  if (run.crash !== undefined) return [`${where}: ${run.crash}`];
  if (run.code !== 0 && run.code !== 2) return [`${where}: exit ${run.code}: ${run.stderr.slice(0, 400)}`];
  const found: string[] = [];
  if (STACK_FRAME.test(run.stderr) || ERROR_DUMP.test(run.stderr) || run.stderr.includes('unexpected error')) found.push(`${where}: stack or unexpected error: ${run.stderr.slice(0, 600)}`);
  let output: { files: ({ ok: true; rows: number; accepted: number; rejected: number; skipped: number; merged: number } | { ok: false; code: string; message: string })[] };
  try {
    output = JSON.parse(run.stdout);
  } catch {
    return [...found, `${where}: stdout is not JSON: ${run.stdout.slice(0, 200)}`];
  }
  for (const entry of output.files) {
    if (entry.ok) {
      const sum = entry.accepted + entry.rejected + entry.skipped + entry.merged;
      if (entry.rows !== sum) found.push(`${where}: rows ${entry.rows} ≠ ${sum}`);
    } else if (entry.code === 'INPUT' && /unexpected/.test(entry.message)) {
      found.push(`${where}: ${entry.message}`);
    }
  }
  return found;
}

/**
 * One file of every case for the bin's own processes, kinds rotating; the table cases (rows changed, bytes well
 * formed: what main() in a thread shows as well as a process) only through `valid`, every other byte case (the
 * encodings and line ends are read alike in a thread), the mutations one per way.
 */
function representatives(files: readonly CorpusFile[]): CorpusFile[] {
  const byCase = new Map<string, CorpusFile[]>();
  for (const file of files) {
    const key = file.case.replace(/ .*/, '');
    if (TABLE_CASE_NAMES.includes(key) && key !== 'valid') continue;
    if (BYTE_CASE_NAMES.indexOf(key) % 2 === 1) continue;
    byCase.set(key, [...(byCase.get(key) ?? []), file]);
  }
  // What only a process shows (memory outside the heap, a folder, permissions, a huge file) always; the rest in turn.
  const always = /20mb|billion|16384|declared|directory|unreadable|read-error|4mb|^valid$/;
  return [...byCase.entries()].filter(([key], turn) => always.test(key) || turn % 2 === 0).map(([, group], turn) => group[(turn * 7) % group.length]!);
}

describe('malformed-input corpus (issue #16)', () => {
  it('has at least 500 files covering every format and kind', () => {
    expect(corpus.files.length).toBeGreaterThanOrEqual(500);
    for (const format of ['csv', 'xlsx', 'html', 'xml', 'gz'] as const) expect(corpus.counts[format]).toBeGreaterThanOrEqual(40);
    for (const kind of ['tickets', 'surveys', 'spend', 'subscriptions', 'finance'] as const) expect(corpus.files.filter((f) => f.kind === kind).length).toBeGreaterThanOrEqual(60);
    // Every fixture is mutated.
    expect(corpus.files.filter((f) => f.case.startsWith('mutate-')).length).toBeGreaterThanOrEqual(4 * 45);
  });

  it('reads every file through the CLI (report and validate): exit 0 or 2, one-line errors, nothing lost', async () => {
    const started = performance.now();
    type Job = { file: CorpusFile; argv: string[]; rejects?: string; command: 'report' | 'validate' };
    const reports: Job[] = corpus.files.map((file, index) => {
      const rejects = join(outDir, `rejects-${index}.csv`);
      return { file, argv: reportArgv(file, rejects), rejects, command: 'report' };
    });
    // validate parses every mapped column, report only those its metrics need: run where report read rows (exit 0,
    // or refused for having no valid one). A file report refuses before its rows is refused by validate alike.
    const validates: Job[] = [];
    const slow: string[] = [];
    const exits = { 0: 0, 2: 0, other: 0 };
    const done = (r: Job, run: Run) => {
      if (run.ms > 3000) slow.push(`${r.command} ${r.file.case} ${Math.round(run.ms)} ms`);
      if (r.command === 'validate') return problems.push(...checkValidate(r.file, run));
      exits[run.code === 0 ? 0 : run.code === 2 ? 2 : 'other']++;
      problems.push(...checkReport(r.file, run, r.rejects!, 'main()'));
      if (run.code === 0 || /has no valid|rejected/.test(run.stderr)) validates.push({ file: r.file, argv: ['validate', ...r.argv.slice(1, r.argv.indexOf('--format')), '--format', 'json'], command: 'validate' });
    };
    await new ThreadPool(2).runAll(reports, (r) => r.argv, done);
    await new ThreadPool(2).runAll(validates, (r) => r.argv, done);
    const runs = [...reports, ...validates];
    timings.inProcessMs = performance.now() - started;
    const counts = Object.entries(corpus.counts).map(([format, n]) => `${format} ${n}`).join(', ');
    console.log(`corpus: ${corpus.files.length} files (${counts}); generated in ${(timings.generateMs / 1000).toFixed(1)} s; ${runs.length} runs of main() in 2 threads in ${(timings.inProcessMs / 1000).toFixed(1)} s; report exit 0: ${exits[0]}, exit 2: ${exits[2]}, other: ${exits.other}${slow.length ? `; slow: ${slow.join(', ')}` : ''}`);
    expect(problems).toEqual([]);
  }, 240_000);

  it('runs one file of every case through the bin as its own process: exit 0 or 2 within 10 s and 1 GB, no stack trace', async () => {
    const started = performance.now();
    const chosen = representatives(corpus.files);
    const found: string[] = [];
    let peak = 0;
    const queue = [...chosen.entries()];
    await Promise.all(
      [0, 1].map(async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const [index, file] = next;
          const rejects = join(outDir, `bin-rejects-${index}.csv`);
          const run = await runBinProcess(reportArgv(file, rejects));
          peak = Math.max(peak, run.maxRssKib ?? 0);
          found.push(...checkReport(file, run, rejects, 'bin'));
        }
      }),
    );
    timings.binMs = performance.now() - started;
    console.log(`corpus: ${chosen.length} files through the bin, 2 at a time, in ${(timings.binMs / 1000).toFixed(1)} s; peak RSS ${Math.round(peak / 1024)} MiB${existsSync(GNU_TIME) ? '' : ' (no GNU time: not measured)'}`);
    expect(chosen.length).toBeGreaterThanOrEqual(30);
    expect(found).toEqual([]);
  }, 240_000);
});
