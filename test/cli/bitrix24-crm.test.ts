import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const FILE = 'fixtures/bitrix24-crm-deals.csv';
const AS_SUBSCRIPTIONS = ['--subscriptions', FILE, '--map', 'customer_id=Компания', '--map', 'started_at=Дата начала', '--map', 'mrr=Сумма'];

/**
 * Bitrix24 CRM deals CSV (issue #15): Windows-1251 without BOM, `;`, every field quoted, a `;` after the last field of
 * every line, LF, `Валюта` as currency names. Deals are sales, so the file feeds no data set unless the user says so.
 */
describe('Bitrix24 CRM deals export (fixtures/bitrix24-crm-deals.csv)', () => {
  it('detected: refused in one line saying what it is and what to do, not read as tickets', () => {
    const result = runBin(['report', FILE, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^support-metrics: fixtures\/bitrix24-crm-deals\.csv: is a Bitrix24 CRM deals export: deals are sales/);
    expect(lines[0]).toContain('headers "Название сделки", "Стадия сделки", "Сделка закрыта", "Предполагаемая дата закрытия"');
    expect(lines[0]).toContain('--subscriptions FILE --map customer_id=Компания');
  });

  it('named a kind, it is read: the trailing ";" is no column, and Рубль, Доллар США, Евро are RUB, USD, EUR', () => {
    const mixed = runBin(['report', ...AS_SUBSCRIPTIONS, '--format', 'json']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('holds amounts in RUB (fixtures/bitrix24-crm-deals.csv) and USD (fixtures/bitrix24-crm-deals.csv) and EUR (fixtures/bitrix24-crm-deals.csv)');

    const result = runBin(['report', ...AS_SUBSCRIPTIONS, '--currency', 'RUB', '--tz', 'Europe/Moscow', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    // 4 deals: 1041 and 1043 in Рубль kept; 1042 (Доллар США) and 1044 (Евро) skipped by --currency RUB; none rejected
    expect(report.inputs[0]).toMatchObject({ kind: 'subscriptions', encoding: 'windows-1251', delimiter: ';', rows: 4, accepted: 2, rejected: 0, skipped: 2 });
    // 15 captions, each used or listed; the empty column after the last `;` is neither
    expect(report.inputs[0].columns.length + report.inputs[0].unusedHeaders.length).toBe(15);
    expect(report.inputs[0].unusedHeaders).not.toContain('');
    // MRR 150000.00 + 36000.00 = 186000 RUB (both started in November, neither ended)
    expect(report.metrics.mrr).toMatchObject({ value: 186000, details: { activeCustomers: 2, currency: 'RUB' } });
  });
});
