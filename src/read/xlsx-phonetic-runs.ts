/**
 * Japanese Excel stores each string typed through an IME with its phonetic reading: `<si><t>漢字</t><rPh sb="0"
 * eb="2"><t>カンジ</t></rPh></si>`. exceljs's shared-strings parser starts the text anew at every `<t>`, so the
 * reading replaces the string (漢字 is read as カンジ). We turn each `<rPh>…</rPh>` into an XML comment of the same byte
 * length, which exceljs skips; the part keeps its size, so the zip header we wrote for it stays true.
 */
export class PhoneticRunBlanker {
  /** Bytes held back: an unfinished `<rPh>…</rPh>`, or a tail that may be the start of one. */
  private held = Buffer.alloc(0);

  /** The bytes that are now safe to pass on (as many as went in, give or take what is held). */
  push(chunk: Buffer): Buffer {
    const bytes = this.held.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.held, chunk]);
    let searchFrom = 0;
    for (;;) {
      const start = findRunStart(bytes, searchFrom);
      if (start < 0) {
        // Keep a tail as long as "<rPh" minus one: the next chunk may complete it.
        const safe = Math.max(searchFrom, bytes.length - (RUN_START.length - 1));
        this.held = bytes.subarray(safe);
        return bytes.subarray(0, safe);
      }
      const tagEnd = bytes.indexOf(GREATER_THAN, start);
      const end = tagEnd < 0 ? -1 : bytes.indexOf(RUN_END, tagEnd);
      if (tagEnd >= 0 && bytes[tagEnd - 1] === SLASH) {
        // An empty `<rPh …/>` holds no reading: harmless, and a later `</rPh>` belongs to another run.
        searchFrom = tagEnd + 1;
        continue;
      }
      if (end < 0) {
        this.held = bytes.subarray(start);
        return bytes.subarray(0, start);
      }
      blankAsComment(bytes, start, end + RUN_END.length);
      searchFrom = end + RUN_END.length;
    }
  }

  /** Whatever is still held (a part cut inside a run is passed on as it is; the XML parser will say it is damaged). */
  end(): Buffer {
    const rest = this.held;
    this.held = Buffer.alloc(0);
    return rest;
  }
}

const RUN_START = Buffer.from('<rPh');
const RUN_END = Buffer.from('</rPh>');
const SPACE = 0x20;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;

/** `<rPh` followed by a space or `>`, not some longer name that starts the same way. */
function findRunStart(bytes: Buffer, from: number): number {
  for (let at = bytes.indexOf(RUN_START, from); at >= 0; at = bytes.indexOf(RUN_START, at + 1)) {
    const next = bytes[at + RUN_START.length];
    if (next === undefined) return at;
    if (next === SPACE || next === GREATER_THAN) return at;
  }
  return -1;
}

/** `<!--` + spaces + `-->`, in place. A run is never shorter than `<rPh></rPh>` (11 bytes), more than a comment needs. */
function blankAsComment(bytes: Buffer, start: number, end: number): void {
  bytes.fill(SPACE, start, end);
  bytes.write('<!--', start, 'latin1');
  bytes.write('-->', end - 3, 'latin1');
}
