import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const dir = mkdtempSync(join(tmpdir(), 'sm-duration-units-'));

function report(name: string, content: string, extra: string[] = []) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const run = runBin(['report', '--tickets', file, '--format', 'json', '--tz', 'UTC', ...extra]);
  expect(run.code, run.stderr).toBe(0);
  return { file, ...(JSON.parse(run.stdout) as { metrics: Record<string, { value: number | null; details: Record<string, number> }>; warnings: string[] }) };
}

describe('duration columns whose unit the header does not give (found by a trial on help desks without a preset)', () => {
  it('a duration naming no unit beside the timestamps of the same event is not read: the timestamps are exact', () => {
    // Help Scout-like: `Resolution Time` in seconds (no unit in its header) beside `Resolved At`.
    const { file, metrics, warnings } = report(
      'helpscout.csv',
      'Conversation ID,Created At,Resolution Time,Resolved At\n' +
        '1,2026-11-02T09:00:00Z,7200,2026-11-02T11:00:00Z\n' +
        '2,2026-11-02T10:00:00Z,1800,2026-11-02T10:30:00Z\n' +
        '3,2026-11-03T08:00:00Z,,\n',
    );
    // From the timestamps: 7200 s and 1800 s → mean 4500 s (read as minutes it was 270,000 s, 60× too long).
    expect(metrics.art!.value).toBe(4500);
    expect(metrics.art!.details.unresolved).toBe(1);
    expect(warnings).toContain(`${file}: column "Resolution Time" names no unit, so it is not read: the resolution times come from "Resolved At" − "Created At" — to read it instead, rename its header to say its unit (… in seconds, … (hours))`);
  });

  it('without the timestamps it is still read as minutes, with the warning', () => {
    const { file, metrics, warnings } = report('no-times.csv', 'id,created_at,Resolution Time\n1,2026-11-02T09:00:00Z,90\n');
    // 90 minutes = 5400 s: a guess, said.
    expect(metrics.art!.value).toBe(5400);
    expect(warnings).toContain(`${file}: column "Resolution Time" names no unit; its numbers are read as minutes — rename the header (… in hours) or check the export`);
  });

  it('hours written "(ч)" in a Russian sheet are hours: ART 2.5 h = 9000 s, not 150 s', () => {
    const { metrics } = report('sheet-ru.csv', '№;Дата создания;Время решения (ч)\n1;02.11.2026 9:05;2,5\n2;02.11.2026 13:15;0,5\n');
    // 2.5 h = 9000 s and 0.5 h = 1800 s → mean 5400 s.
    expect(metrics.art!.value).toBe(5400);
  });
});

describe("a missing column's --map hint offers the right header as the right field (found by a trial)", () => {
  it('a header naming a unit is offered as the duration field: Salesforce "First Response (Hours)"', () => {
    const { metrics } = report('salesforce.csv', 'Case Number,Date/Time Opened,First Response (Hours),Status\n1,2026-11-02T09:00:00Z,0.5,Closed\n', ['--map', 'created_at=Date/Time Opened', '--map', 'id=Case Number']);
    expect(metrics.frt!.details.reason).toBe('no first-response column (first_response_at or first_response_minutes); the file has "First Response (Hours)": if it is that, pass --map first_response_minutes="First Response (Hours)"');
  });

  it("never a column the preset says not to read: Jira's SLA time left is not offered, its first-response date is", () => {
    const { metrics } = report('jira.csv', 'Issue key,Issue id,Summary,Created,Resolved,Time to first response,Custom field (Date of First Response)\nSD-1,1001,a,18/Jul/26 9:10 AM,18/Jul/26 11:10 AM,3:25,18/Jul/26 9:40 AM\n');
    expect(metrics.frt!.details.reason).toBe('no first-response column (first_response_at or first_response_minutes); the file has "Custom field (Date of First Response)": if it is that, pass --map first_response_at="Custom field (Date of First Response)"');
  });
});
