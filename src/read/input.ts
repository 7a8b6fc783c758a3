import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, open, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { utf16WithoutBom } from './encoding.js';

/** One input as the readers see it, whatever the user named: a file, `-` (stdin), a `.gz` file, `book.xlsx#Sheet`. */
export interface InputFile {
  /** As the user named it, for messages and the report, without a `#Sheet` (`-` is shown as `<stdin>`). */
  label: string;
  /** The file on disk to read; stdin is first copied (streamed) to a temporary file so it can be read twice. */
  path: string;
  /** gzip-compressed: read through a gunzip stream (so no positional reads and no two-halves split). */
  gzip: boolean;
  /** Size on disk in bytes (compressed size for gzip). */
  size: number;
  /** The sheet named after `#` (`book.xlsx#Tickets`), if any. */
  sheet: string | null;
}

export const STDIN_LABEL = '<stdin>';

/**
 * Resolves what the user named into an InputFile. `-` reads stdin; `path#Sheet` names a sheet when `path#Sheet` is
 * not itself a file. A folder, a missing or unreadable file is an InputError (exit 2, one line).
 */
export async function resolveInput(name: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<InputFile> {
  if (name === '-') return spool(stdin, STDIN_LABEL);
  // /dev/stdin may be a socket that cannot be opened by path (ENXIO): it is the same stream as `-`.
  if (name === '/dev/stdin') return spool(stdin, name);
  let path = name;
  let label = name;
  let sheet: string | null = null;
  let info = await statOrNull(path);
  const hash = name.lastIndexOf('#');
  if (info === null && hash > 0) {
    const bare = await statOrNull(name.slice(0, hash));
    if (bare !== null) {
      path = name.slice(0, hash);
      label = path;
      sheet = name.slice(hash + 1);
      info = bare;
    }
  }
  if (info === null) throw new InputError({ code: 'NOT_FOUND', file: name, reason: 'does not exist', hint: 'check the path' });
  if (info.isDirectory()) throw new InputError({ code: 'NOT_A_FILE', file: name, reason: 'is a folder, not a file', hint: 'name a CSV or Excel file' });
  // A pipe (`<(zcat …)`, /dev/stdin) cannot be read at positions or twice: copy it first, as stdin. So is a file that
  // says it holds 0 bytes, which on /proc, /sys and some FUSE mounts does not mean empty: spooled, it shows.
  if (!info.isFile() || info.size === 0) return spool(createReadStream(path), label);
  try {
    return { label, path, gzip: await isGzip(path), size: info.size, sheet };
  } catch (error) {
    throw asInputError(name, error);
  }
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw asInputError(path, error);
  }
}

/** Copies stdin or a pipe to a temporary file, streamed (bounded memory), so every reader can treat it as a file. */
async function spool(stream: NodeJS.ReadableStream, label: string): Promise<InputFile> {
  const dir = await mkdtemp(join(tmpdir(), 'support-metrics-stdin-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'stdin');
  try {
    await pipeline(stream, createWriteStream(path));
  } catch (error) {
    throw asInputError(label, error);
  }
  const info = await stat(path);
  if (info.size === 0) throw new InputError({ code: 'EMPTY', file: label, reason: 'is empty', hint: label === STDIN_LABEL ? 'pipe an export into it, e.g. cat tickets.csv | support-metrics report -' : 'export the data again with a header row and at least one row' });
  return { label, path, gzip: await isGzip(path), size: info.size, sheet: null };
}

/** gzip by its magic bytes (1f 8b), not by the extension. */
async function isGzip(path: string): Promise<boolean> {
  const head = await readBytes(path, 0, 2);
  return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
}

async function readBytes(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The (decompressed) bytes of an input from the start, as a stream. */
export function openByteStream(input: Pick<InputFile, 'path' | 'gzip'>, highWaterMark = 1024 * 1024): Readable {
  const raw = createReadStream(input.path, { highWaterMark });
  if (!input.gzip) return raw;
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  raw.on('error', (error) => gunzip.destroy(error));
  gunzip.on('error', () => raw.destroy());
  return raw.pipe(gunzip);
}

/** The first `length` (decompressed) bytes of an input, or fewer when it is shorter. */
export async function readInputHead(input: InputFile, length: number): Promise<Buffer> {
  if (!input.gzip) {
    try {
      return await readBytes(input.path, 0, Math.min(length, input.size));
    } catch (error) {
      throw asInputError(input.label, error);
    }
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = openByteStream(input, 64 * 1024);
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      total += (chunk as Buffer).length;
      if (total >= length) break;
    }
  } catch (error) {
    throw new InputError({ code: 'UNREADABLE', file: input.label, reason: `is not a readable gzip file (${(error as Error).message})`, hint: 'check the download or unpack it yourself' });
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, length);
}

/**
 * Whether an error comes from the file system (EIO, EACCES, ENOENT … — a Node errno code), not from the content's
 * parser (zlib's Z_DATA_ERROR, a zip or XML error): the readers say the first as asInputError does, with the file.
 */
export function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

export function asInputError(file: string, error: unknown): Error {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError({ code: 'NOT_FOUND', file, reason: 'does not exist', hint: 'check the path' });
  if (code === 'EACCES' || code === 'EPERM') return new InputError({ code: 'UNREADABLE', file, reason: 'cannot be read (permission denied)', hint: 'check the file permissions' });
  if (code === 'EISDIR') return new InputError({ code: 'NOT_A_FILE', file, reason: 'is a folder, not a file', hint: 'name a CSV or Excel file' });
  return new InputError({ code: 'UNREADABLE', file, reason: `cannot be read (${(error as Error).message})` });
}

/** What the first bytes of a (decompressed) file say it is — the extension is not trusted (".xls" is often HTML). */
export type ContentFormat = 'csv' | 'xlsx' | 'html' | 'xml2003' | 'xls-binary' | 'zip' | 'binary';

export function detectContentFormat(head: Buffer): ContentFormat {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    // A zip: an XLSX when it holds the OOXML parts; their names sit in the local headers near the start.
    const names = head.toString('latin1');
    return /\[Content_Types\]\.xml|xl\/|docProps\//.test(names) ? 'xlsx' : 'zip';
  }
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'xls-binary';
  const text = headText(head).slice(0, 4096).trimStart().toLowerCase();
  if (text.startsWith('<?xml') || text.startsWith('<workbook') || text.startsWith('<ss:workbook')) {
    if (text.includes('urn:schemas-microsoft-com:office:spreadsheet') || /<(ss:)?workbook[\s>]/.test(text)) return 'xml2003';
    if (/<html[\s>]/.test(text)) return 'html';
  }
  if (/^(<!doctype html|<html[\s>]|<head[\s>]|<meta[\s>]|<table[\s>]|<body[\s>]|<style[\s>])/.test(text)) return 'html';
  // NUL bytes in text that is not UTF-16: a program, an image, a database — not an export.
  const bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!bom && utf16WithoutBom(head) === null && head.subarray(0, 4096).includes(0)) return 'binary';
  return 'csv';
}

/** The head as text for sniffing markup: UTF-16 by its BOM, else bytes as Latin-1 (markup is ASCII). */
function headText(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2).toString('utf16le');
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.from(head.subarray(2, 2 + ((head.length - 2) & ~1))).swap16().toString('utf16le');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return head.subarray(3).toString('latin1');
  return head.toString('latin1');
}
