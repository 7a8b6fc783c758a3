import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads `file` through the built library in a child process (so env settles how it is read: in halves or in one pass)
 * and prints every column of its data set row by row — text columns decoded, numbers, elapsed durations and their
 * sources, line numbers — with the rejections, as JSON on stdout.
 */
export function dumpColumns(file: string, dir: string, env: Record<string, string>): SpawnSyncReturns<string> {
  const script = `
    import { readDatasets, Zone } from ${JSON.stringify(new URL('../../dist/index.js', import.meta.url).href)};
    const read = await readDatasets([{ name: ${JSON.stringify(file)} }], { zone: new Zone('UTC'), fields: 'all' });
    const d = read.datasets[0];
    const texts = Object.fromEntries(Object.entries(d.texts).map(([f, t]) => [f, Array.from(t.codes, (c) => t.values[c])]));
    const numbers = Object.fromEntries(Object.entries(d.numbers).map(([f, v]) => [f, Array.from(v)]));
    const elapsed = Object.fromEntries(Object.entries(d.elapsed).map(([f, e]) => [f, [Array.from(e.seconds), Array.from(e.source)]]));
    console.log(JSON.stringify({ rows: d.rows, lines: Array.from(d.lineOfRow), texts, numbers, elapsed, rejections: read.rejections.all }));
  `;
  // A script file, not `-e`: --input-type would be passed on to the worker thread and refused there.
  const scriptFile = join(dir, 'dump-columns.mjs');
  writeFileSync(scriptFile, script);
  return spawnSync(process.execPath, [scriptFile], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
}
