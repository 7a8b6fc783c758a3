import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const UK = 'fixtures/freshdesk-excel-resave-uk.csv';

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { json: JSON.parse(result.stdout), stderr: result.stderr };
}

// A Freshdesk CSV re-saved by a UK Excel: day-first `25/01/2025 1:30`, two columns headed "Resolution time (in hrs)"
// (the second a custom field of the account), Contact ID holding e-mails in mixed case, 00:00:00 for "none".
//   2001 created 25 Jan 01:30, never answered (00:00:00 in both hour columns)       Anna@Example.com  Question
//   2002 created 3 Feb 09:00, response 09:20 (1200 s), resolved 4 Feb 10:00 (90000 s) anna@example.com  Question
//   2003 created 5 Feb 11:00, response 11:05 (300 s), resolved 12:00 (3600 s)       ANNA@EXAMPLE.COM  Question
//   2004 created 10 Feb 08:00, response 08:30 (1800 s), resolved 11 Feb 08:00 (86400 s) bob@example.com Incident
describe('Freshdesk exports as people have them', () => {
  it('day-first dates: the 25 in Created time settles every slash-date column of the file, without a warning', () => {
    const { json, stderr } = report([UK, '--tz', 'Europe/London']);
    const format = (field: string) => json.inputs[0].columns.find((c: { field: string }) => c.field === field).format;
    // Initial response and Resolved time never show a day above 12 themselves: read month-first, 3 Feb 09:20 would
    // be 2 Mar and FRT four weeks
    for (const field of ['created_at', 'first_response_at', 'resolved_at']) expect(format(field)).toBe('DD/MM/YYYY HH:mm[:ss], in --tz');
    expect(stderr).not.toContain('never show a day above 12');
    // FRT (1200 + 300 + 1800)/3 = 3300/3 = 1100 s; 2001 unanswered
    expect(json.metrics.frt).toMatchObject({ value: 1100, details: { count: 3, unanswered: 1, sources: { exportColumn: 0, timestamps: 3 } } });
    // ART (90000 + 3600 + 86400)/3 = 180000/3 = 60000 s — not the business-hours cells 09:00:00, 01:00:00, 09:00:00
    expect(json.metrics.art).toMatchObject({ value: 60000, details: { count: 3, unresolved: 1 } });
    expect(json.metrics.ticket_volume.details).toEqual({ resolved: 3, unresolved: 1, unanswered: 1 });
  });

  it('a repeated "Resolution time (in hrs)" is told apart: the first is the business-hours twin, the second left out', () => {
    const result = runBin(['validate', UK, '--tz', 'Europe/London', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const file = JSON.parse(result.stdout).files[0];
    expect(file).toMatchObject({ preset: 'freshdesk', rows: 4, accepted: 4, rejected: 0 });
    expect(file.columns).toContainEqual(expect.objectContaining({ field: 'resolution_business_minutes', header: 'Resolution time (in hrs)', column: 17 }));
    expect(file.unusedHeaders).toContain('Resolution time (in hrs)_1');
    expect(file.columns.some((c: { column: number }) => c.column === 18)).toBe(false);
  });

  it('Contact ID e-mails are one customer whatever their case: 2003 repeats 2002 (same category, two days later)', () => {
    const { json } = report([UK, '--tz', 'Europe/London']);
    // Anna@…, anna@…, ANNA@… are one customer; 2001 (25 Jan) is 9 days before 2002: outside the 7-day window
    expect(json.metrics.repeat_contact_rate).toMatchObject({ value: 0.25, details: { repeatTickets: 1, tickets: 4, customers: 2, customersWithRepeats: 1 } });
  });

  it('Survey results labels are read on their 3-point scale: Awesome satisfied, Just Okay and Not Good not', () => {
    const { json, stderr } = report([UK, '--tz', 'Europe/London']);
    // Awesome 3, Just Okay 2, Not Good 1 → mean 2; top 1 of 3 points: 1 of 3
    expect(json.metrics.csat.value).toBe(2);
    expect(json.metrics.csat_satisfied.details).toMatchObject({ satisfied: 1, responses: 3 });
    expect(stderr).toContain('csat answers are labels of 3 levels: read as a 1–3 scale');
  });
});
