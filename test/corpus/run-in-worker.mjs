// The corpus runner's thread: runs the built CLI's main() (dist/bundle/main.js, what bin/support-metrics.js runs) on
// one command line at a time, as the bin would, and posts back the exit code and what it wrote. Run in a worker with
// a heap limit, so a file that blows memory up or hangs kills this thread (which the test sees), not the test.
import { parentPort } from 'node:worker_threads';

const { main } = await import('../../dist/bundle/main.js');

parentPort.on('message', async ({ id, argv }) => {
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  try {
    const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false, stderrIsTerminal: false });
    parentPort.postMessage({ id, code, stdout, stderr, ms: performance.now() - started });
  } catch (error) {
    // main() never throws by contract: this is a crash.
    parentPort.postMessage({ id, code: null, stdout, stderr: `${stderr}THREW ${error?.stack ?? error}`, ms: performance.now() - started });
  }
});
parentPort.postMessage({ ready: true });
