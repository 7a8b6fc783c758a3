import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * A small, seeded version of the option fuzzer of issue #16 ("no run ends in a stack trace; every run exits 0, 1 or 2
 * with a one-line message naming the file"): random combinations of report options over the shipped fixtures, each run
 * checked for what must hold whatever the options. The full fuzzer (thousands of runs, determinism and cross-format
 * checks) found the bugs whose regression tests sit beside their features; this keeps a few dozen runs in CI.
 */

const BIN = fileURLToPath(new URL('../../bin/support-metrics.js', import.meta.url));
const SEED = 16;
const RUNS = 30;
const dir = mkdtempSync(join(tmpdir(), 'sm-option-fuzz-'));

const INPUTS: readonly (readonly string[])[] = [
  ['fixtures/zendesk-tickets.csv'],
  ['fixtures/zendesk-tickets.csv', 'fixtures/surveys.csv'],
  ['fixtures/tickets-plain.csv', 'fixtures/surveys-long.csv'],
  ['fixtures/zendesk-explore.csv'],
  ['fixtures/zendesk-explore.csv', 'fixtures/zendesk-explore-minutes.csv'],
  ['fixtures/bitrix24-openlines.xls'],
  ['fixtures/freshdesk-tickets.xls', 'fixtures/freshdesk-excel-resave.csv'],
  ['fixtures/intercom-conversations.csv', 'fixtures/intercom-csat.csv'],
  ['fixtures/tickets-business-hours.csv'],
  ['fixtures/tickets-repeat-contacts.csv'],
  ['fixtures/zammad-tickets.xls'],
  ['fixtures/stripe-subscriptions.csv', 'fixtures/spend-hand-2026.csv'],
  ['fixtures/subscriptions.csv', 'fixtures/spend-ru.csv'],
  ['fixtures/finance.csv'],
];
const WINDOWS: readonly (readonly string[])[] = [
  [],
  ['--window', '2026-11'],
  ['--window', '2026-W45'],
  ['--window', '2026-03'],
  ['--since', '2026-11-02', '--until', '2026-11-09'],
  ['--since', '2026-10-24', '--until', '2026-10-27'],
  ['--since', '2026-11-02 09:00', '--until', '2026-11-02 09:01'],
  ['--since', '2026-11-30', '--until', '2026-11-01'],
  ['--until', '2026-11-04'],
];

const option = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
const commandLine = fc
  .record({
    inputs: fc.constantFrom(...INPUTS),
    window: fc.constantFrom(...WINDOWS),
    tz: option(fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham')),
    by: option(fc.constantFrom('channel', 'agent', 'team,priority', 'channel,agent,category', 'channel', 'customer')),
    period: option(fc.constantFrom('day', 'week', 'month')),
    compare: fc.constantFrom(false, false, true),
    benchmark: option(fc.constantFrom('saas', 'business-services', 'ecommerce', 'technology')),
    businessHours: fc.boolean(),
    scale: option(fc.constantFrom('csat=1-7', 'ces=1-7:higher-better', 'csat=1-10', 'nps=1-5')),
    repeatWindow: option(fc.constantFrom('0', '1', '30', '365', '366')),
    currency: option(fc.constantFrom('USD', 'RUB')),
    failOnMiss: fc.boolean(),
    strict: fc.constantFrom(false, false, false, true),
    details: option(fc.constantFrom('details.csv', 'details.xlsx')),
    out: option(fc.constantFrom('report.json', 'report.html', 'report.xlsx', 'report.md', 'report.xml')),
  })
  .map((o) => {
    const args = ['report', ...o.inputs, ...o.window];
    if (o.tz !== undefined) args.push('--tz', o.tz);
    if (o.by !== undefined) args.push('--by', o.by);
    if (o.period !== undefined) args.push('--period', o.period);
    if (o.compare) args.push('--compare', 'previous');
    if (o.benchmark !== undefined) args.push('--benchmark', o.benchmark);
    if (o.businessHours) args.push('--business-hours', '--config', 'fixtures/business-calendar.config.json');
    if (o.scale !== undefined) args.push('--scale', o.scale);
    if (o.repeatWindow !== undefined) args.push('--repeat-window', o.repeatWindow);
    if (o.currency !== undefined) args.push('--currency', o.currency);
    if (o.failOnMiss) args.push('--fail-on-miss');
    if (o.strict) args.push('--strict');
    return { args, details: o.details, out: o.out };
  });

interface Metric {
  id: string;
  unit: string;
  value: number | null;
  status: string;
  target: { text: string; source: string } | null;
  details: Record<string, unknown> & { reason?: string; responses?: number; count?: number; ci95?: [number, number] | null };
}
type Metrics = Record<string, Metric>;

/** Counts that a slice (group, period) holds part of: never more than the whole, and the slices of one --by add up. */
const COUNT: Record<string, (m: Metric) => unknown> = {
  ticket_volume: (m) => m.value,
  frt: (m) => m.details.count,
  art: (m) => m.details.count,
  csat: (m) => m.details.responses,
  csat_satisfied: (m) => m.details.responses,
  nps: (m) => m.details.responses,
  ces: (m) => m.details.responses,
};

function checkMetrics(where: string, metrics: Metrics): void {
  for (const m of Object.values(metrics)) {
    if (m.value === null) expect(m.details.reason ?? m.details.brackets, `${where}.${m.id}: null without a reason`).toBeDefined();
    else expect(Number.isFinite(m.value), `${where}.${m.id} = ${m.value}`).toBe(true);
    if (m.value !== null && m.unit === 'fraction') expect(m.value >= 0 && m.value <= 1, `${where}.${m.id} = ${m.value}`).toBe(true);
    if (m.value !== null && m.id === 'nps') expect(Math.abs(m.value) <= 100, `${where}.nps = ${m.value}`).toBe(true);
    if (m.id === 'ticket_volume' && typeof m.details.resolved === 'number') {
      const notMeasured = (m.details.resolutionNotMeasured as number | undefined) ?? 0;
      expect(m.details.resolved + (m.details.unresolved as number) + notMeasured, `${where}.ticket_volume resolved + unresolved`).toBe(m.value);
    }
  }
}

function checkReport(report: { inputs: Record<string, number>[]; metrics: Metrics; groups?: { by: string; key: string; metrics: Metrics }[]; periods?: { metrics: Metrics }[] }, by: string[]): void {
  for (const input of report.inputs) expect(input.rows, `rows of ${input.file}`).toBe(input.accepted! + input.rejected! + input.skipped! + input.merged!);
  checkMetrics('metrics', report.metrics);
  const sums = new Map<string, number>();
  const slices = [...(report.groups ?? []).map((g) => ({ name: `groups[${g.by}=${g.key}]`, by: g.by, metrics: g.metrics })), ...(report.periods ?? []).map((p, k) => ({ name: `periods[${k}]`, by: 'period', metrics: p.metrics }))];
  for (const slice of slices) {
    checkMetrics(slice.name, slice.metrics);
    for (const [id, count] of Object.entries(COUNT)) {
      const part = slice.metrics[id] === undefined ? undefined : count(slice.metrics[id]!);
      const whole = report.metrics[id] === undefined ? undefined : count(report.metrics[id]!);
      if (typeof part !== 'number' || typeof whole !== 'number') continue;
      expect(part, `${slice.name}.${id} exceeds the whole`).toBeLessThanOrEqual(whole);
      sums.set(`${slice.by}/${id}`, (sums.get(`${slice.by}/${id}`) ?? 0) + part);
    }
  }
  // Every row falls in one group of a --by field (`(none)` too) and in one period of the window
  for (const [key, sum] of sums) {
    const [field, id] = key.split('/') as [string, string];
    if (field !== 'period' && !by.includes(field)) continue; // a scoped target's group alone (chat) is a part
    expect(sum, `${key} over the slices`).toBe(COUNT[id]!(report.metrics[id]!));
  }
}

function gatedMissed(report: { metrics: Metrics; groups?: { metrics: Metrics }[] }): { missed: boolean; withData: boolean } {
  const own = (m: Metric) => {
    const headline = report.metrics[m.id]?.target;
    return m.target !== null && (headline === null || headline === undefined || headline.text !== m.target.text || headline.source !== m.target.source);
  };
  const gated = [...Object.values(report.metrics), ...(report.groups ?? []).flatMap((g) => Object.values(g.metrics).filter(own))].filter((m) => m.target !== null);
  return { missed: gated.some((m) => m.status === 'missed'), withData: gated.some((m) => m.status === 'met' || m.status === 'missed') };
}

describe('random report options over the fixtures (issue #16, seeded)', () => {
  const runs = fc.sample(commandLine, { seed: SEED, numRuns: RUNS });
  const statuses: (number | null)[] = [];

  it.each(runs.map((run, k) => [k, run] as const))('run %i: exit 0, 1 or 2, one line when 2, and a report that adds up', (k, run) => {
    const out = run.out === undefined ? undefined : join(dir, `${k}-${run.out}`);
    const details = run.details === undefined ? undefined : join(dir, `${k}-${run.details}`);
    const args = [...run.args, ...(details === undefined ? [] : ['--details', details]), ...(out === undefined ? ['--format', 'json'] : ['--out', out])];
    const started = performance.now();
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    const context = `support-metrics ${args.join(' ')}\n${result.stderr}`;
    statuses.push(result.status);
    expect(performance.now() - started, context).toBeLessThan(10_000);
    expect([0, 1, 2], context).toContain(result.status);
    expect(result.stderr, context).not.toMatch(/unexpected error|^\s+at .+:\d+:\d+\)?$/m);
    if (result.status === 2) {
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines[lines.length - 1], context).toMatch(/^support-metrics: /);
      return;
    }
    if (out !== undefined) {
      const written = readFileSync(out);
      if (out.endsWith('.xlsx')) expect(written.subarray(0, 4).toString('latin1'), context).toBe('PK\x03\x04');
      if (out.endsWith('.html')) expect(written.subarray(0, 15).toString('latin1').toLowerCase(), context).toBe('<!doctype html>');
      if (out.endsWith('.xml')) expect(written.subarray(0, 5).toString('latin1'), context).toBe('<?xml');
      if (!out.endsWith('.xlsx')) expect(written.toString('utf8'), context).not.toMatch(/\bNaN\b|\bInfinity\b|undefined/);
    }
    if (details !== undefined) expect(existsSync(details), context).toBe(true);
    const text = out === undefined ? result.stdout : out.endsWith('.json') ? readFileSync(out, 'utf8') : null;
    if (text === null) return;
    const report = JSON.parse(text);
    const by = run.args.includes('--by') ? run.args[run.args.indexOf('--by') + 1]!.split(',') : [];
    checkReport(report, by);
    // --fail-on-miss: 1 exactly when a gated target is missed or none has data; without it, never 1
    const gate = gatedMissed(report);
    expect(result.status, context).toBe(run.args.includes('--fail-on-miss') && (gate.missed || !gate.withData) ? 1 : 0);
  });

  it('the sample reaches reports as well as refusals (else the checks above check little)', () => {
    expect(statuses).toHaveLength(RUNS);
    expect(statuses.filter((s) => s === 0 || s === 1).length).toBeGreaterThanOrEqual(RUNS / 3);
    expect(statuses.filter((s) => s === 2).length).toBeGreaterThanOrEqual(1);
  });
});
