import { describe, expect, it } from 'vitest';
import { runBin } from './run-bin.js';

describe('command-line conventions (issue #14)', () => {
  it('a bare support-metrics prints its help and exits 2', () => {
    const result = runBin([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: support-metrics \[options\] \[command\]/);
  });

  it('every error starts with the tool name, option errors too; choices in any case', () => {
    const unknown = runBin(['report', 'fixtures/zendesk-tickets.csv', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("support-metrics: unknown option '--bogus' (run with --help for usage)\n");
    const period = runBin(['report', 'fixtures/zendesk-tickets.csv', '--period', 'year']);
    expect(period.code).toBe(2);
    expect(period.stderr).toBe('support-metrics: --period "year" is not one of day, week, month\n');
    expect(runBin(['report', 'fixtures/zendesk-tickets.csv', '--period', 'WEEK', '--format', 'JSON', '--quiet']).code).toBe(0);
  });

  it('two outputs naming one file are refused before anything is written (exit 2)', () => {
    const result = runBin(['report', 'fixtures/zendesk-tickets.csv', '--details', 'same.csv', '--out', 'same.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('support-metrics: --out same.csv and --details same.csv name the same file; give each its own path\n');
  });

  it('--help of report and validate shows defaults, exit codes and three worked examples', () => {
    for (const command of ['report', 'validate']) {
      const help = runBin([command, '--help']).stdout;
      expect(help).toMatch(/\(default: "UTC"\)/);
      expect(help).toMatch(/Exit codes: 0 /);
      expect(help.split('\n').filter((l) => l.startsWith(`  support-metrics ${command} `))).toHaveLength(3);
    }
  });
});
