import { randomBytes } from 'node:crypto';
import { rename, stat, writeFile, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';

/**
 * Writes `content` to `path` through a temporary file in the same folder and a rename, so a reader never sees half
 * a report; refuses to write over an input file (SPEC §4) — by any name of it: `./x.csv`, a symlink, a hard link.
 * A folder that does not exist is an error naming it, never created: a typo in a CI path should fail, not scatter
 * reports into new folders.
 */
export async function writeOutputFile(path: string, content: string | Uint8Array, inputs: readonly string[]): Promise<void> {
  // Checked again at the write: the folder may have gone while the inputs were read.
  await checkOutputPaths([path], inputs);
  const target = resolve(path);
  if (await isDeviceOrPipe(target)) return writeInPlace(path, content);
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EISDIR' ? 'cannot be written: it is a folder' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `cannot be written: the folder ${folder} is not writable (${code})` : `cannot be written (${code ?? (error as Error).message})`;
    throw new InputError({ code: 'OUTPUT_UNWRITABLE', file: path, reason, hint: 'check that the folder exists and is writable' });
  }
}

/**
 * `--out /dev/null`, `/dev/stdout`, a named pipe: written straight into, never replaced. A rename over a device puts a
 * regular file where the device was (as root, `--out /dev/null` replaced /dev/null for every program on the machine).
 */
async function isDeviceOrPipe(target: string): Promise<boolean> {
  if (target.startsWith('/dev/') || target.startsWith('/proc/')) return true;
  const found = await stat(target).catch(() => null);
  return found !== null && !found.isFile() && !found.isDirectory();
}

async function writeInPlace(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({ code: 'OUTPUT_UNWRITABLE', file: path, reason: `cannot be written (${code ?? (error as Error).message})`, hint: 'choose another output path' });
  }
}

/**
 * Every output path checked before any input is read: over an input, or in a folder that does not exist, fails the run
 * with nothing written — not after minutes of reading, with the --rejects or --details file already there.
 */
export async function checkOutputPaths(paths: readonly string[], inputs: readonly string[]): Promise<void> {
  for (const path of paths) {
    const target = resolve(path);
    if (await isAnInput(target, inputs)) throw new UsageError(`refusing to write ${path}: it is one of the input files; choose another output path`);
    const folderProblem = await missingFolder(dirname(target));
    if (folderProblem !== null) throw new InputError({ code: 'OUTPUT_UNWRITABLE', file: path, reason: `cannot be written: ${folderProblem}`, hint: 'create the folder or choose another path' });
  }
}

/** Whether the output path is an input under another name: the same file (device and inode), symlinks followed. */
async function isAnInput(target: string, inputs: readonly string[]): Promise<boolean> {
  const out = await stat(target).catch(() => null);
  for (const input of inputs) {
    if (resolve(input) === target) return true;
    if (out === null || input === '-') continue;
    // `book.xlsx#Sheet` names a sheet of book.xlsx unless a file has that whole name (as read/input.ts reads it).
    const hash = input.lastIndexOf('#');
    for (const name of hash > 0 ? [input, input.slice(0, hash)] : [input]) {
      const file = await stat(name).catch(() => null);
      if (file !== null && file.dev === out.dev && file.ino === out.ino) return true;
    }
  }
  return false;
}

/** Why `folder` cannot hold a file — it, or the first of its parents that exists, is missing or not a folder — or null. */
async function missingFolder(folder: string): Promise<string | null> {
  for (let at = folder; ; at = dirname(at)) {
    const found = await stat(at).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? null : 'unknown'));
    if (found === 'unknown') return null; // EACCES and the like: the write below reports it
    if (found !== null) return found.isDirectory() ? (at === folder ? null : `the folder ${folder} does not exist`) : `${at} is not a folder`;
    if (dirname(at) === at) return `the folder ${folder} does not exist`;
  }
}
