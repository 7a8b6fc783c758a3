import { unlinkSync } from 'node:fs';

/** The signals a CI runner or a user sends to stop a run (Ctrl-C, a cancelled job, a closed terminal). */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `write`, which creates `temporary` and renames it into place, so that a run stopped by a signal meanwhile
 * leaves no `.report.json.1a2b3c.tmp` beside the report (a cancelled CI job kept them in its artifacts): the file is
 * removed and the signal raised again, so the run still ends as that signal says.
 */
export async function removedIfStopped<T>(temporary: string, write: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(temporary);
    } catch {
      // not created yet, or already renamed: nothing to remove
    }
    // `once` took this listener off: with no other, the signal now does what it does by default.
    process.kill(process.pid, signal);
  };
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  try {
    return await write();
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}
