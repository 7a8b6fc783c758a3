// Assembles the WebAssembly sources in src/ (text format) into dist/, next to the compiled JS that loads them.
// Run by `npm run build` after tsc; wabt comes from the registry (devDependency), so no binary is committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createWabt from 'wabt';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['read/csv-scan.wat'];

const wabt = await createWabt();
for (const source of SOURCES) {
  const from = join(root, 'src', source);
  const to = join(root, 'dist', source.replace(/\.wat$/, '.wasm'));
  const module = wabt.parseWat(from, readFileSync(from, 'utf8'), { simd: true, mutable_globals: true });
  try {
    module.validate();
    const { buffer } = module.toBinary({});
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, buffer);
    process.stderr.write(`${source} → ${to.slice(root.length + 1)} (${buffer.length} bytes)\n`);
  } finally {
    module.destroy();
  }
}
