import { copyFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { temporaryPath, writeXlsx, type CellSpec } from '../helpers/write-xlsx.js';
import { runBin } from './run-bin.js';

/**
 * A Zammad reporting download laid out as lib/excel_sheet.rb and lib/excel_sheet/ticket.rb write it: the title in A1,
 * an empty row, the header on row 3 (the fixed columns, then the time columns), one row per ticket, an empty row and
 * the footer `Timezone: …`. Times are cells with the `yyyy-mm-dd hh:mm:ss` format, wall-clock in that zone; minute
 * columns are numbers (business minutes of the SLA calendar, empty without an SLA).
 */
const HEADER = [
  '#', 'Title', 'State', 'Priority', 'Group', 'Owner', 'Customer', 'Organization', 'Create Channel', 'Sender', 'Tags', 'Time Units Total',
  'Created At', 'Updated At', 'Closed At', 'Close Escalation At', 'Close In Min', 'Close Diff In Min', 'First Response At',
  'First Response Escalation At', 'First Response In Min', 'First Response Diff In Min', 'Update Escalation At', 'Update In Min',
  'Update Diff In Min', 'Last Contact At', 'Last Contact Agent At', 'Last Contact Customer At', 'Article Count', 'Escalation At',
];

// Europe/Berlin wall times (CET, UTC+1):
//   31001 created 11-02 08:00, replied 08:30 (1800 s; SLA 30 min), closed 12:00 (14400 s; SLA 240 min)
//   31002 created 11-02 17:30, replied 11-03 09:15 (56700 s; SLA 75 min), closed 11-03 10:00 (59400 s; SLA 120 min)
//   31003 created 11-04 10:00, open, no reply
//   31004 created 11-05 14:00, replied 14:02 (120 s), closed 15:00 (3600 s), no SLA: the minute columns empty
const TICKETS: [string, string, string, string, string, string, string, string, string, string | null, number | null, string | null, number | null][] = [
  // number, title, state, priority, group, owner, customer, channel, created, closed, close in min, first response, first response in min
  ['31001', 'Login fails', 'closed', '2 normal', 'Users', 'Anna Schmidt', 'Nicole Braun', 'email', '2026-11-02 08:00:00', '2026-11-02 12:00:00', 240, '2026-11-02 08:30:00', 30],
  ['31002', 'Invoice missing', 'closed', '3 high', 'Sales', 'Ben Koch', 'Max Mustermann', 'phone', '2026-11-02 17:30:00', '2026-11-03 10:00:00', 120, '2026-11-03 09:15:00', 75],
  ['31003', 'Refund', 'open', '2 normal', 'Users', '-', 'Nicole Braun', 'web', '2026-11-04 10:00:00', null, null, null, null],
  ['31004', 'Where is my parcel', 'closed', '1 low', 'Users', 'Anna Schmidt', 'Lisa Weber', 'chat', '2026-11-05 14:00:00', '2026-11-05 15:00:00', null, '2026-11-05 14:02:00', null],
];

function time(wall: string | null, asText: boolean): CellSpec {
  if (wall === null) return null;
  if (asText) return wall;
  const [date, clock] = wall.split(' ') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min, s] = clock.split(':').map(Number) as [number, number, number];
  return { value: new Date(Date.UTC(y, m - 1, d, h, min, s)), numFmt: 'yyyy-mm-dd hh:mm:ss' };
}

/** The workbook, named `.xls` as Zammad serves it; times as date cells, or as text (`asText`). */
async function zammadDownload(asText = false): Promise<string> {
  const rows: CellSpec[][] = [['Default Profile (Created Tickets)'], [], HEADER];
  for (const [number, title, state, priority, group, owner, customer, channel, created, closed, closeMin, replied, replyMin] of TICKETS) {
    const organization = customer === 'Nicole Braun' ? 'Zammad Foundation' : null;
    rows.push([
      number, title, state, priority, group, owner, customer, organization, channel, channel === 'phone' ? 'Agent' : 'Customer', null, null,
      time(created, asText), time(closed ?? replied ?? created, asText), time(closed, asText), null, closeMin, closeMin === null ? null : 480 - closeMin,
      time(replied, asText), null, replyMin, replyMin === null ? null : 60 - replyMin, null, null, null,
      time(closed ?? replied ?? created, asText), time(replied, asText), time(created, asText), replied === null ? 1 : 3, null,
    ]);
  }
  rows.push([], ['Timezone: Europe/Berlin']);
  const xlsx = await writeXlsx([{ name: 'Sheet1', rows }]);
  const served = temporaryPath('.xls');
  copyFileSync(xlsx, served);
  return served;
}

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { json: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('Zammad reporting export (preset zammad)', () => {
  it('is read as a workbook under its .xls name: title rows skipped, header on row 3, the Timezone footer skipped and counted', async () => {
    const file = await zammadDownload();
    const result = runBin(['validate', file, '--tz', 'Europe/Berlin', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const input = JSON.parse(result.stdout).files[0];
    // rows 5 = 4 tickets + the footer `Timezone: Europe/Berlin`, skipped (not rejected: its # cell holds no ticket)
    expect(input).toMatchObject({ format: 'xlsx', kind: 'tickets', preset: 'zammad', headerLine: 3, rows: 5, accepted: 4, rejected: 0, skipped: 1 });
    const header = (field: string) => input.columns.find((c: { field: string }) => c.field === field)?.header;
    expect(header('id')).toBe('#');
    expect(header('first_response_at')).toBe('First Response At');
    expect(header('resolved_at')).toBe('Closed At');
    expect(header('first_response_business_minutes')).toBe('First Response In Min');
    expect(header('resolution_business_minutes')).toBe('Close In Min');
    expect(header('first_response_minutes')).toBeUndefined();
    expect(header('resolution_minutes')).toBeUndefined();
    expect([header('agent'), header('team'), header('channel'), header('customer_id'), header('status')]).toEqual(['Owner', 'Group', 'Create Channel', 'Customer', 'State']);
  });

  for (const asText of [false, true]) {
    it(`calendar FRT and ART come from the timestamps, never the SLA's business minutes (times as ${asText ? 'text' : 'date cells'})`, async () => {
      const { json } = report([await zammadDownload(asText), '--tz', 'Europe/Berlin']);
      expect(json.inputs[0]).toMatchObject({ preset: 'zammad', accepted: 4, rejected: 0 });
      const { ticket_volume: volume, frt, art } = json.metrics;
      expect(volume.value).toBe(4);
      // FRT (1800 + 56700 + 120)/3 = 58620/3 = 19540 s — not the business minutes' (30 + 75)/2 min = 3150 s
      expect(frt.value).toBe(19540);
      expect(frt.details).toMatchObject({ count: 3, unanswered: 1, sources: { exportColumn: 0, timestamps: 3 } });
      // ART (14400 + 59400 + 3600)/3 = 77400/3 = 25800 s
      expect(art.value).toBe(25800);
      expect(art.details).toMatchObject({ count: 3, unresolved: 1 });
    });
  }

  it('the times are the footer zone\'s wall clock: --tz places them, and without it a warning says so', async () => {
    const file = await zammadDownload();
    // 31001 was created 08:00 Berlin = 07:00Z: before a window from 07:30Z, which keeps 31002–31004
    expect(report([file, '--tz', 'Europe/Berlin', '--since', '2026-11-02T07:30:00Z']).json.metrics.ticket_volume.value).toBe(3);
    const { json, stderr } = report([file, '--since', '2026-11-02T07:30:00Z']);
    // Read as UTC, 08:00 is after 07:30Z: all four — hence the warning
    expect(json.metrics.ticket_volume.value).toBe(4);
    expect(stderr).toContain('"Created At", "First Response At", "Closed At" carry no zone and none was given; read as UTC — pass --tz with the zone the export was made in (Zammad names it in the sheet\'s last line, "Timezone: …")');
  });

  it('the shipped sample fixtures/zammad-tickets.xls (the same tickets) reads the same', () => {
    const { json } = report(['fixtures/zammad-tickets.xls', '--tz', 'Europe/Berlin']);
    expect(json.inputs[0]).toMatchObject({ format: 'xlsx', preset: 'zammad', headerLine: 3, rows: 5, accepted: 4, skipped: 1, rejected: 0 });
    // as above: FRT 58620/3 = 19540 s, ART 77400/3 = 25800 s
    expect([json.metrics.frt.value, json.metrics.art.value]).toEqual([19540, 25800]);
  });

  it('Owner, Group and Create Channel group the report; the system user "-" is no agent', async () => {
    const { json } = report([await zammadDownload(), '--tz', 'Europe/Berlin', '--by', 'agent,team,channel']);
    const keys = (by: string) => json.groups.filter((g: { by: string }) => g.by === by).map((g: { key: string }) => g.key).sort();
    expect(keys('agent')).not.toContain('-');
    expect(keys('agent')).toEqual(expect.arrayContaining(['Anna Schmidt', 'Ben Koch']));
    expect(keys('team')).toEqual(['Sales', 'Users']);
    const anna = json.groups.find((g: { by: string; key: string }) => g.by === 'agent' && g.key === 'Anna Schmidt');
    // Anna Schmidt: 31001 (1800 s) and 31004 (120 s) → 960 s
    expect(anna.metrics.frt.value).toBe(960);
  });
});
