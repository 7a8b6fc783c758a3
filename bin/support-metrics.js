#!/usr/bin/env node
// A large CSV's helper thread is started before the CLI's modules are imported, so that its own start-up overlaps
// theirs (issue #10): hence the CLI comes in by a dynamic import, after it. dist/bundle/ is the CLI bundled by
// `npm run build` (scripts/bundle.js): one file per entry loads far faster than ~170 modules.
import { discardEarlyWorker, startEarlyWorker } from '../dist/bundle/early-worker.js';
import { mark } from '../dist/bundle/timing.js';

mark('bin started');
startEarlyWorker(process.argv.slice(2));
const { main, watchStdout, ignoreStderrErrors } = await import('../dist/bundle/main.js');
mark('cli imported');
const color = Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;
const write = (stream) => (text) => stream.write(text);
ignoreStderrErrors(process.stderr);
const stdout = watchStdout(process.stdout, write(process.stderr));
const code = await main(process.argv.slice(2), { stdout: write(process.stdout), stderr: write(process.stderr), color, stderrIsTerminal: Boolean(process.stderr.isTTY) });
process.exitCode = stdout.failedExitCode() ?? code;
discardEarlyWorker();
mark('done');
