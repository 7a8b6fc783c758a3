import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/**
 * Jira Service Management CSV (issue #15), English and Spanish headers, dates `18/jul/26 9:10 AM` in the user's zone.
 * The six requests (created → [CHART] Date of First Response → Resolved), in Europe/Madrid:
 *   SUP-106 18 Jul 9:02 AM → 9:10 AM (480 s)        unresolved
 *   SUP-105 17 Jul 4:31 PM → 4:58 PM (1620 s)       → 18 Jul 10:05 AM (17 h 34 min = 63240 s)
 *   SUP-104 17 Jul 8:15 AM → 8:21 AM (360 s)        unresolved
 *   SUP-103 16 Jul 2:03 PM → 2:25 PM (1320 s)       → 2:40 PM (37 min = 2220 s)
 *   SUP-102 15 Jul 11:48 PM → 16 Jul 9:12 AM (9 h 24 min = 33840 s)   unresolved
 *   SUP-101 15 Jul 10:20 AM → 10:41 AM (1260 s)     → 1:02 PM (2 h 42 min = 9720 s)
 * The SLA cells (`3:52`, `-1:24`, `-9:34` …: time left against the goal, in SLA working hours) are never FRT/ART.
 */
describe.each([
  ['fixtures/jira-issues.csv', 'Issue key', 'Created', 'Custom field (Time to first response)'],
  ['fixtures/jira-issues-es.csv', 'Clave de incidencia', 'Creada', 'Campo personalizado (Tiempo hasta la primera respuesta)'],
])('Jira Service Management export %s', (file, idHeader, createdHeader, slaHeader) => {
  it('is chosen as jira; FRT and ART from the timestamps, never from the SLA cells', () => {
    const r = report([file, '--tz', 'Europe/Madrid']);
    expect(r.inputs[0]).toMatchObject({ preset: 'jira', delimiter: ',', headerLine: 1, rows: 6, accepted: 6, rejected: 0 });
    const header = (field: string) => r.inputs[0].columns.find((c: { field: string }) => c.field === field)?.header;
    expect([header('id'), header('created_at')]).toEqual([idHeader, createdHeader]);
    expect(r.inputs[0].columns.find((c: { field: string }) => c.field === 'created_at').format).toContain('DD/MMM/YY');
    expect(r.inputs[0].unusedHeaders).toContain(slaHeader);
    expect(r.inputs[0].columns.map((c: { field: string }) => c.field)).not.toContain('first_response_minutes');
    // FRT 480, 1620, 360, 1320, 33840, 1260: mean 38880/6 = 6480; sorted 360 480 1260 1320 1620 33840: median
    // (1260+1320)/2 = 1290; p90 h = 4.5 → 1620 + 0.5·(33840−1620) = 17730; < 15 min: 360 and 480 = 2/6
    expect(r.metrics.frt).toMatchObject({ value: 6480, details: { count: 6, median: 1290, p90: 17730, unanswered: 0, withinTarget: 2 / 6, sources: { exportColumn: 0, timestamps: 6 } } });
    // ART 63240, 2220, 9720: mean 75180/3 = 25060, median 9720; SUP-106, 104, 102 unresolved
    expect(r.metrics.art).toMatchObject({ value: 25060, details: { count: 3, median: 9720, unresolved: 3 } });
    // Satisfaction rating 5, 4, 5: mean 14/3
    expect(r.metrics.csat.value).toBeCloseTo(14 / 3, 12);
  });

  it('--by category,agent: the customer request type and the assignee', () => {
    const r = report([file, '--tz', 'Europe/Madrid', '--by', 'category,agent']);
    const frt = (by: string, key: string) => r.groups.find((g: { by: string; key: string }) => g.by === by && g.key === key).metrics.frt;
    // Report a bug: SUP-106 480 + SUP-102 33840 → 17160; Billing question: SUP-105 1620 + SUP-101 1260 → 1440
    expect(frt('category', 'Report a bug')).toMatchObject({ value: 17160, details: { count: 2 } });
    expect(frt('category', 'Billing question')).toMatchObject({ value: 1440, details: { count: 2 } });
    // Marta Kowalczyk: 106 (480), 104 (360), 101 (1260) → 2100/3 = 700; Ravi Menon: 105, 103, 102 → 36780/3 = 12260
    expect(frt('agent', 'Marta Kowalczyk')).toMatchObject({ value: 700, details: { count: 3 } });
    expect(frt('agent', 'Ravi Menon')).toMatchObject({ value: 12260, details: { count: 3 } });
  });
});

/**
 * An older Spanish translation (a user trial): the assignee captioned `Responsable`, month abbreviations `sept` and
 * `ene.`, and `a. m.`/`p. m.` times.
 */
describe('Jira, Spanish with Responsable (fixtures/jira-issues-es-responsable.csv)', () => {
  it('groups by the Responsable column; FRT from [CHART] Date of First Response', () => {
    const r = report(['fixtures/jira-issues-es-responsable.csv', '--tz', 'UTC', '--by', 'agent']);
    expect(r.inputs[0]).toMatchObject({ preset: 'jira', rows: 3, accepted: 3, rejected: 0 });
    expect(r.inputs[0].columns.find((c: { field: string }) => c.field === 'agent').header).toBe('Responsable');
    const frt = (key: string) => r.groups.find((g: { by: string; key: string }) => g.by === 'agent' && g.key === key).metrics.frt;
    // Lucía: 03/sept/26 2:05 PM → 2:15 PM = 600 s
    expect(frt('Lucía Pérez')).toMatchObject({ value: 600, details: { count: 1 } });
    // Diego: 12/ene./26 9:00 a. m. → 9:30 a. m. = 1800 s; 20/may/26 10:00 AM → 10:01 AM = 60 s; mean 930
    expect(frt('Diego Ruiz')).toMatchObject({ value: 930, details: { count: 2 } });
    // ART: 2 h = 7200, 4 h = 14400, 24 h = 86400; mean 108000/3 = 36000
    expect(r.metrics.art).toMatchObject({ value: 36000, details: { count: 3 } });
  });
});
