import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

/**
 * Readers that do not trip on real files (issue 9, item 5), on the built bin: a Jira Cloud export whose quoted,
 * multi-line comment cells hold `;` (`date;author id;body`) is read as the `,` file it is, and with `--delimiter ,` the
 * header is the row of names, not a data row whose `Medium` matches the `channel` alias.
 */
describe('Jira exports: delimiter and header row', () => {
  it('validate: sniffed ",", header on line 1, 6 rows (36 physical lines, 12 multi-line comments)', () => {
    const result = runBin(['validate', 'fixtures/jira-issues.csv', '--format', 'json', '--map', 'id=Issue key', '--map', 'created_at=Created']);
    expect(result.code).toBe(0);
    const file = JSON.parse(result.stdout).files[0];
    expect(file).toMatchObject({ ok: true, kind: 'tickets', format: 'csv', encoding: 'utf-8', delimiter: ',', headerLine: 1, rows: 6 });
    // The 67 columns of the header, each where Jira writes it: `Issue key` 2nd, `Created` 22nd, five `Comment`s last.
    expect(file.columns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'id', header: 'Issue key', column: 2, via: 'map' }),
        expect.objectContaining({ field: 'created_at', header: 'Created', column: 22, via: 'map' }),
        expect.objectContaining({ field: 'priority', header: 'Priority', column: 14 }),
      ]),
    );
    expect(file.columns.length + file.unusedHeaders.length).toBe(67);
    expect(file.unusedHeaders.slice(-5)).toEqual(['Comment', 'Comment_1', 'Comment_2', 'Comment_3', 'Comment_4']);
    expect(file.accepted + file.rejected + file.skipped).toBe(6);
    // Each rejection (if any) is on a record's first line, not inside a comment: records start on lines 2, 12, 20, 26, 30, 35.
    for (const rejection of file.rejections.first) expect([2, 12, 20, 26, 30, 35]).toContain(rejection.line);
  });

  it('report --delimiter ",": the Spanish header is the header, not the first row with "Medium" (read by the jira preset)', () => {
    const result = runBin(['report', 'fixtures/jira-issues-es.csv', '--delimiter', ',', '--tz', 'Europe/Madrid', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const input = JSON.parse(result.stdout).inputs[0];
    // Header on line 1 (67 names), so the ids and dates come from the Spanish columns, never from a data row.
    expect(input).toMatchObject({ preset: 'jira', headerLine: 1, rows: 6, accepted: 6 });
    expect(input.columns.length + input.unusedHeaders.length).toBe(67);
    expect(input.columns.find((c: { field: string }) => c.field === 'id')).toMatchObject({ header: 'Clave de incidencia', column: 2 });
    expect(input.unusedHeaders).not.toContain('Medium');
  });

  it('validate --delimiter "," with the Spanish names mapped: header on line 1, 6 rows', () => {
    const result = runBin(['validate', 'fixtures/jira-issues-es.csv', '--delimiter', ',', '--format', 'json', '--map', 'id=Clave de incidencia', '--map', 'created_at=Creada']);
    expect(result.code).toBe(0);
    const file = JSON.parse(result.stdout).files[0];
    expect(file).toMatchObject({ ok: true, kind: 'tickets', delimiter: ',', headerLine: 1, rows: 6 });
    expect(file.columns).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'id', header: 'Clave de incidencia', column: 2 }), expect.objectContaining({ field: 'created_at', header: 'Creada', column: 22 })]));
  });
});
