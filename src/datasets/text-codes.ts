/**
 * A text column kept as codes: one small integer per row, each distinct value decoded once (issue: a million rows
 * with 50 agents cost a few MB, not a million strings). Code 0 is the empty cell; `values[code]` is the text.
 *
 * CSV cells are looked up by their raw bytes in an open-addressing hash table — no string per row; workbook cells by
 * their text. Values that normalise to one text (`E-mail`, `Email`) share one code.
 */
export class TextCodes {
  /** values[0] = '' (empty). */
  readonly values: string[] = [''];
  private readonly codeOfValue = new Map<string, number>([['', 0]]);
  private table = new Int32Array(1024).fill(-1);
  private mask = 1023;
  /** Per raw entry: where its bytes sit in `pool`, how long, and the code it decoded to. */
  private entryStart = new Int32Array(256);
  private entryLength = new Int32Array(256);
  private entryCode = new Int32Array(256);
  private entries = 0;
  private pool = Buffer.allocUnsafe(4096);
  private poolUsed = 0;

  constructor(private readonly normalise: (text: string) => string = (t) => t.trim()) {}

  /** Codes of workbook cell texts as written, so each distinct text is normalised once. */
  private readonly codeOfWritten = new Map<string, number>();

  /** The code of a workbook cell's text: looked up as written, normalised only the first time. */
  codeOfCellText(text: string): number {
    let code = this.codeOfWritten.get(text);
    if (code === undefined) {
      code = this.codeOfText(text);
      this.codeOfWritten.set(text, code);
    }
    return code;
  }

  /** The code of a value given as text (its normalised form). */
  codeOfText(text: string): number {
    const value = this.normalise(text);
    let code = this.codeOfValue.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codeOfValue.set(value, code);
    }
    return code;
  }

  /** Where the last lookBytes miss would go, so addBytes does not hash again. */
  private missSlot = -1;

  /**
   * The code of bytes [start, end), or -1 when they have not been seen: then decode them and call addBytes with the
   * same bytes and their text. Two steps so the hot path allocates nothing (no closure per row).
   */
  lookBytes(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry < 0) break;
      if (this.entryLength[entry] === length && this.sameBytes(entry, bytes, start, length)) return this.entryCode[entry]!;
      slot = (slot + 1) & this.mask;
    }
    this.missSlot = slot;
    return -1;
  }

  /** Records bytes just missed by lookBytes under the code of their text; returns that code. */
  addBytes(bytes: Uint8Array, start: number, end: number, text: string): number {
    const code = this.codeOfText(text);
    this.addEntry(this.missSlot, bytes, start, end - start, code);
    return code;
  }

  private sameBytes(entry: number, bytes: Uint8Array, start: number, length: number): boolean {
    const at = this.entryStart[entry]!;
    const pool = this.pool;
    for (let i = 0; i < length; i++) if (pool[at + i] !== bytes[start + i]) return false;
    return true;
  }

  private addEntry(slot: number, bytes: Uint8Array, start: number, length: number, code: number): void {
    if (this.entries === this.entryStart.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.entryStart = grow(this.entryStart);
      this.entryLength = grow(this.entryLength);
      this.entryCode = grow(this.entryCode);
    }
    if (this.poolUsed + length > this.pool.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.pool.length * 2, this.poolUsed + length));
      this.pool.copy(grown, 0, 0, this.poolUsed);
      this.pool = grown;
    }
    this.pool.set(bytes.subarray(start, start + length), this.poolUsed);
    const entry = this.entries++;
    this.entryStart[entry] = this.poolUsed;
    this.entryLength[entry] = length;
    this.entryCode[entry] = code;
    this.poolUsed += length;
    this.table[slot] = entry;
    if (this.entries * 2 > this.table.length) this.rehash();
  }

  private rehash(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let entry = 0; entry < this.entries; entry++) {
      let hash = 0x811c9dc5;
      const at = this.entryStart[entry]!;
      for (let i = 0; i < this.entryLength[entry]!; i++) hash = Math.imul(hash ^ this.pool[at + i]!, 0x01000193);
      let slot = hash & this.mask;
      while (this.table[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = entry;
    }
  }
}

/**
 * A text column of a data set: a code per row and the texts the codes stand for (values[0] = '' = empty). Codes are
 * 16-bit while the column has fewer than 65,536 distinct values, else 32-bit.
 */
export interface TextColumn {
  codes: Uint16Array | Uint32Array;
  values: string[];
}

/** Re-codes parts' text columns into one: the same text gets the same code in the merged column. */
export function mergeTextColumns(parts: readonly TextColumn[], total: number): TextColumn {
  if (parts.length === 1) return parts[0]!;
  const values = [''];
  const codeOf = new Map<string, number>([['', 0]]);
  const remaps = parts.map((part) =>
    Uint32Array.from(part.values, (value) => {
      let merged = codeOf.get(value);
      if (merged === undefined) {
        merged = values.length;
        values.push(value);
        codeOf.set(value, merged);
      }
      return merged;
    }),
  );
  const codes = values.length <= 0x10000 ? new Uint16Array(total) : new Uint32Array(total);
  let offset = 0;
  for (const [k, part] of parts.entries()) {
    const remap = remaps[k]!;
    // The first part's codes keep their numbers (its values come first, in order): copied, not re-coded one by one.
    if (remap.every((merged, code) => merged === code)) codes.set(part.codes, offset);
    else for (let i = 0; i < part.codes.length; i++) codes[offset + i] = remap[part.codes[i]!]!;
    offset += part.codes.length;
  }
  return { codes, values };
}
