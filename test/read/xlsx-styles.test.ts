import { describe, expect, it } from 'vitest';
import { dateStyleOfFormat, DateStyle } from '../../src/read/xlsx-styles.js';

describe('dateStyleOfFormat', () => {
  it('reads formats with a day or a year, or a month alone, as dates', () => {
    for (const format of ['yyyy-mm-dd hh:mm:ss', 'dd.mm.yyyy', 'd/m/yy', 'mmm yy', 'mmmm', 'DD.MM.YYYY', '[$-409]d mmm yyyy;@', '[$-F800]dddd, mmmm dd, yyyy']) {
      expect(dateStyleOfFormat(format), format).toBe(DateStyle.Date);
    }
  });

  it('reads formats with hours, minutes or seconds only as times, elapsed-time brackets included', () => {
    for (const format of ['h:mm', 'hh:mm:ss AM/PM', 'mm:ss', '[h]:mm:ss', '[mm]:ss', '[ss]', '[Red][h]:mm']) {
      expect(dateStyleOfFormat(format), format).toBe(DateStyle.Time);
    }
  });

  it('reads quoted text, escapes, spacing, fills and colour or locale brackets as no date part', () => {
    for (const format of ['General', '0', '@', '0" days"', '"Date: "0', '0.0\\h', '#,##0.00_);[Red](#,##0.00)', '* #,##0_s', '[$€-407] #,##0.00', '[>=100]0;0.0']) {
      expect(dateStyleOfFormat(format), format).toBe(DateStyle.None);
    }
  });
});
