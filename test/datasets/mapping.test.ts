import { describe, expect, it } from 'vitest';
import { mapHeaders, normaliseHeader, requireMapping } from '../../src/datasets/mapping.js';
import { TICKETS } from '../../src/datasets/tickets.js';
import { PRESETS, presetNamed } from '../../src/presets/index.js';

const map = (headers: string[], options = {}) => requireMapping('t.csv', headers, mapHeaders('t.csv', headers, TICKETS, PRESETS, options));

describe('header mapping', () => {
  it('normalises case, spaces, _ and - and drops bracketed units, zones and [list]', () => {
    expect(normaliseHeader('Created_At')).toBe('createdat');
    expect(normaliseHeader('First response time (seconds)')).toBe('firstresponsetime');
    expect(normaliseHeader('Conversation started at (Europe/Berlin)')).toBe('conversationstartedat');
  });

  it('chooses the Zendesk preset and its exact columns', () => {
    const m = map(['Id', 'Subject', 'Created at', 'Solved at', 'Resolution time', 'First reply time in minutes', 'First reply time in minutes within business hours', 'Full resolution time in minutes', 'Product [list]']);
    expect(m.preset?.name).toBe('zendesk');
    expect(m.columns.get('resolved_at')?.header).toBe('Solved at');
    expect(m.columns.get('resolution_minutes')).toMatchObject({ header: 'Full resolution time in minutes', unit: 'minutes' });
    expect(m.columns.get('first_response_minutes')?.header).toBe('First reply time in minutes');
    expect(m.columns.get('first_response_business_minutes')?.header).toBe('First reply time in minutes within business hours');
  });

  it('chooses Bitrix24 for Russian captions, with seconds, 0 = none and spam rows', () => {
    const m = map(['№', 'Канал', 'Дата создания', 'Дата ответа оператора', 'Ожидание ответа оператора', 'Дата закрытия оператором', 'Спам']);
    expect(m.preset?.name).toBe('bitrix24');
    expect(m.columns.get('first_response_minutes')).toMatchObject({ unit: 'seconds', zeroMeansNone: true });
    expect(m.columns.get('resolved_at')?.header).toBe('Дата закрытия оператором');
    expect(m.skipRules).toEqual([{ index: 6, values: ['да'], reason: 'spam' }]);
  });

  it('Bitrix24 `Источник`: the channel is the column whose sample values are not URLs, wherever it stands (issue #15)', () => {
    // A 2018-era file: the page URL first, the channel second (the reader named the repeat `Источник_1`).
    const headers = ['№', 'Источник', 'Источник_1', 'Дата создания', 'Дата ответа оператора', 'Сотрудник', 'Тип'];
    const samples: Record<number, string[]> = { 1: ['https://site.ru/dostavka/', '', 'site.ru/kontakty'], 2: ['Онлайн-чат', 'Telegram', 'ВКонтакте'] };
    const m = map(headers, { samples: (i: number) => samples[i] ?? [] });
    expect(m.columns.get('channel')).toMatchObject({ header: 'Источник_1', index: 2, via: 'preset' });
    expect(m.notes).toEqual(['column "Источник" holds urls ("https://site.ru/dostavka/"), not channel: left out']);
    // `Тип` is the direction (Входящий/Исходящий): not taken for the category by the generic `тип` alias.
    expect(m.columns.has('category')).toBe(false);
    // Only URLs (a later file's `Источник` beside no `Канал`): no channel rather than a channel of pages.
    const urlsOnly = map(['№', 'Источник', 'Дата создания', 'Дата ответа оператора', 'Сотрудник'], { samples: () => ['https://site.ru/', 'www.site.ru/help'] });
    expect(urlsOnly.columns.has('channel')).toBe(false);
    // Without sample values (a library caller mapping headers alone) the column is not taken on trust.
    expect(map(headers).columns.has('channel')).toBe(false);
  });

  it('Jira: chosen by its own spellings; its SLA columns (time left against the goal) are never FRT/ART (issue #15)', () => {
    // A "current fields" export: without the preset, the generic `Time to resolution` alias would read the SLA cells
    // (`2:30`, `-1:15`) as a resolution time.
    const m = map(['Issue key', 'Issue Type', 'Summary', 'Reporter', 'Created', 'Resolved', 'Time to first response', 'Time to resolution', 'Resolution']);
    expect(m.preset?.name).toBe('jira');
    expect(m.columns.has('resolution_minutes')).toBe(false);
    expect(m.columns.has('first_response_minutes')).toBe(false);
    expect([m.columns.get('resolved_at')?.header, m.columns.get('customer_id')?.header, m.columns.get('category')?.header]).toEqual(['Resolved', 'Reporter', 'Issue Type']);
    // One Jira spelling alone is no evidence: a hand-made sheet with an `Issue key` column is read generically.
    expect(map(['Issue key', 'Created', 'Resolved']).preset).toBeNull();
  });

  it('falls back to generic English and Russian aliases, units from the header', () => {
    const m = map(['Ticket ID', 'Дата создания', 'Дата первого ответа', 'Time to close (seconds)']);
    expect(m.preset).toBeNull();
    expect(m.columns.get('id')?.index).toBe(0);
    expect(m.columns.get('created_at')?.index).toBe(1);
    expect(m.columns.get('first_response_at')?.index).toBe(2);
    expect(m.columns.get('resolution_minutes')).toMatchObject({ index: 3, unit: 'seconds' });
  });

  it('lets --map and --preset override', () => {
    const m = map(['Ref', 'Opened on', 'Created at'], { map: { id: 'Ref', created_at: 'opened ON' }, preset: presetNamed('zendesk') });
    expect(m.columns.get('id')).toMatchObject({ index: 0, via: 'map' });
    expect(m.columns.get('created_at')).toMatchObject({ index: 1, via: 'map' });
    expect(m.preset?.name).toBe('zendesk');
  });

  it('names the missing field, lists the headers and suggests the nearest', () => {
    expect(() => map(['Id', 'Create date', 'Subject'])).toThrow(
      't.csv: has no column for the required field created_at; headers found: "Id", "Create date", "Subject"; did you mean "Create date"? pass --map created_at="Create date"',
    );
  });
});
