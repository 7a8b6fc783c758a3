// npm run bench — speed and memory of `support-metrics report` side by side with DuckDB, in one run.
// Generates its inputs in a temp dir (never committed), times whole processes (median of --runs), reads peak RSS
// with GNU time, checks that both give the same FRT/ART statistics (relative 1e-9), prints a table and writes JSON.
// Options: --rows N (default 1000000) --runs K (default 5) --big N (default 10000000; 0 skips) --xlsx-rows N (default
// 200000; 0 skips) --keep (keep the files)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateXlsx } from './generate-xlsx.js';
import { generate } from './generate-zendesk.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? 'true' : all[i + 1]] : null)).filter(Boolean),
);
const rows = Number(args.rows ?? 1_000_000);
const xlsxRows = Number(args['xlsx-rows'] ?? 200_000);
const runs = Number(args.runs ?? 5);
const big = Number(args.big ?? 10_000_000);
const GNU_TIME = '/usr/bin/time';
if (!existsSync(GNU_TIME)) console.warn('bench: /usr/bin/time not found (apt install time): peak RSS will not be measured');

// DuckDB is fetched here, not listed in devDependencies: npm 11 writes a lockfile without DuckDB's optional
// per-platform binding packages, and `npm ci` then refuses the whole install — CI would break for a bench-only tool.
const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';
if (!existsSync(join(root, 'bench/node_modules/@duckdb/node-api/package.json'))) {
  process.stderr.write(`installing ${DUCKDB_PACKAGE} into bench/node_modules (bench only)\n`);
  const install = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', join(root, 'bench'), DUCKDB_PACKAGE], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`could not install ${DUCKDB_PACKAGE}`);
}

const dir = mkdtempSync(join(tmpdir(), 'support-metrics-bench-'));
const TOOL = [join(root, 'bin/support-metrics.js'), 'report', '--format', 'json', '--quiet'];
const DUCK = join(root, 'bench/duckdb-query.js');

/** Runs a command once: wall seconds, peak RSS MiB, stdout. */
function runOnce(command, commandArgs) {
  const started = process.hrtime.bigint();
  const result = existsSync(GNU_TIME)
    ? spawnSync(GNU_TIME, ['-f', '%M', command, ...commandArgs], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}): ${result.stderr}`);
  const rssKb = existsSync(GNU_TIME) ? Number(result.stderr.trim().split('\n').pop()) : Number.NaN;
  return { seconds, peakMiB: rssKb / 1024, stdout: result.stdout };
}

function measure(label, command, commandArgs, times) {
  const samples = [];
  for (let i = 0; i < times; i++) samples.push(runOnce(command, commandArgs));
  const sorted = [...samples].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  process.stderr.write(`  ${label}: ${samples.map((s) => s.seconds.toFixed(2)).join(' ')} s\n`);
  return { label, seconds: median.seconds, allSeconds: samples.map((s) => s.seconds), peakMiB: Math.max(...samples.map((s) => s.peakMiB)), stdout: median.stdout };
}

const STATS = ['count', 'mean', 'median', 'p90', 'min', 'max'];
function toolStats(stdout) {
  const report = JSON.parse(stdout);
  return Object.fromEntries(['frt', 'art'].map((m) => [m, Object.fromEntries(STATS.map((k) => [k, report.metrics[m].details[k]]))]));
}
/** Worst relative difference between the two sets of statistics. */
function worstDifference(a, b) {
  let worst = 0;
  for (const m of ['frt', 'art']) {
    for (const k of STATS) {
      const x = a[m][k];
      const y = b[m][k];
      worst = Math.max(worst, Math.abs(x - y) / Math.max(1, Math.abs(y)));
    }
  }
  return worst;
}

async function generateTimed(path, n, options) {
  const started = Date.now();
  await generate(path, n, options);
  process.stderr.write(`generated ${path} (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB, ${n} rows) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const cases = [
  { name: `zendesk ${rows / 1e6}M (UTF-8, ",")`, layout: 'zendesk', file: join(dir, 'zendesk.csv'), gen: {}, toolArgs: [], duckFile: null, rows },
  { name: `bitrix24 ${rows / 1e6}M (UTF-8, ";")`, layout: 'bitrix24', file: join(dir, 'bitrix24-utf8.csv'), gen: { layout: 'bitrix24', delimiter: ';' }, toolArgs: ['--tz', 'Europe/Moscow'], duckFile: null, rows },
  // DuckDB reads Windows-1251 only through an extension it would download; it reads the UTF-8 twin of the same data.
  { name: `bitrix24 ${rows / 1e6}M (Windows-1251, ";")`, layout: 'bitrix24', file: join(dir, 'bitrix24-cp1251.csv'), gen: { layout: 'bitrix24', delimiter: ';', encoding: 'windows-1251' }, toolArgs: ['--tz', 'Europe/Moscow'], duckFile: join(dir, 'bitrix24-utf8.csv'), rows },
];
if (big > 0) cases.push({ name: `zendesk ${big / 1e6}M (memory)`, layout: 'zendesk', file: join(dir, 'zendesk-big.csv'), gen: {}, toolArgs: [], duckFile: null, rows: big, runs: 1 });

const results = [];
let xlsx = null;
let codes = null;
try {
  for (const c of cases) {
    await generateTimed(c.file, c.rows, c.gen);
    const times = c.runs ?? runs;
    process.stderr.write(`${c.name}:\n`);
    const tool = measure('support-metrics', process.execPath, [...TOOL, c.file, ...c.toolArgs], times);
    const duck2 = measure('duckdb 2 threads', process.execPath, [DUCK, c.layout, c.duckFile ?? c.file, '2'], times);
    const duck1 = measure('duckdb 1 thread', process.execPath, [DUCK, c.layout, c.duckFile ?? c.file, '1'], times);
    const ours = toolStats(tool.stdout);
    const reference = JSON.parse(duck2.stdout);
    results.push({
      input: c.name,
      rows: c.rows,
      bytes: statSync(c.file).size,
      supportMetrics: { seconds: tool.seconds, allSeconds: tool.allSeconds, rowsPerSecond: c.rows / tool.seconds, peakMiB: tool.peakMiB },
      duckdb2: { seconds: duck2.seconds, allSeconds: duck2.allSeconds, peakMiB: duck2.peakMiB },
      duckdb1: { seconds: duck1.seconds, allSeconds: duck1.allSeconds, peakMiB: duck1.peakMiB },
      ratioToDuckdb2: tool.seconds / duck2.seconds,
      worstRelativeDifference: worstDifference(ours, reference),
      statistics: ours,
    });
    if (c.rows === big) rmSync(c.file); // 2.4 GB: gone as soon as it is measured
  }
  if (xlsxRows > 0) {
    // A workbook: DuckDB reads .xlsx only through an extension it downloads, so the tool is timed alone.
    const file = join(dir, 'tickets.xlsx');
    const started = Date.now();
    await generateXlsx(file, xlsxRows);
    process.stderr.write(`generated ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, ${xlsxRows} rows) in ${((Date.now() - started) / 1000).toFixed(1)} s\nxlsx:\n`);
    const tool = measure('support-metrics', process.execPath, [...TOOL, file], Math.min(runs, 3));
    xlsx = { rows: xlsxRows, bytes: statSync(file).size, seconds: tool.seconds, rowsPerSecond: xlsxRows / tool.seconds, peakMiB: tool.peakMiB };
  }
  // Text columns kept as codes: the first file read through the library with and without two grouping fields.
  const zendesk = cases[0].file;
  process.stderr.write('text columns as codes:\n');
  const without = measure('time fields only', process.execPath, [join(root, 'bench/read-fields.js'), zendesk], Math.min(runs, 3));
  const withGroups = measure('+ agent, channel', process.execPath, [join(root, 'bench/read-fields.js'), zendesk, 'agent,channel'], Math.min(runs, 3));
  codes = { rows, withoutPeakMiB: without.peakMiB, withPeakMiB: withGroups.peakMiB, growthMiB: withGroups.peakMiB - without.peakMiB, withoutSeconds: without.seconds, withSeconds: withGroups.seconds, distinct: JSON.parse(withGroups.stdout).distinctValues };
} finally {
  if (args.keep !== 'true') rmSync(dir, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`\nsupport-metrics vs DuckDB — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, median of ${runs} runs (1 for the big file)\n`);
console.log(pad('input', 34) + pad('tool s', 9) + pad('rows/s', 12) + pad('peak MiB', 10) + pad('duck2 s', 9) + pad('duck2 MiB', 11) + pad('duck1 s', 9) + pad('ratio', 7) + 'same numbers');
for (const r of results) {
  console.log(
    pad(r.input, 34) + pad(r.supportMetrics.seconds.toFixed(2), 9) + pad(Math.round(r.supportMetrics.rowsPerSecond).toLocaleString('en'), 12) + pad(r.supportMetrics.peakMiB.toFixed(0), 10) +
      pad(r.duckdb2.seconds.toFixed(2), 9) + pad(r.duckdb2.peakMiB.toFixed(0), 11) + pad(r.duckdb1.seconds.toFixed(2), 9) + pad(r.ratioToDuckdb2.toFixed(2) + '×', 7) +
      (r.worstRelativeDifference <= 1e-9 ? 'yes' : `NO (${r.worstRelativeDifference.toExponential(2)})`),
  );
}
const utf8 = results.find((r) => r.input.startsWith('bitrix24') && r.input.includes('UTF-8'));
const cp1251 = results.find((r) => r.input.includes('Windows-1251'));
if (utf8 && cp1251) console.log(`\nWindows-1251 / UTF-8 (same Bitrix24 data): ${(cp1251.supportMetrics.seconds / utf8.supportMetrics.seconds).toFixed(2)}×`);
if (xlsx) console.log(`\nxlsx, ${xlsx.rows.toLocaleString('en')} rows (${(xlsx.bytes / 2 ** 20).toFixed(0)} MiB): ${xlsx.seconds.toFixed(2)} s, ${Math.round(xlsx.rowsPerSecond).toLocaleString('en')} rows/s, peak ${xlsx.peakMiB.toFixed(0)} MiB`);
if (codes) {
  console.log(
    `text columns as codes, ${codes.rows.toLocaleString('en')} rows: peak ${codes.withoutPeakMiB.toFixed(0)} MiB → ${codes.withPeakMiB.toFixed(0)} MiB with agent + channel ` +
      `(+${codes.growthMiB.toFixed(1)} MiB; the codes are ${((2 * 4 * codes.rows) / 2 ** 20).toFixed(1)} MiB), ${codes.withoutSeconds.toFixed(2)} s → ${codes.withSeconds.toFixed(2)} s; distinct ${JSON.stringify(codes.distinct)}`,
  );
}
const out = join(root, 'bench/out/results.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, results, xlsx, codes }, null, 2) + '\n');
console.log(`figures written to ${out}`);
if (results.some((r) => r.worstRelativeDifference > 1e-9)) process.exitCode = 1;
