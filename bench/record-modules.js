// Preload for the bench's "a CSV run never loads exceljs" check: `node --import ./bench/record-modules.js …` appends
// every module the process loads, one URL or path a line, to the file named by SUPPORT_METRICS_MODULE_LOG.
// Two sources, because neither sees everything: an ESM resolve hook (module.register; the hooks run on their own
// thread, so they append synchronously to the file rather than post to this thread, which may exit first) sees
// every `import`, including of CommonJS packages; the CommonJS cache, read at exit, sees what those packages
// `require` in turn. Worker threads inherit --import, so a helper worker's modules are recorded too.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const log = process.env.SUPPORT_METRICS_MODULE_LOG;
if (log) {
  const hooks = `
    import { appendFileSync } from 'node:fs';
    let log;
    export function initialize(data) { log = data.log; }
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      appendFileSync(log, resolved.url + '\\n');
      return resolved;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url, { data: { log } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => appendFileSync(log, Object.keys(require.cache).join('\n') + '\n'));
}
