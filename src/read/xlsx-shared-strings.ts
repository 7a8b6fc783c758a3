import { parseXmlPart } from './xlsx-xml-part.js';
import type { ZipDirectory, ZipEntry } from './zip-directory.js';

/**
 * The shared-strings table (`xl/sharedStrings.xml`): a `t="s"` cell holds an index into it. Each `<si>` is a plain
 * `<t>` or rich text, `<r><rPr/><t>…</t></r>` runs whose texts are joined. Japanese Excel adds each string's phonetic
 * reading, `<rPh sb="0" eb="2"><t>カンジ</t></rPh>`, which is not the text and is left out. Text is kept as written
 * (`xml:space="preserve"` spaces included); Excel's `_x000D_` escapes are decoded.
 *
 * A string longer than `maxChars` (`--max-field-size`) is not kept: its place holds undefined, and a cell that points
 * to it is refused with its row and column (xlsx-cell.ts). So the table never holds more than the limit per string,
 * and a string no cell of the sheet uses stops nothing.
 */
export async function readSharedStrings(zip: ZipDirectory, entry: ZipEntry, maxChars = Infinity): Promise<(string | undefined)[]> {
  const strings: (string | undefined)[] = [];
  for await (const batch of parseXmlPart<string | undefined>(zip, entry, (sink) => {
    const item = new StringItemText(maxChars);
    return {
      open: (name) => {
        item.open(name);
        return false;
      },
      attribute: () => {},
      text: (text) => item.text(text),
      close: (name) => {
        if (name !== 'si') return item.close(name);
        const tooLong = item.tooLong;
        const text = item.take();
        sink.emit(tooLong ? undefined : unescapeExcelText(text));
      },
    };
  })) {
    for (const text of batch) strings.push(text);
  }
  return strings;
}

/**
 * The text of one string item, a shared string's `<si>` or an inline string's `<is>`, fed its element events:
 * its `<t>` texts joined, those inside a phonetic run `<rPh>` left out.
 */
export class StringItemText {
  private collected = '';
  private inText = false;
  private phoneticDepth = 0;
  /** The text ran past maxChars: what came of it is let go, and no more is gathered. */
  private over = false;

  constructor(private readonly maxChars = Infinity) {}

  get tooLong(): boolean {
    return this.over;
  }

  open(local: string): void {
    if (local === 't') this.inText = this.phoneticDepth === 0;
    else if (local === 'rPh') this.phoneticDepth++;
  }

  close(local: string): void {
    if (local === 't') this.inText = false;
    else if (local === 'rPh') this.phoneticDepth = Math.max(0, this.phoneticDepth - 1);
  }

  text(text: string): void {
    if (!this.inText || this.over) return;
    this.collected += text;
    if (this.collected.length > this.maxChars) {
      this.over = true;
      this.collected = '';
    }
  }

  /** The item's text as written (`_x000D_` escapes still in), '' when tooLong; the next item starts empty. */
  take(): string {
    const text = this.collected;
    this.collected = '';
    this.inText = false;
    this.phoneticDepth = 0;
    this.over = false;
    return text;
  }
}

/**
 * Excel writes a character XML cannot hold (a carriage return, a control character) as `_xHHHH_`, its UTF-16 code
 * in hex, and a literal `_x` that would read as one as `_x005F_x` (ECMA-376 Part 1, §22.9.2.19 ST_Xstring).
 * Left to right, so `_x005F_x000D_` is the text `_x000D_`.
 */
export function unescapeExcelText(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
