import { describe, expect, it } from 'vitest';
import { parseMonthText } from '../../src/read/month.js';
import { UTC, Zone } from '../../src/read/zone.js';

describe('months as finance sheets write them', () => {
  it('reads numeric, named and Russian months to the first of the month', () => {
    const jan = Date.UTC(2026, 0, 1);
    for (const text of ['2026-01', '2026-01-01', '2026.01', '01.2026', '1/2026', 'Jan 2026', 'January 2026', 'jan-26', 'Январь 2026', 'янв 2026', '2026 Jan', '01.01.2026']) {
      expect(parseMonthText(text, UTC), text).toBe(jan);
    }
    expect(parseMonthText('Февраль 2026 г.', UTC)).toBe(Date.UTC(2026, 1, 1));
    expect(parseMonthText('15.02.2026', UTC)).toBe(Date.UTC(2026, 1, 1));
  });

  it('is midnight of the first in --tz, and NaN for what names no month', () => {
    // 1 Jan 2026 00:00 in Moscow (+3) = 31 Dec 2025 21:00 UTC
    expect(parseMonthText('2026-01', new Zone('Europe/Moscow'))).toBe(Date.UTC(2025, 11, 31, 21));
    for (const text of ['2026-13', 'Smarch 2026', 'total', '', '12345']) expect(parseMonthText(text, UTC), text).toBeNaN();
  });
});
