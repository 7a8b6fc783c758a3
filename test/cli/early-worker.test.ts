import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/support-metrics.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

/** Runs the built bin with the helper thread forced on every file and the timing marks on; killed after 60 s. */
function runTimed(args: string[]) {
  const env = { ...process.env, NO_COLOR: '1', SUPPORT_METRICS_PARALLEL_MIN_BYTES: '1', SUPPORT_METRICS_TIMING: '1' };
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  const marks = [...result.stderr.matchAll(/timing: [\d.]+ ms (.+)/g)].map((m) => m[1]);
  return { code: result.status, stdout: result.stdout, marks };
}

describe('the helper thread started by the bin before the CLI loads (issue #10)', () => {
  it('starts before the CLI is imported, and the read of the file takes it', () => {
    const { code, stdout, marks } = runTimed(['report', '--format', 'json', fixture('zendesk-tickets.csv')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).inputs[0]).toMatchObject({ preset: 'zendesk', rows: 8, accepted: 8 });
    expect(marks.indexOf('worker started')).toBeGreaterThanOrEqual(0);
    expect(marks.indexOf('worker started')).toBeLessThan(marks.indexOf('cli imported'));
    expect(marks).toContain('worker taken');
    expect(marks).not.toContain('worker discarded');
  });

  it('left unused (an XML 2003 ".xls" is read in one pass), it is terminated and the run ends', () => {
    const { code, stdout, marks } = runTimed(['report', '--format', 'json', fixture('freshdesk-tickets.xls')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).inputs[0]).toMatchObject({ format: 'xml2003', rows: 6 });
    expect(marks).toContain('worker started');
    expect(marks).not.toContain('worker taken');
    expect(marks).toContain('worker discarded');
  });
});
