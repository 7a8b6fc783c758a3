/**
 * XML character data read straight from a part's UTF-8 bytes: only the spans a reader keeps (a cell's `<v>`, an
 * inline string's `<t>`) are decoded, never the chunk around them.
 *
 * References are decoded as htmlparser2 decodes them in XML mode (its `entities` package, strict): the five named
 * ones (`&amp; &lt; &gt; &quot; &apos;`) and `&#10;` / `&#x1F600;`, each only with its `;`; anything else (`&nbsp;`,
 * `&amp` without `;`, a lone `&`) is kept as written. So a sheet reads the same through the byte scanner
 * (xlsx-sheet-scanner.ts) as through the htmlparser2 path kept for UTF-16 parts (xlsx-sheet-rows.ts).
 *
 * One difference: a numeric reference of more than MAX_REFERENCE_DIGITS digits (`&#` and 40 zeros, then `65;`) is
 * kept as written, where htmlparser2 reads it. The scanner reads a long text a chunk at a time and carries an `&` not
 * yet decided into the next one; unbounded, such a reference was carried (copied, searched) again with every chunk.
 */

const AMPERSAND = 0x26;
const HASH = 0x23;
const SEMICOLON = 0x3b;

/** The most digits a numeric reference has: `&#1114111;` has 7, and 32 leaves room for zeros in front. */
export const MAX_REFERENCE_DIGITS = 32;

/** bytes[start, end) as text: UTF-8 decoded, references replaced. */
export function xmlText(bytes: Buffer, start: number, end: number): string {
  let at = start;
  while (at < end && bytes[at] !== AMPERSAND) at++;
  // Most values and strings hold no reference: one native decode (V8/simdutf take ASCII fast).
  if (at === end) return bytes.toString('utf8', start, end);
  let text = '';
  let plainFrom = start;
  while (at < end) {
    const character = referenceAt(bytes, at, end);
    if (character === null) {
      at++; // a literal `&`: stays in the plain run
    } else {
      text += bytes.toString('utf8', plainFrom, at) + character;
      at = referenceEnd;
      plainFrom = at;
    }
    while (at < end && bytes[at] !== AMPERSAND) at++;
  }
  return text + bytes.toString('utf8', plainFrom, end);
}

/** bytes[start, end) contains an `&`: an attribute value that needs xmlText before it is read as bytes. */
export function hasReference(bytes: Buffer, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (bytes[at] === AMPERSAND) return true;
  return false;
}

/** Where the reference found by the last referenceAt call ends (after its `;`). */
let referenceEnd = 0;

/** The character the reference at bytes[at] (an `&`) stands for, or null when it is not one. */
function referenceAt(bytes: Buffer, at: number, end: number): string | null {
  let p = at + 1;
  if (p < end && bytes[p] === HASH) {
    p++;
    let codePoint = 0;
    let digits = 0;
    if (p < end && (bytes[p]! | 0x20) === 0x78) {
      // `&#x…;`
      for (p++; p < end && digits < MAX_REFERENCE_DIGITS; p++, digits++) {
        const c = bytes[p]!;
        const lower = c | 0x20;
        if (c >= 0x30 && c <= 0x39) codePoint = codePoint * 16 + (c - 0x30);
        else if (lower >= 0x61 && lower <= 0x66) codePoint = codePoint * 16 + (lower - 0x57);
        else break;
      }
    } else {
      for (; p < end && digits < MAX_REFERENCE_DIGITS; p++, digits++) {
        const c = bytes[p]!;
        if (c < 0x30 || c > 0x39) break;
        codePoint = codePoint * 10 + (c - 0x30);
      }
    }
    if (digits === 0 || p >= end || bytes[p] !== SEMICOLON) return null;
    referenceEnd = p + 1;
    return String.fromCodePoint(replaceCodePoint(codePoint));
  }
  // The five names of XML; the longest, `quot` and `apos`, end by p + 4.
  let semicolon = p;
  while (semicolon < end && semicolon < p + 5 && bytes[semicolon] !== SEMICOLON) semicolon++;
  if (semicolon >= end || bytes[semicolon] !== SEMICOLON) return null;
  const character = NAMED[bytes.toString('latin1', p, semicolon)];
  if (character === undefined) return null;
  referenceEnd = semicolon + 1;
  return character;
}

const NAMED: Readonly<Record<string, string | undefined>> = Object.assign(Object.create(null) as Record<string, string>, {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
});

/**
 * What htmlparser2 puts for a numeric reference: U+FFFD for 0, a surrogate or beyond U+10FFFF, and for 0x80–0x9F the
 * Windows-1252 character (HTML's rule, which its XML mode applies too: `&#150;` is "–"). Kept so that both sheet
 * paths, and this reader before and after the byte scanner, give the same text.
 */
function replaceCodePoint(codePoint: number): number {
  if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff || codePoint === 0) return 0xfffd;
  if (codePoint >= 0x80 && codePoint <= 0x9f) return WINDOWS_1252_C1[codePoint - 0x80] || codePoint;
  return codePoint;
}

/** 0x80–0x9F in Windows-1252; 0 where it has no character (the code point is kept). */
const WINDOWS_1252_C1 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
