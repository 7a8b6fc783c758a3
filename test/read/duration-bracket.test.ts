import { describe, expect, it } from 'vitest';
import { parseDurationBracket } from '../../src/read/duration-bracket.js';

describe('parseDurationBracket: the labels Zendesk Explore writes (Metrics and attributes for Zendesk Support)', () => {
  it('first reply time brackets, with the leading space of the export', () => {
    expect(parseDurationBracket(' No replies')).toBe('none');
    // 0-1 hrs = [0, 3600) s; 1-8 hrs = [3600, 28800); 8-24 hrs = [28800, 86400); >24 hrs = [86400, ∞)
    expect(parseDurationBracket(' 0-1 hrs')).toEqual({ fromSeconds: 0, toSeconds: 3600 });
    expect(parseDurationBracket('1-8 hrs')).toEqual({ fromSeconds: 3600, toSeconds: 28_800 });
    expect(parseDurationBracket(' 8-24 hrs')).toEqual({ fromSeconds: 28_800, toSeconds: 86_400 });
    expect(parseDurationBracket('>24 hrs')).toEqual({ fromSeconds: 86_400, toSeconds: null });
    expect(parseDurationBracket('24+ hrs')).toEqual({ fromSeconds: 86_400, toSeconds: null });
  });

  it('full resolution time brackets: hours and days, Unsolved', () => {
    expect(parseDurationBracket('0-5 hrs')).toEqual({ fromSeconds: 0, toSeconds: 18_000 });
    // 1-7 days = [86400, 604800); 7-30 days = [604800, 2592000); >30 days open
    expect(parseDurationBracket('1-7 days')).toEqual({ fromSeconds: 86_400, toSeconds: 604_800 });
    expect(parseDurationBracket('7-30 days')).toEqual({ fromSeconds: 604_800, toSeconds: 2_592_000 });
    expect(parseDurationBracket('>30 days')).toEqual({ fromSeconds: 2_592_000, toSeconds: null });
    expect(parseDurationBracket(' Unsolved')).toBe('none');
  });

  it('messaging brackets in minutes, lower-case "no replies", and "<" brackets', () => {
    expect(parseDurationBracket('3-10 mins')).toEqual({ fromSeconds: 180, toSeconds: 600 });
    expect(parseDurationBracket('>10 mins')).toEqual({ fromSeconds: 600, toSeconds: null });
    expect(parseDurationBracket('no replies')).toBe('none');
    expect(parseDurationBracket('<1 hr')).toEqual({ fromSeconds: 0, toSeconds: 3600 });
  });

  it('labels that name no range are not guessed', () => {
    expect(parseDurationBracket('Very slow')).toBeNull();
    expect(parseDurationBracket('8-24')).toBeNull(); // no unit
    expect(parseDurationBracket('5-1 hrs')).toBeNull(); // empty range
    expect(parseDurationBracket('2 fortnights+')).toBeNull();
  });
});
