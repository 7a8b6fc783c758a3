import { posix } from 'node:path';
import { Parser } from 'htmlparser2';
import { readZipEntry, ZipFormatError, type ZipDirectory, type ZipEntry } from './zip-directory.js';

/**
 * What an .xlsx's workbook part says, read before any sheet: the sheets' names in tab order and the zip entries that
 * hold them, the date system, and where the shared strings and styles are.
 *
 * Read from the zip's directory, not in stream order, because pandas/openpyxl (and Excel, and exceljs's own writer)
 * store xl/workbook.xml or xl/sharedStrings.xml after the sheets (SPEC §3). Relationship targets are resolved whether
 * relative (`worksheets/sheet1.xml`) or absolute (`/xl/worksheets/sheet1.xml`, as openpyxl writes them).
 */

export interface WorkbookSheet {
  /** The tab's name, as the user types it after `#` or `--sheet`. */
  name: string;
  /** The zip entry holding its cells; null for a chart sheet (no cells) or a part the zip lacks. */
  cells: ZipEntry | null;
}

export interface WorkbookParts {
  /** In tab order. */
  sheets: WorkbookSheet[];
  /** `<workbookPr date1904="1">`: serial 0 is 1904-01-01 (old Mac Excel) instead of 1899-12-30. */
  date1904: boolean;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
}

/** Relationship types end the same way in transitional (schemas.openxmlformats.org) and strict (purl.oclc.org) files. */
const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;
const DEFAULT_WORKBOOK = 'xl/workbook.xml';

export async function readWorkbookParts(zip: ZipDirectory): Promise<WorkbookParts> {
  const packageRelationships = await readRelationships(zip, '_rels/.rels', '');
  const workbookName = packageRelationships.find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? DEFAULT_WORKBOOK;
  const workbook = findEntry(zip, workbookName);
  const relationshipsName = relationshipsPartOf(workbookName);
  const workbookRelationships = findEntry(zip, relationshipsName);
  if (workbook === null || workbookRelationships === null) throw new ZipFormatError(`no ${workbook === null ? workbookName : relationshipsName} part`);

  const relationships = await readRelationships(zip, relationshipsName, posix.dirname(workbookName));
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  forEachElement(await readPartText(zip, workbook), (name, attributes) => {
    if (name === 'workbookPr') date1904 = isTrue(attributes['date1904']);
    if (name !== 'sheet') return;
    const relationship = byId.get(relationshipIdOf(attributes) ?? '');
    const isWorksheet = relationship !== undefined && WORKSHEET.test(relationship.type);
    sheets.push({ name: attributes['name'] ?? '', cells: isWorksheet ? findEntry(zip, relationship.target) : null });
  });
  const partOfType = (type: RegExp) => {
    const relationship = relationships.find((r) => type.test(r.type));
    return relationship === undefined ? null : findEntry(zip, relationship.target);
  };
  return { sheets, date1904, sharedStrings: partOfType(SHARED_STRINGS), styles: partOfType(STYLES) };
}

interface Relationship {
  id: string;
  type: string;
  /** The part's name in the zip, resolved against the folder of the part that points to it. */
  target: string;
}

async function readRelationships(zip: ZipDirectory, partName: string, baseFolder: string): Promise<Relationship[]> {
  const entry = findEntry(zip, partName);
  if (entry === null) return [];
  const relationships: Relationship[] = [];
  forEachElement(await readPartText(zip, entry), (name, attributes) => {
    if (name !== 'Relationship' || attributes['TargetMode'] === 'External') return;
    relationships.push({ id: attributes['Id'] ?? '', type: attributes['Type'] ?? '', target: resolveTarget(baseFolder, attributes['Target'] ?? '') });
  });
  return relationships;
}

/** `worksheets/sheet1.xml` from `xl/` is `xl/worksheets/sheet1.xml`; `/xl/…` is from the package root. */
function resolveTarget(baseFolder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray '%' that is not an escape: the target is the name as written.
  }
  const joined = decoded.startsWith('/') ? decoded : posix.join(baseFolder, decoded);
  return posix.normalize(joined).replace(/^\/+/, '');
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relationshipsPartOf(partName: string): string {
  return posix.join(posix.dirname(partName), '_rels', `${posix.basename(partName)}.rels`);
}

/** Part names are case-insensitive (OPC); writers almost always match the case, so look that up first. */
function findEntry(zip: ZipDirectory, partName: string): ZipEntry | null {
  const exact = zip.entries.get(partName);
  if (exact !== undefined) return exact;
  const lower = partName.toLowerCase();
  for (const [name, entry] of zip.entries) if (name.toLowerCase() === lower) return entry;
  return null;
}

/** The sheet's `r:id`; the prefix is whatever the writer bound to the relationships namespace. */
function relationshipIdOf(attributes: Record<string, string>): string | undefined {
  for (const [name, value] of Object.entries(attributes)) if (/^[^:]+:id$/.test(name)) return value;
  return undefined;
}

/** xsd:boolean: "1" or "true". */
function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

async function readPartText(zip: ZipDirectory, entry: ZipEntry): Promise<string> {
  const bytes = await readZipEntry(zip, entry);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
  return bytes.toString('utf8').replace(/^\ufeff/, '');
}

/** Calls back with each element's local name (prefix dropped: `x:sheet` is `sheet`) and its attributes, entities decoded. */
function forEachElement(xml: string, onElement: (localName: string, attributes: Record<string, string>) => void): void {
  const parser = new Parser(
    { onopentag: (name, attributes) => onElement(name.slice(name.indexOf(':') + 1), attributes) },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}
