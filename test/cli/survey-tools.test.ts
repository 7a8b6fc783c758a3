import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
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

  it('SurveyMonkey expanded (Windows-1252): a question over one column per option reads the option chosen', () => {
    const { report, stderr } = run(['fixtures/surveymonkey-expanded-1252.csv', '--tz', 'UTC']);
    expect(report.inputs[0]).toMatchObject({ preset: 'surveymonkey', encoding: 'windows-1252', rows: 7, accepted: 6, skipped: 1, rejected: 0 });
    expect(stderr).toContain('one column per answer option (5)');
    // Extremely 5, Very 4, Somewhat 3, Not so 2, Not at all 1 (two rows without a choice): 15/5 = 3; top 2: 2 of 5
    expect(report.metrics.csat.value).toBe(3);
    expect(report.metrics.csat_satisfied.details).toMatchObject({ satisfied: 2, responses: 5 });
    // NPS 10, 9, 8, 5, 2, 10: 3 promoters, 1 passive, 2 detractors → 100·1/6
    expect(report.metrics.nps.value).toBeCloseTo(100 / 6, 10);
  });
});

describe('survey files with other surveys, no answers, or another language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sm-surveys-'));

  it('responses of surveys the tool does not compute are left out with a warning, not silently', () => {
    const file = join(dir, 'delighted.csv');
    writeFileSync(file, 'person_id,email,score,comment,created_at,survey_type\n1,a@x.com,10,,1761990000,nps\n2,b@x.com,4,,1761993600,smileys\n3,c@x.com,1,,1761997200,thumbs\n4,d@x.com,9,,1762000800,enps\n5,e@x.com,2,,1762004400,csat\n');
    const { report } = run([file]);
    // smileys is Delighted's 1–5 CSAT: CSAT 4 and 2 → 3; NPS 10 alone; thumbs and enps left out, said
    expect(report.metrics.csat.details.responses).toBe(2);
    expect(report.metrics.csat.value).toBe(3);
    expect(report.metrics.nps.details.responses).toBe(1);
    expect(report.warnings).toContain('2 responses of other surveys (thumbs 1, enps 1) left out: only CSAT, NPS and CES are computed');
  });

  it('responses without any answer are skipped, and a file of only those reports no data with exit 0', () => {
    const file = join(dir, 'empty.csv');
    writeFileSync(file, 'survey,score,responded_at,ticket_id\ncsat,,2026-11-02 10:00,1\ncsat,,2026-11-02 11:00,2\nnps,,2026-11-02 12:00,3\n');
    const { report } = run([file, '--tz', 'UTC']);
    expect(report.inputs[0]).toMatchObject({ rows: 3, accepted: 0, rejected: 0, skipped: 3 });
    expect(report.metrics.csat).toMatchObject({ value: null, status: 'no-data' });
  });

  it('a German SurveyMonkey re-save (Windows-1252, ;) is recognised by its respondent columns and its questions', () => {
    const file = join(dir, 'umfrage.csv');
    const text = [
      'Respondent ID;Collector ID;Start Date;End Date;IP Address;Email Address;First Name;Last Name;Custom Data 1;Wie zufrieden waren Sie mit unserem Support?;Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?;Anmerkungen',
      ';;;;;;;;;Response;Response;Open-Ended Response',
      '11423001;431100;02.11.2026 09:10;02.11.2026 09:14;;;;;;5;10;Schnell – danke',
      '11423002;431100;03.11.2026 11:00;03.11.2026 11:02;;;;;;4;8;',
      '11423003;431100;04.11.2026 15:30;04.11.2026 15:31;;;;;;2;3;Zu langsam',
      '11423004;431100;05.11.2026 08:45;05.11.2026 08:47;;;;;;5;9;Schöne Grüße',
    ].join('\r\n');
    writeFileSync(file, iconv.encode(text + '\r\n', 'windows-1252'));
    const { report } = run([file, '--tz', 'Europe/Berlin']);
    expect(report.inputs[0]).toMatchObject({ kind: 'surveys', preset: 'surveymonkey', encoding: 'windows-1252', rows: 4, accepted: 4 });
    // CSAT 5, 4, 2, 5 → 4; NPS 10, 8, 3, 9 → (2 − 1)/4 → 25
    expect(report.metrics.csat.value).toBe(4);
    expect(report.metrics.nps.value).toBe(25);
  });

  it('--scale nps other than 0-10 is refused', () => {
    const result = runBin(['report', 'fixtures/surveys-long.csv', '--scale', 'nps=1-5']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('NPS is defined on 0–10 answers only');
  });
});


describe('--map mistakes', () => {
  it('a --map header no input has is an error (exit 2, one line), not a note', () => {
    const result = runBin(['report', 'fixtures/intercom-csat.csv', '--map', 'csat=Nope']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--map csat="Nope" matches no header of any input; fixtures/intercom-csat.csv has "Conversation ID", "Conversation rating"');
  });

  // Found by the option fuzzer (issue #16): both said `matches no header of any input` and then listed that header.
  it('a --map of a field the file is not read as: the header is there, the kind is the mistake (exit 2, one line)', () => {
    const result = runBin(['report', 'fixtures/surveys-chatwoot.csv', '--map', 'created_at=Recorded date', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toBe(
      'support-metrics: --map created_at="Recorded date": fixtures/surveys-chatwoot.csv has the header "Recorded date", but the file is read as surveys and created_at is a field of tickets; ' +
        'map one of its fields (responded_at, survey, score, csat, nps, ces, ticket_id, customer_id, channel, agent, comment), or give the file\'s kind with --tickets fixtures/surveys-chatwoot.csv\n',
    );
    // validate reads with the same mapping, and says the same
    const validated = runBin(['validate', 'fixtures/surveys-chatwoot.csv', '--map', 'created_at=Recorded date']);
    expect(validated.code).toBe(2);
    expect(validated.stderr).toBe(result.stderr);
  });

  it('two --map fields on one header: the second is refused, naming the field that holds the column', () => {
    const result = runBin(['report', 'fixtures/zendesk-tickets.csv', '--map', 'agent=Group', '--map', 'team=Group']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('support-metrics: --map team="Group": the header "Group" of fixtures/zendesk-tickets.csv is already mapped to agent (--map agent); a column holds one field: map team to another header\n');
  });
});
