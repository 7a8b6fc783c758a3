import { MAX_COLUMNS } from './markup-stream.js';
import { CellTooLarge } from './limits.js';
import type { SheetCell, SheetRow } from './source.js';
import { SharedStringTooLarge, sheetCellOf, type CellContext } from './xlsx-cell.js';
import { DateStyle } from './xlsx-styles.js';
import { hasReference, MAX_REFERENCE_DIGITS, xmlText } from './xlsx-xml-text.js';
import { ZipFormatError } from './zip-directory.js';

/**
 * A worksheet part's rows, scanned from its UTF-8 bytes as they are inflated: `<row r="3">`, `<c r="B3" s="5"
 * t="s">`, `<v>12</v>`, `<is><t>…</t></is>` are found by byte, attributes r, s, t are read from the bytes, and only
 * the text a cell keeps is decoded. Everything else (`<f>` formulas, `<cols>`, comments, the declaration) is stepped
 * over.
 *
 * Why not htmlparser2's Tokenizer, which still reads UTF-16 parts (xlsx-sheet-rows.ts): it needs each chunk decoded
 * to a JS string and visits every character through its state machine; on a 200,000-row sheet (92 MB of XML, 9.6
 * million tags) that was 1.7 s of a 3.6 s report, where this scan takes some 0.6 s. Here a chunk is never decoded,
 * and a cell like `<c r="B3" t="s"><v>12</v></c>` becomes its shared string without a string being made for "B3", "s"
 * or "12".
 *
 * The rules are those of the Tokenizer path, so the two read any sheet alike (test/read/xlsx-sheet-scanner.test.ts
 * checks it on random sheets cut at random bytes):
 * - a row's line is its `r`, else the row before's plus one; a cell's column is the letters of its `r`, else the
 *   column after the cell before;
 * - element names are compared without their prefix (`<x:row>`), attribute names as written;
 * - a cell's text is its `<v>`s, or its `<is>`'s `<t>` runs without the phonetic ones (`<rPh>`); CDATA is text;
 * - rows with no value are left out; a row's cells end at its last value, gaps are null;
 * - `</sheetData>` ends the scan.
 * Markup is read as the Tokenizer reads it in XML mode, quirks included: `<` before a space or `>` is text, a comment
 * ends at the first `-->` (`<!-->` is one), `<!…>` and `<?…>` end at the first `>`.
 *
 * A chunk's unfinished tail (a tag, a comment) is carried into the next chunk, as csv-tokenizer.ts does; a text that
 * runs on is read as far as it is certain (certainTextEnd), so a long cell is read once however many chunks it spans.
 */
export class WorksheetScanner {
  /** The current row's line; 0 before the first row. */
  private line = 0;
  /** The current row's cells; null outside a `<row>`. */
  private cells: SheetCell[] | null = null;
  private nextColumn = 0;

  private inCell = false;
  private column = 0;
  private type: string | undefined = undefined;
  private style = 0;
  /** The cell's `<v>` text or inline string, as written; '' while cellInteger holds it. */
  private cellText = '';
  /** A `<v>` of digits alone (no sign, no leading zero, at most 15) read as its number, its text being String(it). */
  private cellInteger = -1;
  private cellChars = 0;
  private inValue = false;

  private inInlineString = false;
  private inlineText = '';
  /** Inside an inline string's `<t>` that is not part of a phonetic run. */
  private inText = false;
  private phoneticDepth = 0;

  /** The last r, s and t attribute values of the tag being read (start -1: none); `&` in them needs decoding. */
  private rStart = -1;
  private rEnd = 0;
  private sStart = -1;
  private sEnd = 0;
  private tStart = -1;
  private tEnd = 0;

  /** A kept text's CDATA section runs on into the next chunk (its text so far is read). */
  private inCdata = false;

  private carry: Buffer | null = null;
  private sheetDataEnded = false;

  constructor(
    private readonly context: CellContext,
    private readonly partName: string,
    private readonly emit: (row: SheetRow) => void,
  ) {}

  /** `</sheetData>` was read: nothing after it is wanted. */
  get stopped(): boolean {
    return this.sheetDataEnded;
  }

  /** Scans the next chunk; every row it completes is emitted before this returns. */
  push(chunk: Buffer): void {
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const consumed = this.scan(bytes, false);
    this.carry = consumed < bytes.length && !this.sheetDataEnded ? bytes.subarray(consumed) : null;
    if (this.carry !== null && this.carry.length > MAX_PENDING_BYTES) this.runsOn();
  }

  /** The part has ended: text still open is read (rows still open are not complete and are not emitted). */
  end(): void {
    if (this.carry === null) return;
    const bytes = this.carry;
    this.carry = null;
    this.scan(bytes, true);
  }

  /** Scans markup and text from bytes[0]; returns where an unfinished tag or text begins (bytes.length if none). */
  private scan(bytes: Buffer, final: boolean): number {
    const n = bytes.length;
    let at = 0;
    if (this.inCdata) {
      at = this.cdataRest(bytes, final);
      if (this.inCdata) return at;
    }
    while (!this.sheetDataEnded) {
      let lt = at;
      while (lt < n && bytes[lt] !== LT) lt++;
      if (lt > at && (this.inValue || this.inText)) {
        if (lt === n && !final) {
          if (this.inCdata) return at; // the end of a CDATA section read so far: `]` or a character cut in two
          // The text goes on in the next chunk: what is certain of it is read now, and only a character or a
          // reference cut in two is carried. Carrying the whole text instead had it copied and searched again with
          // every chunk: a 10 MB cell took 8 s, a 20 MB one 29 s.
          const certain = certainTextEnd(bytes, at, n);
          if (certain > at) this.characters(bytes, at, certain);
          return certain;
        }
        this.characters(bytes, at, lt);
      }
      if (lt >= n) return n;
      const next = this.markup(bytes, lt, final);
      if (next < 0) return lt;
      at = next;
    }
    return at;
  }

  /**
   * The markup at bytes[lt] (a `<`): its effect applied, the position after it returned; -1 when it is not complete
   * in `bytes` (nothing is applied then: it is scanned again with the next chunk).
   */
  private markup(bytes: Buffer, lt: number, final: boolean): number {
    const n = bytes.length;
    const incomplete = final ? n : -1;
    if (lt + 1 >= n) return incomplete;
    const c = bytes[lt + 1]!;
    if (c === SLASH) {
      // `</v>` and `</c>`, four in five closing tags of a sheet, without the general path's loops.
      if (lt + 3 < n && bytes[lt + 3] === GT) {
        const name = bytes[lt + 2];
        if (name === 0x76 || name === 0x63) {
          this.close(name === 0x76 ? VALUE : CELL);
          return lt + 4;
        }
      }
      return this.closingTag(bytes, lt, final);
    }
    if (c === 0x76 && lt + 2 < n && bytes[lt + 2] === GT) {
      this.open(VALUE, bytes); // `<v>`, as plain as a tag gets
      return lt + 3;
    }
    if (c === BANG) return this.declaration(bytes, lt, final);
    if (c === QUESTION) return after(bytes, GT, lt + 2, incomplete);
    if (c === GT || isWhitespace(c)) {
      if (this.inValue || this.inText) this.text('<'); // not a tag: text, as the Tokenizer reads it
      return lt + 1;
    }
    // An open tag: its name ends at a space, `/` or `>`; the local name is what follows the first `:`.
    let p = lt + 1;
    let local = p;
    for (; p < n; p++) {
      const b = bytes[p]!;
      if (b === GT || b === SLASH || isWhitespace(b)) break;
      if (b === COLON && local === lt + 1) local = p + 1;
    }
    const kind = elementKind(bytes, local, p);
    this.rStart = this.sStart = this.tStart = -1;
    let selfClosing = false;
    for (;;) {
      if (p >= n) return incomplete;
      let b = bytes[p]!;
      if (b === GT) {
        p++;
        break;
      }
      if (b === SLASH) {
        // `/` then `>` (spaces between allowed) closes the element; anything else starts an attribute.
        p++;
        while (p < n && isWhitespace(bytes[p]!)) p++;
        if (p >= n) return incomplete;
        if (bytes[p] === GT) {
          selfClosing = true;
          p++;
          break;
        }
        continue;
      }
      if (isWhitespace(b)) {
        p++;
        continue;
      }
      const nameStart = p;
      while (p < n && (b = bytes[p]!) !== EQUALS && b !== GT && b !== SLASH && !isWhitespace(b)) p++;
      const nameEnd = p;
      while (p < n && isWhitespace(bytes[p]!)) p++;
      if (p >= n) return incomplete;
      let valueStart = p;
      let valueEnd = p; // no `=`: the value is ''
      if (bytes[p] === EQUALS) {
        p++;
        while (p < n && isWhitespace(bytes[p]!)) p++;
        if (p >= n) return incomplete;
        const quote = bytes[p]!;
        if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
          valueStart = ++p;
          while (p < n && bytes[p] !== quote) p++;
          if (p >= n) return incomplete;
          valueEnd = p++;
        } else {
          valueStart = p; // unquoted: up to a space or `>` (a `/` is part of it)
          while (p < n && (b = bytes[p]!) !== GT && !isWhitespace(b)) p++;
          if (p >= n) return incomplete;
          valueEnd = p;
        }
      }
      if (nameEnd - nameStart === 1) {
        const name = bytes[nameStart];
        if (name === 0x72) {
          this.rStart = valueStart;
          this.rEnd = valueEnd;
        } else if (name === 0x73) {
          this.sStart = valueStart;
          this.sEnd = valueEnd;
        } else if (name === 0x74) {
          this.tStart = valueStart;
          this.tEnd = valueEnd;
        }
      }
    }
    this.open(kind, bytes);
    if (selfClosing) this.close(kind);
    return p;
  }

  /** `</name>`; `</>` is nothing, `<//…>` a comment (the Tokenizer's reading). */
  private closingTag(bytes: Buffer, lt: number, final: boolean): number {
    const n = bytes.length;
    const incomplete = final ? n : -1;
    let p = lt + 2;
    while (p < n && isWhitespace(bytes[p]!)) p++;
    if (p >= n) return incomplete;
    if (bytes[p] === GT) return p + 1;
    if (bytes[p] === SLASH) return after(bytes, GT, p, incomplete);
    const nameStart = p;
    let local = p;
    for (; p < n; p++) {
      const b = bytes[p]!;
      if (b === GT || isWhitespace(b)) break;
      if (b === COLON && local === nameStart) local = p + 1;
    }
    const end = p < n && bytes[p] === GT ? p + 1 : after(bytes, GT, p, -1); // `</c>`: no call to search for it
    if (end < 0) return incomplete;
    this.close(elementKind(bytes, local, p));
    return end;
  }

  /** `<!-- … -->`, `<![CDATA[ … ]]>` (text, kept as written) or another `<!…>`. */
  private declaration(bytes: Buffer, lt: number, final: boolean): number {
    const n = bytes.length;
    const incomplete = final ? n : -1;
    if (lt + 3 >= n) return incomplete;
    if (bytes[lt + 2] === DASH) {
      if (bytes[lt + 3] !== DASH) return after(bytes, GT, lt + 4, incomplete);
      // Ends at the first `>` after two dashes, which may be the opening ones: `<!-->` is a whole comment.
      for (let gt = lt + 4; ; gt++) {
        gt = bytes.indexOf(GT, gt);
        if (gt < 0) return incomplete;
        if (bytes[gt - 1] === DASH && bytes[gt - 2] === DASH) return gt + 1;
      }
    }
    if (bytes[lt + 2] !== OPEN_BRACKET) return after(bytes, GT, lt + 3, incomplete);
    for (let i = 0; i < CDATA.length; i++) {
      const p = lt + 3 + i;
      if (p >= n) return incomplete;
      if (bytes[p] !== CDATA[i]) return after(bytes, GT, p, incomplete);
    }
    const textStart = lt + 3 + CDATA.length;
    for (let gt = textStart + 2; ; gt++) {
      gt = bytes.indexOf(GT, gt);
      if (gt < 0) return final || !(this.inValue || this.inText) ? incomplete : this.cdataPiece(bytes, textStart);
      if (bytes[gt - 1] === CLOSE_BRACKET && bytes[gt - 2] === CLOSE_BRACKET) {
        if ((this.inValue || this.inText) && gt - 2 > textStart) this.text(bytes.toString('utf8', textStart, gt - 2));
        return gt + 1;
      }
    }
  }

  /**
   * A kept text's CDATA section not closed in this chunk, from bytes[start]: its text so far is read, all but a
   * `]` or two that may begin its `]]>` and a character cut in two, which are carried (where this returns).
   */
  private cdataPiece(bytes: Buffer, start: number): number {
    let end = bytes.length;
    if (end > start && bytes[end - 1] === CLOSE_BRACKET) end--;
    if (end > start && bytes[end - 1] === CLOSE_BRACKET) end--;
    end = wholeCharactersEnd(bytes, start, end);
    if (end > start) this.text(bytes.toString('utf8', start, end));
    this.inCdata = true;
    return end;
  }

  /** The CDATA section carried from the chunk before, from bytes[0]: the position after its `]]>`, or cdataPiece's. */
  private cdataRest(bytes: Buffer, final: boolean): number {
    for (let gt = bytes.indexOf(GT, 2); gt >= 0; gt = bytes.indexOf(GT, gt + 1)) {
      if (bytes[gt - 1] === CLOSE_BRACKET && bytes[gt - 2] === CLOSE_BRACKET) {
        this.inCdata = false;
        if (gt - 2 > 0) this.text(bytes.toString('utf8', 0, gt - 2));
        return gt + 1;
      }
    }
    if (!final) return this.cdataPiece(bytes, 0);
    this.inCdata = false; // the part ends inside it: its cell is never complete
    return bytes.length;
  }

  private open(kind: number, bytes: Buffer): void {
    if (this.inInlineString) {
      if (kind === TEXT) this.inText = this.phoneticDepth === 0;
      else if (kind === PHONETIC_RUN) this.phoneticDepth++;
      return;
    }
    switch (kind) {
      case ROW:
        this.line++; // until its `r` says otherwise
        this.cells = [];
        this.nextColumn = 0;
        if (this.rStart >= 0) this.readRowNumber(bytes, this.rStart, this.rEnd);
        return;
      case CELL:
        if (this.cells === null) return;
        this.column = this.nextColumn; // until its `r` says otherwise
        this.type = undefined;
        this.style = 0;
        this.cellText = '';
        this.cellInteger = -1;
        this.cellChars = 0;
        this.inCell = true;
        if (this.rStart >= 0) this.readColumn(bytes, this.rStart, this.rEnd);
        if (this.sStart >= 0) this.readStyle(bytes, this.sStart, this.sEnd);
        if (this.tStart >= 0) this.readType(bytes, this.tStart, this.tEnd);
        return;
      case VALUE:
        this.inValue = this.inCell;
        return;
      case INLINE_STRING:
        if (this.inCell) this.inInlineString = true;
        return;
    }
  }

  private close(kind: number): void {
    if (this.inInlineString) {
      if (kind === TEXT) {
        this.inText = false;
      } else if (kind === PHONETIC_RUN) {
        this.phoneticDepth = Math.max(0, this.phoneticDepth - 1);
      } else if (kind === INLINE_STRING) {
        this.cellText = this.inlineText;
        this.cellInteger = -1;
        this.inlineText = '';
        this.inInlineString = this.inText = false;
        this.phoneticDepth = 0;
      }
      return;
    }
    switch (kind) {
      case VALUE:
        this.inValue = false;
        return;
      case CELL:
        if (this.inCell) this.endCell();
        return;
      case ROW:
        if (this.cells !== null && this.cells.length > 0) this.emit({ line: this.line, cells: this.cells });
        this.cells = null;
        return;
      case SHEET_DATA:
        this.sheetDataEnded = true; // merged cells, filters, page setup: nothing a row needs
        return;
    }
  }

  /** Kept text bytes[start, end): a `<v>` of plain digits is read as a number without making its text. */
  private characters(bytes: Buffer, start: number, end: number): void {
    if (this.inValue && this.cellInteger < 0 && this.cellText === '' && end - start <= 15) {
      const first = bytes[start]!;
      if (first >= 0x31 ? first <= 0x39 : first === 0x30 && end - start === 1) {
        let value = 0;
        let p = start;
        for (; p < end; p++) {
          const c = bytes[p]!;
          if (c < 0x30 || c > 0x39) break;
          value = value * 10 + (c - 0x30);
        }
        if (p === end) {
          this.cellInteger = value;
          this.cellChars += end - start;
          return;
        }
      }
    }
    this.text(xmlText(bytes, start, end));
  }

  private text(text: string): void {
    if (this.inValue) {
      if (this.cellInteger >= 0) {
        this.cellText = String(this.cellInteger);
        this.cellInteger = -1;
      }
      this.cellText += text;
    } else if (this.inText) {
      this.inlineText += text;
    } else {
      return;
    }
    // An unclosed `<v>` would otherwise gather the rest of the sheet as one value.
    this.cellChars += text.length;
    if (this.cellChars > this.context.maxCellChars) this.cellTooLong();
  }

  private endCell(): void {
    this.inCell = false;
    this.nextColumn = this.column + 1;
    const integer = this.cellInteger;
    let value: SheetCell;
    if (integer >= 0 && this.type === 's') {
      // Most cells of an export: the shared string, straight from the index's digits.
      const string = this.context.sharedStrings[integer];
      value = string === undefined ? this.cellOf(String(integer)) : string === '' ? null : string;
    } else if (integer >= 0 && (this.type === undefined || this.type === 'n') && (this.context.dateStyles[this.style] ?? DateStyle.None) === DateStyle.None) {
      value = integer;
    } else {
      value = this.cellOf(integer >= 0 ? String(integer) : this.cellText);
    }
    if (value === null) return;
    const cells = this.cells!;
    while (cells.length < this.column) cells.push(null);
    cells[this.column] = value;
  }

  private cellOf(text: string): SheetCell {
    try {
      return sheetCellOf(this.type, text, this.style, this.context);
    } catch (error) {
      if (error instanceof SharedStringTooLarge) this.cellTooLong();
      throw new Error(`${this.partName}: row ${this.line}: ${(error as Error).message}`);
    }
  }

  /** A row's `r`: its line when a whole number above 0, as Number() reads it. */
  private readRowNumber(bytes: Buffer, start: number, end: number): void {
    const line = digitsValue(bytes, start, end) ?? Number(xmlText(bytes, start, end));
    if (Number.isInteger(line) && line > 0) this.line = line;
  }

  /** `B3` → 1; a reference without letters (not one Excel writes) is taken as the next column. */
  private readColumn(bytes: Buffer, start: number, end: number): void {
    if (hasReference(bytes, start, end)) return this.readColumn(...decodedAttribute(bytes, start, end));
    let column = 0;
    let p = start;
    for (; p < end; p++) {
      const code = bytes[p]! | 0x20; // lower case; UTF-8 bytes of other letters stay above z
      if (code < 0x61 || code > 0x7a) break;
      column = column * 26 + (code - 0x60);
    }
    if (p === start) return;
    // A row as wide as the letters say is an array that long: XFD (16,384) is Excel's last column.
    if (column > MAX_COLUMNS) throw new Error(`${this.partName}: cell ${bytes.toString('utf8', start, end)} is beyond column XFD`);
    this.column = column - 1;
  }

  private readStyle(bytes: Buffer, start: number, end: number): void {
    this.style = digitsValue(bytes, start, end) ?? Number(xmlText(bytes, start, end));
  }

  /** ECMA-376 §18.18.11 ST_CellType, as the same strings xlsx-cell.ts compares against. */
  private readType(bytes: Buffer, start: number, end: number): void {
    const length = end - start;
    const first = bytes[start]!;
    let type: string | undefined;
    if (length === 1) type = oneLetterType(first);
    else if (length === 3 && first === 0x73 && bytes[start + 1] === 0x74 && bytes[start + 2] === 0x72) type = 'str';
    else if (length === INLINE_STR.length && bytes.compare(INLINE_STR, 0, length, start, end) === 0) type = 'inlineStr';
    this.type = type ?? xmlText(bytes, start, end);
  }

  /**
   * What is carried from chunk to chunk is a tag or a comment (a kept text is read as it comes, and held to the cell
   * limit as it grows; only a reference or a character cut in two is carried of it): 8 MiB of one is damage.
   */
  private runsOn(): never {
    throw new ZipFormatError(`${this.partName} is damaged (a tag runs on for more than ${MAX_PENDING_BYTES} bytes)`);
  }

  /** More characters than --max-field-size has bytes: more bytes too, each character being one at least. */
  private cellTooLong(): never {
    throw new CellTooLarge(this.line, this.column + 1, this.context.maxCellChars);
  }
}

/** A tag or comment still open after this many bytes: the part is damaged (as xlsx-xml-part.ts judges it). */
const MAX_PENDING_BYTES = 8 << 20;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const AMPERSAND = 0x26;
const HASH = 0x23;
const SEMICOLON = 0x3b;
const CDATA = Buffer.from('CDATA[');
const INLINE_STR = Buffer.from('inlineStr');
const SHEET_DATA_NAME = Buffer.from('sheetData');

/** A switch, not a table: a lookup in an object with number keys was a tenth of the scan. */
function oneLetterType(letter: number): string | undefined {
  switch (letter) {
    case 0x73:
      return 's';
    case 0x6e:
      return 'n';
    case 0x62:
      return 'b';
    case 0x65:
      return 'e';
    case 0x64:
      return 'd';
    default:
      return undefined;
  }
}

/** Element kinds by local name; OTHER for every element the scanner steps over. */
const OTHER = 0;
const ROW = 1;
const CELL = 2;
const VALUE = 3;
const INLINE_STRING = 4;
const TEXT = 5;
const PHONETIC_RUN = 6;
const SHEET_DATA = 7;

function elementKind(bytes: Buffer, start: number, end: number): number {
  const first = bytes[start];
  switch (end - start) {
    case 1:
      return first === 0x63 ? CELL : first === 0x76 ? VALUE : first === 0x74 ? TEXT : OTHER; // c, v, t
    case 2:
      return first === 0x69 && bytes[start + 1] === 0x73 ? INLINE_STRING : OTHER; // is
    case 3:
      if (first !== 0x72) return OTHER;
      if (bytes[start + 1] === 0x6f && bytes[start + 2] === 0x77) return ROW; // row
      return bytes[start + 1] === 0x50 && bytes[start + 2] === 0x68 ? PHONETIC_RUN : OTHER; // rPh
    case 9:
      return bytes.compare(SHEET_DATA_NAME, 0, 9, start, end) === 0 ? SHEET_DATA : OTHER;
    default:
      return OTHER;
  }
}

/** The Tokenizer's whitespace: space, LF, tab, form feed, CR. */
function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

/** The position after the first `byte` at or after `from`, or `missing`. */
function after(bytes: Buffer, byte: number, from: number, missing: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? missing : at + 1;
}

/**
 * Where the part of a text bytes[start, end) that runs on into the next chunk can be read now: before a character
 * cut in two, and before an `&` whose reference may end in the next chunk (`&am`, `&#12`). Read in two pieces, the
 * text is then what it is read whole: xmlText decides a reference by its bytes up to its `;`, and a reference never
 * holds an `&`, so only the last one can be undecided.
 */
export function certainTextEnd(bytes: Buffer, start: number, end: number): number {
  const certain = wholeCharactersEnd(bytes, start, end);
  // `&#x` and the most digits a reference has: an `&` further back is decided.
  for (let p = certain - 1; p >= start && p >= certain - 3 - MAX_REFERENCE_DIGITS; p--) {
    const b = bytes[p]!;
    if (b === AMPERSAND) return referenceMayGoOn(bytes, p, certain) ? p : certain;
    // A reference is `&` then `#`, `x`, digits or letters: anything else before the end decides the last one.
    if (!isAsciiAlphanumeric(b) && b !== HASH) break;
  }
  return certain;
}

/** end, or the start of a UTF-8 sequence cut short at end (its lead byte is among the last three). */
function wholeCharactersEnd(bytes: Buffer, start: number, end: number): number {
  for (let p = end - 1; p >= start && p >= end - 3; p--) {
    const b = bytes[p]!;
    if (b < 0x80) return end;
    if (b >= 0xc0) return end - p < (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) ? p : end;
  }
  return end;
}

/** The reference at bytes[amp] (an `&`) is decided by bytes after end, as xmlText's referenceAt reads one. */
function referenceMayGoOn(bytes: Buffer, amp: number, end: number): boolean {
  let p = amp + 1;
  if (p >= end) return true;
  if (bytes[p] === HASH) {
    p++;
    const hex = p < end && (bytes[p]! | 0x20) === 0x78;
    if (hex) p++;
    const digitsEnd = Math.min(end, p + MAX_REFERENCE_DIGITS);
    while (p < digitsEnd && (hex ? isHexDigit(bytes[p]!) : isDigit(bytes[p]!))) p++;
    return p === end; // digits up to the end: more, or the `;`, may follow
  }
  // A name: its `;` is looked for in the five bytes after the `&`.
  if (end - p >= 5) return false;
  for (; p < end; p++) if (bytes[p] === SEMICOLON) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  const lower = c | 0x20;
  return isDigit(c) || (lower >= 0x61 && lower <= 0x66);
}

function isAsciiAlphanumeric(c: number): boolean {
  const lower = c | 0x20;
  return isDigit(c) || (lower >= 0x61 && lower <= 0x7a);
}

/** An attribute value with a reference (`r="&#66;3"`, which no writer we know of writes), decoded, as bytes. */
function decodedAttribute(bytes: Buffer, start: number, end: number): [Buffer, number, number] {
  const decoded = Buffer.from(xmlText(bytes, start, end));
  return [decoded, 0, decoded.length];
}

/** 1 to 15 ASCII digits as their number (what Number() gives them); undefined for anything else. */
function digitsValue(bytes: Buffer, start: number, end: number): number | undefined {
  if (end <= start || end - start > 15) return undefined;
  let value = 0;
  for (let p = start; p < end; p++) {
    const c = bytes[p]!;
    if (c < 0x30 || c > 0x39) return undefined;
    value = value * 10 + (c - 0x30);
  }
  return value;
}
