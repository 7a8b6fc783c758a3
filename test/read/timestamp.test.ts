import { describe, expect, it } from 'vitest';
import { detectTimestampFormat, parseTimestampText, UNSET } from '../../src/read/timestamp.js';
import { UTC, Zone } from '../../src/read/zone.js';

const iso = (s: string) => Date.parse(s);

describe('timestamp parsers', () => {
  it('reads ISO with and without offset, Zendesk "+hhmm", fractions and date-only', () => {
    expect(parseTimestampText('2026-11-02T14:05:09Z', 'iso', UTC)).toBe(iso('2026-11-02T14:05:09Z'));
    // Zendesk: 14:05:09 at +01:00 is 13:05:09 UTC
    expect(parseTimestampText('2026-11-02 14:05:09 +0100', 'iso', UTC)).toBe(iso('2026-11-02T13:05:09Z'));
    expect(parseTimestampText('2026-11-02T14:05:09.250-03:30', 'iso', UTC)).toBe(iso('2026-11-02T17:35:09.250Z'));
    expect(parseTimestampText('2026-11-02 14:05', 'iso', UTC)).toBe(iso('2026-11-02T14:05:00Z'));
    expect(parseTimestampText('2026-11-02', 'iso', UTC)).toBe(iso('2026-11-02T00:00:00Z'));
    expect(parseTimestampText(' 2026-11-02 14:05:09 ', 'iso', UTC)).toBe(iso('2026-11-02T14:05:09Z'));
  });

  it('reads the fixed-width forms by position with the same results, and still rejects junk in them', () => {
    expect(parseTimestampText('2026-11-02T14:05:09+01:00', 'iso', UTC)).toBe(iso('2026-11-02T13:05:09Z'));
    expect(parseTimestampText('2026-11-02 14:05:09 -0330', 'iso', UTC)).toBe(iso('2026-11-02T17:35:09Z'));
    expect(parseTimestampText('2026-11-02 14:05:09', 'iso', new Zone('Europe/Moscow'))).toBe(iso('2026-11-02T11:05:09Z'));
    expect(parseTimestampText('2026-1x-02 14:05:09', 'iso', UTC)).toBeNaN();
    expect(parseTimestampText('2026-11-02 14:05:09 +01x0', 'iso', UTC)).toBeNaN();
    expect(parseTimestampText('2026-11-31 14:05:09 +0100', 'iso', UTC)).toBeNaN();
    expect(parseTimestampText('0x.11.2026 10:00:00', 'dmy-dotted', UTC)).toBeNaN();
    expect(parseTimestampText('29.02.2028 10:00:00', 'dmy-dotted', UTC)).toBe(iso('2028-02-29T10:00:00Z'));
  });

  it('rejects impossible dates and junk', () => {
    expect(parseTimestampText('2026-02-30 10:00', 'iso', UTC)).toBeNaN();
    expect(parseTimestampText('2026-11-02 25:00', 'iso', UTC)).toBeNaN();
    expect(parseTimestampText('not-a-date', 'iso', UTC)).toBeNaN();
    expect(parseTimestampText('31.11.2026 10:00:00', 'dmy-dotted', UTC)).toBeNaN();
  });

  it('treats Zendesk 1900-01-01 00:00:00 as unset', () => {
    expect(parseTimestampText('1900-01-01 00:00:00', 'iso', UTC)).toBe(UNSET);
  });

  it('reads DD.MM.YYYY HH:mm[:ss] in Moscow time (UTC+3, no DST)', () => {
    const moscow = new Zone('Europe/Moscow');
    expect(parseTimestampText('02.11.2026 10:00:00', 'dmy-dotted', moscow)).toBe(iso('2026-11-02T07:00:00Z'));
    expect(parseTimestampText('02.11.2026 10:00', 'dmy-dotted', moscow)).toBe(iso('2026-11-02T07:00:00Z'));
    expect(parseTimestampText('02.11.2026', 'dmy-dotted', moscow)).toBe(iso('2026-11-01T21:00:00Z'));
  });

  it('reads slash dates month-first or day-first, 12-hour clocks and two-digit years', () => {
    expect(parseTimestampText('11/02/2026 2:05:09 pm', 'mdy-slash', UTC)).toBe(iso('2026-11-02T14:05:09Z'));
    expect(parseTimestampText('11/02/2026 12:30 AM', 'mdy-slash', UTC)).toBe(iso('2026-11-02T00:30:00Z'));
    expect(parseTimestampText('12/25/25 20:18', 'mdy-slash', UTC)).toBe(iso('2025-12-25T20:18:00Z'));
    expect(parseTimestampText('02/11/2026 14:05', 'dmy-slash', UTC)).toBe(iso('2026-11-02T14:05:00Z'));
  });

  it('reads Unix seconds and milliseconds', () => {
    expect(parseTimestampText('1762092309', 'unix-s', UTC)).toBe(1762092309000);
    expect(parseTimestampText('1762092309123', 'unix-ms', UTC)).toBe(1762092309123);
  });

  it('is correct across DST changes (Europe/Berlin, 2026)', () => {
    const berlin = new Zone('Europe/Berlin');
    // Before the spring change (CET, +1) and after it (CEST, +2): 29 March 2026 at 02:00 local.
    expect(parseTimestampText('2026-03-29 01:30', 'iso', berlin)).toBe(iso('2026-03-29T00:30:00Z'));
    expect(parseTimestampText('2026-03-29 03:30', 'iso', berlin)).toBe(iso('2026-03-29T01:30:00Z'));
    // 02:30 does not exist: read with the offset before the gap (+1) → 01:30 UTC
    expect(parseTimestampText('2026-03-29 02:30', 'iso', berlin)).toBe(iso('2026-03-29T01:30:00Z'));
    // 25 October 2026, 02:30 happens twice: the first (CEST, +2) is taken → 00:30 UTC
    expect(parseTimestampText('2026-10-25 02:30', 'iso', berlin)).toBe(iso('2026-10-25T00:30:00Z'));
    expect(parseTimestampText('2026-10-25 03:30', 'iso', berlin)).toBe(iso('2026-10-25T02:30:00Z'));
    // An explicit offset ignores the zone.
    expect(parseTimestampText('2026-07-01 12:00 +0000', 'iso', berlin)).toBe(iso('2026-07-01T12:00:00Z'));
  });
});

describe('detectTimestampFormat', () => {
  it('picks the format that reads the column', () => {
    expect(detectTimestampFormat(['2026-11-02 14:05:09 +0100', '', '2026-11-03 09:00:00 +0100'], UTC)).toEqual({ format: 'iso', ambiguousSlash: false });
    expect(detectTimestampFormat(['02.11.2026 10:00:00', '03.11.2026 01:30:00'], UTC)?.format).toBe('dmy-dotted');
    expect(detectTimestampFormat(['1762092309', '1762092400'], UTC)?.format).toBe('unix-s');
    expect(detectTimestampFormat(['hello', 'world'], UTC)).toBeNull();
  });

  it('resolves slash dates per column: a first part above 12 anywhere means day-first', () => {
    expect(detectTimestampFormat(['03/04/2026 10:00', '25/04/2026 10:00'], UTC)).toEqual({ format: 'dmy-slash', ambiguousSlash: false });
    expect(detectTimestampFormat(['03/04/2026 10:00', '04/25/2026 10:00'], UTC)).toEqual({ format: 'mdy-slash', ambiguousSlash: false });
    expect(detectTimestampFormat(['03/04/2026 10:00', '04/05/2026 10:00'], UTC)).toEqual({ format: 'mdy-slash', ambiguousSlash: true });
  });
});

describe('dates with month names (Google Ads reports)', () => {
  it('reads Thu, 5 Feb 2026 / Feb 5, 2026 / 5 February 2026 14:05, and refuses what is not a date', () => {
    const feb5 = Date.UTC(2026, 1, 5);
    expect(parseTimestampText('Thu, 5 Feb 2026', 'month-name', UTC)).toBe(feb5);
    expect(parseTimestampText('Feb 5, 2026', 'month-name', UTC)).toBe(feb5);
    expect(parseTimestampText('5 February 2026 14:05', 'month-name', UTC)).toBe(feb5 + 14 * 3_600_000 + 5 * 60_000);
    expect(parseTimestampText('30 Feb 2026', 'month-name', UTC)).toBeNaN();
    expect(parseTimestampText('5 Febuary 2026', 'month-name', UTC)).toBeNaN();
    expect(detectTimestampFormat(['Thu, 5 Feb 2026', 'Fri, 6 Feb 2026'], UTC)?.format).toBe('month-name');
  });
});

describe('Jira dates: dd/MMM/yy h:mm a with the month in the user language (issue #15)', () => {
  const jira = (text: string, zone = UTC) => parseTimestampText(text, 'dmy-month-abbr', zone);

  it('reads Spanish and English month names, 12-hour clocks, two- and four-digit years', () => {
    expect(jira('18/jul/26 9:10 AM')).toBe(iso('2026-07-18T09:10:00Z'));
    expect(jira('18/Jul/26 9:10 AM')).toBe(iso('2026-07-18T09:10:00Z'));
    expect(jira('15/Jul/26 11:48 PM')).toBe(iso('2026-07-15T23:48:00Z'));
    // 12 AM is midnight, 12 PM noon
    expect(jira('01/ene/27 12:05 AM')).toBe(iso('2027-01-01T00:05:00Z'));
    expect(jira('01/dic/26 12:05 PM')).toBe(iso('2026-12-01T12:05:00Z'));
    expect(jira('3/ago/2026 14:30')).toBe(iso('2026-08-03T14:30:00Z'));
    expect(jira('18/jul/26 9:10 p. m.')).toBe(iso('2026-07-18T21:10:00Z'));
    expect(jira('18/jul/26 9:10 a.m.')).toBe(iso('2026-07-18T09:10:00Z'));
    expect(jira('18/jul/26')).toBe(iso('2026-07-18T00:00:00Z'));
  });

  it('reads Portuguese, French, German, Italian and Russian abbreviations, with a dot or a capital', () => {
    expect(jira('05/fev/26 10:00 AM')).toBe(iso('2026-02-05T10:00:00Z'));
    expect(jira('05/out/26 10:00 AM')).toBe(iso('2026-10-05T10:00:00Z'));
    expect(jira('05/juil./26 10:00')).toBe(iso('2026-07-05T10:00:00Z'));
    expect(jira('05/févr./26 10:00')).toBe(iso('2026-02-05T10:00:00Z'));
    expect(jira('05/Mär/26 10:00')).toBe(iso('2026-03-05T10:00:00Z'));
    expect(jira('05/Okt/26 10:00')).toBe(iso('2026-10-05T10:00:00Z'));
    expect(jira('05/giu/26 10:00')).toBe(iso('2026-06-05T10:00:00Z'));
    expect(jira('05/июл./26 10:00')).toBe(iso('2026-07-05T10:00:00Z'));
    expect(jira('05/Нояб/26 10:00')).toBe(iso('2026-11-05T10:00:00Z'));
  });

  it('refuses what is not a date: an unknown month, a day past the month, 13 PM', () => {
    for (const text of ['18/xyz/26 9:10 AM', '31/jun/26 9:10 AM', '18/jul/26 13:10 PM', '18/jul/6 9:10', 'jul/18/26', '']) expect(jira(text)).toBeNaN();
  });

  it('is read in --tz (Jira writes the user profile zone, no offset) and detected from a column sample', () => {
    // 9:10 in Madrid in July (CEST, +02:00) is 07:10 UTC
    expect(jira('18/jul/26 9:10 AM', new Zone('Europe/Madrid'))).toBe(iso('2026-07-18T07:10:00Z'));
    expect(detectTimestampFormat(['18/jul/26 9:02 AM', '17/jul/26 4:31 PM', ''], UTC)).toEqual({ format: 'dmy-month-abbr', ambiguousSlash: false });
  });
});
