import { describe, expect, it } from 'vitest';
import { readTickets } from '../../src/datasets/read-tickets.js';
import { UTC, Zone } from '../../src/read/zone.js';

describe('readTickets on the fixtures', () => {
  it('Zendesk: durations from the minute columns, the timestamp fall-back where the column is empty', async () => {
    const data = await readTickets(['fixtures/zendesk-tickets.csv'], { zone: UTC });
    expect(data.inputs[0]).toMatchObject({ preset: 'zendesk', rows: 8, accepted: 8, rejected: 0, skipped: 0, merged: 0 });
    // First reply minutes 12, 5, 30, 3, —, 45, 8, 15
    expect(Array.from(data.times.firstResponseSeconds)).toEqual([720, 300, 1800, 180, Number.NaN, 2700, 480, 900]);
    // Ticket 1004 has no "Full resolution time": Solved at − Created at = 08:50 − 08:05 = 45 min = 2700 s (source 2)
    expect(data.times.resolutionSeconds[3]).toBe(2700);
    expect(Array.from(data.times.resolutionSource)).toEqual([1, 1, 0, 2, 0, 1, 1, 1]);
    // 2026-11-02 09:00:00 +0100 = 08:00 UTC
    expect(data.times.createdAt[0]).toBe(Date.parse('2026-11-02T08:00:00Z'));
  });

  it('Bitrix24 (Windows-1251, ;, Moscow time): spam skipped, 31 November rejected, 0 s wait = unanswered', async () => {
    const data = await readTickets(['fixtures/bitrix24-openlines.csv'], { zone: new Zone('Europe/Moscow') });
    expect(data.inputs[0]).toMatchObject({ preset: 'bitrix24', encoding: 'windows-1251', delimiter: ';', rows: 7, accepted: 5, rejected: 1, skipped: 1 });
    // 02.11.2026 10:00:00 Moscow (+3) = 07:00 UTC
    expect(data.times.createdAt[0]).toBe(Date.parse('2026-11-02T07:00:00Z'));
    // Waits 120, 600, 0 (= none), 45; ticket 106 has no wait: 14:05 − 14:00 = 300 s from the timestamps
    expect(Array.from(data.times.firstResponseSeconds)).toEqual([120, 600, Number.NaN, 45, 300]);
    expect(Array.from(data.times.firstResponseSource)).toEqual([1, 1, 0, 1, 2]);
    expect(data.rejections.all).toEqual([
      expect.objectContaining({ line: 8, column: 4, field: 'created_at', value: '31.11.2026 10:00:00', reason: 'unparseable timestamp' }),
    ]);
  });

  it('plain ISO file: every bad row rejected with its line, the rest kept', async () => {
    const data = await readTickets(['fixtures/tickets-plain.csv'], { zone: UTC });
    expect(data.inputs[0]).toMatchObject({ preset: null, rows: 9, accepted: 5, rejected: 4, skipped: 0 });
    expect(data.rejections.all.map((r) => [r.line, r.column, r.field, r.reason])).toEqual([
      [8, 2, 'created_at', 'unparseable timestamp'],
      [9, 3, 'first_response_at', 'response before creation'],
      [10, 1, 'id', 'duplicate ticket id'],
      [11, 2, 'created_at', 'missing value'],
    ]);
    expect(data.rejections.all[2]!.message).toBe('repeats the ticket id of line 3 (the first is kept)');
  });

  it('reads several files as one data set, duplicates across files rejected', async () => {
    const data = await readTickets(['fixtures/tickets-plain.csv', 'fixtures/tickets-plain.csv'], { zone: UTC });
    expect(data.inputs.map((i) => i.accepted)).toEqual([5, 0]);
    expect(data.times.createdAt.length).toBe(5);
    expect(data.rejections.all.at(-1)!.message).toBe('repeats the ticket id of fixtures/tickets-plain.csv:12 (the first is kept)');
  });
});

describe('duplicate numeric ids (checked in bulk after the pass)', () => {
  it('keeps the first, rejects the later ones with both lines, in line order, across files', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'sm-dup-'));
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'Id,Created at,First reply time in minutes\n7,2026-11-02 10:00,1\n3,2026-11-02 11:00,2\n7,2026-11-02 12:00,4\n');
    writeFileSync(b, 'Id,Created at,First reply time in minutes\n3,2026-11-03 10:00,8\n9,2026-11-03 11:00,16\n');
    const data = await readTickets([a, b], { zone: UTC });
    expect(data.inputs.map((i) => [i.rows, i.accepted, i.rejected])).toEqual([
      [3, 2, 1],
      [2, 1, 1],
    ]);
    expect(data.rejections.all.map((r) => [r.file, r.line, r.column, r.value, r.message])).toEqual([
      [a, 4, 1, '7', `repeats the ticket id of ${a}:2 (the first is kept)`],
      [b, 2, 1, '3', `repeats the ticket id of ${a}:3 (the first is kept)`],
    ]);
    // Kept rows: minutes 1, 2, 16 → seconds 60, 120, 960
    expect(Array.from(data.times.firstResponseSeconds)).toEqual([60, 120, 960]);
  });
});

describe('Bitrix24 with English captions and US dates', () => {
  it('maps the en captions and reads MM/DD/YYYY h:mm:ss am/pm in the portal zone', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'sm-b24en-')), 'openlines-en.csv');
    writeFileSync(
      file,
      '#,Channel,Created on,Employee,Client,Status,Agent replied on,Waiting for agent to respond,Closed on,Rated by clients,Spam\n' +
        '201,Live chat,11/02/2026 9:58:00 am,Anna Smith,Guest 1,Closed,11/02/2026 10:00:30 am,150,11/02/2026 1:00:00 pm,5,No\n' +
        '202,Telegram,11/13/2026 11:30:00 pm,Anna Smith,Guest 2,Closed,,0,11/14/2026 12:15:00 am,0,No\n' +
        '203,Live chat,11/14/2026 8:00:00 am,,Guest 3,Closed,,0,,0,Yes\n',
    );
    const data = await readTickets([file], { zone: new Zone('America/New_York') });
    expect(data.inputs[0]).toMatchObject({ preset: 'bitrix24', rows: 3, accepted: 2, skipped: 1, rejected: 0 });
    // 11/02/2026 9:58 am in New York (EST, −5 since 1 November) = 14:58 UTC
    expect(data.times.createdAt[0]).toBe(Date.parse('2026-11-02T14:58:00Z'));
    // Waits 150 s and 0 (= unanswered); closed 13:00 − 9:58 = 3 h 2 min = 10920 s; 12:15 am − 11:30 pm = 45 min
    expect(Array.from(data.times.firstResponseSeconds)).toEqual([150, Number.NaN]);
    expect(Array.from(data.times.resolutionSeconds)).toEqual([10920, 2700]);
  });
});
