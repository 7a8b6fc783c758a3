import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { resolveInput } from '../../src/read/input.js';

describe('resolveInput', () => {
  it.runIf(existsSync('/proc/self/status'))('reads a file that says it holds 0 bytes but does not (/proc): spooled, not "empty"', async () => {
    const input = await resolveInput('/proc/self/status');
    expect(input.label).toBe('/proc/self/status');
    // The spooled copy holds the text the kernel gave, which starts with the process name line.
    expect(readFileSync(input.path, 'utf8')).toMatch(/^Name:\t/);
    expect(input.size).toBeGreaterThan(0);
  });

  it('says "is empty" of an empty file, with a hint fit for a file (not for stdin)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sm-input-')), 'empty.csv');
    writeFileSync(path, '');
    const error = await resolveInput(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${path}: is empty; export the data again with a header row and at least one row`);
  });

  it.runIf(existsSync('/proc/self/mem'))('a read that fails in the file system (EIO) is one InputError naming the file', async () => {
    const error = await resolveInput('/proc/self/mem').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^\/proc\/self\/mem: cannot be read \(EIO: i\/o error, read\)/);
  });
});
