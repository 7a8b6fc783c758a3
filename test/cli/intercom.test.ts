import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const FIXTURE = 'fixtures/intercom-conversations.csv';

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** The fixture with the zone in its headers replaced: the same export made in another workspace. */
function withZone(zone: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sm-intercom-'));
  const file = join(dir, 'conversations.csv');
  writeFileSync(file, readFileSync(FIXTURE, 'utf8').replaceAll('(America/New_York)', `(${zone})`));
  return file;
}

// The fixture's conversations, started at (New York wall time → UTC, EST = UTC−5 after 2026-11-01):
//   101 11-01 21:30 → 11-02 02:30Z   FRT 240   close 3600   rating 5   Max Weber
//   102 11-02 09:15 → 11-02 14:15Z   FRT 630   close 7200   rating 4   Lea Vogel
//   103 11-03 14:00 → 11-03 19:00Z   FRT 120   close 72000  —          Max Weber
//   104 11-05 08:00 → 11-05 13:00Z   never replied, open                (unassigned)
//   105 11-06 16:45 → 11-06 21:45Z   FRT 1200  close 7200   rating 2   Lea Vogel
//   106 11-09 20:00 → 11-10 01:00Z   FRT 60    close 1800   rating 5   Max Weber
describe('Intercom conversations export (preset intercom)', () => {
  it('is read with the intercom preset, whatever the zone in its headers, each time column in that zone', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'UTC']) {
      const file = zone === 'America/New_York' ? FIXTURE : withZone(zone);
      const result = runBin(['validate', file, '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      const input = JSON.parse(result.stdout).files[0];
      expect(input.preset).toBe('intercom');
      const column = (field: string) => input.columns.find((c: { field: string }) => c.field === field);
      expect(column('created_at')).toMatchObject({ header: `Conversation started at (${zone})`, via: 'preset' });
      expect(column('created_at').format).toContain(`in ${zone} (from the header)`);
      expect(column('first_response_at').header).toBe(`Conversation first replied at (${zone})`);
      expect(column('resolved_at').header).toBe(`Conversation last closed at (${zone})`);
    }
  });

  it('the zone in the header wins over --tz and moves conversations across the window edges', () => {
    // --since 11-02 --until 11-10 in UTC: 101 (02:30Z on 11-02) is in, 106 (01:00Z on 11-10) is out — read as UTC
    // (or Tokyo) wall times it would be the other way round: 102–106, FRT 502.5 (below).
    for (const tz of ['UTC', 'Asia/Tokyo']) {
      const json = report([FIXTURE, '--since', '2026-11-02T00:00:00Z', '--until', '2026-11-10T00:00:00Z', '--tz', tz]);
      expect(json.inputs[0]).toMatchObject({ preset: 'intercom', rows: 6, accepted: 6, rejected: 0 });
      const { ticket_volume: volume, frt, art, csat, csat_satisfied: satisfied } = json.metrics;
      // 101–105: five conversations, 104 never answered nor closed
      expect(volume.value).toBe(5);
      expect(volume.details).toMatchObject({ resolved: 4, unresolved: 1, unanswered: 1 });
      // FRT (240 + 630 + 120 + 1200)/4 = 2190/4 = 547.5 s; median (240 + 630)/2 = 435 — the export's seconds, not
      // the office-hours twin (0 + 630 + 120 + 900)/4 = 412.5
      expect(frt.value).toBe(547.5);
      expect(frt.details).toMatchObject({ count: 4, median: 435, min: 120, max: 1200, unanswered: 1, sources: { exportColumn: 4, timestamps: 0 } });
      // ART (3600 + 7200 + 72000 + 7200)/4 = 90000/4 = 22500 s
      expect(art.value).toBe(22500);
      expect(art.details).toMatchObject({ count: 4, median: 7200, unresolved: 1 });
      // Last teammate rating 5, 4, 2 → 11/3; 4–5: 2 of 3
      expect(csat.value).toBeCloseTo(11 / 3, 12);
      expect(satisfied.details).toMatchObject({ satisfied: 2, responses: 3 });
    }
  });

  it('an export made in UTC moves the same rows the other way', () => {
    // (UTC): 101 starts 11-01 21:30Z (out), 106 11-09 20:00Z (in): 102, 103, 104, 105, 106
    const json = report([withZone('UTC'), '--since', '2026-11-02', '--until', '2026-11-10', '--tz', 'America/New_York']);
    expect(json.metrics.ticket_volume.value).toBe(5);
    // FRT (630 + 120 + 1200 + 60)/4 = 2010/4 = 502.5 s
    expect(json.metrics.frt.value).toBe(502.5);
  });

  it('Teammate and Team currently assigned group the report; Conversation tag is the category of repeat contacts', () => {
    const json = report([FIXTURE, '--since', '2026-11-02T00:00:00Z', '--until', '2026-11-10T00:00:00Z', '--by', 'agent,team']);
    const group = (by: string, key: string) => json.groups.find((g: { by: string; key: string }) => g.by === by && g.key === key);
    // Max Weber: 101 (240), 103 (120) → 180 s; Lea Vogel: 102 (630), 105 (1200) → 915 s
    expect(group('agent', 'Max Weber').metrics.frt.value).toBe(180);
    expect(group('agent', 'Lea Vogel').metrics.frt.value).toBe(915);
    // Team Sales: 103 alone
    expect(group('team', 'Sales').metrics.ticket_volume.value).toBe(1);
    // anna@example.com/Billing: 101 (11-02 02:30Z) and 104 (11-05 13:00Z), 3 days apart → one repeat of 5
    expect(json.metrics.repeat_contact_rate.details).toMatchObject({ repeatTickets: 1, tickets: 5, customers: 4 });
  });

  it('the Intercom CSAT file beside it is read as surveys and its ratings are used instead of the inline ones', () => {
    const result = runBin(['report', FIXTURE, 'fixtures/intercom-csat.csv', '--since', '2026-11-02', '--until', '2026-11-05', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.inputs.map((i: { kind: string; preset: string | null }) => [i.kind, i.preset])).toEqual([['tickets', 'intercom'], ['surveys', 'intercom-csat']]);
    // Survey ratings updated 11-01 23:30 NY (04:30Z 11-02) 5, 11-02 4, 11-03 1, 11-04 5 (11-05 12:00 NY is out): 15/4
    expect(json.metrics.csat.value).toBe(3.75);
    expect(json.metrics.csat.details.responses).toBe(4);
  });
});
