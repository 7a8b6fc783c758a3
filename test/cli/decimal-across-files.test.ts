import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

/**
 * Several files of one data set settle a field's decimal separator together: a file whose amounts are all like
 * `1,250` (a thousands separator or a decimal one?) takes the separator another file of the same kind and preset
 * proves for the same field, with a note, instead of its own default and a warning.
 */
const dir = mkdtempSync(join(tmpdir(), 'sm-decimal-cli-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const SEQUENTIAL = { SUPPORT_METRICS_PARALLEL_MIN_BYTES: '1000000000000' };

function report(args: string[], env: Record<string, string> = SEQUENTIAL) {
  const result = runBin(['report', ...args, '--tz', 'UTC', '--format', 'json'], env);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('spend files of one data set: CAC', () => {
  for (const delimiter of [';', ','] as const) {
    // The proving file writes the separators one way; the other file's "1,250" / "1.250" could be either.
    const proving = delimiter === ';' ? ['1,234.56', '2,000.00'] : ['"1.234,56"', '"2.000,00"'];
    const undecided = delimiter === ';' ? ['1,250', '2,500'] : ['1.250', '2.500'];
    const decimal = delimiter === ';' ? '.' : ',';
    it(`"${undecided.join('", "')}" in a "${delimiter}" file read as thousands, as the other --spend file proves (decimal "${decimal}")`, () => {
      const d = delimiter;
      const a = write(`proving${d === ';' ? '-semi' : '-comma'}.csv`, `date${d}amount${d}new_customers\n2026-01-05${d}${proving[0]}${d}4\n2026-01-20${d}${proving[1]}${d}6\n`);
      const b = write(`undecided${d === ';' ? '-semi' : '-comma'}.csv`, `date${d}amount${d}new_customers\n2026-02-03${d}${undecided[0]}${d}5\n2026-02-17${d}${undecided[1]}${d}5\n`);
      for (const order of [[a, b], [b, a]]) {
        const { report: r, stderr } = report(order.flatMap((f) => ['--spend', f]));
        // Marketing spend 1234.56 + 2000 + 1250 + 2500 = 6984.56; new customers 4 + 6 + 5 + 5 = 20; CAC 6984.56 / 20 = 349.228.
        // (Before: the undecided file read 1.25 and 2.5, spend 3238.31 and CAC 161.9155.)
        expect(r.metrics.cac.details).toMatchObject({ marketingSpend: 6984.56, salesSpend: 0, newCustomers: 20 });
        expect(r.metrics.cac.value).toBeCloseTo(349.228, 9);
        expect(r.warnings.filter((w: string) => w.includes('decimal or a thousands separator'))).toEqual([]);
        expect(stderr).toContain(
          `support-metrics: note: ${b}: column "amount" has values like ${JSON.stringify(undecided[0])} and none that shows whether "${d === ';' ? ',' : '.'}" is a decimal or a thousands separator; read with "${decimal}" as the decimal as ${a} of the same data set proves (${JSON.stringify(proving[0]!.replaceAll('"', ''))})`,
        );
        const column = r.inputs[order.indexOf(b)].columns.find((c: { field: string }) => c.field === 'amount');
        expect(column.format).toBe(`money, decimal ${decimal === '.' ? 'dot' : 'comma'} (as ${a} proves)`);
      }
    });
  }

  it('alone, the undecided file keeps its guess and the warning', () => {
    const b = write('alone.csv', 'date;amount;new_customers\n2026-02-03;1,250;5\n2026-02-17;2,500;5\n');
    const { report: r } = report(['--spend', b]);
    // A ;-file: decimal comma assumed, 1.25 + 2.5 = 3.75 over 10 customers = 0.375.
    expect(r.metrics.cac.details).toMatchObject({ marketingSpend: 3.75, newCustomers: 10 });
    expect(r.metrics.cac.value).toBe(0.375);
    expect(r.warnings).toContain(`${b}: column "amount" has values like "1,250" and none that shows whether "," is a decimal or a thousands separator; read with "," as the decimal (as in the ;-separated files of locales with a decimal comma); pass --decimal to say`);
  });

  it('--decimal still wins', () => {
    const a = write('option-a.csv', 'date;amount;new_customers\n2026-01-05;1.234,56;4\n2026-01-06;100;1\n');
    const b = write('option-b.csv', 'date;amount;new_customers\n2026-02-03;1,250;5\n');
    // --decimal .: "1.234,56" is no number (rejected); "1,250" is 1250: (100 + 1250) / (1 + 5) = 225.
    const { report: r } = report(['--spend', a, '--spend', b, '--decimal', '.']);
    expect(r.inputs.map((i: { rejected: number }) => i.rejected)).toEqual([1, 0]);
    expect(r.metrics.cac.details).toMatchObject({ marketingSpend: 1350, newCustomers: 6 });
    expect(r.metrics.cac.value).toBe(225);
  });

  it('a file read in two halves, the second by the helper thread, reads it with the settled separator', () => {
    // The undecided file first (its helper is the one started before planning) and large enough to be split.
    const rows = Array.from({ length: 2000 }, (_, i) => `2026-02-${String((i % 28) + 1).padStart(2, '0')};${i % 2 === 0 ? '1,250' : '2,500'};1`);
    const big = write('big-undecided.csv', `date;amount;new_customers\n${rows.join('\n')}\n`);
    const a = write('big-proving.csv', 'date;amount;new_customers\n2026-01-05;1,234.56;4\n2026-01-20;2,000.00;6\n');
    const args = ['--spend', big, '--spend', a];
    const parallel = runBin(['report', ...args, '--tz', 'UTC', '--format', 'json'], { SUPPORT_METRICS_PARALLEL_MIN_BYTES: '1', SUPPORT_METRICS_TIMING: '1' });
    expect(parallel.code, parallel.stderr).toBe(0);
    expect(parallel.stderr).toContain('part start (worker)');
    const r = JSON.parse(parallel.stdout);
    // 1000 × 1250 + 1000 × 2500 + 1234.56 + 2000 = 3,753,234.56; customers 2000 + 10 = 2010; CAC = 1867.28087…
    expect(r.metrics.cac.details).toMatchObject({ marketingSpend: 3_753_234.56, newCustomers: 2010 });
    expect(r.metrics.cac.value).toBeCloseTo(3_753_234.56 / 2010, 6);
    expect(parallel.stdout).toBe(runBin(['report', ...args, '--tz', 'UTC', '--format', 'json'], SEQUENTIAL).stdout);
  });
});

describe('subscriptions and tickets', () => {
  it('MRR: "1.490" beside a file of "49,00" is 1490', () => {
    const a = write('subs-a.csv', 'customer_id,started_at,mrr\na,2026-01-01,"49,00"\nc,2026-01-01,"1.490,00"\n');
    const b = write('subs-b.csv', 'customer_id,started_at,mrr\nb,2026-01-01,1.490\n');
    const { report: r } = report(['--subscriptions', a, '--subscriptions', b, '--until', '2026-03-01']);
    // Active at 2026-03-01: 49 + 1490 + 1490 = 3029 (before: 49 + 1490 + 1.49 = 1540.49).
    expect(r.metrics.mrr).toMatchObject({ value: 3029, details: { activeCustomers: 3 } });
    expect(r.warnings.filter((w: string) => w.includes('decimal or a thousands separator'))).toEqual([]);
  });

  it('FRT: Zendesk "First reply time in minutes" of "2,250" beside "1,5" is 2.25 minutes', () => {
    const header = 'Id,Via,Created at,Solved at,First reply time in minutes\n';
    const a = write('zendesk-a.csv', `${header}1,Mail,2026-01-05 10:00:00,,"1,5"\n`);
    const b = write('zendesk-b.csv', `${header}2,Mail,2026-01-06 10:00:00,,"2,250"\n3,Mail,2026-01-06 11:00:00,,"3,750"\n`);
    const { report: r } = report([a, b]);
    // 1.5, 2.25 and 3.75 min = 90, 135 and 225 s: mean 150 s (before: 2250 and 3750 min, mean (90 + 135,000 + 225,000) / 3 = 120,030 s).
    expect(r.metrics.frt).toMatchObject({ value: 150, details: { count: 3, median: 135, min: 90, max: 225 } });
    expect(r.warnings.filter((w: string) => w.includes('decimal or a thousands separator'))).toEqual([]);
  });
});

describe('validate plans the files together, as report reads them, and reads each alone', () => {
  it('shows the separator a column takes from another file, where from, and the note', () => {
    const a = write('validate-a.csv', 'date;amount\n2026-01-05;1,234.56\n');
    const b = write('validate-b.csv', 'date;amount\n2026-02-03;1,250\n');
    const missing = join(dir, 'validate-missing.csv');
    const text = runBin(['validate', b, missing, a, '--tz', 'UTC']);
    // The missing file is said and exits 2; the others are still settled together.
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`    amount  ← column 2 "amount" (alias), money, decimal dot (as ${a} proves)\n`);
    expect(text.stdout).toContain(`  note: ${b}: column "amount" has values like "1,250" and none that shows whether "," is a decimal or a thousands separator; read with "." as the decimal as ${a} of the same data set proves ("1,234.56")\n`);
    expect(text.stdout).not.toContain('warning:');
    const json = JSON.parse(runBin(['validate', b, a, '--tz', 'UTC', '--format', 'json']).stdout);
    expect(json.files[0].columns.find((c: { field: string }) => c.field === 'amount').format).toBe(`money, decimal dot (as ${a} proves)`);
    expect(json.files[0].warnings).toEqual([]);
    expect(json.files[1].columns.find((c: { field: string }) => c.field === 'amount').format).toBe('money');
  });

  it('alone, the guess is shown as one, with its warning', () => {
    const b = write('validate-alone.csv', 'date;amount\n2026-02-03;1,250\n');
    const json = JSON.parse(runBin(['validate', b, '--tz', 'UTC', '--format', 'json']).stdout);
    expect(json.files[0].columns.find((c: { field: string }) => c.field === 'amount').format).toBe('money, decimal comma (assumed)');
    expect(json.files[0].warnings).toEqual([expect.stringContaining('read with "," as the decimal (as in the ;-separated files')]);
  });

  it('slash dates too: a file whose days never pass 12 is shown day-first when another proves it', () => {
    const first = write('validate-slash-1.csv', 'ticket_id,created_at\n1,01/02/2026 10:00\n');
    const second = write('validate-slash-2.csv', 'ticket_id,created_at\n2,13/02/2026 10:00\n');
    const json = JSON.parse(runBin(['validate', first, second, '--tz', 'UTC', '--format', 'json']).stdout);
    expect(json.files[0].columns.find((c: { field: string }) => c.field === 'created_at').format).toBe(json.files[1].columns.find((c: { field: string }) => c.field === 'created_at').format);
    expect(json.files[0].columns.find((c: { field: string }) => c.field === 'created_at').format).toMatch(/^DD\/MM\/YYYY/);
    expect(json.files[0].notes).toContain(`${first}: the slash dates of "created_at" never show a day above 12; read day-first (DD/MM/YYYY) as ${second} of the same data set proves`);
    // Read alone each: no duplicate across them is looked for, each counts its own rows.
    expect(json.files.map((f: { accepted: number }) => f.accepted)).toEqual([1, 1]);
  });
});
