import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removedIfStopped } from '../../src/cli/temporary-file.js';

const BUILT = pathToFileURL(new URL('../../dist/cli/temporary-file.js', import.meta.url).pathname).href;

describe('removedIfStopped (a report being written when the run is stopped)', () => {
  it.runIf(process.platform !== 'win32')('a SIGTERM while the temporary file exists: the file is removed and the run still ends by SIGTERM', () => {
    const temporary = join(mkdtempSync(join(tmpdir(), 'sm-stopped-')), '.report.json.abc123.tmp');
    const script = `
      import { writeFileSync } from 'node:fs';
      import { removedIfStopped } from ${JSON.stringify(BUILT)};
      await removedIfStopped(process.argv[1], async () => {
        writeFileSync(process.argv[1], 'half a report');
        process.kill(process.pid, 'SIGTERM');
        await new Promise((done) => setTimeout(done, 5000));
      });
      console.log('not reached');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, temporary], { encoding: 'utf8', timeout: 10_000 });
    expect(run.signal).toBe('SIGTERM');
    expect(run.stdout).toBe('');
    expect(existsSync(temporary)).toBe(false);
  });

  it('takes its signal listeners off again once the write is done (or failed)', async () => {
    const before = process.listenerCount('SIGTERM');
    const beforeInt = process.listenerCount('SIGINT');
    await removedIfStopped('/nonexistent/x.tmp', async () => expect(process.listenerCount('SIGTERM')).toBe(before + 1));
    expect(process.listenerCount('SIGTERM')).toBe(before);
    await expect(removedIfStopped('/nonexistent/x.tmp', async () => Promise.reject(new Error('disk gone')))).rejects.toThrow('disk gone');
    expect(process.listenerCount('SIGINT')).toBe(beforeInt);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
