import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/report/model.js';
import { runBin } from './run-bin.js';

const BRACKETS = 'fixtures/zendesk-explore.csv';
const MINUTES = 'fixtures/zendesk-explore-minutes.csv';
const AGGREGATORS = 'fixtures/zendesk-explore-aggregators.csv';
const dir = mkdtempSync(join(tmpdir(), 'sm-explore-'));

function report(args: string[]) {
  const result = runBin(['report', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { json: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('Zendesk Explore CSV (issue #15): every field quoted, " " empty, times only as brackets, a ticket per tag', () => {
  it('is read with the zendesk-explore preset; rows one per tag are merged and counted: 11 = 8 accepted + 3 merged', () => {
    const { json, stderr } = report([BRACKETS]);
    expect(Report.safeParse(json).success).toBe(true);
    // 1001 twice (billing, refund), 1004 three times (billing, urgent, vip): 1 + 2 repeats with the same times
    expect(json.inputs[0]).toEqual(expect.objectContaining({ preset: 'zendesk-explore', rows: 11, accepted: 8, rejected: 0, skipped: 0, merged: 3 }));
    expect(json.metrics.ticket_volume.value).toBe(8);
    // Unsolved: 1003, 1006; No replies: 1003 — from the brackets, every one readable
    expect(json.metrics.ticket_volume.details).toEqual({ resolved: 6, unresolved: 2, unanswered: 1 });
    expect(stderr).toContain(`support-metrics: note: ${BRACKETS}: 3 rows repeat a ticket id of an earlier row with the same times (one row per value of a multi-valued attribute such as Ticket tags): merged into it and counted as merged`);
    // `Ticket created - Timestamp` is 2026-11-02T09:15:00: the account's time, no zone
    expect(json.warnings).toContain(`${BRACKETS}: the times in "Ticket created - Timestamp" carry no zone and none was given; read as UTC — pass --tz with the zone the export was made in`);
    expect(report([BRACKETS, '--tz', 'America/New_York']).json.warnings.join('\n')).not.toContain('carry no zone');
  });

  it('FRT by bracket: no mean (value null, no-data, the reason), the distribution, No replies as unanswered', () => {
    const { frt } = report([BRACKETS]).json.metrics;
    expect(frt.value).toBeNull();
    expect(frt.status).toBe('no-data');
    expect(frt.details.reason).toBe('the export gives the first reply time only as brackets ("First reply time brackets"): the mean, median and p90 are not known — see the distribution by bracket');
    expect(frt.details).toEqual(expect.objectContaining({ count: 0, mean: null, median: null, p90: null, unanswered: 1 }));
    // 0-1 hrs: 1001, 1005, 1008; 1-8 hrs: 1002, 1007; 8-24 hrs: 1004; >24 hrs: 1006 → 7 answered
    expect(frt.details.brackets).toEqual([
      { label: '0-1 hrs', fromSeconds: 0, toSeconds: 3600, count: 3, share: 3 / 7 },
      { label: '1-8 hrs', fromSeconds: 3600, toSeconds: 28_800, count: 2, share: 2 / 7 },
      { label: '8-24 hrs', fromSeconds: 28_800, toSeconds: 86_400, count: 1, share: 1 / 7 },
      { label: '>24 hrs', fromSeconds: 86_400, toSeconds: null, count: 1, share: 1 / 7 },
    ]);
    // median rank (7 − 1)·0.5 = 3 → the first 1-8 hrs; p90 ranks 5 and 6 → 8-24 hrs and >24 hrs; < 15 min lies inside 0-1 hrs
    expect(frt.details.bracketStats).toEqual({
      column: 'First reply time brackets', measured: 7, empty: 0, unrecognised: 0,
      medianBracket: '1-8 hrs', medianRange: [3600, 28_800], p90Range: [28_800, null], withinTargetRange: [0, 3 / 7],
    });
    expect(frt.details.withinTarget).toBeNull();
  });

  it('ART by bracket: Unsolved as unresolved; the median between 0-5 hrs and 5-24 hrs', () => {
    const { art } = report([BRACKETS]).json.metrics;
    expect(art.value).toBeNull();
    expect(art.details.unresolved).toBe(2);
    expect(art.details.brackets.map((b: { label: string; count: number }) => [b.label, b.count])).toEqual([['0-5 hrs', 3], ['5-24 hrs', 1], ['1-7 days', 1], ['7-30 days', 1]]);
    // 6 resolved: h = 2.5 → ranks 2 (0-5 hrs) and 3 (5-24 hrs); p90 h = 4.5 → 1-7 days and 7-30 days; < 4 h inside 0-5 hrs: [0, 3/6]
    expect(art.details.bracketStats).toEqual(expect.objectContaining({ medianBracket: null, medianRange: [0, 86_400], p90Range: [86_400, 2_592_000], withinTargetRange: [0, 0.5] }));
  });

  it('a target on a bracket boundary gives the exact share within it', () => {
    const config = join(dir, 'hour.json');
    writeFileSync(config, JSON.stringify({ targets: { frt: '< 1 h' } }));
    const { frt } = report([BRACKETS, '--config', config]).json.metrics;
    // < 1 h: 0-1 hrs wholly within, nothing else reaches below 1 h → 3 of 7 exactly; still no mean, so no verdict
    expect(frt.details.withinTarget).toBe(3 / 7);
    expect(frt.details.bracketStats.withinTargetRange).toEqual([3 / 7, 3 / 7]);
    expect(frt.status).toBe('no-data');
  });

  it('the table and Markdown show the brackets; every other format renders', () => {
    const table = runBin(['report', BRACKETS]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('median in 1-8 hrs, p90 ≥ 8h'); // wrapped at 28 columns
    expect(table.stdout).toContain('0-1 hrs: 3 (42.9%)');
    expect(table.stdout).toContain('7-30 days: 1 (16.7%)');
    expect(table.stdout).toContain('0.0%–42.9% within');
    const md = runBin(['report', BRACKETS, '--format', 'md']).stdout;
    expect(md).toContain('First response time by bracket (First reply time brackets):\n\n| Bracket | Tickets | Share |\n|---|--:|--:|\n| 0-1 hrs | 3 | 42.9% |\n| 1-8 hrs | 2 | 28.6% |\n| 8-24 hrs | 1 | 14.3% |\n| &gt;24 hrs | 1 | 14.3% |');
    expect(md).toContain('| in 1-8 hrs | ≥ 8h 00m | 7 | 0.0%–42.9% |');
    for (const format of ['html', 'csv', 'xlsx', 'xml']) {
      const out = join(dir, `report.${format}`);
      const result = runBin(['report', BRACKETS, '--out', out]);
      expect(result.code, `${format}: ${result.stderr}`).toBe(0);
    }
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('by bracket: 0-1 hrs 3 (42.9%), 1-8 hrs 2 (28.6%), 8-24 hrs 1 (14.3%), &gt;24 hrs 1 (14.3%)');
    // The long CSV: no median or p90 number, the count of tickets in a bracket, and why
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toContain('frt,,,,,seconds,< 15 min,no-data,7,,,,"the export gives the first reply time only as brackets');
  });

  it('the long CSV follows each metric row with a row per bracket: count = its tickets, the label, range and share at the end', () => {
    const result = runBin(['report', BRACKETS, '--format', 'csv', '--by', 'channel']);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\r\n');
    const at = lines.findIndex((l) => l.startsWith('frt,,,,,seconds,< 15 min,no-data,7,'));
    // 0-1 hrs: 1001, 1005, 1008 → 3/7; 1-8 hrs: 1002, 1007 → 2/7; 8-24 hrs: 1004 → 1/7; >24 hrs: 1006 → 1/7 (open: no "to")
    expect(lines.slice(at + 1, at + 5)).toEqual([
      `frt,,,,,seconds,,,3,,,,,0-1 hrs,0,3600,${3 / 7}`,
      `frt,,,,,seconds,,,2,,,,,1-8 hrs,3600,28800,${2 / 7}`,
      `frt,,,,,seconds,,,1,,,,,8-24 hrs,28800,86400,${1 / 7}`,
      `frt,,,,,seconds,,,1,,,,,>24 hrs,86400,,${1 / 7}`,
    ]);
    // The bracket rows add up to the metric row's count: 3 + 2 + 1 + 1 = 7
    expect(lines.slice(at + 1, at + 5).reduce((n, l) => n + Number(l.split(',')[8]), 0)).toBe(7);
    // ART: 0-5 hrs 1001, 1005, 1008; 5-24 hrs 1004; 1-7 days 1002; 7-30 days 1007 → of 6 resolved
    const art = lines.findIndex((l) => l.startsWith('art,,,,,seconds,'));
    expect(lines[art + 3]).toBe(`art,,,,,seconds,,,1,,,,,1-7 days,86400,604800,${1 / 6}`);
    // A group's brackets follow its row: chat = 1004 (8-24 hrs), 1008 (0-1 hrs); empty brackets listed with 0
    const chat = lines.findIndex((l) => l.startsWith('frt,channel,chat,,,seconds,'));
    expect(lines.slice(chat + 1, chat + 5).map((l) => l.split(',').slice(8, 9).concat(l.split(',').slice(13, 14)))).toEqual([['1', '0-1 hrs'], ['0', '1-8 hrs'], ['1', '8-24 hrs'], ['0', '>24 hrs']]);
    // Metric rows without brackets keep the four bracket columns empty
    expect(lines.find((l) => l.startsWith('ticket_volume,,,,8,'))!.endsWith(',,,,')).toBe(true);
  });

  it('the workbook has a Brackets sheet: headline, groups and periods, ranges as Excel times, tickets and shares', async () => {
    const out = join(dir, 'brackets.xlsx');
    const result = runBin(['report', BRACKETS, '--by', 'channel', '--period', 'week', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'By channel', 'Periods', 'Brackets', 'Inputs', 'Warnings']);
    const sheet = workbook.getWorksheet('Brackets')!;
    expect(sheet.getRow(2).values).toEqual([undefined, 'Metric', 'By', 'Key', 'Start', 'End', 'Column', 'Bracket', 'From', 'To', 'Tickets', 'Share']);
    const rows = sheet.getSheetValues().slice(3) as unknown[][];
    // Headline FRT first: 1-8 hrs = 3600–28800 s, written as Excel times 1/24 and 1/3 of a day (exceljs reads a
    // time-formatted number back as that time after 1899-12-30), 2 of 7 tickets
    const excelTime = (hours: number) => new Date(Date.UTC(1899, 11, 30, hours));
    expect(rows[1]).toEqual([undefined, 'First response time', '', '', '', '', 'First reply time brackets', '1-8 hrs', excelTime(1), excelTime(8), 2, 2 / 7]);
    expect(sheet.getRow(4).getCell(8).numFmt).toBe('[h]:mm:ss');
    expect(sheet.getRow(4).getCell(11).numFmt).toBe('0.0%');
    // >24 hrs is open: no "To"
    expect(rows[3]![9]).toBeUndefined();
    // Headline 4 FRT + 4 ART brackets; by channel (chat, email, web form) 3 × 8; one ISO week, 8 → 8 + 24 + 8 = 40 rows
    expect(rows).toHaveLength(40);
    const headlineTickets = rows.slice(0, 4).reduce((n, r) => n + (r[10] as number), 0);
    expect(headlineTickets).toBe(7);
  });

  it('read in two halves by two threads (the repeats of 1004 on both sides of the middle), the same bytes', () => {
    const args = ['report', BRACKETS, '--format', 'json'];
    const parallel = runBin(args, { SUPPORT_METRICS_PARALLEL_MIN_BYTES: '1', SUPPORT_METRICS_TIMING: '1' });
    expect(parallel.stderr).toContain('part start (worker)');
    expect(parallel.stdout).toBe(runBin(args, { SUPPORT_METRICS_PARALLEL_MIN_BYTES: '1000000000000' }).stdout);
    expect(JSON.parse(parallel.stdout).inputs[0].merged).toBe(3);
  });

  it('--details lists each ticket\'s brackets (frt_bracket, art_bracket after art_seconds): they add up to the report\'s counts', () => {
    const path = join(dir, 'details.csv');
    const result = runBin(['report', BRACKETS, '--details', path, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const { frt, art, ticket_volume } = JSON.parse(result.stdout).metrics;
    const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    const columns = head!.split(',');
    expect(columns.slice(11, 15)).toEqual(['frt_seconds', 'art_seconds', 'frt_bracket', 'art_bracket']);
    const tickets = lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [columns[i]!, c]))).filter((r) => r.kind === 'ticket');
    // One row per ticket: 11 rows − 3 merged = 8, the volume
    expect(tickets).toHaveLength(ticket_volume.value);
    const count = (field: string, label: string) => tickets.filter((t) => t[field] === label).length;
    // Per bracket as many rows as the report counts: 0-1 hrs 3, 1-8 hrs 2, 8-24 hrs 1, >24 hrs 1 (FRT); 0-5 hrs 3 … (ART)
    for (const b of frt.details.brackets) expect(count('frt_bracket', b.label), b.label).toBe(b.count);
    for (const b of art.details.brackets) expect(count('art_bracket', b.label), b.label).toBe(b.count);
    expect(frt.details.brackets.map((b: { count: number }) => b.count)).toEqual([3, 2, 1, 1]);
    // No replies: 1003 = unanswered 1; Unsolved: 1003, 1006 = unresolved 2; no exact seconds anywhere
    expect(tickets.filter((t) => t.frt_bracket === 'No replies').map((t) => t.id)).toEqual(['1003']);
    expect(count('frt_bracket', 'No replies')).toBe(frt.details.unanswered);
    expect(tickets.filter((t) => t.art_bracket === 'Unsolved').map((t) => t.id)).toEqual(['1003', '1006']);
    expect(count('art_bracket', 'Unsolved')).toBe(art.details.unresolved);
    expect(tickets.every((t) => t.frt_seconds === '' && t.art_seconds === '')).toBe(true);
    // With exact minutes (the bracket column beside them is not what the report counts): no bracket columns
    const minutes = join(dir, 'details-minutes.csv');
    expect(runBin(['report', MINUTES, '--tz', 'UTC', '--details', minutes, '--quiet']).code).toBe(0);
    expect(readFileSync(minutes, 'utf8').split('\r\n')[0]).not.toContain('_bracket');
  });

  it('groups and periods count each slice by bracket', () => {
    const { json } = report([BRACKETS, '--by', 'channel', '--period', 'week']);
    const chat = json.groups.find((g: { by: string; key: string }) => g.by === 'channel' && g.key === 'chat');
    // Chat: 1004 (8-24 hrs), 1008 (0-1 hrs); every bracket of the file is listed, empty ones with 0, so slices line up
    expect(chat.metrics.frt.details.brackets.map((b: { label: string; count: number }) => [b.label, b.count])).toEqual([['0-1 hrs', 1], ['1-8 hrs', 0], ['8-24 hrs', 1], ['>24 hrs', 0]]);
    // ISO week of 2026-11-02 (Mon) … 11-08: every ticket
    expect(json.periods[0].metrics.frt.details.bracketStats.measured).toBe(7);
  });

  // Found by the option fuzzer (issue #16): every group and period had the whole file's resolved 6, unresolved 2,
  // unanswered 1 — a day with no ticket too (`report fixtures/zendesk-explore.csv --by agent --period week`).
  it("ticket volume's resolved, unresolved and unanswered are each slice's own, from its brackets", () => {
    const { json } = report([BRACKETS, '--by', 'channel', '--period', 'day', '--quiet']);
    const volume = (by: string, key: string) => json.groups.find((g: { by: string; key: string }) => g.by === by && g.key === key).metrics.ticket_volume;
    // chat: 1004 (5-24 hrs), 1008 (0-5 hrs) — both solved, both answered
    expect(volume('channel', 'chat')).toMatchObject({ value: 2, details: { resolved: 2, unresolved: 0, unanswered: 0 } });
    // email: 1001, 1003 (No replies, Unsolved), 1005, 1007
    expect(volume('channel', 'email')).toMatchObject({ value: 4, details: { resolved: 3, unresolved: 1, unanswered: 1 } });
    // web form: 1002, 1006 (Unsolved, answered after >24 hrs)
    expect(volume('channel', 'web form')).toMatchObject({ value: 2, details: { resolved: 1, unresolved: 1, unanswered: 0 } });
    // days: Nov 2 holds 1001, 1002; Nov 3 holds 1003 and 1004; Nov 7 none
    const day = (start: string) => json.periods.find((p: { start: string }) => p.start === start).metrics.ticket_volume;
    expect(day('2026-11-02T00:00:00.000Z')).toMatchObject({ value: 2, details: { resolved: 2, unresolved: 0, unanswered: 0 } });
    expect(day('2026-11-03T00:00:00.000Z')).toMatchObject({ value: 2, details: { resolved: 1, unresolved: 1, unanswered: 1 } });
    expect(day('2026-11-05T00:00:00.000Z')).toMatchObject({ value: 1, details: { resolved: 0, unresolved: 1, unanswered: 0 } });
  });

  it('a window holding only the brackets file of a set read with exact times: counted by bracket, none left "not measured" beside them', () => {
    // [start, Nov 3): 1001 and 1002 of the brackets file, both answered and solved. Before: resolved 2 + unresolved 0 +
    // resolutionNotMeasured 2 (and firstResponseNotMeasured 2) for 2 tickets.
    const { json } = report([BRACKETS, MINUTES, '--until', '2026-11-03', '--by', 'agent', '--quiet']);
    expect(json.metrics.ticket_volume).toMatchObject({ value: 2, details: { resolved: 2, unresolved: 0, unanswered: 0 } });
    expect(json.metrics.ticket_volume.details).not.toHaveProperty('resolutionNotMeasured');
    expect(json.metrics.ticket_volume.details).not.toHaveProperty('firstResponseNotMeasured');
    expect(json.groups.map((g: { key: string; metrics: { ticket_volume: { value: number; details: object } } }) => [g.key, g.metrics.ticket_volume.value, g.metrics.ticket_volume.details])).toEqual([
      ['Anna Ivanova', 1, { resolved: 1, unresolved: 0, unanswered: 0 }],
      ['Ben Carter', 1, { resolved: 1, unresolved: 0, unanswered: 0 }],
    ]);
  });
});

describe('Zendesk Explore with exact measures: 12.00000000000000000000 minutes', () => {
  it('reads the minutes, merges tag rows, rejects a repeated id whose times differ', () => {
    const result = runBin(['report', MINUTES, '--tz', 'Europe/Berlin', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    // 7 rows: 2001 ×2 and 2004 ×2 (same times: merged), 2002 again with a later solve (rejected)
    expect(json.inputs[0]).toEqual(expect.objectContaining({ rows: 7, accepted: 4, rejected: 1, merged: 2 }));
    expect(result.stderr).toContain(`${MINUTES}:8:1: id "2002" repeats the ticket id of line 4 (the first is kept)`);
    const { frt, art } = json.metrics;
    // FRT 12, 3, 95 min = 720, 180, 5700 s: mean 6600/3 = 2200; median 720; p90 h = 1.8 → 720 + 0.8·4980 = 4704
    expect(frt.value).toBe(2200);
    expect(frt.details).toEqual(expect.objectContaining({ count: 3, median: 720, p90: 4704, unanswered: 1, withinTarget: 2 / 3 }));
    expect(frt.details.brackets).toBeUndefined();
    // ART 120, 1440, 300 min = 7200, 86400, 18000 s: mean 37200; < 4 h: 1 of 3
    expect(art.value).toBe(37_200);
    expect(art.details).toEqual(expect.objectContaining({ count: 3, median: 18_000, unresolved: 1, withinTarget: 1 / 3 }));
  });

  it('outside the Explore preset a repeated id with the same times is still a duplicate (SPEC §4)', () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'id,created_at,first_response_minutes\n7,2026-11-02 10:00,5\n7,2026-11-02 10:00,5\n8,2026-11-02 11:00,10\n');
    const result = runBin(['report', file, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).inputs[0]).toEqual(expect.objectContaining({ rows: 3, accepted: 2, rejected: 1, merged: 0 }));
  });
});

describe('Zendesk Explore metric headers with their aggregator: MIN(First reply time (hrs)), AVG(… (days))', () => {
  it('reads a ticket\'s aggregate as its value, in the unit inside the brackets; COUNT(…) is no time', () => {
    const result = runBin(['report', AGGREGATORS, '--tz', 'Europe/Berlin', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    // 5 rows: 3001 twice (billing, refund: the same times, merged)
    expect(json.inputs[0]).toEqual(expect.objectContaining({ preset: 'zendesk-explore', rows: 5, accepted: 4, merged: 1, rejected: 0 }));
    const columns = Object.fromEntries(json.inputs[0].columns.map((c: { field: string; header: string; format: string }) => [c.field, [c.header, c.format]]));
    expect(columns.first_response_minutes).toEqual(['MIN(First reply time (hrs))', 'hours']);
    expect(columns.resolution_minutes).toEqual(['AVG(Full resolution time (days))', 'days']);
    const { frt, art } = json.metrics;
    // FRT 0.2, 1.5, 4 h = 720, 5400, 14400 s (3003 unanswered): mean 20520/3 = 6840; median 5400;
    // p90 h = 0.9·2 = 1.8 → 5400 + 0.8·(14400 − 5400) = 12600; < 15 min: 720 only → 1/3.
    // Read from COUNT(First reply time (min)) instead, every FRT would be 1 min = 60 s.
    expect(frt.value).toBe(6840);
    expect(frt.details).toEqual(expect.objectContaining({ count: 3, median: 5400, p90: 12_600, min: 720, max: 14_400, unanswered: 1, withinTarget: 1 / 3 }));
    // ART 0.5, 2, 0.125 days = 43200, 172800, 10800 s: mean 226800/3 = 75600; median 43200;
    // p90 h = 1.8 → 43200 + 0.8·(172800 − 43200) = 146880; < 4 h: 10800 only → 1/3
    expect(art.value).toBe(75_600);
    expect(art.details).toEqual(expect.objectContaining({ count: 3, median: 43_200, p90: 146_880, unresolved: 1, withinTarget: 1 / 3 }));
  });
});
