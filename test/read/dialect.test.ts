import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/datasets/kinds.js';
import { headerScorer } from '../../src/datasets/mapping.js';
import { PRESETS } from '../../src/presets/index.js';
import { findHeaderRow, parseHead, recordWidths, sniffDelimiter } from '../../src/read/dialect.js';
import { looksLikeNames, repeatedValues } from '../../src/read/header-row.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
/** The scorer the CLI uses: every kind's aliases and every preset's spellings (`Medium` is a `channel` alias). */
const scoreHeader = headerScorer(KINDS, PRESETS);

/** Sniffs, parses and picks the header as readCsvLayout does. */
function layoutOf(text: string, delimiter = sniffDelimiter(text)) {
  const records = parseHead(text, delimiter);
  const header = findHeaderRow(records, scoreHeader)!;
  return { delimiter, header: header.cells, line: header.line, rows: records.length - records.indexOf(header) - 1 };
}

describe('sniffDelimiter: whole records', () => {
  it('a Jira export whose quoted multi-line comments hold ";" is ","-separated (66 commas in its header)', () => {
    const jira = fixture('jira-issues.csv');
    // The comment cells are `date;author id;body` over several lines: 12 comments, 36 physical lines, 7 records.
    expect(jira).toContain('"18/Jul/26 9:10 AM;712020:5b8e1c4d-2a6f-4f3b-8d9e-1c7a0b5e3f24;Hi Lena,\n');
    expect(jira.split('\n').length - 1).toBe(36);
    // Cut into records once for every candidate: the quotes that open after a comma hide the comments' `;` and
    // line breaks from the `;` count too, so under `;` the 7 records are one field wide (or two, where a
    // description holds a bare `;`), never rows of their own.
    const records = recordWidths(jira);
    expect(records).toHaveLength(7);
    expect(records.map((r) => r.written[0])).toEqual([67, 67, 67, 67, 67, 67, 67]);
    expect(records.map((r) => r.written[1])).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(sniffDelimiter(jira)).toBe(',');
    // What went wrong before: csv-parse with ';' reads the comments' lines as records, and 8 of them are 3 wide,
    // more than the 7 records that agree under ','.
    expect(parseHead(jira, ';').filter((r) => r.cells.length === 3).length).toBeGreaterThan(7);
  });

  it('the head cut inside a multi-line comment still sniffs "," (the open record is left out)', () => {
    const jira = fixture('jira-issues.csv');
    const cut = jira.slice(0, jira.indexOf('Amounts:'));
    expect(recordWidths(cut)).toHaveLength(2);
    expect(sniffDelimiter(cut)).toBe(',');
  });

  it('a hand-kept ";" sheet of "12 500,00" amounts is ";": its header splits under ";" only', () => {
    const sheet = 'Дата;Сумма;Статья;Валюта\n01.11.2026;12 500,00;marketing;RUB\n01.11.2026;4 300,50;sales;RUB\n15.11.2026;1 234,56;service;RUB\n';
    // Under ',' the 3 data rows agree too (2 wide), but the header is 1 wide; under ';' all 4 records agree.
    expect(recordWidths(sheet).map((r) => [r.written[0], r.written[1]])).toEqual([[1, 4], [2, 4], [2, 4], [2, 4]]);
    expect(sniffDelimiter(sheet)).toBe(';');
    // One odd row (an extra ';' in a text) makes a tie of 3 against 3: the width the header row starts wins.
    expect(sniffDelimiter('Дата;Сумма;Статья\n01.11.2026;12 500,00;marketing\n02.11.2026;3 100,00;sales; Q4\n03.11.2026;1 234,56;service\n')).toBe(';');
  });

  it('Bitrix24 CRM: every field quoted, a ";" ending every line, commas and "" inside names', () => {
    const crm = '"ID";"Название";"Стадия";"Дата создания";"Клиент";\n"1";"Сделка, ООО ""Ромашка""";"Новая";"02.11.2026 10:00:00";"ООО ""Ромашка"", Москва";\n"2";"Сделка";"В работе";"03.11.2026 11:30:00";"ИП Петров";\n';
    expect(sniffDelimiter(crm)).toBe(';');
    const { header, rows } = layoutOf(crm);
    expect(header).toEqual(['ID', 'Название', 'Стадия', 'Дата создания', 'Клиент', '']);
    expect(rows).toBe(2);
  });

  it('files where every field is quoted: ";" (Zendesk Explore in a European locale) and "," with ";" inside', () => {
    expect(sniffDelimiter('"Ticket ID";"Ticket created - Date";"Ticket status"\n"101";"2026-11-02";"Solved, closed"\n"102";"2026-11-03";"Open, new"\n')).toBe(';');
    expect(sniffDelimiter('"Id","Created","Tags"\n"1","2026-11-02","a;b;c"\n"2","2026-11-03","d;e;f"\n"3","2026-11-04","g;h;i"\n')).toBe(',');
  });

  it('Google Ads "Excel CSV" (UTF-16 LE, tab): title and date-range lines, "1,606,880" amounts', () => {
    const bytes = iconv.encode('Campaign report\r\nNovember 1, 2026 - November 7, 2026\r\nCampaign\tDay\tClicks\tCost\r\nBrand\t2026-11-02\t"1,204"\t"1,606,880.00"\r\nGeneric\t2026-11-02\t17\t"12,400.50"\r\n', 'utf-16le');
    const text = iconv.decode(bytes, 'utf-16le');
    // The unquoted date-range line is 3 wide under ',' but stands alone; the quoted amounts hide their commas.
    expect(recordWidths(text).map((r) => [r.written[0], r.written[2]])).toEqual([[1, 1], [3, 1], [1, 4], [1, 4], [1, 4]]);
    expect(sniffDelimiter(text)).toBe('\t');
    expect(layoutOf(text)).toEqual({ delimiter: '\t', header: ['Campaign', 'Day', 'Clicks', 'Cost'], line: 3, rows: 2 });
  });

  it('ties go to the wider table, then to the order of the candidates; no table at all is ","', () => {
    expect(sniffDelimiter('Id|Created\n1|2026-11-02\n')).toBe('|');
    expect(sniffDelimiter('a,b;c\n1,2;3\n')).toBe(',');
    expect(sniffDelimiter('just a title\nand a line\n')).toBe(',');
  });
});

describe('findHeaderRow: the row whose cells look like names', () => {
  it('Jira in Spanish with --delimiter ",": the header of Spanish names, not the data row holding "Medium"', () => {
    const jira = fixture('jira-issues-es.csv');
    const records = parseHead(jira, ',');
    // The first data row names one known column by its value `Medium`; the header names 11 by the jira preset's
    // Spanish spellings (Clave de incidencia, Tipo de incidencia, Estado, Prioridad, Persona asignada, Informador,
    // Creada, Resuelta and three `Campo personalizado (…)`), none by the generic aliases.
    expect(scoreHeader(records[0]!.cells)).toBe(11);
    expect(records[1]!.cells).toContain('Medium');
    expect(scoreHeader(records[1]!.cells)).toBe(1);
    const header = findHeaderRow(records, scoreHeader)!;
    expect(header.cells.slice(0, 3)).toEqual(['Resumen', 'Clave de incidencia', 'ID de la incidencia']);
    expect(header.line).toBe(1);
  });

  it('the Jira head: sniffed "," and the header on line 1 with 6 records after it', () => {
    const { delimiter, header, line, rows } = layoutOf(fixture('jira-issues.csv'));
    expect([delimiter, line, rows, header.length]).toEqual([',', 1, 6, 67]);
    expect(header.slice(0, 6)).toEqual(['Summary', 'Issue key', 'Issue id', 'Parent id', 'Issue Type', 'Status']);
    expect(header.filter((h) => h === 'Comment')).toHaveLength(5);
  });

  it('a row of numbers, dates and repeated values is not a header, whatever aliases it matches', () => {
    // Italian names no preset or alias knows (the Spanish ones are the jira preset's since issue #15).
    const records = parseHead('Oggetto,Stato,Priorità,Mezzo,Creata il\nLogin fails,Open,High,Medium,2026-11-02 10:00\nRefund,Open,Low,Medium,2026-11-03 09:30\n', ',');
    // Each data row names one known column by its value `Medium` (a `channel` alias); the header names none.
    expect(records.map((r) => scoreHeader(r.cells))).toEqual([0, 1, 1]);
    expect(findHeaderRow(records, scoreHeader)!.line).toBe(1);
    // Which cells count as values: `Open`, `Medium` repeat in their columns; the dates; `High` and the subject do not.
    const repeats = repeatedValues(records);
    expect(looksLikeNames(records[1]!.cells, repeats)).toBe(false); // 3 values of 5
    expect(looksLikeNames(records[0]!.cells, repeats)).toBe(true);
  });

  it('title and date-range lines are skipped; a header that names no known column is the first named row', () => {
    const records = parseHead('Reporting period 2026-11-01 to 2026-11-07\n\nAgente,Conversaciones,Tiempo medio\nAna,12,00:14:05\nLuis,9,00:21:40\n', ',');
    expect(findHeaderRow(records, scoreHeader)!.cells).toEqual(['Agente', 'Conversaciones', 'Tiempo medio']);
  });

  it('counts empty cells (and "-", "n/a") as values: a sparse row is not a header', () => {
    const repeats = repeatedValues([]);
    expect(looksLikeNames(['Note', '', '', 'Medium', '-', 'n/a'], repeats)).toBe(false);
    // Trailing empty cells (a Bitrix24 CRM `;` at the end, Excel padding) do not count.
    expect(looksLikeNames(['ID', 'Название', '', ''], repeats)).toBe(true);
    expect(looksLikeNames(['Only one', ''], repeats)).toBe(false);
  });

  it('numbers and dates as exports write them are values; column names are not', () => {
    const repeats = repeatedValues([]);
    const values = ['1,606,880', '12 500,00', '$1,234.56', '12%', '18/Jul/26 9:10 AM', '02.11.2026', '2026-11-02T10:00:00Z', '11/02/2026 3:04 PM', 'Nov 2, 2026', '123:45:00'];
    for (const value of values) expect(looksLikeNames([value, value, 'Name'], repeats), value).toBe(false);
    const names = ['Created at', 'First reply time in minutes', 'Custom field ([CHART] Date of First Response)', 'Σ Time Spent', 'Дата создания', '№'];
    expect(looksLikeNames(names, repeats)).toBe(true);
  });

  it('a header written again further down (files joined end to end) still looks like names', () => {
    const records = parseHead('Id,Created,Status\n1,2026-11-02,Open\nId,Created,Status\n2,2026-11-03,Open\n', ',');
    expect(looksLikeNames(records[0]!.cells, repeatedValues(records))).toBe(true);
    expect(findHeaderRow(records, scoreHeader)!.line).toBe(1);
  });

  it('when no row looks like names (a header of dates), the row naming the most known columns wins', () => {
    const records = parseHead('Agent,2026-11-01,2026-11-02\nAna,3,4\nLuis,5,6\n', ',');
    expect(records.map((r) => looksLikeNames(r.cells, repeatedValues(records)))).toEqual([false, false, false]);
    expect(findHeaderRow(records, scoreHeader)!.line).toBe(1);
    // …and when none names a known column either, the first record with two filled cells.
    expect(findHeaderRow(parseHead('Title\nWoche,2026-11-01,2026-11-02\nAna,3,4\n', ','), scoreHeader)!.line).toBe(2);
  });

  it('a known header after a named preamble row still wins by its score', () => {
    const records = parseHead('Exported by,Dana Whitfield\nId,Created,Status\n1,2026-11-02,Open\n', ',');
    expect(findHeaderRow(records, scoreHeader)!.line).toBe(2);
  });
});
