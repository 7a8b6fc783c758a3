/**
 * What the bin writes to stdout may fail: a full disk (`report --format json > report.json`), a pipe whose reader
 * has gone (`| head`). Unwatched, either ended the run with Node's stack trace; a full disk even left a cut report
 * behind a clean-looking exit. Watched: a reader that stopped reading ends the run quietly (it asked for no more), any
 * other failure is one line on stderr and exit 2 (SPEC §7), so a CI job never takes half a report for a whole one.
 */
export interface StreamWatch {
  /** The exit code the run must end with when stdout failed, else null. */
  failedExitCode(): number | null;
}

export function watchStdout(stdout: NodeJS.WriteStream, writeStderr: (text: string) => void): StreamWatch {
  let failure: NodeJS.ErrnoException | null = null;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (failure !== null) return; // later writes to the closed stream fail again: said once
    failure = error;
    if (error.code === 'EPIPE') return;
    const full = error.code === 'ENOSPC' || error.code === 'EDQUOT';
    writeStderr(`support-metrics: cannot write to stdout (${error.code ?? error.message}); ${full ? 'free some space' : 'check where stdout goes'}, or write the report with --out FILE\n`);
    process.exitCode = 2;
  });
  return { failedExitCode: () => (failure === null || failure.code === 'EPIPE' ? null : 2) };
}

/** stderr's own failures (its reader gone) are let go: there is nowhere left to say anything. */
export function ignoreStderrErrors(stderr: NodeJS.WriteStream): void {
  stderr.on('error', () => undefined);
}
