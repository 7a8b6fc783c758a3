import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../helpers/write-xlsx.js';
import { runBin } from './run-bin.js';

function run(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout), stderr: result.stderr };
}

describe("survey tools' own exports", () => {
  it('SurveyMonkey, Mac Roman with CR line ends and two header rows: questions found, labels on a 5-point scale', () => {
    const { report, stderr } = run(['fixtures/surveymonkey-macroman.csv', '--tz', 'UTC']);
    const input = report.inputs[0];
    // The second header row (Response / the channel options) is header, not a response: 6 rows, data from line 3.
    expect(input).toMatchObject({ kind: 'surveys', encoding: 'macintosh', headerLine: 2, rows: 6, accepted: 6, rejected: 0 });
    expect(input.columns).toContainEqual(expect.objectContaining({ field: 'responded_at', header: 'EndDate' }));
    expect(input.unusedHeaders).toEqual(expect.arrayContaining(['Which channels did you use to reach us? - Chat', 'Anything else you’d like to tell us?']));
    expect(stderr).toContain('nps read from the question "How likely is it that you would recommend Acme to a friend or colleague?"');
    const { csat, csat_satisfied: satisfied, nps } = report.metrics;
    // Very satisfied 5, Satisfied 4, Neither 3, Dissatisfied 2, Very satisfied 5 (one left empty): 19/5 = 3.8
    expect(csat.value).toBeCloseTo(3.8, 10);
    expect(csat.details).toMatchObject({ responses: 5, scaleMin: 1, scaleMax: 5 });
    // 4–5: 3 of 5; Wilson n = 5: [0.2307, 0.8824]
    expect(satisfied.details).toMatchObject({ satisfied: 3, responses: 5 });
    expect(satisfied.details.ci95[0]).toBeCloseTo(0.2307, 4);
    expect(satisfied.details.ci95[1]).toBeCloseTo(0.8824, 4);
    // NPS 10, 9, 7, 3, 10, 6: promoters 3, passives 1, detractors 2 → 100·(3 − 2)/6 = 16.67;
    // ± 196·√((0.5 + 0.3333 − 0.1667²)/6) = ± 71.82 → [−55.15, 88.48]
    expect(nps.value).toBeCloseTo(100 / 6, 10);
    expect(nps.details).toMatchObject({ promoters: 3, passives: 1, detractors: 2, responses: 6 });
    expect(nps.details.ci95[0]).toBeCloseTo(-55.15, 2);
    expect(nps.details.ci95[1]).toBeCloseTo(88.48, 2);
    expect(report.warnings).toContain('csat answers are labels of 5 levels: read as a 1–5 scale (give another with --scale csat=MIN-MAX)');
  });

  it('SurveyMonkey as XLSX: the same two header rows in a workbook', async () => {
    const book = await writeXlsx([
      {
        name: 'Sheet',
        rows: [
          ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'How likely is it that you would recommend us to a friend or colleague?', 'Comments'],
          [null, null, null, null, 'Response', 'Open-Ended Response'],
          [11401, 5821, '11/02/2026 09:10:02 AM', '11/02/2026 09:14:21 AM', 9, 'Great'],
          [11402, 5821, '11/03/2026 02:02:40 PM', '11/03/2026 02:05:09 PM', 0, ''],
        ],
      },
    ]);
    const { report } = run([book, '--tz', 'UTC']);
    expect(report.inputs[0]).toMatchObject({ headerLine: 2, rows: 2, accepted: 2 });
    // 9 a promoter, 0 a detractor → 100·(1 − 1)/2 = 0
    expect(report.metrics.nps.details).toMatchObject({ promoters: 1, passives: 0, detractors: 1, responses: 2 });
    expect(report.metrics.nps.value).toBe(0);
  });

  it('Typeform: question headers with HTML and Markdown emphasis, Submit Date (UTC) in month-first Excel dates', () => {
    const { report } = run(['fixtures/typeform-responses.csv']);
    const input = report.inputs[0];
    expect(input.columns).toContainEqual(expect.objectContaining({ field: 'csat', header: 'How satisfied are you with Acme support today?' }));
    expect(input.columns).toContainEqual(expect.objectContaining({ field: 'responded_at', header: 'Submit Date (UTC)', format: 'MM/DD/YYYY h:mm[:ss] [AM/PM], in UTC (from the header)' }));
    // CSAT 5, 4, 5, 2 (one empty): 16/4 = 4.0; NPS 9, 8, 10, 4, 10: (3 − 1)/5 → 40
    expect(report.metrics.csat.value).toBe(4);
    expect(report.metrics.nps.value).toBeCloseTo(40, 10);
    // The window reads the submit dates: 11/13/2026 shows they are month-first.
    const late = run(['fixtures/typeform-responses.csv', '--since', '2026-11-10']).report;
    expect(late.metrics.nps.details.responses).toBe(2); // 11/13 (4) and 11/20 (10)
  });

  it('--map matches a question by a part of its text, past the markup, and says which header it picked', () => {
    const { report, stderr } = run(['fixtures/typeform-responses.csv', '--map', 'nps=recommend Acme']);
    expect(stderr).toContain('--map nps="recommend Acme" picked the header "How likely are you to recommend Acme to a friend or colleague?"');
    expect(report.inputs[0].columns).toContainEqual(expect.objectContaining({ field: 'nps', via: 'map' }));
    expect(report.metrics.nps.value).toBeCloseTo(40, 10);
  });

  it('Intercom CSAT file: the zone in "Updated at (America/New_York)" places each rating in the window', () => {
    // 2026-11-01 23:30 New York = 04:30 UTC on 11-02 (in); 2026-11-05 12:00 New York = 17:00 UTC (out, after 11-05)
    const { report } = run(['fixtures/intercom-csat.csv', '--since', '2026-11-02', '--until', '2026-11-05', '--tz', 'UTC']);
    // 5, 4, 1, 5 → 15/4 = 3.75 (read as UTC it would be 4, 1, 5)
    expect(report.metrics.csat.value).toBe(3.75);
    expect(report.metrics.csat.details.responses).toBe(4);
    expect(report.inputs[0].columns).toContainEqual(expect.objectContaining({ field: 'ticket_id', header: 'Conversation ID' }));
  });
});
