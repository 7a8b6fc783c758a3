import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { resolveInput } from '../../src/read/input.js';
import { WallTime, type SheetRow, type SheetSource } from '../../src/read/source.js';
import { openXmlSpreadsheetSource } from '../../src/read/xml-spreadsheet.js';

const fixture = (name: string) => join(__dirname, '../../fixtures', name);
const dir = mkdtempSync(join(tmpdir(), 'sm-xml-'));
let n = 0;
function file(content: Buffer | string, name = `t${n++}.xls`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function open(name: string, options: { sheet?: string | null; encoding?: string } = {}): Promise<SheetSource> {
  return openXmlSpreadsheetSource(await resolveInput(name), options);
}
async function readRows(source: SheetSource): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}
async function openError(name: string, options: { sheet?: string | null } = {}): Promise<InputError> {
  const error = await open(name, options).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const HEADERS = ['Ticket ID', 'Subject', 'Status', 'Priority', 'Source', 'Type', 'Agent', 'Group', 'Created time',
  'Due by Time', 'Resolved time', 'Closed time', 'Last update time', 'Initial response time', 'Time tracked',
  'First response time (in hrs)', 'Resolution time (in hrs)', 'Agent interactions', 'Customer interactions',
  'Resolution status', 'First response status', 'Tags', 'Survey results', 'Contact ID'];

/** A workbook as Excel writes it: unprefixed elements, ss: attributes, the mso-application instruction. */
const workbook = (worksheets: string) => `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style></Styles>
${worksheets}
</Workbook>`;

const TWO_SHEETS = workbook(`
 <Worksheet ss:Name="Summary">
  <Table><Row><Cell><Data ss:Type="String">Period</Data></Cell><Cell><Data ss:Type="String">November</Data></Cell></Row></Table>
 </Worksheet>
 <Worksheet ss:Name="Tickets">
  <Table ss:ExpandedColumnCount="5" ss:ExpandedRowCount="6" x:FullColumns="1" x:FullRows="1">
   <Column ss:Width="60"/>
   <Row>
    <Cell><Data ss:Type="String">Id</Data></Cell><Cell><Data ss:Type="String">Created</Data></Cell>
    <Cell><Data ss:Type="String">Minutes</Data></Cell><Cell><Data ss:Type="String">Solved</Data></Cell>
    <Cell><Data ss:Type="String">Subject</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">101</Data></Cell>
    <Cell ss:StyleID="s21"><Data ss:Type="DateTime">2026-11-02T14:05:09.000</Data></Cell>
    <Cell><Data ss:Type="Number">12.5</Data></Cell>
    <Cell><Data ss:Type="Boolean">1</Data></Cell>
    <Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Urgent:</B><Font html:Color="#FF0000"> refund</Font></ss:Data><Comment ss:Author="Olga"><ss:Data><B>Olga:</B> check this</ss:Data></Comment></Cell>
   </Row>
   <Row ss:Index="5">
    <Cell><Data ss:Type="Number">102</Data></Cell>
    <Cell ss:MergeAcross="2"><Data ss:Type="String">merged</Data></Cell>
    <Cell><Data ss:Type="String">line one&#10;line two</Data></Cell>
   </Row>
   <Row/>
   <Row>
    <Cell ss:Index="2"><Data ss:Type="DateTime">2026-11-03T00:00:00.000</Data></Cell>
    <Cell/>
    <Cell><Data ss:Type="Boolean">0</Data></Cell>
    <Cell><Data ss:Type="Number">n/a</Data></Cell>
   </Row>
  </Table>
 </Worksheet>`);

describe('openXmlSpreadsheetSource: Freshdesk "Excel" export (fixture)', () => {
  it('reads every ticket as text, the ss:Index row with its cells in their own columns', async () => {
    const source = await open(fixture('freshdesk-tickets.xls'));
    expect(source).toMatchObject({ format: 'xml2003', sheet: 'Sheet1', encoding: 'utf-8' });
    const rows = await readRows(source);
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]!.cells).toEqual(HEADERS);
    expect(rows[1]!.cells).toEqual(['1201', 'Cannot log in after password reset', 'Closed', 'High', 'Email', 'Incident',
      'Anna Ivanova', 'Tier 1', '2026-11-02 09:12:44', '2026-11-02 17:12:44', '2026-11-02 11:40:02',
      '2026-11-04 11:40:05', '2026-11-04 11:40:05', '2026-11-02 09:31:10', '00:45', '00:18:26', '02:27:18', '3', '2',
      'Within SLA', 'Within SLA', 'login', 'Awesome', '73000412345']);
    // Hours beyond 24 in "(in hrs)"; an empty <Data> (Closed time) is null.
    expect(rows[2]!.cells).toEqual(['1202', 'Refund for duplicate charge', 'Resolved', 'Medium', 'Portal', 'Question',
      'Igor Petrov', 'Billing', '2026-11-02 14:05:09', '2026-11-03 14:05:09', '2026-11-03 17:20:00', null,
      '2026-11-03 17:20:00', '2026-11-02 15:10:11', '00:20', '01:05:02', '27:14:51', '2', '2', 'SLA Violated',
      'Within SLA', 'billing,refund', 'Not Good', '73000412346']);
    // Ticket 1203 leaves out its empty cells: ss:Index="13", "15" and "24" put the next ones in place.
    expect(rows[3]!.cells).toEqual(['1203', 'Feature request: export to PDF', 'Open', 'Low', 'Email', 'Feature Request',
      'No Agent', 'No Group', '2026-11-03 08:00:00', '2026-11-06 08:00:00', null, null, '2026-11-03 08:00:00', null,
      '00:00', '00:00:00', '00:00:00', '0', '1', null, null, null, null, '73000412347']);
    expect(rows[3]!.cells[HEADERS.indexOf('Last update time')]).toBe('2026-11-03 08:00:00');
    expect(rows[3]!.cells[HEADERS.indexOf('Contact ID')]).toBe('73000412347');
    // Entities decoded.
    expect(rows[6]!.cells[1]).toBe('Order #5521 & "express" delivery');
    expect(rows.every((row) => row.cells.length === HEADERS.length)).toBe(true);
  });

  it('reads a gzip-compressed export the same, and the rows again on a second call', async () => {
    const plain = await readRows(await open(fixture('freshdesk-tickets.xls')));
    const source = await open(file(gzipSync(readFileSync(fixture('freshdesk-tickets.xls')))));
    expect(source.sheet).toBe('Sheet1');
    expect(await readRows(source)).toEqual(plain);
    expect(await readRows(source)).toEqual(plain);
  });
});

describe('openXmlSpreadsheetSource: sheets', () => {
  const book = file(TWO_SHEETS, 'book.xls');

  it('reads the first sheet by default', async () => {
    const source = await open(book);
    expect(source.sheet).toBe('Summary');
    expect(await readRows(source)).toEqual([{ line: 1, cells: ['Period', 'November'] }]);
  });

  it('picks a sheet by --sheet, by file.xls#Sheet, and case-insensitively (as Excel compares names)', async () => {
    expect((await open(book, { sheet: 'Tickets' })).sheet).toBe('Tickets');
    expect((await open(`${book}#Tickets`)).sheet).toBe('Tickets');
    expect((await open(book, { sheet: 'tickets' })).sheet).toBe('Tickets');
    // --sheet wins over #Sheet
    expect((await open(`${book}#Tickets`, { sheet: 'Summary' })).sheet).toBe('Summary');
  });

  it('reads typed cells, rich text, Row/Cell ss:Index and ss:MergeAcross', async () => {
    const rows = await readRows(await open(book, { sheet: 'Tickets' }));
    expect(rows).toEqual([
      { line: 1, cells: ['Id', 'Created', 'Minutes', 'Solved', 'Subject'] },
      // DateTime → wall-clock time; rich text → all its text; the cell comment is not the value
      { line: 2, cells: [101, new WallTime(Date.UTC(2026, 10, 2, 14, 5, 9)), 12.5, true, 'Urgent: refund'] },
      // <Row ss:Index="5">: rows 3 and 4 are absent; MergeAcross="2" fills two more columns; &#10; is a line break
      { line: 5, cells: [102, 'merged', null, null, 'line one\nline two'] },
      // the empty <Row/> is row 6 (counted, not yielded); a Number that is not a number stays text
      { line: 7, cells: [null, new WallTime(Date.UTC(2026, 10, 3)), null, false, 'n/a'] },
    ]);
  });

  it('an unknown sheet is an InputError naming every sheet', async () => {
    const error = await openError(book, { sheet: 'Nope' });
    expect(error.context).toMatchObject({
      reason: 'has no sheet "Nope"',
      hint: 'sheets: "Summary", "Tickets"; name one with file.xls#Sheet or --sheet',
    });
    expect(error.message).toBe(`${book}: has no sheet "Nope"; sheets: "Summary", "Tickets"; name one with file.xls#Sheet or --sheet`);
    expect((await openError(`${book}#Nope`)).context.reason).toBe('has no sheet "Nope"');
  });
});

describe('openXmlSpreadsheetSource: encoding', () => {
  const sheet = (text: string) => workbook(`<Worksheet ss:Name="Лист1"><Table><Row><Cell><Data ss:Type="String">${text}</Data></Cell></Row></Table></Worksheet>`);

  it('follows the XML declaration (windows-1251)', async () => {
    const xml = sheet('Дата создания').replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1251"?>');
    const source = await open(file(iconv.encode(xml, 'windows-1251')));
    expect(source).toMatchObject({ encoding: 'windows-1251', sheet: 'Лист1' });
    expect((await readRows(source))[0]!.cells).toEqual(['Дата создания']);
  });

  it('follows a BOM (UTF-16 LE), and --encoding over both', async () => {
    const utf16 = await open(file(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sheet('Ёлка'), 'utf-16le')])));
    expect(utf16.encoding).toBe('utf-16le');
    expect((await readRows(utf16))[0]!.cells).toEqual(['Ёлка']);
    const forced = await open(file(Buffer.from(sheet('Ёлка').replace('?>', ' encoding="windows-1251"?>'), 'utf8')), { encoding: 'utf-8' });
    expect(forced.encoding).toBe('utf-8');
    expect((await readRows(forced))[0]!.cells).toEqual(['Ёлка']);
  });
});

describe('openXmlSpreadsheetSource: malformed input is an InputError, never a crash or a hang', () => {
  it('random bytes, or XML with no Worksheet: "has no table"', async () => {
    const random = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919 + 13) % 256));
    for (const content of [random, '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>']) {
      const error = await openError(file(content));
      expect(error.context.reason).toBe('has no table');
    }
  });

  it('a cell beyond Excel\'s last column: "is not a readable XML Spreadsheet 2003 file (…)"', async () => {
    const source = await open(file(workbook('<Worksheet ss:Name="S"><Table><Row><Cell ss:Index="99999999"><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet>')));
    const error = await readRows(source).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).context.reason).toBe('is not a readable XML Spreadsheet 2003 file (row 1 has a cell beyond column 16384, Excel\'s last)');
  });

  it('a file cut inside a row: the rows that are there, the cut one as far as it goes', async () => {
    const whole = readFileSync(fixture('freshdesk-tickets.xls'), 'utf8');
    const cut = whole.slice(0, whole.indexOf('duplicate charge')); // ends inside ticket 1202's Subject
    const rows = await readRows(await open(file(cut)));
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
    expect(rows[2]!.cells).toEqual(['1202', 'Refund for ']); // XML text is kept as written, spaces included
  });
});
