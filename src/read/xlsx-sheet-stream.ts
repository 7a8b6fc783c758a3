import { Readable } from 'node:stream';
import { PhoneticRunBlanker } from './xlsx-phonetic-runs.js';
import type { WorkbookParts } from './xlsx-workbook-part.js';
import { openZipEntryStream, ZipFormatError, type ZipDirectory, type ZipEntry } from './zip-directory.js';

/**
 * The zip stream we hand to exceljs's streaming reader for one sheet: the workbook's relationships, workbook, styles
 * and shared strings first, then that sheet alone, each under the name exceljs looks for.
 *
 * Why not the file as it is: exceljs parses a sheet as it streams by only when it has already seen the shared strings
 * and the workbook's relationships; Excel, openpyxl and exceljs's own writer store those after the sheets, so exceljs
 * would copy every sheet of the workbook to a temporary file first, then name them by a relationship match that
 * openpyxl's absolute targets defeat. Putting the parts in the order it needs makes it read the sheet in one pass.
 *
 * Each part is inflated here and stored (method 0, size in the header): a damaged deflate stream then fails in a stream
 * we own (exceljs would wait forever on an entry whose inflater failed), and no data descriptor is scanned for.
 */
export function sheetZipStream(zip: ZipDirectory, parts: WorkbookParts, sheet: ZipEntry): Readable {
  const entries: StoredEntry[] = [
    { name: 'xl/_rels/workbook.xml.rels', content: parts.workbookRelationships },
    { name: 'xl/workbook.xml', content: parts.workbook },
    // Without a styles part exceljs keeps its defaults: no cell is date-formatted, which is what the file says.
    ...(parts.styles === null ? [] : [{ name: 'xl/styles.xml', content: parts.styles }]),
    // A workbook of numbers and inline strings has no shared strings; exceljs would still wait for them.
    { name: 'xl/sharedStrings.xml', content: parts.sharedStrings ?? EMPTY_SHARED_STRINGS, blankPhoneticRuns: true },
    { name: 'xl/worksheets/sheet1.xml', content: sheet },
  ];
  return Readable.from(storedZip(zip, entries), { objectMode: false });
}

const EMPTY_SHARED_STRINGS = Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

interface StoredEntry {
  name: string;
  content: ZipEntry | Buffer;
  /** Japanese readings that exceljs would take for the text (xlsx-phonetic-runs.ts). */
  blankPhoneticRuns?: boolean;
}

async function* storedZip(zip: ZipDirectory, entries: StoredEntry[]): AsyncGenerator<Buffer> {
  for (const { name, content, blankPhoneticRuns } of entries) {
    if (Buffer.isBuffer(content)) {
      yield localHeader(name, content.length);
      yield content;
      continue;
    }
    yield localHeader(name, content.uncompressedSize);
    let written = 0;
    const blanker = blankPhoneticRuns ? new PhoneticRunBlanker() : null;
    try {
      for await (const chunk of await openZipEntryStream(zip, content)) {
        if (written === 0) checkUnprefixedRoot(content.name, chunk as Buffer);
        written += (chunk as Buffer).length;
        if (written > content.uncompressedSize) break;
        yield blanker === null ? (chunk as Buffer) : blanker.push(chunk as Buffer);
      }
      if (blanker !== null) yield blanker.end();
    } catch (error) {
      if (isInflateError(error)) throw new ZipFormatError(`${content.name} is damaged (${(error as Error).message})`);
      throw error;
    }
    // The header promised this many bytes; more or fewer would desynchronise the zip parser.
    if (written !== content.uncompressedSize) throw new ZipFormatError(`${content.name} is damaged (its size does not match the zip directory)`);
  }
  yield END_OF_DIRECTORY;
}

/**
 * exceljs matches element names as written, so a part written with a prefix for its namespace (`<x:worksheet>
 * <x:sheetData><x:row>`, as some .NET writers do) would silently give no rows, strings or date formats. Say so instead.
 */
function checkUnprefixedRoot(partName: string, firstChunk: Buffer): void {
  const head = firstChunk.toString('latin1', 0, Math.min(firstChunk.length, 4096));
  const prefixed = /^(?:\xef\xbb\xbf)?\s*(?:<\?[^]*?\?>\s*)?(?:<!--[^]*?-->\s*)*<([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)/.exec(head);
  if (prefixed !== null) {
    throw new ZipFormatError(`${partName} is written with a namespace prefix (<${prefixed[1]}:${prefixed[2]}>), which exceljs does not read`);
  }
}

/** zlib's errors carry codes like Z_DATA_ERROR; file-system errors (ENOENT, EIO) keep their own wording upstream. */
function isInflateError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && code.startsWith('Z_');
}

const UTF8_NAME_FLAG = 0x0800;
const ZIP64_THRESHOLD = 0xffffffff;

/**
 * A local file header for a stored entry. The CRC is left 0: this zip lives only between us and exceljs's unzipper,
 * which does not check it; the deflate stream's own checks have run when we inflated the part.
 */
function localHeader(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const zip64 = size >= ZIP64_THRESHOLD;
  const extra = Buffer.alloc(zip64 ? 20 : 0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(size), 4);
    extra.writeBigUInt64LE(BigInt(size), 12);
  }
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(zip64 ? 45 : 20, 4);
  header.writeUInt16LE(UTF8_NAME_FLAG, 6);
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(zip64 ? ZIP64_THRESHOLD : size, 18);
  header.writeUInt32LE(zip64 ? ZIP64_THRESHOLD : size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, nameBytes, extra]);
}

/** An empty end-of-directory record: it tells the zip parser the entries are over. */
const END_OF_DIRECTORY = (() => {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  return record;
})();
