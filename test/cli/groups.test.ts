import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

function json(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json', '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout), stdout: result.stdout };
}

describe('--by: every metric per group (issue #13, first part)', () => {
  it('Bitrix24 agents from a Windows-1251 file, decoded; a ticket without an agent is the (none) group', () => {
    const { report } = json(['fixtures/bitrix24-openlines.csv', '--tz', 'Europe/Moscow', '--by', 'agent']);
    // 101 Иванова (FRT 120 s), 102 Петров (600 s), 103 no agent (unanswered), 104 Иванова (45 s), 105 spam (skipped),
    // 106 Петров (no wait value: 14:00 → 14:05 = 300 s), 107 rejected (31.11)
    expect(report.groups.map((g: { by: string; key: string }) => `${g.by}=${g.key}`)).toEqual(['agent=Иванова Анна', 'agent=Петров Игорь', 'agent=(none)']);
    const [ivanova, petrov, none] = report.groups;
    expect(ivanova.metrics.ticket_volume.value).toBe(2);
    expect(ivanova.metrics.frt.value).toBe(82.5); // (120 + 45) / 2
    expect(petrov.metrics.frt.value).toBe(450); // (600 + 300) / 2
    expect(none.metrics.ticket_volume.value).toBe(1);
    expect(none.metrics.frt).toMatchObject({ value: null, status: 'no-data', details: { unanswered: 1 } });
    // Each group carries its verdicts and low-sample flags; the volumes add up to the whole.
    expect(ivanova.metrics.frt).toMatchObject({ status: 'met', lowSample: true, target: { text: '< 15 min' } });
    expect(report.groups.reduce((n: number, g: { metrics: { ticket_volume: { value: number } } }) => n + g.metrics.ticket_volume.value, 0)).toBe(report.metrics.ticket_volume.value);
  });

  it('several fields, and the same JSON on every run', () => {
    const first = json(['fixtures/zendesk-tickets.csv', '--by', 'channel,team']);
    const second = json(['fixtures/zendesk-tickets.csv', '--by', 'channel,team']);
    expect(second.stdout).toBe(first.stdout);
    const by = new Set(first.report.groups.map((g: { by: string }) => g.by));
    expect([...by]).toEqual(['channel', 'team']);
  });

  it('survey responses take the agent of the ticket they answer when they name none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-groups-'));
    const file = join(dir, 'csat.csv');
    // No agent column: 1001 → Max Weber, 1007 → Lea Vogel, 1006 → Max Weber, 1005 → no assignee, 9999 → no such ticket
    writeFileSync(file, 'responded_at,survey,score,ticket_id\n2026-11-02 12:00,csat,5,1001\n2026-11-04 18:00,csat,4,1007\n2026-11-04 12:00,csat,2,1006\n2026-11-03 15:00,csat,3,1005\n2026-11-05 10:00,csat,1,9999\n');
    const { report } = json([file, 'fixtures/zendesk-tickets.csv', '--tz', 'UTC', '--by', 'agent']);
    const csatOf = (key: string) => report.groups.find((g: { key: string }) => g.key === key)?.metrics.csat;
    expect(csatOf('Max Weber')).toMatchObject({ value: 3.5, details: { responses: 2 } }); // (5 + 2) / 2
    expect(csatOf('Lea Vogel')).toMatchObject({ value: 4, details: { responses: 1 } });
    expect(csatOf('(none)')).toMatchObject({ value: 2, details: { responses: 2 } }); // 1005 (3) and 9999 (1)
  });

  it('a plain report has no groups key; an unknown --by field is a usage error', () => {
    expect(json(['fixtures/zendesk-tickets.csv']).report.groups).toBeUndefined();
    const result = runBin(['report', 'fixtures/zendesk-tickets.csv', '--by', 'mood']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--by "mood" is not a field to group by; use channel, agent, team, priority, category');
  });
});
