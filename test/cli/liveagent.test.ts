import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const FIXTURE = 'fixtures/liveagent-tickets.csv';

function report(args: string[]) {
  const result = runBin(['report', ...args, '--tz', 'UTC', '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return { json: JSON.parse(result.stdout), stderr: result.stderr };
}

// The fixture's tickets (UTC), Status code → what it means:
//   R resolved   FRT 600   ART 3600      A answered  FRT 1800
//   X deleted    (skipped)               B spam      (skipped)
//   N new        unanswered              L closed    FRT 300   ART 7200
//   C open       FRT 1200                B spam      (skipped)
describe('LiveAgent ticket export (preset liveagent)', () => {
  it('is recognised by its one-letter Status codes; deleted (X) and spam (B) tickets are skipped and counted by reason', () => {
    const { json, stderr } = report([FIXTURE]);
    const input = json.inputs[0];
    // rows 8 = 5 accepted + 3 skipped (1 deleted, 2 spam)
    expect(input).toMatchObject({ preset: 'liveagent', rows: 8, accepted: 5, rejected: 0, skipped: 3, merged: 0 });
    expect(input.skipRows).toEqual([
      { header: 'Status', values: ['X'], reason: 'deleted', skipped: 1 },
      { header: 'Status', values: ['B'], reason: 'spam', skipped: 2 },
    ]);
    expect(stderr).toContain('fixtures/liveagent-tickets.csv: read with the liveagent preset: its "Status" holds only that export\'s codes ("R", "A", "X", "B", "N", "L")');
    const { ticket_volume: volume, frt, art } = json.metrics;
    expect(volume.value).toBe(5);
    // FRT (600 + 1800 + 300 + 1200)/4 = 3900/4 = 975 s (with the deleted ticket's 60 s it would be 792); N unanswered
    expect(frt.value).toBe(975);
    expect(frt.details).toMatchObject({ count: 4, unanswered: 1, median: 900 });
    // ART (3600 + 7200)/2 = 5400 s
    expect(art.value).toBe(5400);
  });

  it('--preset liveagent reads it the same, without the guess', () => {
    const { json, stderr } = report([FIXTURE, '--preset', 'liveagent']);
    expect(json.inputs[0]).toMatchObject({ preset: 'liveagent', accepted: 5, skipped: 3 });
    expect(json.metrics.frt.value).toBe(975);
    expect(stderr).not.toContain('read with the liveagent preset');
  });

  it('validate lists each skip rule with the rows it took', () => {
    const result = runBin(['validate', FIXTURE, '--tz', 'UTC']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('  skips rows whose "Status" is "X" (deleted): 1 row\n');
    expect(result.stdout).toContain('  skips rows whose "Status" is "B" (spam): 2 rows\n');
    expect(result.stdout).toContain('  rows 8: 5 accepted, 0 rejected, 3 skipped, 0 merged\n');
  });

  it('a file whose Status holds words, or too few codes, is not taken for LiveAgent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-liveagent-'));
    const words = join(dir, 'words.csv');
    writeFileSync(words, 'Id,Status,Created at\n1,Open,2026-11-02 09:00\n2,Closed,2026-11-02 10:00\n3,A,2026-11-02 11:00\n');
    expect(report([words]).json.inputs[0]).toMatchObject({ preset: null, accepted: 3, skipped: 0 });
    // Two filled codes are no evidence (three are needed): read generically, the B row counted
    const few = join(dir, 'few.csv');
    writeFileSync(few, 'Id,Status,Created at\n1,A,2026-11-02 09:00\n2,,2026-11-02 10:00\n3,B,2026-11-02 11:00\n');
    expect(report([few]).json.inputs[0]).toMatchObject({ preset: null, accepted: 3, skipped: 0 });
  });
});
