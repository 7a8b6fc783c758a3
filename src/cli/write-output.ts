import { randomBytes } from 'node:crypto';
import { fstatSync, writeFileSync, type Stats } from 'node:fs';
import { chmod, readlink, realpath, rename, stat, writeFile, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { removedIfStopped } from './temporary-file.js';

/** An output the command line names: the option (`--out`, `--details`, `--rejects`) and its path (`-` is stdout). */
export interface OutputPath {
  option: string;
  path: string;
}

/**
 * Writes `content` to `path` through a temporary file in the same folder and a rename, so a reader never sees half
 * a report; refuses to write over an input file (SPEC §4) — by any name of it: `./x.csv`, a symlink, a hard link.
 * A symlink is written through: the file it names is replaced, the link stays (as a shell's `>` would do), where a
 * rename onto the link itself would swap it for a file and leave its target stale. A device or a pipe (`/dev/null`, a
 * FIFO) is written into, there being no file to replace: a rename would replace the device node itself (as root,
 * `--out /dev/null` made /dev/null a regular file).
 * A folder that does not exist is an error naming it, never created: a typo in a CI path should fail, not scatter
 * reports into new folders.
 */
export async function writeOutputFile(path: string, content: string | Uint8Array, inputs: readonly string[]): Promise<void> {
  // Checked again at the write: the folder may have gone while the inputs were read.
  await checkOutputPaths([{ option: '', path }], inputs);
  // The system follows the links here, /dev/stdout's /proc/self/fd/1 included.
  const existing = await stat(path).catch(() => null);
  const ownStream = existing === null ? null : ownStreamOf(existing);
  if (ownStream !== null) return writeToOwnStream(path, ownStream, content);
  const intoDevice = existing !== null && !existing.isFile() && !existing.isDirectory();
  const target = intoDevice ? path : await landingPath(path);
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (intoDevice) await writeFile(target, content);
    else {
      // A report made private (chmod 600: it names customers) stays private when it is written again: the new file
      // takes the old one's permissions, from its creation on ('wx': a new file, never one put there meanwhile).
      const kept = existing?.isFile() === true ? existing.mode & 0o777 : undefined;
      await removedIfStopped(temporary, async () => {
        await writeFile(temporary, content, { flag: 'wx', mode: kept ?? 0o666 });
        if (kept !== undefined) await chmod(temporary, kept); // the umask may have taken bits the old file had
        await rename(temporary, target);
      });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EEXIST: the temp name was taken ('wx'), by a file that is not ours to remove.
    if (!intoDevice && code !== 'EEXIST') await unlink(temporary).catch(() => undefined);
    const denied = code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
    const reason = code === 'EISDIR' ? 'cannot be written: it is a folder' : denied && !intoDevice ? `cannot be written: the folder ${folder} is not writable (${code})` : `cannot be written (${code ?? (error as Error).message})`;
    throw new InputError({ code: 'OUTPUT_UNWRITABLE', file: path, reason, hint: intoDevice ? 'choose another output path' : 'check that the folder exists and is writable' });
  }
}

/**
 * The run's own stdout or stderr, when `path` is the file either is redirected to (`--out /dev/stdout >> log.txt`):
 * written through that descriptor, at its position — a rename would swap the file under the shell's redirection, so
 * the lines before (`>>`) and the warnings after (`2>&1`) would be lost.
 */
function ownStreamOf(file: Stats): 1 | 2 | null {
  for (const fd of [1, 2] as const) {
    const stream = streamStat(fd);
    if (stream !== null && stream.dev === file.dev && stream.ino === file.ino) return fd;
  }
  return null;
}

/** What the run's stdout (1) or stderr (2) is; null when it is closed and names nothing. */
function streamStat(fd: 1 | 2): Stats | null {
  try {
    return fstatSync(fd);
  } catch {
    return null;
  }
}

function writeToOwnStream(path: string, fd: 1 | 2, content: string | Uint8Array): void {
  try {
    writeFileSync(fd, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({ code: 'OUTPUT_UNWRITABLE', file: path, reason: `cannot be written (${code ?? (error as Error).message})`, hint: 'choose another output path' });
  }
}

/**
 * Every output path checked before any input is read: two outputs naming one file (the second write would replace
 * the first without a word), an output over an input, or in a folder that does not exist, fails the run with nothing
 * written — not after minutes of reading, with the --rejects or --details file already there.
 */
export async function checkOutputPaths(outputs: readonly OutputPath[], inputs: readonly string[]): Promise<void> {
  await refuseSharedOutputs(outputs);
  for (const { path } of outputs) {
    if (path === '-') continue;
    if (await isAnInput(resolve(path), inputs)) throw new UsageError(`refusing to write ${path}: it is one of the input files; choose another output path`);
    if ((await stat(path).catch(() => null)) !== null) continue; // there, so its folder is
    const folderProblem = await missingFolder(dirname(await landingPath(path)));
    if (folderProblem !== null) throw new InputError({ code: 'OUTPUT_UNWRITABLE', file: path, reason: `cannot be written: ${folderProblem}`, hint: 'create the folder or choose another path' });
  }
}

/**
 * Two outputs that are one file, by any names: `r.csv` and `./r.csv`, a symlink and its target (existing or not), a
 * folder and a symlink to it, two hard links; `-` is stdout, so `--rejects -` and `--out /dev/stdout` are one too.
 */
async function refuseSharedOutputs(outputs: readonly OutputPath[]): Promise<void> {
  if (outputs.length < 2) return;
  const files = await Promise.all(outputs.map(async (output) => ({ ...output, ...(await identify(output.path)) })));
  for (const [i, first] of files.entries()) {
    for (const second of files.slice(i + 1)) {
      const same = first.file !== null && second.file !== null ? first.file.dev === second.file.dev && first.file.ino === second.file.ino : first.landing === second.landing;
      // A terminal or /dev/null takes two outputs without harm: what it shows interleaved is what was asked for.
      if (!same || first.file?.isCharacterDevice() === true) continue;
      const stdout = first.path === '-' || second.path === '-';
      throw new UsageError(`${outputName(first)} and ${outputName(second)} ${stdout ? 'both write to stdout' : 'name the same file'}; give each its own path`);
    }
  }
}

/** `--rejects r.csv`; an output with no option of its own (the report on stdout) by its name alone. */
function outputName(output: OutputPath): string {
  return output.option.startsWith('--') ? `${output.option} ${output.path}` : output.option;
}

/** What a path names: the file, when there is one (symlinks followed; fd 1 for `-`), and where a write lands. */
async function identify(path: string): Promise<{ file: Stats | null; landing: string }> {
  if (path === '-') return { file: streamStat(1), landing: '-' };
  return { file: await stat(path).catch(() => null), landing: await landingPath(path) };
}

/**
 * The file a write to `path` replaces: symlinks in the path followed, to the file they name (its real path) or, for a
 * link to nothing yet, to the file it would make, in its folder's real path; a relative link target is read from the
 * link's real folder, as the system reads it.
 */
async function landingPath(path: string): Promise<string> {
  const existing = await realpath(path).catch(() => null);
  if (existing !== null) return existing;
  let at = resolve(path);
  // 40 links deep is Linux's limit too (ELOOP).
  for (let links = 0; links <= 40; links++) {
    at = join(await realpath(dirname(at)).catch(() => dirname(at)), basename(at));
    const link = await readlink(at).catch(() => null);
    if (link === null) return at;
    at = resolve(dirname(at), link);
  }
  throw new InputError({ code: 'OUTPUT_UNWRITABLE', file: path, reason: 'cannot be written: its symlinks go round in a loop (ELOOP)', hint: 'point the link at a file, or choose another path' });
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
