import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

const zendesk = resolve('fixtures/zendesk-tickets.csv');

describe('the config file and init (issue #13)', () => {
  it('init writes a commented starter config and refuses to overwrite it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-init-'));
    expect(runBin(['init'], {}, undefined, dir)).toMatchObject({ code: 0 });
    expect(JSON.parse(readFileSync(join(dir, 'support-metrics.config.json'), 'utf8'))).toMatchObject({ benchmark: 'saas', targets: { 'frt[channel=chat]': '<= 90s' } });
    const again = runBin(['init'], {}, undefined, dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('support-metrics: support-metrics.config.json exists already; edit it, or remove it to start again\n');
  });

  it("the working folder's config gives defaults and targets, global and scoped; the command line wins", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-config-'));
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify({ '// note': 'comments are keys starting with //', timezone: 'Europe/Berlin', targets: { frt: '< 20 min', 'frt[channel=chat]': '<= 5 min' }, by: ['team'] }));
    const report = JSON.parse(runBin(['report', zendesk, '--format', 'json', '--quiet'], {}, undefined, dir).stdout);
    expect(report.window.timezone).toBe('Europe/Berlin');
    // The config's global FRT target replaces the profile's < 15 min: FRT 1011.4 s (16m 51s) is now met
    expect(report.metrics.frt).toMatchObject({ status: 'met', target: { text: '< 20 min', source: 'support-metrics.config.json' } });
    // by: team from the config, plus the chat group its scoped target needs (chat tickets 1003, 1007: 8 and 12 min)
    const keys = report.groups.map((g: { by: string; key: string }) => `${g.by}=${g.key}`);
    expect(keys).toContain('team=Support');
    const chat = report.groups.find((g: { by: string; key: string }) => g.by === 'channel' && g.key === 'chat');
    expect(chat.metrics.frt.target.text).toBe('<= 5 min');
    // Command-line options override the config
    const overridden = JSON.parse(runBin(['report', zendesk, '--tz', 'UTC', '--by', 'agent', '--format', 'json', '--quiet'], {}, undefined, dir).stdout);
    expect(overridden.window.timezone).toBe('UTC');
    expect(overridden.groups.some((g: { by: string }) => g.by === 'team')).toBe(false);
  });

  it('errors name the JSON path and what was expected (exit 2, one line)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-config-bad-'));
    const cases: [object, string][] = [
      [{ targets: { frt: 'fast' } }, 'targets.frt: target "fast" is not a comparison'],
      [{ by: ['channel', 'mood'] }, 'by[1]: Invalid option: expected one of "channel"|"agent"|"team"|"priority"|"category"'],
      [{ targets: { 'frt[colour=red]': '< 5 min' } }, 'targets["frt[colour=red]"]: expected a metric id, or metric[field=value] such as frt[channel=chat]'],
      [{ timezones: 'UTC' }, '(the file): Unrecognized key: "timezones"'],
    ];
    for (const [config, message] of cases) {
      const file = join(dir, 'config.json');
      writeFileSync(file, JSON.stringify(config));
      const result = runBin(['report', zendesk, '--config', file]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(message);
    }
  });
});

describe('config mistakes that would make a gate that never fails (found by a new user, issue #13)', () => {
  const run = (config: object) => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-config-bad-'));
    writeFileSync(join(dir, 'support-metrics.config.json'), JSON.stringify(config));
    return runBin(['report', zendesk], {}, undefined, dir);
  };
  it('a misspelt metric, a share above 1 and an unknown zone each stop the run with the JSON path (exit 2)', () => {
    const speed = run({ targets: { speed: '<= 90s' } });
    expect(speed.code).toBe(2);
    expect(speed.stderr).toMatch(/targets\.speed: "speed" is not a metric/);
    const share = run({ targets: { repeat_contact_rate: '<= 25' } });
    expect(share.code).toBe(2);
    expect(share.stderr).toMatch(/targets\.repeat_contact_rate: "<= 25" is not a share .*"<= 25%"/);
    expect(run({ targets: { repeat_contact_rate: '<= 25%' } }).code).toBe(0);
    const zone = run({ timezone: 'Berlin' });
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/timezone: "Berlin" is not a time zone/);
    expect(zone.stderr).not.toMatch(/--tz/);
  });
});
