import iconv from 'iconv-lite';

/** The one-byte encodings a file that is not UTF-8 is told apart among (SPEC §3; issue #11). */
export type LegacyEncoding = 'windows-1251' | 'windows-1252' | 'macintosh';

/**
 * Which one-byte encoding a head that is not valid UTF-8 is in: Windows-1251 (Russian Excel, old Bitrix24 installs),
 * Windows-1252 (Western Excel on Windows) or Mac Roman (older SurveyMonkey and Excel-for-Mac files).
 *
 * Russian text writes whole words in bytes ≥ 0x80, so most of its high bytes stand beside another one; Western text
 * puts one accented letter or curly quote between ASCII letters. Between the two Western encodings, each high byte is
 * decoded both ways and scored: a lower-case accented letter inside a word or a typographic mark (’ “ ” – … •) is
 * plausible; an upper-case letter after a lower-case one (`donÕt`), a control code or a maths sign is not.
 */
export function detectLegacyEncoding(head: Uint8Array): LegacyEncoding {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i]! < 0x80) continue;
    high++;
    if ((i > 0 && head[i - 1]! >= 0x80) || (i + 1 < head.length && head[i + 1]! >= 0x80)) paired++;
  }
  if (high === 0) return 'windows-1252';
  if (paired * 2 > high) return 'windows-1251';
  return plausibility(head, 'macintosh') > plausibility(head, 'windows-1252') ? 'macintosh' : 'windows-1252';
}

const LOWER_LETTER = /^[a-zß-öø-ÿœ]$/;
const ACCENTED_LOWER = /^[ß-öø-ÿœ]$/;
const UPPER_LETTER = /^[A-ZÀ-ÖØ-ÞŒ]$/;
const TYPOGRAPHIC = new Set(['’', '‘', '“', '”', '–', '—', '…', '•', '€', '£', '©', '®', '°', '«', '»']);

/** How plausible the head's high bytes are when decoded in `encoding`: the sum of a score per high byte. */
function plausibility(head: Uint8Array, encoding: LegacyEncoding): number {
  const table = decodeTable(encoding);
  let score = 0;
  for (let i = 0; i < head.length; i++) {
    const byte = head[i]!;
    if (byte < 0x80) continue;
    const char = table[byte - 0x80]!;
    const before = i > 0 ? charOf(table, head[i - 1]!) : ' ';
    if (ACCENTED_LOWER.test(char)) score += LOWER_LETTER.test(before) || /\s|^$/.test(before) ? 2 : 1;
    else if (TYPOGRAPHIC.has(char)) score += 3; // `don’t`: above an accented letter, which `donít` would also be
    else if (UPPER_LETTER.test(char)) score += LOWER_LETTER.test(before) ? -2 : 1;
    else score -= 2; // controls, undefined bytes, maths signs (√ ∞ ≠), rare symbols
  }
  return score;
}

function charOf(table: string[], byte: number): string {
  return byte < 0x80 ? String.fromCharCode(byte) : table[byte - 0x80]!;
}

const tables = new Map<LegacyEncoding, string[]>();

/** The 128 characters of bytes 0x80–0xFF in `encoding`. */
function decodeTable(encoding: LegacyEncoding): string[] {
  let table = tables.get(encoding);
  if (table === undefined) {
    const bytes = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
    table = [...iconv.decode(bytes, encoding)];
    tables.set(encoding, table);
  }
  return table;
}
