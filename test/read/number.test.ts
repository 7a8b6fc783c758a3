import { describe, expect, it } from 'vitest';
import { durationParser, durationUnitFromHeader } from '../../src/read/duration.js';
import { detectDecimalSeparator, numberParser, parseNumberText } from '../../src/read/number.js';

const run = (parser: (b: Buffer, s: number, e: number) => number, text: string) => {
  const b = Buffer.from(text, 'utf8');
  return parser(b, 0, b.length);
};

describe('numbers', () => {
  it('reads plain numbers on the fast path exactly like parseFloat', () => {
    const dot = numberParser('.');
    expect(run(dot, '12')).toBe(12);
    expect(run(dot, '-0.1')).toBe(-0.1);
    expect(run(dot, '1234.56')).toBe(1234.56);
    expect(run(dot, ' 7 ')).toBe(7);
    // Zendesk Explore measures: more than 15 digits take the general path
    expect(run(dot, '1.00000000000000000000')).toBe(1);
  });

  it('reads grouping, currency, percent and comma decimals', () => {
    expect(parseNumberText('1,234.56', '.')).toBe(1234.56);
    expect(parseNumberText('1 234,56', ',')).toBe(1234.56);
    expect(parseNumberText('1.234,56', ',')).toBe(1234.56);
    expect(parseNumberText('1\u00a0234,5 ₽', ',')).toBe(1234.5);
    expect(parseNumberText('$1,606,880', '.')).toBe(1606880);
    expect(parseNumberText('USD 12.5', '.')).toBe(12.5);
    expect(parseNumberText('12%', '.')).toBe(0.12);
    expect(parseNumberText('(10.00)', '.')).toBe(-10);
    expect(run(numberParser(','), '4,5')).toBe(4.5);
  });

  it('rejects what is not a number', () => {
    expect(parseNumberText('abc', '.')).toBeNaN();
    expect(parseNumberText('12abc', '.')).toBeNaN();
    expect(parseNumberText('1,23,4', '.')).toBeNaN();
    expect(parseNumberText('1900-01-03', '.')).toBeNaN();
  });

  it('detects the decimal separator of a column', () => {
    expect(detectDecimalSeparator(['12', '4,5'])).toBe(',');
    expect(detectDecimalSeparator(['1.234,56'])).toBe(',');
    expect(detectDecimalSeparator(['1,234.56'])).toBe('.');
    expect(detectDecimalSeparator(['1,234', '12'])).toBe('.');
  });
});

describe('durations', () => {
  it('takes the unit from the header', () => {
    expect(durationUnitFromHeader('First reply time in minutes within business hours')).toBe('minutes');
    expect(durationUnitFromHeader('Time to close (seconds)')).toBe('seconds');
    expect(durationUnitFromHeader('Resolution time (in hrs)')).toBe('hours');
    expect(durationUnitFromHeader('Close In Min')).toBe('minutes');
    expect(durationUnitFromHeader('Время ответа, мин')).toBe('minutes');
    expect(durationUnitFromHeader('Satisfaction')).toBeNull();
  });

  it('reads one-letter units only as a whole bracket or after a comma, and German abbreviations (found by a trial)', () => {
    expect(durationUnitFromHeader('First reply time (s)')).toBe('seconds');
    expect(durationUnitFromHeader('Время решения (ч)')).toBe('hours');
    expect(durationUnitFromHeader('Время ответа, с')).toBe('seconds');
    expect(durationUnitFromHeader('Reaktionszeit (Std.)')).toBe('hours');
    expect(durationUnitFromHeader('Lösungszeit in Minuten')).toBe('minutes');
    expect(durationUnitFromHeader('Antwortzeit (Sek.)')).toBe('seconds');
    // A letter of a word is no unit: "Resolution Time", "Time to close" name none.
    expect(durationUnitFromHeader('Resolution Time')).toBeNull();
    expect(durationUnitFromHeader('Time to close')).toBeNull();
    expect(durationUnitFromHeader('Hours (billable)')).toBe('hours');
  });

  it('reads a clock followed by its unit word, as Zoho Desk writes it: 00:35 hrs = 2100 s', () => {
    expect(run(durationParser('hours', numberParser('.')), '00:35 hrs')).toBe(2100);
    expect(run(durationParser('hours', numberParser('.')), '26:05 h')).toBe(93_900);
  });

  it('converts to seconds, and reads HH:MM:SS with hours above 24', () => {
    expect(run(durationParser('minutes', numberParser('.')), '12.5')).toBe(750);
    expect(run(durationParser('hours', numberParser('.')), '1,5'.replace(',', '.'))).toBe(5400);
    expect(run(durationParser('hours', numberParser('.')), '26:30:15')).toBe(26 * 3600 + 30 * 60 + 15);
    expect(run(durationParser('minutes', numberParser('.')), 'soon')).toBeNaN();
  });
});

describe('money as ad platforms write it', () => {
  it("Google Ads' US$129.95 and \"US$1,000.05\", CA$ and A$ prefixes", () => {
    expect(parseNumberText('US$129.95', '.')).toBe(129.95);
    expect(parseNumberText('US$1,000.05', '.')).toBe(1000.05);
    expect(parseNumberText('CA$12.50', '.')).toBe(12.5);
    expect(parseNumberText('A$7', '.')).toBe(7);
  });
});
