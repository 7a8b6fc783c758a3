import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * Workbooks for the XLSX reader's tests, written into a temporary folder: with exceljs (its ordinary, non-streaming
 * writer), or from raw XML parts when a test needs bytes no writer we have produces (inline strings, pandas/openpyxl's
 * part order). The zip code here is deliberately independent of src/read/zip-directory.ts.
 */

const folder = mkdtempSync(join(tmpdir(), 'sm-xlsx-'));
let fileCount = 0;

export function temporaryPath(extension = '.xlsx'): string {
  return join(folder, `book${fileCount++}${extension}`);
}

/** A cell's value as exceljs takes it, or a value with a number format (`yyyy-mm-dd hh:mm:ss` makes a date cell). */
export type CellSpec = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

export interface SheetSpec {
  name: string;
  /** From row 1; an empty array leaves that row empty. */
  rows: CellSpec[][];
}

export async function writeXlsx(sheets: SheetSpec[], options: { date1904?: boolean } = {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((cells, rowIndex) => {
      cells.forEach((cellSpec, columnIndex) => {
        if (cellSpec === null) return;
        const cell = worksheet.getRow(rowIndex + 1).getCell(columnIndex + 1);
        if (isFormatted(cellSpec)) {
          cell.value = cellSpec.value;
          cell.numFmt = cellSpec.numFmt;
        } else {
          cell.value = cellSpec;
        }
      });
    });
  }
  const path = temporaryPath();
  await workbook.xlsx.writeFile(path);
  return path;
}

/**
 * The same with exceljs's streaming writer (archiver): data descriptors after each part and, with `forceZip64`,
 * zip64 directory records, as .NET and other streaming writers produce.
 */
export async function writeXlsxStreaming(sheets: SheetSpec[], options: { forceZip64?: boolean } = {}): Promise<string> {
  const path = temporaryPath();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true, zip: { forceZip64: options.forceZip64 ?? false } });
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((cells, rowIndex) => {
      const row = worksheet.getRow(rowIndex + 1);
      cells.forEach((cellSpec, columnIndex) => {
        if (cellSpec === null) return;
        const cell = row.getCell(columnIndex + 1);
        cell.value = isFormatted(cellSpec) ? cellSpec.value : cellSpec;
        if (isFormatted(cellSpec)) cell.numFmt = cellSpec.numFmt;
      });
      row.commit();
    });
    worksheet.commit();
  }
  await workbook.commit();
  return path;
}

function isFormatted(spec: CellSpec): spec is { value: ExcelJS.CellValue; numFmt: string } {
  return typeof spec === 'object' && spec !== null && !(spec instanceof Date) && 'numFmt' in spec;
}

export interface ZipPart {
  name: string;
  data: Buffer;
}

/** Every entry of a zip, inflated, in stored order (read through the central directory). */
export function readZipParts(path: string): ZipPart[] {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts: (ZipPart & { offset: number })[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    parts.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw), offset });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts.sort((a, b) => a.offset - b.offset).map(({ name, data }) => ({ name, data }));
}

/** A deflated zip with the parts in the order given, sizes in the local headers, a central directory at the end. */
export function writeZip(path: string, parts: ZipPart[]): string {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data);
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, directoryBytes, end]));
  return path;
}

/** A copy of a workbook with its parts edited (reordered, rewritten); the original is left as it is. */
export function repackXlsx(path: string, edit: (parts: ZipPart[]) => ZipPart[]): string {
  return writeZip(temporaryPath(), edit(readZipParts(path)));
}

/**
 * pandas/openpyxl's layout: the sheets first, then styles, the workbook part and its relationships, with absolute
 * relationship targets (`/xl/worksheets/sheet1.xml`).
 */
export function asOpenpyxlLayout(parts: ZipPart[]): ZipPart[] {
  const isSheet = (p: ZipPart) => p.name.startsWith('xl/worksheets/');
  const isWorkbook = (p: ZipPart) => p.name === 'xl/workbook.xml' || p.name === 'xl/_rels/workbook.xml.rels';
  const absoluteTargets = (p: ZipPart): ZipPart =>
    p.name === 'xl/_rels/workbook.xml.rels' ? { name: p.name, data: Buffer.from(p.data.toString('utf8').replace(/Target="(?!\/)/g, 'Target="/xl/')) } : p;
  return [...parts.filter(isSheet), ...parts.filter((p) => !isSheet(p) && !isWorkbook(p)), ...parts.filter(isWorkbook).map(absoluteTargets)];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal workbook from raw sheet XML (`<sheetData>` content), no styles, no shared strings. */
export function writeRawXlsx(sheets: { name: string; sheetData: string }[]): string {
  const part = (name: string, xml: string): ZipPart => ({ name, data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`) });
  return writeZip(temporaryPath(), [
    part(
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    part('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
    ...sheets.map((s, i) => part(`xl/worksheets/sheet${i + 1}.xml`, `<worksheet xmlns="${MAIN}"><sheetData>${s.sheetData}</sheetData></worksheet>`)),
  ]);
}
