import { InputError } from '../errors.js';
import { datasetRows, type Dataset, type InputSummary } from './dataset.js';
import type { FilePlan } from './plan.js';
import { TextCodes, type TextColumn } from './text-codes.js';

/** The fields amounts live in: their header may name the currency (`Amount spent (USD)`). */
const AMOUNT_FIELDS = ['amount', 'mrr'];

/** `USD` from `Amount spent (USD)`; null when the header names no currency code. */
export function currencyInHeader(header: string): string | null {
  const m = /\(([A-Za-z]{3})\)\s*$/.exec(header);
  if (m !== null) return m[1]!.toUpperCase();
  // Hand-kept Russian sheets: `Сумма, руб.`, `Расходы (₽)`; `€`, `£` likewise. A bare `$` names no one currency.
  if (/(?:,|\()\s*(?:руб\.?|₽)\s*\)?\s*$/i.test(header)) return 'RUB';
  if (/(?:,|\()\s*€\s*\)?\s*$/.test(header)) return 'EUR';
  if (/(?:,|\()\s*£\s*\)?\s*$/.test(header)) return 'GBP';
  return null;
}

/** A currency as written (`usd`, `Рубль`, `Доллар США`, `€`) as its ISO code; '' for none. */
export function currencyCode(text: string): string {
  const key = text.trim().toLowerCase();
  if (key === '') return '';
  return NAMES.get(key) ?? key.toUpperCase();
}

/**
 * Currency names as exports write them. Bitrix24 CRM writes the currency's full name in the portal's language
 * (`CCrmCurrency::GetCurrencyName`: ru `Рубль`, `Доллар США`, `Евро`, `Гривна`, `Белорусский рубль`, `Тенге`; en
 * `Russian Ruble`, `US Dollar`, `Euro` …). A whole cell is matched, so `Белорусский рубль` is BYN, not RUB.
 */
const NAMES = new Map<string, string>([
  ['рубль', 'RUB'], ['руб', 'RUB'], ['руб.', 'RUB'], ['₽', 'RUB'], ['российский рубль', 'RUB'], ['рубли', 'RUB'], ['рублей', 'RUB'],
  ['russian ruble', 'RUB'], ['russian rouble', 'RUB'], ['ruble', 'RUB'], ['rouble', 'RUB'],
  ['доллар сша', 'USD'], ['доллар', 'USD'], ['us$', 'USD'], ['us dollar', 'USD'], ['u.s. dollar', 'USD'],
  ['евро', 'EUR'], ['€', 'EUR'], ['euro', 'EUR'],
  ['£', 'GBP'], ['фунт стерлингов', 'GBP'], ['british pound', 'GBP'], ['pound sterling', 'GBP'],
  ['гривна', 'UAH'], ['украинская гривна', 'UAH'], ['hryvnia', 'UAH'], ['₴', 'UAH'],
  ['белорусский рубль', 'BYN'], ['belarusian ruble', 'BYN'],
  ['тенге', 'KZT'], ['казахстанский тенге', 'KZT'], ['tenge', 'KZT'], ['₸', 'KZT'],
  ['юань', 'CNY'], ['китайский юань', 'CNY'], ['yuan', 'CNY'],
]);

/**
 * Every row's currency as one column of ISO codes: its `currency` cell, else the currency its file's amount header
 * names (Meta's `Amount spent (USD)`). Unchanged when no file says any.
 */
export function withRowCurrencies(dataset: Dataset, plans: readonly FilePlan[]): Dataset {
  const fromHeader = new Map<number, string>();
  for (const plan of plans) {
    if (plan.columns.some((c) => c.field === 'currency')) continue;
    const header = plan.columns.find((c) => AMOUNT_FIELDS.includes(c.field))?.header;
    const code = header === undefined ? null : currencyInHeader(header);
    if (code !== null) fromHeader.set(plan.inputIndex, code);
  }
  const own = dataset.texts.currency;
  if (own === undefined && fromHeader.size === 0) return dataset;
  const dictionary = new TextCodes((t) => t);
  const code = (text: string) => dictionary.codeOfText(text);
  const recode = own === undefined ? [] : own.values.map((v) => code(currencyCode(v)));
  const codes = new Uint32Array(dataset.rows);
  for (let row = 0; row < dataset.rows; row++) {
    const header = fromHeader.get(dataset.inputOfRow[row]!);
    codes[row] = header !== undefined ? code(header) : own === undefined ? 0 : recode[own.codes[row]!]!;
  }
  const currency: TextColumn = { codes, values: dictionary.values };
  return { ...dataset, texts: { ...dataset.texts, currency } };
}

/**
 * Amounts in different currencies are never added (SPEC §5): with more than one among the spend and subscription
 * rows, exit 2 naming them and their files — unless `--currency CODE` keeps one, the other rows skipped and counted.
 */
export function withOneCurrency(datasets: Dataset[], inputs: InputSummary[], keep: string | undefined): void {
  const money = datasets.map((d, i) => [d, i] as const).filter(([d]) => (d.kind === 'spend' || d.kind === 'subscriptions') && d.texts.currency !== undefined);
  const filesOf = new Map<string, Set<string>>();
  for (const [d] of money) {
    const column = d.texts.currency!;
    for (let row = 0; row < d.rows; row++) {
      const value = column.values[column.codes[row]!]!;
      if (value === '') continue;
      if (!filesOf.has(value)) filesOf.set(value, new Set());
      filesOf.get(value)!.add(inputs[d.inputOfRow[row]!]!.file);
    }
  }
  if (keep === undefined) {
    if (filesOf.size <= 1) return;
    const said = [...filesOf].map(([c, files]) => `${c} (${[...files].join(', ')})`).join(' and ');
    const files = [...new Set([...filesOf.values()].flatMap((f) => [...f]))];
    throw new InputError({ code: 'MIXED_CURRENCY', file: files.join(', '), reason: `${files.length === 1 ? 'holds' : 'hold'} amounts in ${said}, which cannot be added`, hint: `pass --currency ${[...filesOf.keys()][0]} to keep one (the other rows are skipped and counted)` });
  }
  const wanted = currencyCode(keep);
  for (const [d, i] of money) {
    const column = d.texts.currency!;
    const drop = column.values.map((v) => v !== '' && v !== wanted);
    const rows: number[] = [];
    for (let row = 0; row < d.rows; row++) {
      if (drop[column.codes[row]!]) {
        const input = inputs[d.inputOfRow[row]!]!;
        input.accepted--;
        input.skipped++;
      } else rows.push(row);
    }
    if (rows.length < d.rows) datasets[i] = datasetRows(d, Uint32Array.from(rows));
  }
}

/**
 * Meta's account total: a first data row with blank dimension cells whose amount is the sum of the file's other rows.
 * Kept, the spend doubles; it is dropped and counted as skipped — only when the numbers prove it is the total.
 */
export function withoutTotalRows(dataset: Dataset, inputs: InputSummary[], warnings: string[]): Dataset {
  const channel = dataset.texts.channel;
  const amount = dataset.numbers.amount;
  if (channel === undefined || amount === undefined) return dataset;
  const drop = new Set<number>();
  const sums = new Map<number, { total: number; rows: number }>();
  for (let row = 0; row < dataset.rows; row++) {
    const s = sums.get(dataset.inputOfRow[row]!) ?? { total: 0, rows: 0 };
    s.total += amount[row]!;
    s.rows++;
    sums.set(dataset.inputOfRow[row]!, s);
  }
  const firstSeen = new Set<number>();
  for (let row = 0; row < dataset.rows; row++) {
    const input = dataset.inputOfRow[row]!;
    if (firstSeen.has(input)) continue;
    firstSeen.add(input);
    if (channel.codes[row] !== 0) continue;
    const { total, rows } = sums.get(input)!;
    const others = total - amount[row]!;
    if (rows < 2) continue;
    // Ads Manager sums unrounded amounts: its total may differ from the rounded rows by a few cents.
    if (Math.abs(others - amount[row]!) <= Math.max(0.05, 1e-4 * Math.abs(others))) drop.add(row);
    else warnings.push(`${inputs[input]!.file}:${dataset.lineOfRow[row]}: the first row has no campaign and its amount ${amount[row]} is not the sum of the others (${Math.round(others * 100) / 100}): counted as spend; if it is an account total, remove it`);
  }
  if (drop.size === 0) return dataset;
  for (const row of drop) {
    const input = inputs[dataset.inputOfRow[row]!]!;
    input.accepted--;
    input.skipped++;
  }
  const keep: number[] = [];
  for (let row = 0; row < dataset.rows; row++) if (!drop.has(row)) keep.push(row);
  return datasetRows(dataset, Uint32Array.from(keep));
}
