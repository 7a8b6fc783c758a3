// npm run bench — speed and memory of `support-metrics report` side by side with DuckDB, in one run, against the
// targets of issue #10.
// Generates its inputs in a temp dir (never committed) and times whole processes. The machine is noisy, so the runs
// are paired and interleaved — tool, DuckDB 2 threads, DuckDB 1 thread, tool, … — and a drift hits both sides; each
// side is reported as the median and the min–max of its runs, the ratio as the median of the per-pair ratios
// (tool_i / duck2_i) beside the ratio of the medians. Peak RSS comes from GNU time (the largest over the runs). Both
// must give the same FRT/ART statistics (relative 1e-9) on every run. Also: a generated .xlsx read by the tool and by
// exceljs's own streaming reader (interleaved the same way), the memory of text columns kept as codes, and which heavy
// packages a CSV run loads. Prints a table, one line per target, and writes bench/out/results.json.
// Options: --rows N (default 1000000) --runs K (default 5) --big N (default 10000000; 0 skips) --big-runs K (default 1)
// --xlsx-rows N (default 200000; 0 skips) --only zendesk,bitrix24,big,xlsx,codes,modules (default all) --keep (keep
// the files)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
const bigRuns = Number(args['big-runs'] ?? 1);
const PARTS = ['zendesk', 'bitrix24', 'big', 'xlsx', 'codes', 'modules', 'slices'];
const only = args.only === undefined ? null : new Set(args.only.split(',').filter(Boolean));
for (const part of only ?? []) {
  if (!PARTS.includes(part)) {
    console.error(`bench: --only: unknown part "${part}" (one of ${PARTS.join(', ')})`);
    process.exit(2);
  }
}
const wanted = (part) => only === null || only.has(part);
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
const loadAtStart = loadavg();

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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs the contestants in rounds — A, B, C, A, B, C, … — so that a slow spell of the machine lands on all of them,
 * not on whichever happened to run K times in a row then. Returns, per contestant key, its summary and the stdout of
 * every run (for the same-number check).
 */
function interleave(contestants, rounds) {
  const samples = Object.fromEntries(contestants.map((c) => [c.key, []]));
  for (let round = 0; round < rounds; round++) {
    const line = [];
    for (const c of contestants) {
      const sample = runOnce(c.command, c.args);
      samples[c.key].push(sample);
      line.push(`${c.label} ${sample.seconds.toFixed(2)}`);
    }
    process.stderr.write(`  round ${round + 1}/${rounds}: ${line.join(', ')} s\n`);
  }
  return Object.fromEntries(contestants.map((c) => [c.key, summarise(samples[c.key])]));
}

function summarise(samples) {
  const seconds = samples.map((s) => s.seconds);
  return {
    seconds: median(seconds),
    minSeconds: Math.min(...seconds),
    maxSeconds: Math.max(...seconds),
    allSeconds: seconds,
    peakMiB: Math.max(...samples.map((s) => s.peakMiB)),
    stdouts: samples.map((s) => s.stdout),
  };
}

/** a against b, run i with run i: the median of the per-pair ratios, and the ratio of the two medians beside it. */
function paired(a, b) {
  const pairRatios = a.allSeconds.map((s, i) => s / b.allSeconds[i]);
  return { pairedRatio: median(pairRatios), ratioOfMedians: a.seconds / b.seconds, pairRatios };
}

/** A summary without the stdouts, for the JSON. */
const timing = ({ stdouts, ...rest }) => rest;

const STATS = ['count', 'mean', 'median', 'p90', 'min', 'max'];
function toolStats(stdout) {
  const report = JSON.parse(stdout);
  const stats = Object.fromEntries(['frt', 'art'].map((m) => [m, Object.fromEntries(STATS.map((k) => [k, report.metrics[m].details[k]]))]));
  // The tickets' inline ratings (issue #11): the same counts DuckDB finds.
  const satisfied = report.metrics.csat_satisfied.details;
  // Repeat contacts and reopens (issue #13): the counts DuckDB finds with LAG over each customer's tickets.
  const repeat = report.metrics.repeat_contact_rate.details;
  const reopen = report.metrics.reopen_rate?.details;
  return { ...stats, csat: { satisfied: satisfied.satisfied, responses: satisfied.responses }, repeat: { repeatTickets: repeat.repeatTickets, tickets: repeat.tickets }, ...(reopen === undefined ? {} : { reopen: { reopened: reopen.reopened, resolved: reopen.resolved } }) };
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
  for (const k of ['satisfied', 'responses']) worst = Math.max(worst, Math.abs(a.csat[k] - b.csat[k]) / Math.max(1, b.csat[k]));
  for (const k of ['repeatTickets', 'tickets']) worst = Math.max(worst, Math.abs(a.repeat[k] - b.repeat[k]) / Math.max(1, b.repeat[k]));
  // A side without reopens (Bitrix24 has no reopen count) compares nothing; one side alone is a difference.
  if (a.reopen !== undefined || b.reopen !== undefined) for (const k of ['reopened', 'resolved']) worst = Math.max(worst, Math.abs((a.reopen?.[k] ?? -1) - (b.reopen?.[k] ?? -2)) / Math.max(1, b.reopen?.[k] ?? 1));
  return worst;
}

async function generateTimed(path, n, options) {
  const started = Date.now();
  await generate(path, n, options);
  process.stderr.write(`generated ${path} (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB, ${n} rows) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const millions = (n) => `${n / 1e6}M`;
const FILES = {
  zendesk: { path: join(dir, 'zendesk.csv'), rows, gen: {} },
  bitrix24Utf8: { path: join(dir, 'bitrix24-utf8.csv'), rows, gen: { layout: 'bitrix24', delimiter: ';' } },
  bitrix24Cp1251: { path: join(dir, 'bitrix24-cp1251.csv'), rows, gen: { layout: 'bitrix24', delimiter: ';', encoding: 'windows-1251' } },
  zendeskBig: { path: join(dir, 'zendesk-big.csv'), rows: big, gen: {} },
};
/** Generates a file the first time a part needs it. */
async function file(key) {
  const f = FILES[key];
  if (!existsSync(f.path)) await generateTimed(f.path, f.rows, f.gen);
  return f.path;
}

// A group is one DuckDB reference and the tool runs it is paired with. The two Bitrix24 encodings share one: DuckDB
// reads Windows-1251 only through an extension it would download, so it reads the UTF-8 twin of the same data for
// both, and the Windows-1251 / UTF-8 ratio is then paired run by run as well.
const groups = [];
if (wanted('zendesk')) groups.push({ key: 'zendesk', layout: 'zendesk', duckFile: 'zendesk', runs, variants: [{ key: 'tool', name: `zendesk ${millions(rows)} (UTF-8, ",")`, file: 'zendesk', toolArgs: [], rows }] });
if (wanted('bitrix24')) {
  groups.push({
    key: 'bitrix24',
    layout: 'bitrix24',
    duckFile: 'bitrix24Utf8',
    runs,
    variants: [
      { key: 'utf8', name: `bitrix24 ${millions(rows)} (UTF-8, ";")`, file: 'bitrix24Utf8', toolArgs: ['--tz', 'Europe/Moscow'], rows },
      { key: 'cp1251', name: `bitrix24 ${millions(rows)} (Windows-1251, ";")`, file: 'bitrix24Cp1251', toolArgs: ['--tz', 'Europe/Moscow'], rows },
    ],
  });
}
if (big > 0 && wanted('big')) groups.push({ key: 'big', layout: 'zendesk', duckFile: 'zendeskBig', runs: bigRuns, variants: [{ key: 'tool', name: `zendesk ${millions(big)} (memory)`, file: 'zendeskBig', toolArgs: [], rows: big }] });

const results = [];
let cp1251VsUtf8 = null;
let xlsx = null;
let codes = null;
let modules = null;
let slices = null;
try {
  for (const g of groups) {
    const contestants = [];
    for (const v of g.variants) contestants.push({ key: v.key, label: `tool${g.variants.length > 1 ? ` ${v.key}` : ''}`, command: process.execPath, args: [...TOOL, await file(v.file), ...v.toolArgs] });
    const duckPath = await file(g.duckFile);
    contestants.push({ key: 'duck2', label: 'duck2', command: process.execPath, args: [DUCK, g.layout, duckPath, '2'] });
    contestants.push({ key: 'duck1', label: 'duck1', command: process.execPath, args: [DUCK, g.layout, duckPath, '1'] });
    process.stderr.write(`${g.variants.map((v) => v.name).join(' + ')}, ${g.runs} rounds:\n`);
    const measured = interleave(contestants, g.runs);
    const reference = JSON.parse(measured.duck2.stdouts[0]);
    // Every run of every side against the first DuckDB answer: a run that differs is caught, not only the median.
    const duckDifference = Math.max(...[...measured.duck2.stdouts, ...measured.duck1.stdouts].map((s) => worstDifference(JSON.parse(s), reference)));
    for (const v of g.variants) {
      const tool = measured[v.key];
      const statistics = tool.stdouts.map(toolStats);
      results.push({
        input: v.name,
        group: g.key,
        variant: v.key,
        rows: v.rows,
        bytes: statSync(FILES[v.file].path).size,
        runs: g.runs,
        supportMetrics: { ...timing(tool), rowsPerSecond: v.rows / tool.seconds },
        duckdb2: timing(measured.duck2),
        duckdb1: timing(measured.duck1),
        ratioToDuckdb2: paired(tool, measured.duck2),
        worstRelativeDifference: Math.max(duckDifference, ...statistics.map((s) => worstDifference(s, reference))),
        statistics: statistics[0],
      });
    }
    if (g.key === 'bitrix24') cp1251VsUtf8 = paired(measured.cp1251, measured.utf8);
    if (g.key === 'big') rmSync(FILES.zendeskBig.path); // 2.4 GB: gone as soon as it is measured
  }

  if (xlsxRows > 0 && wanted('xlsx')) {
    // DuckDB reads .xlsx only through an extension it downloads; the yardstick here is exceljs's own streaming reader.
    const path = join(dir, 'tickets.xlsx');
    const started = Date.now();
    await generateXlsx(path, xlsxRows);
    process.stderr.write(`generated ${path} (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB, ${xlsxRows} rows) in ${((Date.now() - started) / 1000).toFixed(1)} s\nxlsx, ${runs} rounds:\n`);
    const measured = interleave(
      [
        { key: 'tool', label: 'tool', command: process.execPath, args: [...TOOL, path] },
        { key: 'exceljs', label: 'exceljs', command: process.execPath, args: [join(root, 'bench/exceljs-read.js'), path] },
      ],
      runs,
    );
    // Both read the whole sheet: the tool's data rows, and exceljs's rows less the title and header rows above them.
    const toolRows = Math.min(...measured.tool.stdouts.map((s) => JSON.parse(s).inputs[0].rows));
    const exceljsCounts = JSON.parse(measured.exceljs.stdouts[0]);
    xlsx = {
      rows: xlsxRows,
      bytes: statSync(path).size,
      supportMetrics: { ...timing(measured.tool), rowsPerSecond: xlsxRows / measured.tool.seconds, rowsRead: toolRows },
      exceljs: { ...timing(measured.exceljs), rowsPerSecond: xlsxRows / measured.exceljs.seconds, read: exceljsCounts },
      ratioToExceljs: paired(measured.tool, measured.exceljs),
      sameRows: toolRows === xlsxRows && exceljsCounts.rows === xlsxRows + 2,
    };
  }

  if (wanted('codes')) {
    // Text columns kept as codes: the first file read through the library with and without two grouping fields.
    const zendesk = await file('zendesk');
    const rounds = Math.min(runs, 3);
    process.stderr.write(`text columns as codes, ${rounds} rounds:\n`);
    const readFields = join(root, 'bench/read-fields.js');
    const measured = interleave(
      [
        { key: 'without', label: 'time fields only', command: process.execPath, args: [readFields, zendesk] },
        { key: 'with', label: '+ agent, channel', command: process.execPath, args: [readFields, zendesk, 'agent,channel'] },
      ],
      rounds,
    );
    const { without, with: withGroups } = measured;
    codes = { rows, withoutPeakMiB: without.peakMiB, withPeakMiB: withGroups.peakMiB, growthMiB: withGroups.peakMiB - without.peakMiB, withoutSeconds: without.seconds, withSeconds: withGroups.seconds, distinct: JSON.parse(withGroups.stdouts[0]).distinctValues };
  }

  if (wanted('modules')) modules = await loadedModules(await file('zendesk'));

  if (wanted('slices')) {
    // Issue #13: the report sliced by agent and by ISO week against the plain report, same file, interleaved.
    const zendesk = await file('zendesk');
    process.stderr.write(`--by agent --period week against the plain report, ${runs} rounds:\n`);
    const measured = interleave(
      [
        { key: 'plain', label: 'plain', command: process.execPath, args: [...TOOL, zendesk] },
        { key: 'sliced', label: '--by agent --period week', command: process.execPath, args: [...TOOL, zendesk, '--by', 'agent', '--period', 'week'] },
      ],
      runs,
    );
    slices = { plainSeconds: measured.plain.seconds, slicedSeconds: measured.sliced.seconds, ...paired(measured.sliced, measured.plain), groups: JSON.parse(measured.sliced.stdouts[0]).groups.length, periods: JSON.parse(measured.sliced.stdouts[0]).periods.length };
  }
} finally {
  if (args.keep !== 'true') rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`files kept in ${dir}\n`);
}

/**
 * "A CSV run never loads exceljs" (issue #10), checked by what was loaded, not by time: one run of the tool on the CSV
 * with bench/record-modules.js preloaded, which logs every module the process (and its helper worker) resolves.
 */
async function loadedModules(csv) {
  const log = join(dir, 'modules.log');
  process.stderr.write('modules loaded by a CSV run:\n');
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench/record-modules.js'), ...TOOL, csv], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, SUPPORT_METRICS_MODULE_LOG: log },
  });
  if (result.status !== 0) throw new Error(`the tool with bench/record-modules.js failed (${result.status}): ${result.stderr}`);
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => decodeURIComponent(l)) : [];
  const packages = new Set();
  for (const line of lines) for (const m of line.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)) packages.add(m[1]);
  // The recorder must have seen the tool's own entry point, or an empty list would pass the check without a look.
  // The bin runs the bundled CLI (dist/bundle/, scripts/bundle.js); the packages it may load lazily stay outside it.
  const recorded = lines.some((l) => l.endsWith('/dist/bundle/main.js') || l.endsWith('/dist/cli/main.js'));
  const heavy = ['exceljs', 'htmlparser2', 'cli-table3', 'chalk', 'csv-parse'].filter((p) => packages.has(p));
  process.stderr.write(`  ${[...packages].sort().join(', ')}\n`);
  return { file: 'zendesk CSV', recorded, packages: [...packages].sort(), heavy, exceljsLoaded: packages.has('exceljs') };
}

const pad = (s, n) => String(s).padEnd(n);
const seconds = (s) => s.toFixed(2);
const range = (t) => `${t.minSeconds.toFixed(2)}–${t.maxSeconds.toFixed(2)}`;
const times = (r) => `${r.toFixed(2)}×`;
const loadAtEnd = loadavg();
console.log(
  `\nsupport-metrics vs DuckDB — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${runs} interleaved rounds (${bigRuns} for the big file); ` +
    `load average ${loadAtStart[0].toFixed(1)} at the start, ${loadAtEnd[0].toFixed(1)} at the end`,
);
console.log('seconds: median (min–max); ratio: median of per-pair ratios tool_i / duck2_i (ratio of the medians); peak: largest RSS over the runs');
if (results.length) console.log('\n' + pad('input', 35) + pad('tool s', 18) + pad('rows/s', 11) + pad('peak MiB', 9) + pad('duck2 s', 18) + pad('duck2 MiB', 10) + pad('duck1 s', 18) + pad('ratio', 15) + 'same numbers');
for (const r of results) {
  const t = r.supportMetrics;
  console.log(
    pad(r.input, 35) + pad(`${seconds(t.seconds)} (${range(t)})`, 18) + pad(Math.round(t.rowsPerSecond).toLocaleString('en'), 11) + pad(t.peakMiB.toFixed(0), 9) +
      pad(`${seconds(r.duckdb2.seconds)} (${range(r.duckdb2)})`, 18) + pad(r.duckdb2.peakMiB.toFixed(0), 10) + pad(`${seconds(r.duckdb1.seconds)} (${range(r.duckdb1)})`, 18) +
      pad(`${times(r.ratioToDuckdb2.pairedRatio)} (${times(r.ratioToDuckdb2.ratioOfMedians)})`, 15) +
      (r.worstRelativeDifference <= 1e-9 ? 'yes' : `NO (${r.worstRelativeDifference.toExponential(2)})`),
  );
}
if (cp1251VsUtf8) console.log(`\nWindows-1251 / UTF-8 (same Bitrix24 data, tool runs paired): ${times(cp1251VsUtf8.pairedRatio)} (ratio of medians ${times(cp1251VsUtf8.ratioOfMedians)})`);
if (xlsx) {
  const { supportMetrics: t, exceljs: e, ratioToExceljs: q } = xlsx;
  console.log(
    `\nxlsx, ${xlsx.rows.toLocaleString('en')} rows × 12 columns (${(xlsx.bytes / 2 ** 20).toFixed(0)} MiB), ${runs} interleaved rounds:\n` +
      `  support-metrics report   ${seconds(t.seconds)} s (${range(t)}), ${Math.round(t.rowsPerSecond).toLocaleString('en')} rows/s, peak ${t.peakMiB.toFixed(0)} MiB\n` +
      `  exceljs streaming read   ${seconds(e.seconds)} s (${range(e)}), ${Math.round(e.rowsPerSecond).toLocaleString('en')} rows/s, peak ${e.peakMiB.toFixed(0)} MiB\n` +
      `  tool / exceljs ${times(q.pairedRatio)} (ratio of medians ${times(q.ratioOfMedians)}): ${xlsxVerdict(q.pairedRatio)}; ` +
      `rows read: ${xlsx.sameRows ? 'the same' : `DIFFER (tool ${t.rowsRead}, exceljs ${e.read.rows} with title and header)`}`,
  );
}
function xlsxVerdict(ratio) {
  if (ratio < 1) return `the tool is faster (${(1 / ratio).toFixed(2)}× exceljs's speed), so within 10 %`;
  return ratio <= 1.1 ? 'within 10 % of exceljs' : `NOT within 10 % of exceljs (${((ratio - 1) * 100).toFixed(0)} % slower)`;
}
if (codes) {
  console.log(
    `\ntext columns as codes, ${codes.rows.toLocaleString('en')} rows: peak ${codes.withoutPeakMiB.toFixed(0)} MiB → ${codes.withPeakMiB.toFixed(0)} MiB with agent + channel ` +
      `(+${codes.growthMiB.toFixed(1)} MiB; the codes are ${((2 * 4 * codes.rows) / 2 ** 20).toFixed(1)} MiB), ${codes.withoutSeconds.toFixed(2)} s → ${codes.withSeconds.toFixed(2)} s; distinct ${JSON.stringify(codes.distinct)}`,
  );
}
if (modules) {
  console.log(
    `\nheavy packages loaded by a CSV run: ${modules.recorded ? (modules.heavy.length ? modules.heavy.join(', ') : 'none') : 'NOT RECORDED (the module recorder saw no dist/bundle/main.js)'}` +
      (modules.exceljsLoaded ? ' — FAIL: exceljs loaded' : ''),
  );
}

// One line per target of issue #10: the measured value and pass / MISS, or why it was not measured.
const targets = [];
function target(name, value, limit, shown, note = '') {
  targets.push({ target: name, value, limit, pass: value === null ? null : value <= limit, shown, note });
}
const zendesk1M = results.find((r) => r.group === 'zendesk');
const bigResult = results.find((r) => r.group === 'big');
const skipped = (why) => ({ value: null, shown: `not measured (${why})` });
{
  const r = zendesk1M;
  const { value, shown } = r ? { value: r.ratioToDuckdb2.pairedRatio, shown: `${times(r.ratioToDuckdb2.pairedRatio)} (ratio of medians ${times(r.ratioToDuckdb2.ratioOfMedians)})` } : skipped('--only');
  target(`zendesk ${millions(rows)} UTF-8: tool / DuckDB 2 threads ≤ 1.0×`, value, 1.0, shown);
}
{
  const r = bigResult;
  const { value, shown } = r ? { value: r.ratioToDuckdb2.pairedRatio, shown: `${times(r.ratioToDuckdb2.pairedRatio)} (ratio of medians ${times(r.ratioToDuckdb2.ratioOfMedians)}, ${r.runs} round${r.runs > 1 ? 's' : ''})` } : skipped(big > 0 ? '--only' : '--big 0');
  target(`zendesk ${millions(big || 10_000_000)}: tool / DuckDB 2 threads ≤ 1.1×`, value, 1.1, shown);
}
{
  // The largest peak over the 1M-row CSV cases (Zendesk, Bitrix24 in both encodings).
  const small = results.filter((r) => r.group !== 'big');
  const worst = small.reduce((a, r) => (a === null || r.supportMetrics.peakMiB > a.supportMetrics.peakMiB ? r : a), null);
  const { value, shown } = worst ? { value: worst.supportMetrics.peakMiB, shown: `${worst.supportMetrics.peakMiB.toFixed(0)} MiB (largest: ${worst.input})` } : skipped('--only');
  target(`peak at ${millions(rows)} rows ≤ 250 MiB`, value, 250, shown);
}
{
  const r = bigResult;
  const { value, shown } = r ? { value: r.supportMetrics.peakMiB, shown: `${r.supportMetrics.peakMiB.toFixed(0)} MiB` } : skipped(big > 0 ? '--only' : '--big 0');
  target(`peak at ${millions(big || 10_000_000)} rows ≤ 700 MiB`, value, 700, shown);
}
{
  const q = cp1251VsUtf8;
  const { value, shown } = q ? { value: q.pairedRatio, shown: `${times(q.pairedRatio)} (ratio of medians ${times(q.ratioOfMedians)})` } : skipped('--only');
  target('Windows-1251 / UTF-8 (Bitrix24) ≤ 1.3×', value, 1.3, shown);
}
{
  const q = xlsx?.ratioToExceljs;
  const { value, shown } = q ? { value: q.pairedRatio, shown: `${times(q.pairedRatio)} (ratio of medians ${times(q.ratioOfMedians)}; ${Math.round(xlsx.supportMetrics.rowsPerSecond).toLocaleString('en')} vs ${Math.round(xlsx.exceljs.rowsPerSecond).toLocaleString('en')} rows/s)` } : skipped(xlsxRows > 0 ? '--only' : '--xlsx-rows 0');
  target('xlsx: tool / exceljs streaming read ≤ 1.10×', value, 1.1, shown, q && q.pairedRatio < 1 ? 'the tool is faster' : '');
}
{
  // 0 when exceljs stayed out, 1 when it was loaded: a pass/fail with a limit of 0. A recorder that saw nothing
  // is no evidence either way.
  const m = modules;
  const { value, shown } = !m ? skipped('--only') : !m.recorded ? { value: null, shown: 'not measured (the module recorder saw nothing)' } : { value: m.exceljsLoaded ? 1 : 0, shown: m.exceljsLoaded ? 'exceljs loaded' : 'exceljs not loaded' };
  target('a CSV run never loads exceljs', value, 0, shown, m?.recorded ? `heavy packages loaded: ${m.heavy.length ? m.heavy.join(', ') : 'none'}` : '');
}
{
  const q = slices;
  const { value, shown } = q ? { value: q.pairedRatio, shown: `${times(q.pairedRatio)} (ratio of medians ${times(q.ratioOfMedians)}; ${q.slicedSeconds.toFixed(2)} s vs ${q.plainSeconds.toFixed(2)} s, ${q.groups} groups, ${q.periods} weeks)` } : skipped('--only');
  target('--by agent --period week / plain report ≤ 1.25× (issue #13)', value, 1.25, shown);
}
console.log('\ntargets (issues #10, #13):');
for (const t of targets) console.log(`  ${pad(t.pass === null ? '—' : t.pass ? 'pass' : 'MISS', 5)} ${pad(t.target, 50)} ${t.shown}${t.note ? `; ${t.note}` : ''}`);

const out = join(root, 'bench/out/results.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, bigRuns, loadAverage: { start: loadAtStart, end: loadAtEnd }, results, cp1251VsUtf8, xlsx, codes, modules, slices, targets }, null, 2) + '\n',
);
console.log(`\nfigures written to ${out}`);
if (results.some((r) => r.worstRelativeDifference > 1e-9) || (xlsx && !xlsx.sameRows)) process.exitCode = 1;
