import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { openHtmlTableSource } from '../../src/read/html-table.js';
import { resolveInput } from '../../src/read/input.js';
import type { SheetRow, SheetSource } from '../../src/read/source.js';

const fixture = (name: string) => join(__dirname, '../../fixtures', name);
const dir = mkdtempSync(join(tmpdir(), 'sm-html-'));
let n = 0;
function file(content: Buffer | string): string {
  const path = join(dir, `t${n++}.xls`);
  writeFileSync(path, content);
  return path;
}

async function open(path: string, options: { encoding?: string } = {}): Promise<SheetSource> {
  return openHtmlTableSource(await resolveInput(path), options);
}
async function readRows(source: SheetSource): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}
async function openError(path: string): Promise<InputError> {
  const error = await open(path).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}
/** A page as Bitrix24 writes it (Open Lines excel.php), with the given charset and body rows. */
const page = (charset: string, rows: string) =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><table border="1">${rows}</table></body></html>`;

const CAPTIONS = ['№', 'Статус', 'Спам', 'Канал', 'Клиент', 'Сотрудник', 'Дата создания', 'Дата ответа оператора',
  'Дата закрытия', 'Ожидание ответа оператора', 'Оценка клиента', 'Комментарий руководителя'];

describe('openHtmlTableSource: Bitrix24 Open Lines "Excel" export (fixtures)', () => {
  it('reads the UTF-8 file with BOM: captions on line 1, every cell as text, entities and <br> decoded', async () => {
    const source = await open(fixture('bitrix24-openlines.xls'));
    expect(source).toMatchObject({ format: 'html', sheet: null, encoding: 'utf-8' });
    expect(await readRows(source)).toEqual([
      { line: 1, cells: CAPTIONS },
      { line: 2, cells: ['1041', 'Диалог завершен', 'Нет', 'Онлайн-чат', 'Пётр Смирнов', 'Иванова Анна', '02.11.2026 10:00:00', '02.11.2026 10:02:00', '02.11.2026 10:30:00', '120', '5', null] },
      // &quot; &amp; decoded; <br /> is a line break
      { line: 3, cells: ['1042', 'Диалог завершен', 'Нет', 'Telegram', 'ООО "Рога & Копыта"', 'Петров Игорь', '02.11.2026 11:15:30', '02.11.2026 11:25:30', '02.11.2026 13:15:30', '600', '1', 'Вежливо,\nно долго'] },
      // an empty <td></td> and a <td>&nbsp;</td> are both empty
      { line: 4, cells: ['1043', 'Клиент ожидает ответа оператора', 'Нет', 'Онлайн-чат', 'Гость #57', '-', '03.11.2026 01:30:00', null, null, '0', '0', null] },
      { line: 5, cells: ['1044', 'Диалог завершен', 'Нет', 'ВКонтакте', 'Ольга К.', 'Иванова Анна', '03.11.2026 09:00:00', '03.11.2026 09:00:45', '03.11.2026 09:20:00', '45', '5', null] },
      { line: 6, cells: ['1045', 'Диалог завершен', 'Да', 'Онлайн-чат', 'Гость #58', '-', '03.11.2026 11:11:11', null, '03.11.2026 11:12:00', '0', '0', null] },
      { line: 7, cells: ['1046', 'Оператор ответил клиенту', 'Нет', 'Telegram', 'Мария Л.', 'Петров Игорь', '03.11.2026 14:00:00', '03.11.2026 14:05:00', null, '300', '0', null] },
    ]);
  });

  it('reads the rows again on a second call (each call reopens the file)', async () => {
    const source = await open(fixture('bitrix24-openlines.xls'));
    const first = await readRows(source);
    expect(await readRows(source)).toEqual(first);
    expect(first).toHaveLength(7);
  });

  it('reads an interrupted Windows-1251 export: charset from <meta>, every complete row, then the cut row as far as it goes', async () => {
    const source = await open(fixture('bitrix24-openlines-cp1251-cut.xls'));
    expect(source.encoding).toBe('windows-1251');
    const rows = await readRows(source);
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]!.cells).toEqual(CAPTIONS);
    expect(rows[3]!.cells).toEqual(['1053', 'Клиент ожидает ответа оператора', 'Нет', 'ВКонтакте', 'Дмитрий Р.', '-', '10.11.2026 12:47:05', null, null, '0', '0', null]);
    expect(rows[4]!.cells).toEqual(['1054', 'Диалог завершен', 'Нет', 'Онлайн-чат', 'ИП Ёлкин', 'Сидорова Елена', '10.11.2026 13:30:00', '10.11.2026 13:31:30', '10.11.2026 14:05:00', '90', '1', null]);
    // The file ends inside the sixth cell ("<td>Кузн"): six cells, the last as far as it was written.
    expect(rows[5]).toEqual({ line: 6, cells: ['1055', 'Диалог завершен', 'Нет', 'Telegram', 'Сергей П.', 'Кузн'] });
  });

  it('reads a gzip-compressed export the same as the plain one', async () => {
    const plain = await readRows(await open(fixture('bitrix24-openlines.xls')));
    const gz = file(gzipSync(readFileSync(fixture('bitrix24-openlines.xls'))));
    const source = await open(gz);
    expect(source.encoding).toBe('utf-8');
    expect(await readRows(source)).toEqual(plain);
  });
});

describe('openHtmlTableSource: encoding precedence', () => {
  const rows = '<tr><td>Клиент</td></tr><tr><td>Ёлкин</td></tr>';

  it('uses the <meta> charset over sniffing (KOI8-R bytes would otherwise be taken for Windows-1251)', async () => {
    const source = await open(file(iconv.encode(page('koi8-r', rows), 'koi8-r')));
    expect(source.encoding).toBe('koi8-r');
    expect((await readRows(source)).map((r) => r.cells)).toEqual([['Клиент'], ['Ёлкин']]);
  });

  it('takes the charset from content="text/html;charset=…" as CRM list exports write it', async () => {
    const crm = `<meta http-equiv="Content-type" content="text/html;charset=windows-1251" />\n<table border="1"><thead><tr><th>Название сделки</th></tr></thead><tbody><tr><td>Поставка</td></tr></tbody></table>`;
    const source = await open(file(iconv.encode(crm, 'windows-1251')));
    expect(source.encoding).toBe('windows-1251');
    expect((await readRows(source)).map((r) => r.cells)).toEqual([['Название сделки'], ['Поставка']]);
  });

  it('lets a BOM win over the <meta> (a UTF-8 portal page that still says windows-1251)', async () => {
    const source = await open(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('windows-1251', rows), 'utf8')])));
    expect(source.encoding).toBe('utf-8');
    expect((await readRows(source)).map((r) => r.cells)).toEqual([['Клиент'], ['Ёлкин']]);
  });

  it('reads UTF-16 LE with BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page('utf-16', rows), 'utf-16le')]);
    const source = await open(file(bytes));
    expect(source.encoding).toBe('utf-16le');
    expect((await readRows(source)).map((r) => r.cells)).toEqual([['Клиент'], ['Ёлкин']]);
  });

  it('lets --encoding win over everything', async () => {
    const mislabelled = file(Buffer.from(page('windows-1251', rows), 'utf8'));
    const source = await open(mislabelled, { encoding: 'utf8' });
    expect(source.encoding).toBe('utf-8');
    expect((await readRows(source)).map((r) => r.cells)).toEqual([['Клиент'], ['Ёлкин']]);
  });

  it('without BOM or <meta>: UTF-8 when the head is valid UTF-8, else Windows-1251', async () => {
    const bare = '<table><tr><td>Дата создания</td></tr></table>';
    const utf8 = await open(file(Buffer.from(bare, 'utf8')));
    expect(utf8.encoding).toBe('utf-8');
    expect((await readRows(utf8))[0]!.cells).toEqual(['Дата создания']);
    const cp1251 = await open(file(iconv.encode(bare, 'windows-1251')));
    expect(cp1251.encoding).toBe('windows-1251');
    expect((await readRows(cp1251))[0]!.cells).toEqual(['Дата создания']);
  });
});

describe('openHtmlTableSource: cells', () => {
  const cellsOf = async (html: string) => (await readRows(await open(file(html)))).map((row) => row.cells);

  it('takes the text of nested <a>/<span>/<b>, ignores x:num / mso-number-format, collapses white space', async () => {
    const html = `<table>
      <tr><th>Клиент</th><th>Сумма</th><th>CRM</th></tr>
      <tr>
        <td>
          <b>Иван</b>   <span class="x">Петров</span>
        </td>
        <td x:num="1500.5" style="mso-number-format:'\\#\\,\\#\\#0\\.00'">1&nbsp;500,50</td>
        <td><a href="https://b24.example/crm/lead/7/">Лид</a><br><a href="https://b24.example/crm/deal/9/">Сделка</a></td>
      </tr>
    </table>`;
    expect(await cellsOf(html)).toEqual([
      ['Клиент', 'Сумма', 'CRM'],
      ['Иван Петров', '1 500,50', 'Лид\nСделка'],
    ]);
  });

  it('spreads a colspan cell over its columns (the extra ones null) and ignores rowspan', async () => {
    const html = '<table><tr><td colspan="2">Период</td><td>Итого</td></tr><tr><td rowspan="2">a</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>';
    expect(await cellsOf(html)).toEqual([
      ['Период', null, 'Итого'],
      ['a', 'b', 'c'],
      ['d', 'e'], // rowspan ignored: the row below is not shifted
    ]);
  });

  it('reads rows and cells whose closing tags are missing, and a file cut inside a tag', async () => {
    expect(await cellsOf('<table><tr><td>a<td>b<tr><td>c<td>d</table>')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(await cellsOf('<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td cla')).toEqual([['a', 'b'], ['c']]);
  });

  it('numbers lines by <tr> in the table: an empty row is counted but not yielded', async () => {
    const rows = await readRows(await open(file('<table><tr><td>h</td></tr><tr></tr><tr><td>x</td></tr></table>')));
    expect(rows).toEqual([{ line: 1, cells: ['h'] }, { line: 3, cells: ['x'] }]);
  });

  it('reads only the first table; a table nested in a cell is text of that cell', async () => {
    const html = '<table><tr><td>a</td><td><table><tr><td>in1</td><td>in2</td></tr></table></td></tr><tr><td>b</td></tr></table><table><tr><td>second</td></tr></table>';
    expect(await cellsOf(html)).toEqual([['a', 'in1 in2'], ['b']]);
  });

  it('stops reading at </table>: a broken tail after the table is never read', async () => {
    const tail = `<!--${'x'.repeat(9 << 20)}`; // would trip the unclosed-comment limit if it were read
    expect(await cellsOf(`<table><tr><td>a</td></tr></table>${tail}`)).toEqual([['a']]);
  });
});

describe('openHtmlTableSource: malformed input is an InputError, never a crash or a hang', () => {
  it('a file without a table (random bytes, an empty-export message): "has no table"; an empty file: "is empty"', async () => {
    const random = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919 + 13) % 256));
    for (const content of [random, 'Нет сделок для экспорта']) {
      const error = await openError(file(content));
      expect(error.context.reason).toBe('has no table');
      expect(error.message).toMatch(/^.*\.xls: has no table; /);
    }
    // 0 bytes is said as such when the file is resolved, before any reader sees it.
    const empty = await openError(file(''));
    expect(empty.context.reason).toBe('is empty');
  });

  it('an unclosed comment or tag swallowing the file: "is not a readable HTML table (…)" with a hint', async () => {
    const runaway = 'x'.repeat(9 << 20);
    // Before the table: opening the file already fails.
    const error = await openError(file(`<html><head><!--${runaway}`));
    expect(error.context.reason).toMatch(/^is not a readable HTML table \(a tag, comment or attribute runs on for more than \d+ characters\)$/);
    expect(error.context.hint).toBe('open it in Excel and save it as .xlsx or .csv');
    // Inside the table (an attribute whose quote never closes): the rows before it, then the error.
    const source = await open(file(`<table><tr><td>a</td></tr><tr><td title="${runaway}`));
    const seen: SheetRow[] = [];
    const late = await (async () => {
      for await (const row of source.rows()) seen.push(row);
    })().then(() => null, (e: unknown) => e);
    expect(seen).toEqual([{ line: 1, cells: ['a'] }]);
    expect((late as InputError).context.reason).toMatch(/^is not a readable HTML table \(a tag, comment or attribute runs on/);
  });

  it('a gzip file cut short: the rows before the cut, then "is not a readable HTML table (unexpected end of file)"', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<tr><td>${i}</td><td>${(i * 7919) % 100_003}</td></tr>`).join('');
    const gz = gzipSync(Buffer.from(page('utf-8', rows)));
    const source = await open(file(gz.subarray(0, gz.length >> 1)));
    let read = 0;
    const error = await (async () => {
      for await (const row of source.rows()) read += row.cells.length > 0 ? 1 : 0;
    })().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).context.reason).toBe('is not a readable HTML table (unexpected end of file)');
    expect(read).toBeGreaterThan(0);
  });
});
