// Bundles the command line (bin/support-metrics.js's modules and the reader's worker thread) into dist/bundle/, after
// tsc. Why: a report run loaded ~170 modules (95 of them zod's) one by one, which cost ~100-150 ms of start-up on
// each of the two threads a large file is read with (issue #10); one bundle per entry with shared chunks loads in a
// fraction of that. The library (dist/index.js) stays unbundled. Packages loaded only for some runs (workbooks,
// tables) stay outside, imported from node_modules when a run needs them.
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/bundle');
rmSync(out, { recursive: true, force: true });
await build({
  // Named entries: the worker is found as ./worker.js beside the chunk that starts it (new URL(…, import.meta.url)).
  entryPoints: ['cli/main.js', 'datasets/worker.js', 'datasets/early-worker.js', 'timing.js'].map((entry) => join(root, 'dist', entry)),
  entryNames: '[name]',
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'htmlparser2', 'cli-table3', 'chalk', 'csv-parse'],
  // CommonJS packages inside (iconv-lite, commander) call require(); an ES module has none of its own.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: 'warning',
});
// The WASM scanner is loaded from beside the code that uses it.
copyFileSync(join(root, 'dist/read/csv-scan.wasm'), join(out, 'csv-scan.wasm'));
process.stderr.write('cli bundled → dist/bundle/\n');
