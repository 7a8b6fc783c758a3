import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

function json(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json', '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('CSAT from the ratings inside ticket exports (no survey file)', () => {
  it('Zendesk Good/Bad: binary ratings count toward CSAT satisfied only; Offered/Unoffered/Not Offered are no answer', () => {
    const report = json(['fixtures/zendesk-tickets.csv']);
    const { csat, csat_satisfied: satisfied } = report.metrics;
    // Satisfaction Score: Good (1001, 1007, 1008), Bad (1006); Offered, Unoffered ×2, Not Offered = no answer → 3 of 4
    expect(satisfied.value).toBe(0.75);
    expect(satisfied.details).toEqual(expect.objectContaining({ satisfied: 3, responses: 4 }));
    // Wilson, z = 1.96, n = 4: (0.75 + 0.4802 ∓ 1.96·√(0.046875 + 0.060025)) / 1.9604 = [0.3006, 0.9544]
    expect(satisfied.details.ci95[0]).toBeCloseTo(0.3006, 4);
    expect(satisfied.details.ci95[1]).toBeCloseTo(0.9544, 4);
    // Good/Bad have no mean: CSAT says so instead of a number.
    expect(csat.value).toBeNull();
    expect(csat.details.reason).toBe('the 4 ratings are binary (good/bad), which have no mean: see CSAT satisfied');
    expect(csat.status).toBe('no-data');
  });

  it('Bitrix24 "Оценка клиента": 5 = like, 1 = dislike, 0 = not rated (the preset), not a 1–5 score', () => {
    for (const file of ['fixtures/bitrix24-openlines.csv', 'fixtures/bitrix24-openlines.xls']) {
      const report = json([file, '--tz', 'Europe/Moscow']);
      // 101 like, 102 dislike, 103 none, 104 like, 105 spam (skipped), 106 none, 107 rejected (31.11) → 2 of 3
      expect(report.metrics.csat_satisfied.details, file).toEqual(expect.objectContaining({ satisfied: 2, responses: 3 }));
      // Wilson n = 3, p = 2/3: [0.2077, 0.9385]
      expect(report.metrics.csat_satisfied.details.ci95[0]).toBeCloseTo(0.2077, 4);
      expect(report.metrics.csat_satisfied.details.ci95[1]).toBeCloseTo(0.9385, 4);
      expect(report.metrics.csat.value).toBeNull();
    }
  });

  it('Freshdesk "Survey results" labels (Awesome / Not Good) are read as ratings', () => {
    const report = json(['fixtures/freshdesk-excel-resave.csv']);
    // Awesome (1301, 1305), Not Good (1302), two empty → 2 of 3; only two levels seen: counted as satisfied or not
    expect(report.metrics.csat_satisfied.details).toEqual(expect.objectContaining({ satisfied: 2, responses: 3 }));
    expect(report.inputs[0].columns).toContainEqual(expect.objectContaining({ field: 'csat', header: 'Survey results', read: true }));
  });

  it('Zendesk numeric 1–5 scores: a mean, and a score off the scale left out with its line while the ticket counts', () => {
    const report = json(['fixtures/zendesk-ratings-numeric.csv', '--scale', 'csat=1-5']);
    const { csat, csat_satisfied: satisfied, ticket_volume: volume } = report.metrics;
    // 5, 4, 4, 3, 5, 2 (7 is off 1–5; Offered, Unoffered, Not Offered = none): mean 23/6 = 3.8333 < 4.5 → missed
    expect(csat.value).toBeCloseTo(23 / 6, 10);
    expect(csat.details).toEqual(expect.objectContaining({ responses: 6, scaleMin: 1, scaleMax: 5, distribution: { 1: 0, 2: 1, 3: 1, 4: 2, 5: 2 } }));
    expect(csat.status).toBe('missed');
    // top 2 of 5 (4–5): 4 of 6; Wilson n = 6: [0.3000, 0.9032]
    expect(satisfied.value).toBeCloseTo(4 / 6, 10);
    expect(satisfied.details.ci95[0]).toBeCloseTo(0.3, 4);
    expect(satisfied.details.ci95[1]).toBeCloseTo(0.9032, 4);
    // The ticket rated 7 (3009, line 10) is still a ticket: 10 of 10 accepted, 10 in the volume.
    expect(report.inputs[0]).toEqual(expect.objectContaining({ rows: 10, accepted: 10, rejected: 0 }));
    expect(volume.value).toBe(10);
    expect(report.warnings).toContain(
      '1 inline ticket rating is not on the csat scale 1–5 (fixtures/zendesk-ratings-numeric.csv:10 "7"): left out of CSAT, the tickets counted; pass --scale csat=MIN-MAX if the scale is another',
    );
  });

  it('without --scale, answers beyond 5 make an assumed 1–7 scale, said, and the 1–5 target gives no verdict', () => {
    const report = json(['fixtures/zendesk-ratings-numeric.csv']);
    // 5, 4, 4, 3, 5, 2, 7 on 1–7: mean 30/7; top 2 of 7 (6–7): 1 of 7
    expect(report.metrics.csat.value).toBeCloseTo(30 / 7, 10);
    expect(report.metrics.csat.details).toEqual(expect.objectContaining({ scaleMin: 1, scaleMax: 7 }));
    expect(report.metrics.csat.target).toBeNull();
    expect(report.metrics.csat.status).toBe('no-target');
    expect(report.metrics.csat_satisfied.value).toBeCloseTo(1 / 7, 10);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'inline ratings: csat answers run from 2 to 7, off the default 1–5: read as a 1–7 scale (give it with --scale csat=MIN-MAX)',
        'the CSAT target is a mean on a 1–5 scale and these answers are on 1–7: no verdict (compare CSAT satisfied instead)',
      ]),
    );
  });

  it('with a survey file too, the survey file is used and the inline ratings are left out, said once', () => {
    const report = json(['fixtures/surveys-long.csv', 'fixtures/zendesk-tickets.csv', '--tz', 'UTC']);
    // surveys-long.csv's CSAT alone: 8 responses, 6 satisfied (the tickets' 4 ratings would make 12)
    expect(report.metrics.csat.details.responses).toBe(8);
    expect(report.metrics.csat_satisfied.details).toEqual(expect.objectContaining({ satisfied: 6, responses: 8 }));
    const said = report.warnings.filter((w: string) => w.includes('inline ratings'));
    expect(said).toEqual(['the tickets\' inline ratings ("Satisfaction Score") are left out of CSAT and CSAT satisfied: the survey file\'s answers are used, so that no rating counts twice']);
  });

  it('a ticket export without a rating column has no CSAT lines', () => {
    const report = json(['fixtures/tickets-plain.csv']);
    expect(report.metrics.csat).toBeUndefined();
    expect(report.metrics.frt).toBeDefined();
  });
});
