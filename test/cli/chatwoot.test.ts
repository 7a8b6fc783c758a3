import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('Chatwoot report downloads', () => {
  it('CSAT responses with the "Reporting period" line after the rows: the line is skipped and counted, not rejected', () => {
    const json = report(['fixtures/chatwoot-csat.csv']);
    // rows 5 = 4 responses + the period line
    expect(json.inputs[0]).toMatchObject({ kind: 'surveys', preset: 'chatwoot', rows: 5, accepted: 4, rejected: 0, skipped: 1 });
    // ratings 5, 2, 4, 3 → 14/4 = 3.5; 4–5: 2 of 4
    expect(json.metrics.csat.value).toBe(3.5);
    expect(json.metrics.csat_satisfied.details).toMatchObject({ satisfied: 2, responses: 4 });
    const columns = json.inputs[0].columns.map((c: { field: string; header: string }) => [c.field, c.header]);
    expect(columns).toEqual(expect.arrayContaining([['responded_at', 'Recorded date'], ['agent', 'Agent Name'], ['comment', 'Feedback Comment'], ['customer_id', 'Contact Email Address']]));
  });

  it('the "UTC" in Recorded date places the responses: 23:30 UTC on 11-05 is 00:30 on 11-06 in Berlin', () => {
    // The window is Berlin's 11-06: [11-05 23:00Z, 11-06 23:00Z) holds only the 3 of 11-05 23:30Z (read as Berlin wall
    // time it would fall on 11-05 and the window would be empty)
    const json = report(['fixtures/chatwoot-csat.csv', '--since', '2026-11-06', '--until', '2026-11-07', '--tz', 'Europe/Berlin']);
    expect(json.metrics.csat.details.responses).toBe(1);
    expect(json.metrics.csat.value).toBe(3);
  });

  it('CSAT responses of older versions, the period line above the header, are read the same way', () => {
    const json = report(['fixtures/surveys-chatwoot.csv']);
    expect(json.inputs[0]).toMatchObject({ preset: 'chatwoot', headerLine: 2, rows: 3, accepted: 3, skipped: 0 });
    // 5, 2, 4 → 11/3
    expect(json.metrics.csat.value).toBeCloseTo(11 / 3, 12);
  });

  it('an agents report (averages per agent) is refused in one line that says what to export instead', () => {
    const result = runBin(['report', 'fixtures/chatwoot-agents-report.csv']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'support-metrics: fixtures/chatwoot-agents-report.csv: is a Chatwoot agents report: one row of averages per group ("Avg first response time", "Avg resolution time"), not one row per conversation, and averages of groups cannot give FRT, ART or CSAT; export one row per conversation (with its created, first reply and resolved times), or for CSAT the CSAT responses download\n',
    );
    // Named as tickets, the same refusal (not a missing-column error)
    expect(runBin(['report', '--tickets', 'fixtures/chatwoot-agents-report.csv']).stderr).toContain('is a Chatwoot agents report');
  });

  it('the inboxes, teams and labels reports are refused too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-chatwoot-'));
    const reports: [string, string][] = [
      ['inboxes', 'Inbox name,Inbox type,No. of conversations,Avg first response time,Avg resolution time\nSupport,Channel::Email,12,300.5,9000.2\n'],
      ['teams', 'Team name,Conversations count,Avg first response time,Avg resolution time,Resolution Count,Avg customer waiting time\nBilling,9,120.0,5400.0,8,60.0\n'],
      ['labels', 'Label,No. of conversations,Avg first response time,Avg resolution time,Avg reply time,Resolution Count\nrefund,4,90.0,4000.0,50.0,4\n'],
    ];
    for (const [name, body] of reports) {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, `Reporting period 2026-11-01 to 2026-11-30\n\n${body}`);
      const result = runBin(['report', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`is a Chatwoot ${name} report: one row of averages per group`);
    }
  });
});
