import { randomBytes } from 'node:crypto';
import { rename, writeFile, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';

/**
 * Writes `content` to `path` through a temporary file in the same folder and a rename, so a reader never sees half
 * a report; refuses to write over an input file (SPEC §4).
 */
export async function writeOutputFile(path: string, content: string | Uint8Array, inputs: readonly string[]): Promise<void> {
  const target = resolve(path);
  if (inputs.some((input) => resolve(input) === target)) {
    throw new UsageError(`refusing to write ${path}: it is one of the input files; choose another output path`);
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new InputError({ code: 'OUTPUT_UNWRITABLE', file: path, reason: `cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, hint: 'check that the folder exists and is writable' });
  }
}
