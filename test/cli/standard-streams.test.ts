import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/support-metrics.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/zendesk-tickets.csv', import.meta.url));

describe('stdout and device outputs (issue #16: no run ends in a stack trace)', () => {
  it.runIf(existsSync('/dev/full'))('a full disk under stdout: one line, exit 2, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'report', FIXTURE, '--format', 'json', '--quiet'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('support-metrics: cannot write to stdout (ENOSPC); free some space, or write the report with --out FILE\n');
    } finally {
      closeSync(full);
    }
  });

  it('a reader that stops reading (| head): no message, the exit code the targets give (1 with --fail-on-miss)', async () => {
    // The fixture misses its FRT target (SPEC §6 frt < 15 min), so --fail-on-miss makes the run's own code 1.
    const child = spawn(process.execPath, [BIN, 'report', FIXTURE, '--format', 'html', '--fail-on-miss', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reading end closed before the report is written: its write fails with EPIPE
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  // No test names a real /dev path with --out: were the fix lost, the rename would replace the device for the whole
  // machine (as root it replaced /dev/null, /dev/full and /dev/stdout while this was written). A FIFO and
  // /proc/self/fd/1 show the same rule harmlessly.
  it.runIf(process.platform !== 'win32')('--out a named pipe writes into the pipe and leaves it a pipe (a rename would replace it)', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'sm-fifo-')), 'report.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'pipe'] });
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const readerDone = new Promise((done) => reader.on('close', done));
    const writer = spawn(process.execPath, [BIN, 'report', FIXTURE, '--format', 'json', '--out', fifo, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => writer.on('close', done));
    // Were the pipe replaced by a file, `cat` would wait for a writer for ever: it gets 5 s after the run ends.
    const stuck = setTimeout(() => reader.kill(), 5000);
    await readerDone;
    clearTimeout(stuck);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(received) as { schema: string }).schema).toBe('support-metrics/report@1');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it.runIf(process.platform === 'linux')('--out /proc/self/fd/1 (as /dev/stdout is) with stdout a file: the report lands in that file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sm-stdout-')), 'report.json');
    const file = openSync(path, 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'report', FIXTURE, '--format', 'json', '--out', '/proc/self/fd/1', '--quiet'], { stdio: ['ignore', file, 'pipe'], encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    } finally {
      closeSync(file);
    }
    const report = JSON.parse(readFileSync(path, 'utf8')) as { inputs: { rows: number }[] };
    expect(report.inputs[0]!.rows).toBeGreaterThan(0);
  });

  it.runIf(existsSync('/dev/full'))('--out naming a full device: one line naming it, exit 2', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, 'report', FIXTURE, '--format', 'json', '--out', '/proc/self/fd/1', '--quiet'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('support-metrics: /proc/self/fd/1: cannot be written (ENOSPC); choose another output path\n');
    } finally {
      closeSync(full);
    }
  });

  it.runIf(process.platform === 'linux')('--out naming the file stdout is appended to (>>): written at its end, the lines before and the warnings after (2>&1) kept', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-append-'));
    const log = join(folder, 'log.txt');
    writeFileSync(log, 'previous line\n');
    symlinkSync('/proc/self/fd/1', join(folder, 'stdout.json'));
    const file = openSync(log, 'a');
    try {
      const run = spawnSync(process.execPath, [BIN, 'report', FIXTURE, '--format', 'json', '--out', join(folder, 'stdout.json')], { stdio: ['ignore', file, file] });
      expect(run.status).toBe(0);
    } finally {
      closeSync(file);
    }
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith('previous line\n{\n  "schema": "support-metrics/report@1"')).toBe(true);
    // The fixture's small samples are warned about on stderr, after the report, into the same file.
    expect(text).toMatch(/\n}\nsupport-metrics: warning: First response time rests on 7 values/);
  });

  it('the report on stdout and --details naming the file stdout goes to (> r.csv): refused before reading, the file untouched', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sm-same-'));
    const path = join(folder, 'r.csv');
    writeFileSync(path, 'before\n');
    const file = openSync(path, 'a');
    let stderr = '';
    try {
      const run = spawnSync(process.execPath, [BIN, 'report', FIXTURE, '--format', 'json', '--details', path], { stdio: ['ignore', file, 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(2);
      stderr = run.stderr;
    } finally {
      closeSync(file);
    }
    expect(stderr).toBe(`support-metrics: the report on stdout and --details ${path} both write to stdout; give each its own path\n`);
    expect(readFileSync(path, 'utf8')).toBe('before\n');
  });
});
