import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTickets } from '../../src/datasets/read-tickets.js';
import { parseNumberText, detectDecimalSeparator } from '../../src/read/number.js';
import { UTC } from '../../src/read/zone.js';

const dir = mkdtempSync(join(tmpdir(), 'sm-messy-'));
let n = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, content);
  return path;
}

describe('messy real-world layouts', () => {
  it('a quoted multi-line title (CRLF) before the header loses no row', async () => {
    const data = await readTickets([file('"Ticket report\r\n2026-11-01 - 2026-11-30"\r\nid,created_at\r\n1,2026-11-02 10:00\r\n2,2026-11-02 11:00\r\n3,bad\r\n')], { zone: UTC });
    expect(data.inputs[0]).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
    expect(data.rejections.all[0]).toMatchObject({ line: 6, value: 'bad' });
  });

  it('Итого and delimiter-only rows are skipped and counted, in Windows-1251 too', async () => {
    const data = await readTickets([file(iconv.encode('№;Дата создания;Клиент\r\n1;02.11.2026 10:00:00;Анна\r\nИтого;;\r\n;;\r\n', 'win1251'))], { zone: UTC });
    expect(data.inputs[0]).toMatchObject({ rows: 3, accepted: 1, rejected: 0, skipped: 2 });
  });

  it('a real ticket whose requester is "Total Wine & More" is rejected, not hidden as a total', async () => {
    const data = await readTickets([file('"Id","Requester","Created at"\n"1","Anna","2026-11-02 10:00"\n"2","Total Wine & More","02/11/2026 10:00"\n"","Total: 2",""\n')], { zone: UTC });
    expect(data.inputs[0]).toMatchObject({ rows: 3, accepted: 1, rejected: 1, skipped: 1 });
    expect(data.rejections.all[0]).toMatchObject({ line: 3, field: 'created_at' });
  });

  it('Zendesk without "Full resolution time in minutes": ART from the timestamps, not the unit-less "Resolution time"', async () => {
    const data = await readTickets(
      [file('"Id","Created at","Solved at","Resolution time","First reply time in minutes"\n"1","2026-11-02 09:00:00 +0100","2026-11-02 15:00:00 +0100","6","12"\n')],
      { zone: UTC },
    );
    // 15:00 − 09:00 = 6 h = 21600 s
    expect(Array.from(data.times.resolutionSeconds)).toEqual([21600]);
  });

  it('a date column empty at the top of the file takes the format of created_at', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `${i + 1};02.11.2026 10:00:00;${i >= 590 ? '02.11.2026 12:30:00' : ''}`);
    const data = await readTickets([file(`id;created_at;resolved_at\n${rows.join('\n')}\n`)], { zone: UTC });
    expect(data.inputs[0]).toMatchObject({ accepted: 600, rejected: 0 });
    // 12:30 − 10:00 = 9000 s, for the last 10 rows
    expect(Array.from(data.times.resolutionSeconds).filter((v) => !Number.isNaN(v))).toEqual(Array(10).fill(9000));
  });

  it('an undecided slash column takes the order proven by created_at', async () => {
    const data = await readTickets([file('id,created_at,resolved_at\n1,25/10/2026 10:00,03/11/2026 10:00\n2,01/11/2026 10:00,02/11/2026 10:00\n')], { zone: UTC });
    // day-first (25/10 proves it): 3 Nov − 25 Oct = 9 days; 2 Nov − 1 Nov = 1 day
    expect(Array.from(data.times.resolutionSeconds)).toEqual([9 * 86400, 86400]);
    expect(data.notes).toEqual([]);
  });

  it('"0,125" hours is an eighth of an hour, not 125', async () => {
    expect(detectDecimalSeparator(['0,125', '0,250'])).toBe(',');
    expect(parseNumberText('0,125', '.')).toBeNaN();
    const data = await readTickets([file('id;created_at;First response time (in hrs)\n1;2026-11-02 10:00;0,125\n2;2026-11-02 11:00;0,250\n')], { zone: UTC });
    expect(Array.from(data.times.firstResponseSeconds)).toEqual([450, 900]);
  });

  it('the header named by --map is found after a preamble line, and beats a data row holding a status word', async () => {
    const data = await readTickets([file('Helpdesk export,generated 2026-12-01\nRef,Start,Reply\nA-1,2026-11-02 10:00,2026-11-02 10:05\n')], {
      zone: UTC,
      map: { id: 'Ref', created_at: 'Start', first_response_at: 'Reply' },
    });
    expect(data.inputs[0]).toMatchObject({ rows: 1, accepted: 1 });
    const status = await readTickets([file('Ref,Start,State\nA-1,2026-11-02 10:00,Solved\nA-2,2026-11-02 11:00,Closed\n')], { zone: UTC, map: { id: 'Ref', created_at: 'Start' } });
    expect(status.inputs[0]).toMatchObject({ rows: 2, accepted: 2 });
  });
});
