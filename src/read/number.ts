/**
 * Numbers as exports write them (SPEC §3): `1234.56`, `1,234.56`, `1 234,56`, `1.234,56`, currency signs and codes,
 * `12%`. The decimal separator is decided per column (detectDecimalSeparator) or by `--decimal`.
 */
export type DecimalSeparator = '.' | ',';

/** Parses bytes [start, end) to a number; NaN when it is not one. Plain ASCII numbers take a fast path. */
export type NumberParser = (bytes: Buffer, start: number, end: number) => number;

const ZERO = 0x30;
/** 10^k for k ≤ 22 is exact in a double, so mantissa / 10^k is correctly rounded — the same as parseFloat. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** `decode` turns the slow path's bytes into text in the file's encoding (currency signs are not ASCII). */
export function numberParser(decimal: DecimalSeparator, decode: (bytes: Buffer, start: number, end: number) => string = (b, s, e) => b.toString('utf8', s, e)): NumberParser {
  const decimalByte = decimal.charCodeAt(0);
  return (bytes, start, end) => {
    // Fast path: [-]digits[<decimal>digits], at most 15 significant digits.
    let p = start;
    while (p < end && bytes[p] === 0x20) p++;
    let q = end;
    while (q > p && bytes[q - 1] === 0x20) q--;
    let negative = false;
    if (p < q && bytes[p] === 0x2d) {
      negative = true;
      p++;
    }
    let mantissa = 0;
    let digits = 0;
    let fractionDigits = -1;
    let i = p;
    for (; i < q; i++) {
      const c = bytes[i]!;
      const d = c - ZERO;
      if (d >= 0 && d <= 9) {
        mantissa = mantissa * 10 + d;
        digits++;
        if (fractionDigits >= 0) fractionDigits++;
      } else if (c === decimalByte && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        break;
      }
    }
    if (i === q && digits > 0 && digits <= 15) {
      const value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits]! : mantissa;
      return negative ? -value : value;
    }
    return parseNumberText(decode(bytes, start, end), decimal);
  };
}

/** Currency signs and ISO codes that may stand before or after an amount. */
const CURRENCY = /^(?:(?:US|CA|AU|A|NZ|HK|R|C|MX)\$|[$€£¥₽₴₸]|руб\.?|р\.|USD|EUR|GBP|RUB|UAH|KZT|BYN|CHF|PLN|CZK|SEK|NOK|DKK|CAD|AUD|BRL|INR|JPY|CNY)\s*|\s*(?:[$€£¥₽₴₸]|руб\.?|р\.|USD|EUR|GBP|RUB|UAH|KZT|BYN|CHF|PLN|CZK|SEK|NOK|DKK|CAD|AUD|BRL|INR|JPY|CNY)$/giu;

/** The general parser: grouping (comma, dot, space, NBSP, apostrophe), currency, percent (as a fraction), parentheses. */
export function parseNumberText(text: string, decimal: DecimalSeparator): number {
  let s = text.trim();
  if (s === '') return Number.NaN;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true; // accounting negatives: (1,234.00)
    s = s.slice(1, -1).trim();
  }
  s = s.replace(CURRENCY, '').trim();
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  const grouping = decimal === '.' ? ',' : '.';
  if (!/^\d[\d.,]*$/.test(s) && !/^[.,]\d+$/.test(s)) return Number.NaN;
  if (s.includes(grouping)) {
    // Grouping must come in threes: 1,234,567.89
    const [integer, ...rest] = s.split(decimal);
    // Groups of three after a first group of 1–3 digits that does not start with 0 (`0,125` is not 125).
    if (rest.length > 1 || !/^[1-9]\d{0,2}(?:[.,]\d{3})*$/.test(integer!) || integer!.includes(decimal)) return Number.NaN;
    s = integer!.split(grouping).join('') + (rest.length ? '.' + rest[0] : '');
  } else if (decimal === ',') {
    s = s.replace(',', '.');
  }
  if ((s.match(/\./g) ?? []).length > 1) return Number.NaN;
  const value = Number(s) * (percent ? 0.01 : 1);
  return Number.isFinite(value) ? (negative ? -value : value) : Number.NaN;
}

/**
 * What one value says about its column's decimal separator: `,` or `.` when it decides (`4,5`, `1 234,56`, `1.234,56`,
 * `0,125`, `1,234,567`, `4.5`), `ambiguous` for a lone group of three (`1,234`, `2.500`: a thousands separator or a
 * decimal one), null when it has no separator at all.
 */
export function decimalEvidence(raw: string): DecimalSeparator | 'ambiguous' | null {
  const s = raw.trim();
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma < 0 && lastDot < 0) return null;
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? ',' : '.';
  const separator = lastComma >= 0 ? ',' : '.';
  const other: DecimalSeparator = separator === ',' ? '.' : ',';
  if (s.indexOf(separator) !== s.lastIndexOf(separator)) return other; // `1,234,567`: groups, so the decimal is the other
  const after = s.slice(s.lastIndexOf(separator) + 1).match(/^\d*/)![0];
  if (after.length !== 3) return separator;
  if (/^[-−]?0[.,]/.test(s)) return separator; // `0,125`: a group never starts with 0
  return /\d/.test(s.slice(0, s.lastIndexOf(separator))) ? 'ambiguous' : separator;
}

/**
 * The decimal separator of a column from its sample values: the first value that decides (decimalEvidence); a dot
 * when none does.
 */
export function detectDecimalSeparator(samples: readonly string[]): DecimalSeparator {
  for (const raw of samples) {
    const evidence = decimalEvidence(raw);
    if (evidence === ',' || evidence === '.') return evidence;
  }
  return '.';
}
