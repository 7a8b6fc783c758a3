import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

// Found by a review (issue #14): a group or period must give exactly what the same rows give alone.
const dir = mkdtempSync(join(tmpdir(), 'sm-agree-'));

function json(args: string[], cwd?: string) {
  const result = runBin(['report', ...args, '--tz', 'UTC', '--format', 'json', '--quiet'], {}, undefined, cwd);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('slices agree with the whole to the last bit', () => {
  it('a mean of decimal scores: the one period and the one group equal the headline, verdict included', () => {
    const surveys = join(dir, 'surveys.csv');
    writeFileSync(surveys, ['responded_at,channel,csat', '2026-11-02T09:00:00Z,chat,2.7', '2026-11-02T10:00:00Z,chat,1.3', '2026-11-02T11:00:00Z,chat,4.7', '2026-11-02T12:00:00Z,chat,2.1', '2026-11-02T13:00:00Z,chat,4.7', ''].join('\n'));
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify({ targets: { csat: '>= 3.1' } }));
    const report = json([surveys, '--period', 'day', '--by', 'channel', '--scale', 'csat=1-5'], dir);
    // (2.7 + 1.3 + 4.7 + 2.1 + 4.7) / 5 added in row order: 3.1, met; grouped by answer it was 3.0999999999999996, missed.
    expect(report.metrics.csat).toMatchObject({ value: 3.1, status: 'met' });
    expect(report.periods[0].metrics.csat).toMatchObject({ value: 3.1, status: 'met' });
    expect(report.groups[0].metrics.csat).toMatchObject({ value: 3.1, status: 'met' });
  });

  it("a scoped target's group takes every spelling of its key, as its target applies to each", () => {
    const tickets = join(dir, 'tickets.csv');
    writeFileSync(tickets, ['id,created_at,first_response_minutes,agent', '1,2026-11-02T09:00:00Z,5,Max', '2,2026-11-02T10:00:00Z,25,max', '3,2026-11-02T11:00:00Z,10,Lea', ''].join('\n'));
    const scoped = mkdtempSync(join(tmpdir(), 'sm-agree-scoped-'));
    writeFileSync(join(scoped, 'support-metrics.config.json'), JSON.stringify({ targets: { 'frt[agent=max]': '< 20 min' } }));
    const report = json([tickets], scoped);
    const group = report.groups.find((g: { by: string }) => g.by === 'agent');
    // Max (5 min) and max (25 min): 2 tickets, mean 15 min, met against < 20 min.
    expect(group.metrics.frt).toMatchObject({ value: 900, details: { count: 2 }, status: 'met' });
  });
});
